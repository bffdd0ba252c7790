import { writeFile } from 'node:fs/promises';
import { runChecks, transform } from '@sparkify/transform';
import { connect } from '@sparkify/warehouse';
import { captureScript, capturingTx, type Capture } from './capture-sql.js';
import type { JobResult } from './jobs.js';
import { benchConfig } from './ours-stage.js';

/**
 * Our transform in one transaction, as `etl` runs it, with every statement it sends recorded (parameters
 * inlined) into `captureFile`, so that the psql baseline replays exactly the same SQL.
 */
export async function oursTransform(url: string, captureFile: string): Promise<Omit<JobResult, 'maxRssKb'>> {
  const warehouse = await connect(benchConfig(url), { applicationName: 'sparkify-bench' });
  try {
    const capture: Capture = { statements: [], problems: [] };
    const started = performance.now();
    const report = await warehouse.begin((tx) => transform(capturingTx(tx, capture)));
    const ms = performance.now() - started;
    if (capture.problems.length > 0) throw new Error(`cannot replay the transform's SQL: ${capture.problems.join('; ')}`);
    await writeFile(captureFile, captureScript(capture));
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    return { ms, rows, extra: { statements: capture.statements.length, matchRate: report.songplays.matchRate } };
  } finally {
    await warehouse.close();
  }
}

/** Our data-quality checks (dbt-style queries returning failing rows), outside a transaction as `check` runs them. */
export async function oursCheck(url: string): Promise<Omit<JobResult, 'maxRssKb'>> {
  const warehouse = await connect(benchConfig(url), { applicationName: 'sparkify-bench' });
  try {
    const started = performance.now();
    const report = await runChecks(warehouse.db, { schema: warehouse.schema });
    const ms = performance.now() - started;
    return { ms, rows: report.results.length, extra: { failed: report.failed, checks: report.results.length } };
  } finally {
    await warehouse.close();
  }
}
