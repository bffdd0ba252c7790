/**
 * The star tables' contents as queries over the staging tables (and, for time, over songplays). Each sync
 * compares its table with one of these and inserts, updates or deletes the difference, so the result depends
 * only on what is staged, never on the order files were loaded in.
 */
import type { Database } from '@sparkify/schema';
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { repairSql } from '../text/repair-sql.js';
import { epochMsToTimestamp, nullsLast, sameText } from './sql-helpers.js';

/** Text repair as SQL; replaceable so golden tests can show the statements with the repair folded. */
export type RepairSql = (value: Expression<string | null>) => RawBuilder<string | null>;

/** The session-local table holding `songRows` once per run: songs, artists and the song match all read it. */
export const songRowsTable = 'sparkify_song_rows';

export interface SongRow {
  song_id: string;
  artist_id: string;
  title: string;
  artist_name: string;
  artist_location: string | null;
  artist_latitude: number | null;
  artist_longitude: number | null;
  year: number | null;
  duration: number | null;
}

/**
 * Where sources read from: `staged` qualifies every table with the warehouse's schema; `local` qualifies nothing,
 * for the session's temporary tables (PostgreSQL and Redshift refuse a schema on them). A query built on `staged`
 * keeps its schema when it is nested in one built on `local`.
 */
export interface SourceDbs {
  readonly staged: Kysely<Database>;
  readonly local: Kysely<{ [songRowsTable]: SongRow }>;
  readonly repair?: RepairSql;
}

/**
 * One row per song_id from staging_songs, text repaired, `year` 0 (unknown) as NULL. If a song_id was staged
 * more than once, the row first in (artist_id, title, duration, year, artist_name, artist_location) order wins.
 */
export function songRows({ staged: db, repair = repairSql }: SourceDbs) {
  return db
    .selectFrom(
      db
        .selectFrom('staging_songs as ss')
        .where('ss.song_id', 'is not', null)
        .where('ss.artist_id', 'is not', null)
        .select((eb) => [
          sql<string>`${eb.ref('ss.song_id')}`.as('song_id'),
          sql<string>`${eb.ref('ss.artist_id')}`.as('artist_id'),
          sql<string>`coalesce(${repair(eb.ref('ss.title'))}, '')`.as('title'),
          sql<string>`coalesce(${repair(eb.ref('ss.artist_name'))}, '')`.as('artist_name'),
          sql<string | null>`nullif(${repair(eb.ref('ss.artist_location'))}, '')`.as('artist_location'),
          'ss.artist_latitude',
          'ss.artist_longitude',
          sql<number | null>`nullif(${eb.ref('ss.year')}, 0)`.as('year'),
          'ss.duration',
          sql<number>`row_number() over (partition by ${eb.ref('ss.song_id')} order by ${sql.join([
            eb.ref('ss.artist_id'),
            eb.ref('ss.title'),
            eb.ref('ss.duration'),
            eb.ref('ss.year'),
            eb.ref('ss.artist_name'),
            eb.ref('ss.artist_location'),
          ])})`.as('pick'),
        ])
        .as('ranked_songs'),
    )
    .where('ranked_songs.pick', '=', sql.lit(1))
    .select([
      'ranked_songs.song_id',
      'ranked_songs.artist_id',
      'ranked_songs.title',
      'ranked_songs.artist_name',
      'ranked_songs.artist_location',
      'ranked_songs.artist_latitude',
      'ranked_songs.artist_longitude',
      'ranked_songs.year',
      'ranked_songs.duration',
    ]);
}

/** The songs table's rows. */
export function songsSource({ local }: SourceDbs) {
  return local.selectFrom(`${songRowsTable} as sr`).select(['sr.song_id', 'sr.title', 'sr.artist_id', 'sr.year', 'sr.duration']);
}

