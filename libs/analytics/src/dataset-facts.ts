import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';

export interface DatasetFacts {
  readonly plays: number;
  readonly users: number;
  /** Users with at least one play. */
  readonly activeUsers: number;
  readonly songs: number;
  readonly artists: number;
  /** `YYYY-MM-DD HH:MM` (UTC) of the first and last play; null without plays. */
  readonly firstPlay: string | null;
  readonly lastPlay: string | null;
  /** Files recorded in the load ledger, their total size, and when the latest was staged (UTC). */
  readonly filesLoaded: number;
  readonly bytesLoaded: number;
  readonly lastLoadedAt: string | null;
}

// to_char formats in the database, so no driver turns a zone-less TIMESTAMP into the client's local time.
const minuteOf = (aggregate: 'min' | 'max', column: string) =>
  sql<string | null>`to_char(${sql.raw(aggregate)}(${sql.ref(column)}), 'YYYY-MM-DD HH24:MI')`;

export function playFactsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays')
    .select((eb) => [
      eb.fn.countAll().as('plays'),
      eb.fn.count('user_id').distinct().as('active_users'),
      minuteOf('min', 'start_time').as('first_play'),
      minuteOf('max', 'start_time').as('last_play'),
    ]);
}

export function ledgerFactsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('load_ledger')
    .select((eb) => [
      eb.fn.countAll().as('files'),
      eb.fn.sum('bytes').as('bytes'),
      minuteOf('max', 'loaded_at').as('last_loaded_at'),
    ]);
}

export function rowCountQuery(db: Kysely<Database>, table: 'users' | 'songs' | 'artists') {
  return db.selectFrom(table).select((eb) => eb.fn.countAll().as('rows'));
}

/** The report header: how big the warehouse is and which period it covers. */
export async function datasetFacts(db: Kysely<Database>): Promise<DatasetFacts> {
  // One after another, never Promise.all: a failed query must not leave siblings running on a connection that is
  // about to close (postgres.js then waits out its end() timeout), and a Warehouse may be a single connection.
  const plays = await playFactsQuery(db).executeTakeFirstOrThrow();
  const ledger = await ledgerFactsQuery(db).executeTakeFirstOrThrow();
  const users = await rowCountQuery(db, 'users').executeTakeFirstOrThrow();
  const songs = await rowCountQuery(db, 'songs').executeTakeFirstOrThrow();
  const artists = await rowCountQuery(db, 'artists').executeTakeFirstOrThrow();
  return {
    plays: toNumber(plays.plays),
    users: toNumber(users.rows),
    activeUsers: toNumber(plays.active_users),
    songs: toNumber(songs.rows),
    artists: toNumber(artists.rows),
    firstPlay: plays.first_play,
    lastPlay: plays.last_play,
    filesLoaded: toNumber(ledger.files),
    bytesLoaded: toNumber(ledger.bytes),
    lastLoadedAt: ledger.last_loaded_at,
  };
}
