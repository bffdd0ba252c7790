import type { Config } from '@sparkify/config';
import { tableNames } from '@sparkify/schema';
import { runChecks, stage, transform, type CheckReport, type StageReport, type TransformReport } from '@sparkify/transform';
import { countRows, createTables, existingTables, type Warehouse, type WarehouseTx } from '@sparkify/warehouse';
import { ensureDemoData } from './demo-data.js';
import { ChecksFailed, MissingTables } from './errors.js';
import { checkpoint, messenger, type PipelineOptions } from './options.js';
import { s3ClientFor } from './s3-client.js';
import { withWarehouse } from './session.js';
import { checksFailedMessage, rejectedSummary, stageSummary, transformSummary, type EtlSummary, type StageSummary, type TransformSummary } from './summary.js';

/** Generates the demo data on first use when nothing was configured. */
async function prepareSource(config: Config, options: PipelineOptions): Promise<void> {
  const source = config.source;
  if (source.kind === 'local' && source.demo) await ensureDemoData(source.dir, messenger(options));
}

/** Stages inside `tx`; the abort signal is honoured between files (a throw there rolls the transaction back). */
export async function stageIn(tx: WarehouseTx, config: Config, options: PipelineOptions = {}): Promise<StageReport> {
  checkpoint(options);
  // A server-side COPY (Redshift) needs S3 only to write the manifest of new files; a client-side COPY reads every file.
  const manifestPrefix = config.source.kind === 's3' && tx.dialect.staging === 'copy-from-s3' ? config.source.manifestPrefix : undefined;
  const needsS3 = config.source.kind === 's3' && (tx.dialect.staging === 'copy-from-stdin' || manifestPrefix !== undefined);
  const s3 = needsS3 ? s3ClientFor(config.aws, options.env ?? process.env) : undefined;
  try {
    return await stage(tx, config.source, {
      maxErrors: options.maxErrors ?? config.etl.maxErrors,
      fullRefresh: options.fullRefresh === true,
      concurrency: config.etl.concurrency,
      onProgress: (step, filesDone, filesTotal, rows) => {
        checkpoint(options);
        options.onProgress?.({ kind: 'stage', step, filesDone, filesTotal, rows });
      },
      ...(s3 ? { s3 } : {}),
      ...(config.iamRoleArn ? { iamRoleArn: config.iamRoleArn } : {}),
      ...(config.source.kind === 's3' && config.source.region ? { region: config.source.region } : {}),
      ...(manifestPrefix ? { manifestPrefix } : {}),
      dryRun: options.dryRun === true,
    });
  } finally {
    s3?.destroy();
  }
}

/** Runs the data tests inside `tx`; any failure throws ChecksFailed, so the transaction rolls back. */
export async function checkIn(tx: WarehouseTx, options: PipelineOptions = {}): Promise<CheckReport> {
  checkpoint(options);
  const report = await runChecks(tx.db);
  if (!report.passed) throw new ChecksFailed(checksFailedMessage(report), report);
  return report;
}

/**
 * Transforms inside `tx`. Events no star row can hold are set aside into load_errors and count against
 * --max-errors together with `rejectedBefore` (staging's rejections in the same run).
 */
export async function transformIn(
  tx: WarehouseTx,
  options: PipelineOptions = {},
  limits: { maxErrors?: number; rejectedBefore?: StageReport['rejected'] } = {},
): Promise<TransformReport> {
  checkpoint(options);
  return transform(tx, { maxErrors: options.maxErrors ?? limits.maxErrors ?? 0, rejectedBefore: limits.rejectedBefore ?? [] });
}

/** stage / transform / check alone need the tables; say how to make them rather than fail on a missing relation. */
async function requireTables(wh: Warehouse): Promise<void> {
  const present = await existingTables(wh);
  const missing = tableNames.filter((t) => !present.includes(t));
  if (missing.length > 0) {
    throw new MissingTables(
      `The warehouse (${wh.description}) lacks ${missing.join(', ')} in schema ${wh.schema}. ` +
        'Create them first: nx run loader:create-tables (runCreateTables in @sparkify/pipeline), or run the whole ETL, which creates them.',
      missing,
    );
  }
}

const sourceLabel = (config: Config): string =>
  config.source.kind === 's3' ? config.source.logData.replace(/log_data\/?$/, '') : config.source.dir + (config.source.demo ? ' (demo data)' : '');

/**
 * The whole ETL, what `nx run loader:etl` does: creates the missing tables, stages, transforms and checks in one
 * transaction, and returns the summary `loader etl --json` prints. A rejected batch, a failed check, an error or
 * an abort leaves the warehouse exactly as it was before the run (table creation included).
 */
export async function runEtl(config: Config, options: PipelineOptions = {}): Promise<EtlSummary> {
  const started = performance.now();
  const say = messenger(options);
  checkpoint(options);
  await prepareSource(config, options);
  return withWarehouse(config, options, async (wh) => {
    say(`target: ${wh.description}`);
    const { created, staged, transformed, checks, rows } = await wh.begin(async (tx) => {
      checkpoint(options);
      const created = await createTables(tx);
      if (created.created.length > 0) say(`creating ${created.created.length} missing table(s): ${created.created.join(', ')}`);
      const staged = await stageIn(tx, config, options);
      say(`staged in ${(staged.ms / 1000).toFixed(1)} s; transforming`);
      const transformed = await transformIn(tx, options, { maxErrors: config.etl.maxErrors, rejectedBefore: staged.rejected });
      say(`transformed in ${(transformed.ms / 1000).toFixed(1)} s; checking`);
      const checks = await checkIn(tx, options);
      const rows = await countRows(tx.db);
      checkpoint(options); // the last chance to change one's mind: after this, COMMIT
      return { created, staged, transformed, checks, rows };
    });
    return {
      target: wh.description,
      source: sourceLabel(config),
      tablesCreated: created.created,
      rows,
      rejected: rejectedSummary([...staged.rejected, ...transformed.setAside]),
      matchedSongRate: transformed.songplays.matchRate,
      steps: { stage: stageSummary(staged), transform: transformSummary(transformed), check: checks },
      ms: Math.round(performance.now() - started),
    };
  }, 'etl');
}

/** Stages alone, in its own transaction (the tables must exist). */
export async function runStage(config: Config, options: PipelineOptions = {}): Promise<{ target: string; source: string; stage: StageSummary }> {
  await prepareSource(config, options);
  return withWarehouse(config, options, async (wh) => {
    await requireTables(wh);
    const staged = await wh.begin((tx) => stageIn(tx, config, options));
    return { target: wh.description, source: sourceLabel(config), stage: stageSummary(staged) };
  }, 'stage');
}

/** Rebuilds the star tables from everything staged, in its own transaction (the tables must exist). */
export async function runTransform(config: Config, options: PipelineOptions = {}): Promise<{ target: string; transform: TransformSummary }> {
  return withWarehouse(config, options, async (wh) => {
    await requireTables(wh);
    const transformed = await wh.begin((tx) => transformIn(tx, options, { maxErrors: config.etl.maxErrors }));
    return { target: wh.description, transform: transformSummary(transformed) };
  }, 'transform');
}

/** Runs the data tests (the tables must exist); failures throw ChecksFailed. */
export async function runCheck(config: Config, options: PipelineOptions = {}): Promise<{ target: string; checks: CheckReport }> {
  return withWarehouse(config, options, async (wh) => {
    await requireTables(wh);
    return { target: wh.description, checks: await wh.begin((tx) => checkIn(tx, options)) };
  });
}