/**
 * One row per artist_id. Songs may disagree about an artist, so:
 * - name: the non-empty name on the most songs; ties → the name whose first song_id is lowest;
 * - place (location, latitude, longitude together, from ONE song row): rows with a location first, then the
 *   location on the most songs, then rows that have both coordinates, then the lowest song_id.
 * Computed with window functions over one pass (no self-join), which both planners handle well.
 */
export function artistsSource({ local: db }: SourceDbs) {
  const counted = db
    .selectFrom(`${songRowsTable} as sr`)
    .select((eb) => [
      'sr.artist_id',
      'sr.song_id',
      'sr.artist_name',
      'sr.artist_location',
      'sr.artist_latitude',
      'sr.artist_longitude',
      sql<number>`count(*) over (partition by ${eb.ref('sr.artist_id')}, ${eb.ref('sr.artist_name')})`.as('name_songs'),
      sql<string>`min(${eb.ref('sr.song_id')}) over (partition by ${eb.ref('sr.artist_id')}, ${eb.ref('sr.artist_name')})`.as(
        'name_first_song',
      ),
      sql<number>`count(*) over (partition by ${eb.ref('sr.artist_id')}, ${eb.ref('sr.artist_location')})`.as('place_songs'),
    ]);
  const ranked = db.selectFrom(counted.as('c')).select((eb) => [
    'c.artist_id',
    'c.artist_location',
    'c.artist_latitude',
    'c.artist_longitude',
    sql<string>`first_value(${eb.ref('c.artist_name')}) over (partition by ${eb.ref('c.artist_id')} order by ${sql.join([
      sql`case when length(${eb.ref('c.artist_name')}) = 0 then 1 else 0 end`, // exact: '  ' is not empty (audit D3)
      sql`${eb.ref('c.name_songs')} desc`,
      eb.ref('c.name_first_song'),
    ])} rows between unbounded preceding and unbounded following)`.as('name'),
    sql<number>`row_number() over (partition by ${eb.ref('c.artist_id')} order by ${sql.join([
      nullsLast(eb.ref('c.artist_location')),
      sql`${eb.ref('c.place_songs')} desc`,
      sql`case when ${eb.ref('c.artist_latitude')} is null or ${eb.ref('c.artist_longitude')} is null then 1 else 0 end`,
      eb.ref('c.song_id'),
    ])})`.as('pick'),
  ]);
  return db
    .selectFrom(ranked.as('ranked_artists'))
    .where('ranked_artists.pick', '=', sql.lit(1))
    .select([
      'ranked_artists.artist_id',
      'ranked_artists.name',
      'ranked_artists.artist_location as location',
      'ranked_artists.artist_latitude as latitude',
      'ranked_artists.artist_longitude as longitude',
    ]);
}

/**
 * One row per user_id seen in the log (any page), with name, gender and level of the user's latest event:
 * greatest ts; equal ts → greatest session_id, then greatest item_in_session. last_seen = that event's time.
 */
export function usersSource({ staged: db, repair = repairSql }: SourceDbs) {
  return db
    .selectFrom(
      db
        .selectFrom('staging_events as se')
        .where('se.user_id', 'is not', null)
        .where('se.ts', 'is not', null)
        .select((eb) => [
          sql<number>`${eb.ref('se.user_id')}`.as('user_id'),
          'se.first_name',
          'se.last_name',
          'se.gender',
          sql<string>`${eb.ref('se.level')}`.as('level'),
          epochMsToTimestamp(eb.ref('se.ts')).as('last_seen'),
          sql<number>`row_number() over (partition by ${eb.ref('se.user_id')} order by ${sql.join([
            sql`${eb.ref('se.ts')} desc`,
            sql`${eb.ref('se.session_id')} desc`,
            sql`${eb.ref('se.item_in_session')} desc`,
          ])})`.as('pick'),
        ])
        .as('ranked_events'),
    )
    .where('ranked_events.pick', '=', sql.lit(1))
    .select((eb) => [
      'ranked_events.user_id',
      // Repaired after the pick: once per user, not once per event.
      repair(eb.ref('ranked_events.first_name')).as('first_name'),
      repair(eb.ref('ranked_events.last_name')).as('last_name'),
      'ranked_events.gender',
      'ranked_events.level',
      'ranked_events.last_seen',
    ]);
}

