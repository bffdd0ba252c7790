import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@sparkify/schema';
import { checkedLimit, toNumber } from './numbers.js';

export interface LoadErrorSample {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly reason: string;
  readonly raw: string | null;
}

export interface LoadErrorSummary {
  readonly total: number;
  /** Rejected records per reason, most frequent first. */
  readonly byReason: { readonly reason: string; readonly count: number }[];
  /** Rejected records per file, most first. */
  readonly byFile: { readonly file: string; readonly count: number }[];
  /** The first rejected records by file and line. */
  readonly sample: LoadErrorSample[];
}

export function errorsByReasonQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('load_errors')
    .select((eb) => ['reason', eb.fn.countAll().as('count')])
    .groupBy('reason')
    .orderBy('count', 'desc')
    .orderBy('reason')
    .limit(sql.lit(checkedLimit(limit)));
}

export function errorsByFileQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('load_errors')
    .select((eb) => ['file', eb.fn.countAll().as('count')])
    .groupBy('file')
    .orderBy('count', 'desc')
    .orderBy('file')
    .limit(sql.lit(checkedLimit(limit)));
}

export function errorSampleQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('load_errors')
    .select(['file', 'line', 'column', 'reason', 'raw'])
    .orderBy('file')
    .orderBy('line')
    .limit(sql.lit(checkedLimit(limit)));
}

/** What the loads rejected, from the `load_errors` table the loader fills. */
export async function loadErrorSummary(
  db: Kysely<Database>,
  options: { sample?: number; groups?: number } = {},
): Promise<LoadErrorSummary> {
  const groups = options.groups ?? 10;
  const total = await db.selectFrom('load_errors').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const byReason = await errorsByReasonQuery(db, groups).execute();
  const byFile = await errorsByFileQuery(db, groups).execute();
  const sample = await errorSampleQuery(db, options.sample ?? 10).execute();
  return {
    total: toNumber(total.n),
    byReason: byReason.map((r) => ({ reason: r.reason, count: toNumber(r.count) })),
    byFile: byFile.map((r) => ({ file: r.file, count: toNumber(r.count) })),
    sample: sample.map((r) => ({
      file: r.file,
      line: r.line === null ? null : toNumber(r.line),
      column: r.column,
      reason: r.reason,
      raw: r.raw,
    })),
  };
}
