import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type WeekdayName = (typeof weekdayNames)[number];

export interface WeekdayCount {
  /** 0 = Sunday, as in the `time` table. */
  readonly weekday: number;
  readonly name: WeekdayName;
  readonly plays: number;
}

export function playsByWeekdayQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays as sp')
    .innerJoin('time as t', 't.start_time', 'sp.start_time')
    .select((eb) => ['t.weekday', eb.fn.countAll().as('plays')])
    .groupBy('t.weekday')
    .orderBy('t.weekday');
}

/** Seven rows, Sunday first, zero-filled. */
export async function playsByWeekday(db: Kysely<Database>): Promise<WeekdayCount[]> {
  const rows = await playsByWeekdayQuery(db).execute();
  const byDay = new Map(rows.map((r) => [toNumber(r.weekday), toNumber(r.plays)]));
  return weekdayNames.map((name, weekday) => ({ weekday, name, plays: byDay.get(weekday) ?? 0 }));
}
