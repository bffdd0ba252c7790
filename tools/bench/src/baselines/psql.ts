import { spawn } from 'node:child_process';

export interface ProcessMeasure {
  readonly ms: number;
  readonly peakRssKb: number;
  readonly stdout: string;
}

/**
 * Runs psql (through `/usr/bin/time -f %M` for its peak RSS) against a database, stopping at the first error.
 * `args` are psql's own arguments after the connection (e.g. `-c "\copy …"` or `-f file`). Sessions run with the
 * settings our own connections use (UTC, no JIT, no parallel workers), so a baseline differs from ours by its SQL, not by its session.
 */
export function psql(url: string, args: readonly string[]): Promise<ProcessMeasure> {
  const started = performance.now();
  const marker = 'BENCH_MAX_RSS_KB=';
  return new Promise((resolve, reject) => {
    const child = spawn(
      '/usr/bin/time',
      ['-f', `${marker}%M`, 'psql', '--no-psqlrc', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGOPTIONS: '--client-min-messages=warning -c jit=off -c max_parallel_workers_per_gather=0 -c TimeZone=UTC' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => reject(new Error(`cannot run psql through /usr/bin/time: ${e.message} (install postgresql-client and time)`)));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = new RegExp(`${marker}(\\d+)`).exec(stderr);
      const errors = stderr.replace(new RegExp(`${marker}\\d+\\s*`), '').trim();
      if (code !== 0) {
        reject(new Error(`psql ${args.join(' ').slice(0, 200)} failed (exit ${code}): ${errors.slice(-2000)}`));
        return;
      }
      resolve({ ms, peakRssKb: Number(rss?.[1] ?? 0), stdout });
    });
  });
}

/** Single-quoted for psql's \copy file argument. */
export const psqlQuote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
