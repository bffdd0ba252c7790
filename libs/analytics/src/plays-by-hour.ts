import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { toNumber } from './numbers.js';

export interface HourCount {
  /** 0–23, UTC. */
  readonly hour: number;
  readonly plays: number;
}

/** Plays grouped by the hour of `time` (the star's time dimension), UTC. */
export function playsByHourQuery(db: Kysely<Database>) {
  return db
    .selectFrom('songplays as sp')
    .innerJoin('time as t', 't.start_time', 'sp.start_time')
    .select((eb) => ['t.hour', eb.fn.countAll().as('plays')])
    .groupBy('t.hour')
    .orderBy('t.hour');
}

/** All 24 hours, zero-filled in TypeScript (Redshift has no generate_series for a calendar of hours). */
export async function playsByHour(db: Kysely<Database>): Promise<HourCount[]> {
  const rows = await playsByHourQuery(db).execute();
  const byHour = new Map(rows.map((r) => [toNumber(r.hour), toNumber(r.plays)]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, plays: byHour.get(hour) ?? 0 }));
}
