import type { Database } from '@sparkify/schema';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

type Db = Kysely<Database>;
// Failing-row queries differ in shape; the runner only counts and samples them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FailingRows = SelectQueryBuilder<Database, any, Record<string, unknown>>;

/** A dbt-style data test: a query that returns the rows breaking a rule (none when the rule holds). */
export interface Check {
  /** e.g. `unique_songplays_songplay_id`, `relationships_songplays_user_id__users`. */
  readonly name: string;
  readonly description: string;
  readonly failing: (db: Db) => FailingRows;
}

type KeyedTable = 'songplays' | 'users' | 'songs' | 'artists' | 'time';

const unique = <T extends KeyedTable>(table: T, columns: readonly (keyof Database[T] & string)[]): Check => ({
  name: `unique_${table}_${columns.join('_')}`,
  description: `${table}.(${columns.join(', ')}) is unique`,
  failing: (db) =>
    (db.selectFrom(table) as unknown as SelectQueryBuilder<Database, KeyedTable, object>)
      .select([...columns.map((c) => sql.ref(c).as(c)), sql<string>`count(*)`.as('copies')])
      .groupBy(columns.map((c) => sql.ref(c)))
      .having(sql<boolean>`count(*) > 1`) as FailingRows,
});

const notNull = <T extends KeyedTable>(table: T, column: keyof Database[T] & string): Check => ({
  name: `not_null_${table}_${column}`,
  description: `${table}.${column} is never NULL`,
  failing: (db) =>
    (db.selectFrom(table) as unknown as SelectQueryBuilder<Database, KeyedTable, object>)
      .selectAll()
      .where(sql.ref(column), 'is', null) as FailingRows,
});

/** Every non-NULL songplays.<column> has a row in <parent>. */
const relationship = (
  column: 'user_id' | 'song_id' | 'artist_id' | 'start_time',
  parent: 'users' | 'songs' | 'artists' | 'time',
): Check => ({
  name: `relationships_songplays_${column}__${parent}`,
  description: `every non-NULL songplays.${column} is in ${parent}`,
  failing: (db) =>
    db
      .selectFrom('songplays as sp')
      // One literal type for the union of parents: the columns are referenced through sql.ref.
      .leftJoin(`${parent as 'users'} as p`, (join) => join.on(sql.ref(`p.${column}`), '=', sql.ref(`sp.${column}`)))
      .select(['sp.songplay_id', 'sp.session_id', 'sp.item_in_session', sql.ref(`sp.${column}`).as(column)])
      .where(sql.ref(`sp.${column}`), 'is not', null)
      .where(sql.ref(`p.${column}`), 'is', null) as FailingRows,
});

const acceptedLevels = (table: 'songplays' | 'users'): Check => ({
  name: `accepted_values_${table}_level`,
  description: `${table}.level is 'free' or 'paid'`,
  failing: (db) =>
    (db.selectFrom(table) as unknown as SelectQueryBuilder<Database, 'users', Database['users']>)
      .select(['user_id', 'level'])
      .where((eb) => eb.or([eb('level', 'is', null), eb('level', 'not in', [sql.lit('free'), sql.lit('paid')])])) as FailingRows,
});

/**
 * One play per staged NextSong key, as the transform's rules say: events sharing (session_id, item_in_session)
 * (the same event in two files, or two events given one key) are one play; events no play can hold were set aside
 * into load_errors by the transform, so what is staged is exactly what the rules keep.
 */
const playsMatchEvents: Check = {
  name: 'row_count_songplays__staged_next_song_keys',
  description: 'songplays has one row per distinct (session_id, item_in_session) of the staged NextSong events',
  failing: (db) =>
    db
      .selectFrom(
        db
          .selectNoFrom([
            db.selectFrom('songplays').select(sql<string>`count(*)`.as('n')).as('songplays'),
            db
              .selectFrom(
                db
                  .selectFrom('staging_events')
                  .where('page', '=', sql.lit('NextSong'))
                  .select(['session_id', 'item_in_session'])
                  .distinct()
                  .as('next_song_keys'),
              )
              .select(sql<string>`count(*)`.as('n'))
              .as('next_song_keys'),
          ])
          .as('counts'),
      )
      .selectAll()
      .where(sql<boolean>`counts.songplays <> counts.next_song_keys`) as FailingRows,
};

/** The data tests run by `runChecks`, in order. */
export const checks: readonly Check[] = [
  unique('songplays', ['songplay_id']),
  notNull('songplays', 'songplay_id'),
  unique('songplays', ['session_id', 'item_in_session']),
  notNull('songplays', 'start_time'),
  notNull('songplays', 'user_id'),
  unique('users', ['user_id']),
  notNull('users', 'user_id'),
  unique('songs', ['song_id']),
  notNull('songs', 'song_id'),
  unique('artists', ['artist_id']),
  notNull('artists', 'artist_id'),
  unique('time', ['start_time']),
  notNull('time', 'start_time'),
  relationship('user_id', 'users'),
  relationship('song_id', 'songs'),
  relationship('artist_id', 'artists'),
  relationship('start_time', 'time'),
  acceptedLevels('songplays'),
  acceptedLevels('users'),
  playsMatchEvents,
];