/**
 * One row per NextSong event (natural key session_id, item_in_session). The song is matched by repaired title
 * AND repaired artist name; among several candidates the duration closest to the event's length wins, then the
 * lowest song_id. Unmatched plays keep NULL song_id/artist_id. A key staged twice keeps one row.
 */
export function songplaysSource({ staged, local: db, repair = repairSql }: SourceDbs) {
  const events = staged
    .selectFrom('staging_events as se')
    .where('se.page', '=', sql.lit('NextSong'))
    .where('se.user_id', 'is not', null)
    .select((eb) => [
      epochMsToTimestamp(eb.ref('se.ts')).as('start_time'),
      'se.ts',
      sql<number>`${eb.ref('se.user_id')}`.as('user_id'),
      sql<string>`${eb.ref('se.level')}`.as('level'),
      sql<number>`${eb.ref('se.session_id')}`.as('session_id'),
      sql<number>`${eb.ref('se.item_in_session')}`.as('item_in_session'),
      repair(eb.ref('se.location')).as('location'),
      'se.user_agent',
      'se.length',
      repair(eb.ref('se.song')).as('song'),
      repair(eb.ref('se.artist')).as('artist'),
    ]);
  const candidates = db.selectFrom(`${songRowsTable} as sr`).selectAll('sr');

  return db
    .selectFrom(
      db
        .selectFrom(events.as('e'))
        .leftJoin(candidates.as('c'), (join) =>
          join.on((eb) => eb.and([sameText(eb.ref('c.title'), eb.ref('e.song')), sameText(eb.ref('c.artist_name'), eb.ref('e.artist'))])),
        )
        .select((eb) => [
          'e.start_time',
          'e.user_id',
          'e.level',
          'c.song_id',
          'c.artist_id',
          'e.session_id',
          'e.location',
          'e.user_agent',
          'e.item_in_session',
          sql<number>`row_number() over (partition by ${eb.ref('e.session_id')}, ${eb.ref('e.item_in_session')} order by ${sql.join([
            nullsLast(eb.ref('c.duration')),
            sql`abs(${eb.ref('c.duration')} - ${eb.ref('e.length')})`,
            eb.ref('c.song_id'),
            sql`${eb.ref('e.ts')} desc`,
            eb.ref('e.user_id'),
            eb.ref('e.level'),
            eb.ref('e.location'),
            eb.ref('e.user_agent'),
          ])})`.as('pick'),
        ])
        .as('matched_plays'),
    )
    .where('matched_plays.pick', '=', sql.lit(1))
    .select([
      'matched_plays.start_time',
      'matched_plays.user_id',
      'matched_plays.level',
      'matched_plays.song_id',
      'matched_plays.artist_id',
      'matched_plays.session_id',
      'matched_plays.location',
      'matched_plays.user_agent',
      'matched_plays.item_in_session',
    ]);
}

/** One row per distinct songplays.start_time; week is the ISO week, weekday 0 = Sunday. */
export function timeSource({ staged: db }: SourceDbs) {
  const part = (field: string, ref: unknown) => sql<number>`cast(extract(${sql.raw(field)} from ${ref}) as smallint)`;
  return db
    .selectFrom(db.selectFrom('songplays as sp').select('sp.start_time').distinct().as('play_times'))
    .select((eb) => [
      'play_times.start_time',
      part('hour', eb.ref('play_times.start_time')).as('hour'),
      part('day', eb.ref('play_times.start_time')).as('day'),
      part('week', eb.ref('play_times.start_time')).as('week'),
      part('month', eb.ref('play_times.start_time')).as('month'),
      part('year', eb.ref('play_times.start_time')).as('year'),
      part('dow', eb.ref('play_times.start_time')).as('weekday'),
    ]);
}
