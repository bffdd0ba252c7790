import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@sparkify/schema';
import { checkedLimit, toNumber } from './numbers.js';

export interface LocationCount {
  readonly location: string;
  readonly plays: number;
  readonly users: number;
}

/** Where plays come from (the user's location on the play). Plays without a location are left out. */
export function topLocationsQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('songplays')
    .where('location', 'is not', null)
    .select((eb) => ['location', eb.fn.countAll().as('plays'), eb.fn.count('user_id').distinct().as('users')])
    .groupBy('location')
    .orderBy('plays', 'desc')
    .orderBy('location')
    .limit(sql.lit(checkedLimit(limit)));
}

export async function topLocations(db: Kysely<Database>, options: { limit?: number } = {}): Promise<LocationCount[]> {
  const rows = await topLocationsQuery(db, options.limit ?? 10).execute();
  return rows.map((r) => ({ location: r.location ?? '', plays: toNumber(r.plays), users: toNumber(r.users) }));
}
