import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { share, toNumber } from './numbers.js';

export interface Coverage {
  readonly plays: number;
  /** Plays whose song was matched in the song metadata (song_id not null). */
  readonly withSong: number;
  /** Plays whose artist was matched (artist_id not null). */
  readonly withArtist: number;
  /** Plays by a user present in `users`. */
  readonly withUser: number;
  /** Plays whose start_time is in the `time` dimension. */
  readonly withTime: number;
  /** withSong / plays (0 when there are no plays). */
  readonly songShare: number;
  readonly artistShare: number;
}

// count(column) counts non-null values: the portable way to count a subset without FILTER (absent on Redshift).
export function coverageQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays as sp')
    .leftJoin('users as u', 'u.user_id', 'sp.user_id')
    .leftJoin('time as t', 't.start_time', 'sp.start_time')
    .select((eb) => [
      eb.fn.countAll().as('plays'),
      eb.fn.count('sp.song_id').as('with_song'),
      eb.fn.count('sp.artist_id').as('with_artist'),
      eb.fn.count('u.user_id').as('with_user'),
      eb.fn.count('t.start_time').as('with_time'),
    ]);
}

/** The data-coverage panel: how much of the fact table the dimensions explain. */
export async function coverage(db: Kysely<Database>): Promise<Coverage> {
  const row = await coverageQuery(db).executeTakeFirstOrThrow();
  const plays = toNumber(row.plays);
  const withSong = toNumber(row.with_song);
  const withArtist = toNumber(row.with_artist);
  return {
    plays,
    withSong,
    withArtist,
    withUser: toNumber(row.with_user),
    withTime: toNumber(row.with_time),
    songShare: share(withSong, plays),
    artistShare: share(withArtist, plays),
  };
}
