import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyStaging, dumpStaging, runSqlFile } from './baselines/limit.js';
import { runMinimalSql } from './baselines/minimal-sql.js';
import { sameCounts } from './baselines/star-counts.js';
import type { ProcessMeasure } from './baselines/psql.js';
import { createTables, recreateTables, stagingTableColumns, stagingTableNames, starCounts, starRowCounts, truncate } from './database-state.js';
import { projectInsert, ratios, stepMeasure } from './measure.js';
import type { DatasetInfo, RunResult } from './report/types.js';
import { loaderEtl } from './steps/loader-etl.js';
import { runChild, type ChildRun } from './steps/run-child.js';
import type { BenchTarget } from './targets/database.js';

export interface RunOptions {
  /** Times each step (ours and the psql baselines) is run; the fastest is reported, the highest RSS kept. */
  readonly repeat: number;
  /** Time cap of the INSERT-per-record baseline (half for events, half for songs). */
  readonly insertCapMs: number;
  readonly log: (line: string) => void;
}

/** The fastest run, carrying the highest peak RSS seen in any of them. */
function fastest(runs: readonly ChildRun[]): ChildRun {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) };
}

function fastestProcess(runs: readonly ProcessMeasure[]): ProcessMeasure {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, peakRssKb: Math.max(...runs.map((r) => r.peakRssKb)) };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/**
 * One data set on one target, in a fresh database: our three steps (each in its own process), then the

 * baselines on the same staged rows, each from freshly created tables as ours started — `psql \copy` of those rows, the captured transform SQL through psql —
 * then the INSERT-per-record loader. The database and the temporary files are removed afterwards.
 */
