import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { repairText } from './repair-text.js';
import { starCountsSql, type StarCounts } from './star-counts.js';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The columns COPY takes from a log line (log_json_path.json) and from a song file, typed as our staging tables. */
const EVENT_COLUMNS = {
  artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR', itemInSession: 'INTEGER',
  lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR', location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR',
  registration: 'DOUBLE', sessionId: 'INTEGER', song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT', userAgent: 'VARCHAR',
  userId: 'VARCHAR',
};
const SONG_COLUMNS = {
  num_songs: 'INTEGER', artist_id: 'VARCHAR', artist_latitude: 'DOUBLE', artist_longitude: 'DOUBLE',
  artist_location: 'VARCHAR', artist_name: 'VARCHAR', song_id: 'VARCHAR', title: 'VARCHAR', duration: 'DOUBLE', year: 'INTEGER',
};
const struct = (columns: Record<string, string>) => `{${Object.entries(columns).map(([k, t]) => `${k}: ${quote(t)}`).join(', ')}}`;

/**
 * What a user might pick instead of us: DuckDB reading the same JSON files and building the same star in memory,
 * tuned as the issue describes (without the two settings it ran out of memory at 18.8 GB on the 1M set). The
 * same keys, filters, match rule and text repair (on the match keys) as the minimal SQL, in DuckDB's dialect.
 */
export function duckdbStatements(dataDir: string): string[] {
  const read = (glob: string, columns: Record<string, string>) =>
    `read_json(${quote(join(dataDir, glob))}, format = 'newline_delimited', columns = ${struct(columns)}, ignore_errors = true)`;
  return [
    `set preserve_insertion_order = false`,
    `set memory_limit = '6GB'`,
    `create macro repair(v) as ${repairText()}`,
    `create table staging_events as select * from ${read('log_data/**/*.json', EVENT_COLUMNS)}`,
    `create table staging_songs as select * from ${read('song_data/**/*.json', SONG_COLUMNS)}`,
    `create table song_rows as
     select distinct on (song_id)
       song_id, artist_id, coalesce(repair(title), '') as title, coalesce(repair(artist_name), '') as artist_name,
       nullif(artist_location, '') as artist_location, artist_latitude, artist_longitude, nullif(year, 0) as year, duration
     from staging_songs
     where song_id is not null and artist_id is not null
     order by song_id, artist_id, title, duration, year, artist_name, artist_location`,
    `create table songs as select song_id, title, artist_id, year, duration from song_rows`,
    `create table artists as
     select distinct on (artist_id) artist_id, artist_name as name, artist_location as location, artist_latitude as latitude, artist_longitude as longitude
     from song_rows order by artist_id, artist_location is null, song_id`,
    `create table users as
     select distinct on (cast(userId as integer))
       cast(userId as integer) as user_id, firstName as first_name, lastName as last_name, gender, level, epoch_ms(ts) as last_seen
     from staging_events
     where userId is not null and userId <> '' and ts is not null
     order by cast(userId as integer), ts desc, sessionId desc, itemInSession desc`,
    `create table songplays as
     select row_number() over (order by start_time, session_id, item_in_session) as songplay_id, *
     from (
       select distinct on (e.sessionId, e.itemInSession)
         epoch_ms(e.ts) as start_time, cast(e.userId as integer) as user_id, e.level, c.song_id, c.artist_id,
         e.sessionId as session_id, e.location, e.userAgent as user_agent, e.itemInSession as item_in_session
       from staging_events e
       left join song_rows c on c.title = repair(e.song) and c.artist_name = repair(e.artist)
       where e.page = 'NextSong' and e.userId is not null and e.userId <> ''
       order by e.sessionId, e.itemInSession, c.duration is null, abs(c.duration - e.length), c.song_id, e.ts desc
     ) plays`,
    `create table time as
     select start_time, hour(start_time) as hour, day(start_time) as day, week(start_time) as week,
       month(start_time) as month, year(start_time) as year, dayofweek(start_time) as weekday
     from (select distinct start_time from songplays)`,
  ];
}

/** Runs the DuckDB baseline in this process (in memory) and returns the star's row counts. */
export async function duckdbStar(dataDir: string): Promise<StarCounts> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of duckdbStatements(dataDir)) await connection.run(statement);
    const reader = await connection.runAndReadAll(starCountsSql);
    const [row] = reader.getRowObjects();
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as StarCounts;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
