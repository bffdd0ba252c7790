import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '@sparkify/config';
import { runReport, type ReportFormat, type ReportResult } from './report/run-report.js';
import { count } from './report/format.js';

/** Exit codes, as the loader's: 2 for bad flags or configuration, 3 when the report could not be made. */
export const EXIT = { ok: 0, usage: 2, failure: 3 } as const;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

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

/** The `insights` command line. Returns the exit code instead of exiting, so tests can run it in-process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('insights')
    .description('Analytics over the Sparkify star schema, as an HTML report with charts.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

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
      const config = loadConfig({
        file: flags.config,
        env: io.env ?? process.env,
        cwd: io.cwd ?? process.cwd(),
        overrides: { databaseUrl: flags.databaseUrl, dataDir: flags.dataDir, schema: flags.schema },
      });
      for (const warning of config.warnings) io.err(`warning: ${warning}`);
      const result = await runReport(config, {
        out: flags.out,
        format: flags.format,
        top: flags.top,
        onProgress: flags.json ? undefined : (message) => io.err(message),
      });
      if (flags.json) io.out(JSON.stringify(result));
      else summary(result).forEach((line) => io.out(line));
    });

  try {
    await program.parseAsync(['node', 'insights', ...argv]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') return EXIT.ok;
    if (code?.startsWith('commander.')) return EXIT.usage; // commander already printed the usage problem
    io.err(`insights report failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = error instanceof ConfigError ? EXIT.usage : EXIT.failure;
  }
  return exitCode;
}
