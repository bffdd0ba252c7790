import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@sparkify/schema';
import { checkedLimit, toNumber } from './numbers.js';

export interface SongCount {
  readonly songId: string;
  readonly title: string;
  /** Null when the song's artist is not in `artists`. */
  readonly artist: string | null;
  readonly plays: number;
}

/** Matched plays only (a play whose song is unknown has no song_id). Ties are broken by title, then id. */
export function topSongsQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('songplays as sp')
    .innerJoin('songs as s', 's.song_id', 'sp.song_id')
    .leftJoin('artists as a', 'a.artist_id', 's.artist_id')
    .select((eb) => ['s.song_id', 's.title', 'a.name as artist', eb.fn.countAll().as('plays')])
    .groupBy(['s.song_id', 's.title', 'a.name'])
    .orderBy('plays', 'desc')
    .orderBy('s.title')
    .orderBy('s.song_id')
    .limit(sql.lit(checkedLimit(limit)));
}

export async function topSongs(db: Kysely<Database>, options: { limit?: number } = {}): Promise<SongCount[]> {
  const rows = await topSongsQuery(db, options.limit ?? 10).execute();
  return rows.map((r) => ({ songId: r.song_id, title: r.title, artist: r.artist, plays: toNumber(r.plays) }));
}
