import type { Database } from '@sparkify/schema';
import { sql, type Kysely } from 'kysely';
import type { Check } from './check.js';
import { checks as defaultChecks } from './checks.js';

export interface CheckResult {
  readonly name: string;
  readonly description: string;
  readonly passed: boolean;
  /** Rows breaking the rule. */
  readonly failing: number;
  /** Up to 5 of them, to show a person what is wrong. */
  readonly sample: readonly Record<string, unknown>[];
  readonly ms: number;
}

export interface CheckReport {
  /** True when every check passed; the app turns false into a non-zero exit code. */
  readonly passed: boolean;
  readonly failed: number;
  readonly results: readonly CheckResult[];
  readonly ms: number;
}

export const sampleSize = 5;

/**
 * Runs the data tests (dbt style: each query returns the rows that break its rule) and reports each by name
 * with a count and a sample. `schema` qualifies the tables; without it the connection's search_path decides.
 */
export async function runChecks(
  db: Kysely<Database>,
  options: { schema?: string; checks?: readonly Check[] } = {},
): Promise<CheckReport> {
  const started = performance.now();
  const target = options.schema ? db.withSchema(options.schema) : db;
  const results: CheckResult[] = [];
  for (const check of options.checks ?? defaultChecks) {
    const t0 = performance.now();
    const query = check.failing(target);
    const counted = await target
      .selectFrom(query.as('failing_rows'))
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirst();
    const failing = Number(counted?.n ?? 0);
    // A literal LIMIT: Redshift drivers report bound LIMIT parameters failing (audit U1).
    const sample = failing === 0 ? [] : await query.limit(sql.lit(sampleSize)).execute();
    results.push({ name: check.name, description: check.description, passed: failing === 0, failing, sample, ms: Math.round(performance.now() - t0) });
  }
  const failed = results.filter((r) => !r.passed).length;
  return { passed: failed === 0, failed, results, ms: Math.round(performance.now() - started) };
}
