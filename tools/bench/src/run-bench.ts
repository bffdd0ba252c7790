import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { describeDataset, generatedDataset, realDatasetDir } from './data/datasets.js';
import { fileReadResult, timeFindCat } from './file-reads.js';
import { goalsMarkdown, judgeGoals } from './report/goals.js';
import { machine } from './report/machine.js';
import { markdownReport } from './report/markdown.js';
import { slopes } from './report/slopes.js';
import type { BenchReport, DatasetInfo, DuckdbMeasure, FileReadResult, RunResult } from './report/types.js';
import { sameCounts } from './baselines/star-counts.js';
import { runDataset } from './run-dataset.js';
import { runDuckdb } from './steps/run-duckdb.js';
import { removeLoaderBuild } from './steps/loader-etl.js';
import { ratio } from './measure.js';
import type { BenchTarget } from './targets/database.js';
import { embeddedTarget } from './targets/embedded-target.js';
import { serverTarget } from './targets/server-target.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

export type TargetName = 'server' | 'embedded';

export interface BenchOptions {
  readonly mode: string;
  /** `real` is the real full set; a number is a generated set of that many events; a path-like object a given folder. */
  readonly datasets: readonly (number | 'real' | { readonly name: string; readonly dir: string })[];
  readonly targets: readonly TargetName[];
  readonly insertCapMs: number;
  /** Runs of each step; the fastest is reported (see RunOptions.repeat). */
  readonly repeat: number;
  /** Run the DuckDB baseline (once per data set); default true. */
  readonly duckdb?: boolean;
  /** Where generated sets are kept. */
  readonly dataRoot: string;
  /** Where `<date>-<mode>.md` and `.json` are written; undefined writes nothing. */
  readonly outDir?: string;
  readonly log: (line: string) => void;
}

export interface BenchOutput {
  readonly report: BenchReport;
  readonly markdown: string;
  readonly files: readonly string[];
}

async function resolveDataset(spec: BenchOptions['datasets'][number], options: BenchOptions): Promise<DatasetInfo> {
  if (spec === 'real') return describeDataset('real full set', realDatasetDir());
  if (typeof spec === 'number') return generatedDataset(spec, options.dataRoot, options.log);
  return describeDataset(spec.name, spec.dir);
}

const openTarget = (name: TargetName): Promise<BenchTarget> => (name === 'server' ? serverTarget() : embeddedTarget());

/** Adds the DuckDB baseline to a run: its counts checked against ours, our etl process ÷ its process. */
function withDuckdb(run: RunResult, duck: Omit<DuckdbMeasure, 'sameCounts'> | undefined): RunResult {
  if (!duck) return run;
  return {
    ...run,
    duckdb: { ...duck, sameCounts: sameCounts(run.starCounts, duck.counts) },
    ratios: { ...run.ratios, etlVsDuckdb: ratio(run.endToEnd.ms, duck.processMs) },
  };
}

/** Runs every data set on every target and writes the report. */
export async function runBench(options: BenchOptions): Promise<BenchOutput> {
  try {
    return await benchAll(options);
  } finally {
    removeLoaderBuild();
  }
}

async function benchAll(options: BenchOptions): Promise<BenchOutput> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  const datasets: DatasetInfo[] = [];
  for (const spec of options.datasets) datasets.push(await resolveDataset(spec, options));

  const bare = new Map<string, Awaited<ReturnType<typeof timeFindCat>>>();
  for (const d of datasets) {
    options.log(`${d.name}: find / find -exec cat over ${d.songFiles + d.logFiles} files`);
    bare.set(d.name, await timeFindCat(d));
  }

  // DuckDB needs no database: once per data set, before the targets, its process alone on the machine.
  const duck = new Map<string, Omit<DuckdbMeasure, 'sameCounts'>>();
  if (options.duckdb !== false) {
    for (const d of datasets) {
      options.log(`${d.name}: DuckDB reading the same JSON and building the same star`);
      duck.set(d.name, await runDuckdb(d.dir));
    }
  }

  const runs: RunResult[] = [];
  const versions: Record<TargetName, string> = { server: 'not run', embedded: 'not run' };
  for (const name of options.targets) {
    const target = await openTarget(name);
    versions[name] = target.version;
    try {
      for (const d of datasets) {
        const run = await runDataset(d, target, { insertCapMs: options.insertCapMs, repeat: options.repeat, log: options.log });
        runs.push(withDuckdb(run, duck.get(d.name)));
      }
    } finally {
      await target.close();
    }
  }

  const fileReads: FileReadResult[] = [];
  for (const d of datasets) {
    const run = runs.find((r) => r.dataset.name === d.name);
    const times = bare.get(d.name);
    if (run && times) fileReads.push(fileReadResult(d, times, run.stageDetail));
  }
  const report: BenchReport = {
    mode: options.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(versions.server, versions.embedded),
    repeat: options.repeat,
    loadAverage: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? 0) },
    runs,
    fileReads,
    slopes: slopes(runs),
  };
  const markdown = markdownReport(report) + '\n' + goalsMarkdown(judgeGoals(report));
  const files: string[] = [];
  if (options.outDir) {
    await mkdir(options.outDir, { recursive: true });
    const base = join(options.outDir, `${startedAt.slice(0, 10)}-${options.mode}`);
    await writeFile(base + '.md', markdown);
    await writeFile(base + '.json', JSON.stringify(report, null, 2) + '\n');
    files.push(base + '.md', base + '.json');
  }
  return { report, markdown, files };
}
