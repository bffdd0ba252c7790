import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runSqlFile } from './limit.js';
import type { ProcessMeasure } from './psql.js';
import { repairText } from './repair-text.js';

/**
 * A minimal hand-written, set-based SQL building the same star from the same staged rows (PostgreSQL only:
 * DISTINCT ON, temp tables): one pass per table into empty tables, the songs' candidate rows computed once, no
 * incremental sync (delete/update), no Redshift-portable shapes. The floor our transform is compared with; the
 * same keys, filters and match rule, so it must give the same row counts. Text is repaired (our mojibake repair,
 * as one SQL function) only where it decides a count: the title and artist name a play is matched on.
 */
export const minimalStarSql = (): string => `
create function pg_temp.repair(v text) returns text language sql immutable as $$ select ${repairText()} $$;

create temp table song_rows on commit drop as
select distinct on (song_id)
  song_id, artist_id, coalesce(pg_temp.repair(title), '') as title, coalesce(pg_temp.repair(artist_name), '') as artist_name,
  nullif(artist_location, '') as artist_location, artist_latitude, artist_longitude,
  nullif(year, 0) as year, duration
from staging_songs
where song_id is not null and artist_id is not null
order by song_id, artist_id, title, duration, year, artist_name, artist_location;

insert into songs (song_id, title, artist_id, year, duration)
select song_id, title, artist_id, year, duration from song_rows;

insert into artists (artist_id, name, location, latitude, longitude)
select distinct on (artist_id) artist_id, artist_name, artist_location, artist_latitude, artist_longitude
from song_rows
order by artist_id, artist_location is null, song_id;

insert into users (user_id, first_name, last_name, gender, level, last_seen)
select distinct on (user_id::integer)
  user_id::integer, first_name, last_name, gender, level, to_timestamp(ts / 1000.0) at time zone 'UTC'
from staging_events
where user_id is not null and ts is not null
order by user_id::integer, ts desc, session_id desc, item_in_session desc;

insert into songplays (start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, item_in_session)
select start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, item_in_session
from (
  select distinct on (e.session_id, e.item_in_session)
    to_timestamp(e.ts / 1000.0) at time zone 'UTC' as start_time, e.user_id::integer as user_id, e.level,
    c.song_id, c.artist_id, e.session_id, e.location, e.user_agent, e.item_in_session
  from staging_events e
  left join song_rows c on c.title = pg_temp.repair(e.song) and c.artist_name = pg_temp.repair(e.artist)
  where e.page = 'NextSong' and e.user_id is not null
  order by e.session_id, e.item_in_session, c.duration is null, abs(c.duration - e.length), c.song_id, e.ts desc
) plays
order by start_time, session_id, item_in_session;

insert into time (start_time, hour, day, week, month, year, weekday)
select start_time, extract(hour from start_time), extract(day from start_time), extract(week from start_time),
  extract(month from start_time), extract(year from start_time), extract(dow from start_time)
from (select distinct start_time from songplays) t;
`;

/** Runs the minimal SQL through psql in one transaction (as ours runs), on tables holding only staged rows. */
export async function runMinimalSql(url: string, workDir: string): Promise<ProcessMeasure> {
  const file = join(workDir, 'minimal-star.sql');
  await writeFile(file, minimalStarSql());
  return runSqlFile(url, file);
}
