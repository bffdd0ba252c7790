import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';
import { runChecks } from '@sparkify/transform';
import type { QualityCheck } from './quality.js';

const sampleText = (row: Record<string, unknown>): string =>
  Object.entries(row)
    .map(([key, value]) => `${key}=${value instanceof Date ? value.toISOString() : JSON.stringify(value)}`)
    .join(' ');

/**
 * The data tests of @sparkify/transform (dbt style: unique, not_null, relationships, accepted_values, row counts),
 * run against the tables the report reads. A failure to run them is shown in the report, not fatal: the charts
 * are still worth reading.
 */
export async function runQualityChecks(
  db: Kysely<Database>,
): Promise<{ checks: readonly QualityCheck[] | undefined; checksNote?: string }> {
  try {
    const report = await runChecks(db);
    return {
      checks: report.results.map((r) => ({
        name: r.name,
        rule: r.description,
        passed: r.passed,
        failures: r.failing,
        sample: r.sample.map(sampleText),
      })),
    };
  } catch (error) {
    return { checks: undefined, checksNote: `The data tests could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
}
