import { isDebug, reportFailure, type Io } from '@sparkify/cli';
import { loadConfig, scrub, secretsOf } from '@sparkify/config';
import { runReport, type ReportFormat, type ReportResult } from './report/run-report.js';
import { count } from './report/format.js';

export interface ReportFlags {
  config?: string;
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
  out: string;
  format: ReportFormat;
  top: number;
  json?: boolean;
}

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

/** Runs `insights report`: loads the config, writes the report, prints its summary; failures become an exit code. */
export async function report(flags: ReportFlags, io: Io): Promise<number> {
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
