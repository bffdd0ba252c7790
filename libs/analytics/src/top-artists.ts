import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@sparkify/schema';
import { checkedLimit, toNumber } from './numbers.js';

export interface ArtistCount {
  readonly artistId: string;
  readonly name: string;
  readonly plays: number;
  /** Different songs of this artist that were played. */
  readonly songs: number;
}

/** Matched plays only, grouped by the play's artist_id. Ties are broken by name, then id. */
export function topArtistsQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('songplays as sp')
    .innerJoin('artists as a', 'a.artist_id', 'sp.artist_id')
    .select((eb) => [
      'a.artist_id',
      'a.name',
      eb.fn.countAll().as('plays'),
      eb.fn.count('sp.song_id').distinct().as('songs'),
    ])
    .groupBy(['a.artist_id', 'a.name'])
    .orderBy('plays', 'desc')
    .orderBy('a.name')
    .orderBy('a.artist_id')
    .limit(sql.lit(checkedLimit(limit)));
}

export async function topArtists(db: Kysely<Database>, options: { limit?: number } = {}): Promise<ArtistCount[]> {
  const rows = await topArtistsQuery(db, options.limit ?? 10).execute();
  return rows.map((r) => ({ artistId: r.artist_id, name: r.name, plays: toNumber(r.plays), songs: toNumber(r.songs) }));
}
