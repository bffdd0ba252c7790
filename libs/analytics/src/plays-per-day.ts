import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';
import { weekdayNames, type WeekdayName } from './plays-by-weekday.js';

export interface DayCount {
  /** `YYYY-MM-DD`, UTC. */
  readonly date: string;
  readonly weekday: WeekdayName;
  readonly plays: number;
}

// Grouped by the time dimension's parts rather than a date cast: no time-zone or date-type surprises across drivers.
export function playsPerDayQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays as sp')
    .innerJoin('time as t', 't.start_time', 'sp.start_time')
    .select((eb) => ['t.year', 't.month', 't.day', 't.weekday', eb.fn.countAll().as('plays')])
    .groupBy(['t.year', 't.month', 't.day', 't.weekday'])
    .orderBy('t.year')
    .orderBy('t.month')
    .orderBy('t.day');
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Days that had at least one play, in date order (days without plays are absent). */
export async function playsPerDay(db: Kysely<Database>): Promise<DayCount[]> {
  const rows = await playsPerDayQuery(db).execute();
  return rows.map((r) => ({
    date: `${pad(toNumber(r.year), 4)}-${pad(toNumber(r.month), 2)}-${pad(toNumber(r.day), 2)}`,
    weekday: weekdayNames[toNumber(r.weekday)] ?? 'Sunday',
    plays: toNumber(r.plays),
  }));
}