export async function runDataset(dataset: DatasetInfo, target: BenchTarget, options: RunOptions): Promise<RunResult> {
  const { log } = options;
  const setupStarted = performance.now();
  const db = await target.createDatabase('sparkify_bench');
  const work = await mkdtemp(join(tmpdir(), 'sparkify-bench-'));
  try {
    await createTables(db.url);
    const setupMs = performance.now() - setupStarted + target.startupMs;
    const at = `${dataset.name} on ${target.name}`;

    // Each repetition starts from empty tables; the fastest time of each step is kept (the machine is shared).
    const stages: ChildRun[] = [];
    const transforms: ChildRun[] = [];
    const checks: ChildRun[] = [];
    const captureFile = join(work, 'transform.sql');
    for (let i = 0; i < options.repeat; i++) {
      const round = options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : '';
      if (i > 0) await recreateTables(db.url);
      log(`${at}: stage (ours)${round}`);
      stages.push(await runChild({ kind: 'stage', url: db.url, dataDir: dataset.dir }));
      log(`${at}: transform (ours)${round}`);
      transforms.push(await runChild({ kind: 'transform', url: db.url, captureFile }));
      log(`${at}: check (ours)${round}`);
      checks.push(await runChild({ kind: 'check', url: db.url }));
    }
    const stage = fastest(stages);
    const transform = fastest(transforms);
    const check = fastest(checks);
    const starRows = await starRowCounts(db.url);
    const ourCounts = await starCounts(db.url);

    const staging = stagingTableColumns();
    await dumpStaging(db.url, staging, work);
    const copies: ProcessMeasure[] = [];
    const sqlRuns: ProcessMeasure[] = [];
    let sqlStarRows: Record<string, number> = {};
    for (let i = 0; i < options.repeat; i++) {
      const round = options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : '';
      await recreateTables(db.url);
      log(`${at}: psql \\copy of the same staged rows${round}`);
      copies.push(await copyStaging(db.url, staging, work));
      log(`${at}: the same transform SQL through psql${round}`);
      sqlRuns.push(await runSqlFile(db.url, captureFile));
      sqlStarRows = await starRowCounts(db.url);
    }
    const copy = fastestProcess(copies);
    const transformSql = fastestProcess(sqlRuns);

    // The floor of the transform: a minimal set-based SQL on the same freshly loaded staged rows.
    const minimalRuns: ProcessMeasure[] = [];
    let minimalCounts = ourCounts;
    for (let i = 0; i < options.repeat; i++) {
      const round = options.repeat > 1 ? ` (${i + 1}/${options.repeat})` : '';
      await recreateTables(db.url);
      await copyStaging(db.url, staging, work);
      log(`${at}: a minimal hand-written SQL building the same star${round}`);
      minimalRuns.push(await runMinimalSql(db.url, work));
      minimalCounts = await starCounts(db.url);
    }
    const minimal = fastestProcess(minimalRuns);
    const minimalMs = Math.round(minimal.ms); // reported, and the ratio is computed from the reported number

    log(`${at}: INSERT per record (capped at ${options.insertCapMs / 1000} s)`);
    await truncate(db.url, stagingTableNames);
    const insertRun = await runChild({ kind: 'insert', url: db.url, dataDir: dataset.dir, capMs: options.insertCapMs });
    const x = insertRun.extra;
    const insertPerRecord = projectInsert(
      {
        eventRows: Number(x['eventRows']),
        eventMs: Number(x['eventMs']),
        songRows: Number(x['songRows']),
        songMs: Number(x['songMs']),
        capped: x['eventsCapped'] === true || x['songsCapped'] === true,
        peakRssMb: Math.round(insertRun.maxRssKb / 102.4) / 10,
      },
      { events: Number(stage.extra['eventRows']), songs: Number(stage.extra['songRows']) },
    );

    log(`${at}: loader etl end to end (one process, fresh database)`);
    const e2eDb = await target.createDatabase('sparkify_bench_etl');
    let etl;
    try {
      etl = await loaderEtl(e2eDb.url, dataset.dir);
    } finally {
      await e2eDb.drop();
    }

    const stageM = stepMeasure(stage);
    const transformM = stepMeasure({ ...transform, rows: sum(starRows) });
    const checkM = stepMeasure({ ...check, rows: sum(starRows) }); // rows examined
    const copyM = stepMeasure({ ms: copy.ms, processMs: copy.ms, maxRssKb: copy.peakRssKb, rows: stage.rows });
    const sqlM = stepMeasure({ ms: transformSql.ms, processMs: transformSql.ms, maxRssKb: transformSql.peakRssKb, rows: sum(sqlStarRows) });
    return {
      dataset,
      target: { name: target.name, version: target.version, setupMs: Math.round(setupMs) },
      ours: {
        stage: stageM,
        transform: transformM,
        check: checkM,
        totalMs: Math.round(stageM.ms + transformM.ms + checkM.ms),
        loadErrors: Number(stage.extra['rejected'] ?? 0),
        checksFailed: Number(check.extra['failed'] ?? 0),
      },
      limit: {
        copy: copyM,
        transformSql: sqlM,
        statements: Number(transform.extra['statements'] ?? 0),
        sameResult: same(starRows, sqlStarRows),
      },
      insertPerRecord,
      endToEnd: { ms: Math.round(etl.ms), peakRssMb: Math.round(etl.peakRssKb / 102.4) / 10 },
      ratios: ratios(stageM.ms, transformM.ms, copyM.ms, sqlM.ms, insertPerRecord, { minimalSqlMs: minimalMs, etlMs: Math.round(etl.ms), duckdbProcessMs: 0 }),
      starRows,
      starCounts: ourCounts,
      minimalSql: {
        ms: minimalMs,
        peakRssMb: Math.round(minimal.peakRssKb / 102.4) / 10,
        counts: minimalCounts,
        sameCounts: sameCounts(ourCounts, minimalCounts),
      },
      stageDetail: {
        files: Number(stage.extra['files'] ?? 0),
        listingMs: Number(stage.extra['listingMs'] ?? 0),
        songsMs: Number(stage.extra['songsMs'] ?? 0),
        eventsMs: Number(stage.extra['eventsMs'] ?? 0),
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await db.drop();
  }
}
