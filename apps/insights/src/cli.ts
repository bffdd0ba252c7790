import { configureProgram, processIo, runProgram, type Io } from '@sparkify/cli';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ReportFlags } from './report-command.js';

export { EXIT } from '@sparkify/cli';

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('expected a whole number from 1 to 100');
  return n;
};

/**
 * The `insights` command line. Returns the exit code (the shared table of @sparkify/cli) instead of exiting, so
 * tests can run it in-process; failures print the one failure document with --json.
 */
export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = configureProgram(new Command('insights'), io).description('Analytics over the Sparkify star schema, as an HTML report with charts.');

  program
    .command('report')
    .description('Query the warehouse and write a self-contained HTML report (charts inlined as SVG).')
    .option('--config <file>', 'dwh.cfg to read (default: $SPARKIFY_CONFIG, else ./dwh.cfg if present)')
    .option('--database-url <url>', 'a PostgreSQL server instead of the embedded one')
    .option('--data-dir <dir>', "the embedded PostgreSQL's data folder")
    .option('--schema <name>', 'schema the tables live in')
    .option('--out <file>', 'where to write the HTML', '.sparkify/report/index.html')
    .addOption(new Option('--format <format>', 'html, or png to also write PNG images (needs Chromium)').choices(['html', 'png']).default('html'))
    .option('--top <n>', 'rows in each top-N chart', positiveInt, 10)
    .option('--json', 'print one JSON summary instead of lines')
    .action(async (flags: ReportFlags) => {
      // The report (the warehouse, Kysely, the queries, vega) loads only when it runs: `--help` and usage errors
      // need nothing but commander and this table. The bundle puts it in a chunk of its own.
      const { report } = await import('./report-command.js');
      exitCode = await report(flags, io);
    });

  return runProgram(program, argv, () => exitCode);
}
