// nx run bench:run [--quick] [--sizes 100k,1M,5M] [--targets server,embedded] [--insert-cap 20] [--no-real] [--out dir]
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { parseSize, workspaceRoot } from './data/datasets.js';
import { runBench, type BenchOptions, type TargetName } from './run-bench.js';

const program = new Command('bench')
  .description('Benchmarks the Sparkify ETL against psql \\copy + the same SQL, a minimal SQL, DuckDB and an INSERT-per-record loader.')
  .option('--quick', 'CI mode: the real full set and 100k generated events, 3 s INSERT cap')
  .option('--sizes <list>', 'generated sizes in events (default 100k,1M,5M; quick: 100k)')
  .option('--no-real', 'leave out the real full set')
  .option('--no-duckdb', 'leave out the DuckDB baseline')
  .option('--dataset <name=dir...>', 'also a data set already on disk (e.g. "1M seed 1=.sparkify/bench-data/1M-seed1")')
  .addOption(new Option('--targets <list>', 'server and/or embedded').default('server,embedded'))
  .option('--insert-cap <seconds>', 'time cap of the INSERT-per-record loader (default 20; quick: 3)')
  .option('--repeat <n>', 'runs of each step, fastest kept (default 1)', '1')
  .option('--data-root <dir>', 'where generated sets are kept', '.sparkify/bench-data')
  .option('--out <dir>', 'where the report is written', 'tools/bench/results')
  .option('--no-write', 'print the report only');

program.parse();
const o = program.opts<{
  quick?: boolean;
  sizes?: string;
  real: boolean;
  duckdb: boolean;
  dataset?: string[];
  targets: string;
  insertCap?: string;
  repeat: string;
  dataRoot: string;
  out: string;
  write: boolean;
}>();

const root = workspaceRoot();
const sizes = (o.sizes ?? (o.quick ? '100k' : o.dataset ? '' : '100k,1M,5M')).split(',').filter(Boolean).map(parseSize);
const targets = o.targets.split(',').map((t) => t.trim());
for (const t of targets) if (t !== 'server' && t !== 'embedded') program.error(`--targets: "${t}" is neither server nor embedded`);
const given = (o.dataset ?? []).map((spec) => {
  const at = spec.indexOf('=');
  if (at < 1) program.error(`--dataset: "${spec}" is not name=dir`);
  return { name: spec.slice(0, at), dir: resolve(spec.slice(at + 1)) };
});
const mode = o.quick ? 'quick' : o.sizes || given.length > 0 ? 'custom' : 'full';
const options: BenchOptions = {
  mode,
  datasets: [...(o.real ? (['real'] as const) : []), ...sizes, ...given],
  targets: targets as TargetName[],
  repeat: Math.max(1, Number.parseInt(o.repeat, 10) || 1),
  duckdb: o.duckdb,
  insertCapMs: Number(o.insertCap ?? (o.quick ? 3 : 20)) * 1000,
  dataRoot: resolve(root, o.dataRoot),
  outDir: o.write ? resolve(root, o.out) : undefined,
  log: (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
};
try {
  const { markdown, files } = await runBench(options);
  console.log(markdown);
  for (const f of files) console.error(`written ${join(f)}`);
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
