import type { Config } from '@sparkify/config';
import { runChecks, stage, transform, type CheckReport, type StageReport } from '@sparkify/transform';
import { countRows, createTables, existingTables, type Warehouse, type WarehouseTx } from '@sparkify/warehouse';
import { tableNames } from '@sparkify/schema';
import { ensureDemoData } from '../demo-data.js';
import { ChecksFailed, UsageError } from '../failures.js';
import { withWarehouse, type CommandContext, type CommandResult } from '../run-command.js';
import { s3ClientFor } from '../s3-client.js';
import { checkLines, checksFailedMessage, stageLines, summaryLines, transformLines, type RunSummary } from '../summary.js';

/** Generates the demo data on first use when nothing was configured. */
async function prepareSource(ctx: CommandContext): Promise<void> {
  const source = ctx.config.source;
  if (source.kind === 'local' && source.demo) await ensureDemoData(source.dir, (m) => ctx.progress.log(m));
}

async function stageStep(ctx: CommandContext, tx: WarehouseTx): Promise<StageReport> {
  const { config } = ctx;
  const s3 = config.source.kind === 's3' && tx.dialect.staging === 'copy-from-stdin' ? s3ClientFor(config.aws, ctx.io.env) : undefined;
  try {
    return await stage(tx, config.source, {
      maxErrors: config.etl.maxErrors,
      fullRefresh: ctx.options.fullRefresh === true,
      concurrency: config.etl.concurrency,
      onProgress: ctx.progress.stage,
      ...(s3 ? { s3 } : {}),
      ...(config.iamRoleArn ? { iamRoleArn: config.iamRoleArn } : {}),
      ...(config.aws.region ? { region: config.aws.region } : {}),
    });
  } finally {
    ctx.progress.endBar();
    s3?.destroy();
  }
}

async function checkStep(tx: WarehouseTx): Promise<CheckReport> {
  const report = await runChecks(tx.db);
  if (!report.passed) throw new ChecksFailed(checksFailedMessage(report), report);
  return report;
}

/** stage / transform / check alone need the tables; say how to make them rather than fail on a missing relation. */
async function requireTables(wh: Warehouse): Promise<void> {
  const present = await existingTables(wh);
  const missing = tableNames.filter((t) => !present.includes(t));
  if (missing.length > 0) {
    throw new UsageError(
      `The warehouse (${wh.description}) lacks ${missing.join(', ')} in schema ${wh.schema}. ` +
        'Create them first: nx run loader:create-tables (or run nx run loader:etl, which creates them).',
    );
  }
}

const sourceLabel = (config: Config): string =>
  config.source.kind === 's3' ? config.source.logData.replace(/log_data\/?$/, '') : config.source.dir + (config.source.demo ? ' (demo data)' : '');

export async function etlCommand(ctx: CommandContext): Promise<CommandResult> {
  const started = performance.now();
  await prepareSource(ctx);
  return withWarehouse(ctx, async (wh) => {
    ctx.progress.log(`target: ${wh.description}`);
    // One transaction, table creation included: a rejected batch or a failed check leaves the warehouse exactly
    // as it was before the run.
    const { created, ...run } = await wh.begin(async (tx) => {
      const created = await createTables(tx);
      if (created.created.length > 0) ctx.progress.log(`creating ${created.created.length} missing table(s): ${created.created.join(', ')}`);
      const staged = await stageStep(ctx, tx);
      ctx.progress.log(`staged in ${(staged.ms / 1000).toFixed(1)} s; transforming`);
      const transformed = await transform(tx);
      ctx.progress.log(`transformed in ${(transformed.ms / 1000).toFixed(1)} s; checking`);
      const checks = await checkStep(tx);
      return { created, staged, transformed, checks, rows: await countRows(tx.db) };
    });
    const summary: RunSummary = {
      target: wh.description,
      source: sourceLabel(ctx.config),
      tablesCreated: created.created,
      ...run,
      ms: Math.round(performance.now() - started),
    };
    return { summary: toJson(summary), text: summaryLines(summary) };
  });
}

export async function stageCommand(ctx: CommandContext): Promise<CommandResult> {
  await prepareSource(ctx);
  return withWarehouse(ctx, async (wh) => {
    await requireTables(wh);
    const staged = await wh.begin((tx) => stageStep(ctx, tx));
    return { summary: { target: wh.description, source: sourceLabel(ctx.config), stage: stageJson(staged) }, text: [`target: ${wh.description}`, ...stageLines(staged)] };
  });
}

export async function transformCommand(ctx: CommandContext): Promise<CommandResult> {
  return withWarehouse(ctx, async (wh) => {
    await requireTables(wh);
    const transformed = await wh.begin((tx) => transform(tx));
    return { summary: { target: wh.description, transform: transformed }, text: [`target: ${wh.description}`, ...transformLines(transformed)] };
  });
}

export async function checkCommand(ctx: CommandContext): Promise<CommandResult> {
  return withWarehouse(ctx, async (wh) => {
    await requireTables(wh);
    const checks = await wh.begin((tx) => checkStep(tx));
    return { summary: { target: wh.description, checks }, text: [`target: ${wh.description}`, ...checkLines(checks)] };
  });
}

const stageJson = (s: StageReport) => ({ ...s, rejected: { count: s.rejected.length, sample: s.rejected.slice(0, 10) } });

function toJson(s: RunSummary): Record<string, unknown> {
  return {
    target: s.target,
    source: s.source,
    tablesCreated: s.tablesCreated,
    rows: s.rows,
    rejected: { count: s.staged.rejected.length, sample: s.staged.rejected.slice(0, 10) },
    matchedSongRate: s.transformed.songplays.matchRate,
    steps: { stage: stageJson(s.staged), transform: s.transformed, check: s.checks },
    ms: s.ms,
  };
}

