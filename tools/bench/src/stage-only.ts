// tsx --tsconfig tsconfig.base.json tools/bench/src/stage-only.ts --dataset <dir> [--workers 0,1,auto] [--repeat n]
//   [--memory] [--copy] [--digest] [--node-arg=--cpu-prof --node-arg=--cpu-prof-dir=/tmp/prof]
// Only our stage step (and, with --copy, psql \copy of the rows it staged): for profiling and A/B runs of staging,
// in a fresh database on the server, each run from freshly created tables, runs of different `--workers` interleaved.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { copyStaging, dumpStaging } from './baselines/limit.js';
import { createTables, recreateTables, stagingTableColumns } from './database-state.js';
import { runChild } from './steps/run-child.js';
import { serverTarget } from './targets/server-target.js';
import { stagedDigest } from './staged-digest.js';

const program = new Command('stage-only')
  .description('Times our stage step alone on the PostgreSQL server (optionally against psql \\copy of the same rows).')
  .requiredOption('--dataset <dir>', 'a data set on disk (song_data/, log_data/)')
  .option('--workers <list>', 'staging workers per run, interleaved (e.g. 0,1,auto); default: the stage default')
  .option('--repeat <n>', 'rounds', '1')
  .option('--memory', 'sample process.memoryUsage() every 100 ms and print the peak per phase')
  .option('--copy', 'also time psql \\copy of the staged rows (once, after the last round)')
  .option('--digest', 'print an md5 of staging_*, load_ledger and load_errors after each run (heap order)')
  .option('--node-arg <arg...>', 'extra node arguments for the stage process (e.g. --cpu-prof)');
program.parse();
const o = program.opts<{ dataset: string; workers?: string; repeat: string; memory?: boolean; copy?: boolean; digest?: boolean; nodeArg?: string[] }>();

const variants: (number | 'auto' | undefined)[] = o.workers ? o.workers.split(',').map((w) => (w === 'auto' ? 'auto' : Number(w))) : [undefined];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const target = await serverTarget();
const db = await target.createDatabase('sparkify_stage_only');
const work = await mkdtemp(join(tmpdir(), 'sparkify-stage-only-'));
try {
  await createTables(db.url);
  for (let round = 0; round < Math.max(1, Number(o.repeat)); round++) {
    for (const workers of variants) {
      await recreateTables(db.url);
      const before = load();
      const run = await runChild(
        { kind: 'stage', url: db.url, dataDir: resolve(o.dataset), ...(workers !== undefined ? { workers } : {}), ...(o.memory ? { sampleMemoryMs: 100 } : {}) },
        { nodeArgs: o.nodeArg ?? [] },
      );
      const e = run.extra;
      console.log(
        `round ${round + 1} workers ${workers ?? 'default'}: stage ${(run.ms / 1000).toFixed(2)} s (listing ${(Number(e['listingMs']) / 1000).toFixed(2)}, ` +
          `songs ${(Number(e['songsMs']) / 1000).toFixed(2)}, events ${(Number(e['eventsMs']) / 1000).toFixed(2)}), ${run.rows} rows, ` +
          `peak RSS ${Math.round(run.maxRssKb / 1024)} MB; load ${before} → ${load()}`,
      );
      if (e['memory']) console.log(`  memory peaks (MB): ${String(e['memory'])}`);
      if (o.digest) console.log(`  digest: ${JSON.stringify(await stagedDigest(db.url))}`);
    }
  }
  if (o.copy) {
    const staging = stagingTableColumns();
    await dumpStaging(db.url, staging, work);
    await recreateTables(db.url);
    const before = load();
    const copy = await copyStaging(db.url, staging, work);
    console.log(`psql \\copy of the same rows: ${(copy.ms / 1000).toFixed(2)} s; load ${before} → ${load()}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
  await db.drop();
  await target.close();
}
