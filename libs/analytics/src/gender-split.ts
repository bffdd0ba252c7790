import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';

export interface GenderCount {
  /** As stored ('F', 'M'), or 'unknown' when missing. */
  readonly gender: string;
  readonly users: number;
  readonly plays: number;
}

/** Every user counts (also those who never played); plays are joined on. */
export function genderSplitQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .leftJoin('songplays as sp', 'sp.user_id', 'u.user_id')
    .select((eb) => [
      'u.gender',
      eb.fn.count('u.user_id').distinct().as('users'),
      eb.fn.count('sp.songplay_id').as('plays'),
    ])
    .groupBy('u.gender');
}

export async function genderSplit(db: Kysely<Database>): Promise<GenderCount[]> {
  const rows = await genderSplitQuery(db).execute();
  return rows
    .map((r) => ({ gender: r.gender ?? 'unknown', users: toNumber(r.users), plays: toNumber(r.plays) }))
    .sort((a, b) => b.users - a.users || a.gender.localeCompare(b.gender));
}
