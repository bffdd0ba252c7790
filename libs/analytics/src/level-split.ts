import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';

export interface LevelCount {
  /** 'free', 'paid', or 'unknown' when the level is missing. */
  readonly level: string;
  /** Plays made at this level (the level at the time of the play). */
  readonly plays: number;
  /** Users whose latest level is this one (`users.level`). */
  readonly users: number;
}

export function playsByLevelQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays')
    .select((eb) => ['level', eb.fn.countAll().as('plays')])
    .groupBy('level');
}

export function usersByLevelQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select((eb) => ['level', eb.fn.countAll().as('users')])
    .groupBy('level');
}

/** Free vs paid: plays by the level at play time, users by their current level. Sorted free, paid, then others. */
export async function levelSplit(db: Kysely<Database>): Promise<LevelCount[]> {
  const plays = await playsByLevelQuery(db).execute();
  const users = await usersByLevelQuery(db).execute();
  const merged = new Map<string, { plays: number; users: number }>();
  const entry = (level: string | null) => {
    const key = level ?? 'unknown';
    const found = merged.get(key) ?? { plays: 0, users: 0 };
    merged.set(key, found);
    return found;
  };
  for (const r of plays) entry(r.level).plays += toNumber(r.plays);
  for (const r of users) entry(r.level).users += toNumber(r.users);
  const rank = (level: string) => ['free', 'paid'].indexOf(level) >>> 0; // unknown levels sort last
  return [...merged.entries()]
    .map(([level, counts]) => ({ level, ...counts }))
    .sort((a, b) => rank(a.level) - rank(b.level) || a.level.localeCompare(b.level));
}
