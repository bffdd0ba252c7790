import { configureProgram, isDebug, processIo, reportFailure, runProgram, type Io } from '@sparkify/cli';
import { loadConfig, scrub, secretsOf } from '@sparkify/config';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runReport, type ReportFormat, type ReportResult } from './report/run-report.js';
import { count } from './report/format.js';

export { EXIT } from '@sparkify/cli';

interface ReportFlags {
  config?: string;
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
  out: string;
  format: ReportFormat;
  top: number;
  json?: boolean;
}

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('expected a whole number from 1 to 100');
  return n;
};

function summary(r: ReportResult): string[] {
  const lines = [
    `wrote ${r.html}`,
    `  ${r.charts.length} charts · ${count(r.facts.plays)} plays · ${count(r.facts.activeUsers)} listeners · ` +
      `${count(r.loadErrors)} load errors · ` +
      (r.checks ? `${r.checks.passed} data tests passed, ${r.checks.failed} failed` : 'data tests not run') +
      ` · ${(r.elapsedMs / 1000).toFixed(1)} s`,
  ];
  for (const png of r.pngs) lines.push(`wrote ${png}`);
  return lines;
}

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
      exitCode = await report(flags, io);
    });

  return runProgram(program, argv, () => exitCode);
}

async function report(flags: ReportFlags, io: Io): Promise<number> {
  let secrets: string[] = [];
  const err = (line: string) => void io.stderr.write(scrub(line, secrets) + '\n');
  try {
    const config = loadConfig({
      file: flags.config,
      env: io.env,
      cwd: io.cwd,
      overrides: { databaseUrl: flags.databaseUrl, dataDir: flags.dataDir, schema: flags.schema },
    });
    secrets = secretsOf(config);
    for (const warning of config.warnings) err(`warning: ${warning}`);
    const result = await runReport(config, { out: flags.out, format: flags.format, top: flags.top, onProgress: flags.json ? undefined : err });
    const text = flags.json ? JSON.stringify({ command: 'report', ok: true, ...result }) : summary(result).join('\n');
    io.stdout.write(scrub(text, secrets) + '\n');
    return 0;
  } catch (error) {
    return reportFailure(io, 'insights', 'report', error, { json: flags.json === true, debug: isDebug(io), secrets });
  }
}
