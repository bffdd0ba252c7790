import { spawn } from 'node:child_process';

/** Wall time of a shell pipeline, in ms; rejects with its stderr when it fails. */
function timeShell(script: string, args: readonly string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bench', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${script} failed (exit ${code}): ${stderr.slice(-1000)}`)),
    );
  });
}

export interface FindCatTimes {
  /** `find … -type f`: listing only. */
  readonly listMs: number;
  /** `find … -type f -exec cat {} + > /dev/null`: listing and reading every byte. */
  readonly listAndReadMs: number;
}

/**
 * The file system's limit for many small files, measured with the bare tools. Each command runs twice and the
 * second (warm page cache, as for the ETL runs that follow) is kept.
 */
export async function findCat(dirs: readonly string[]): Promise<FindCatTimes> {
  const list = 'find "$@" -type f -name "*.json" > /dev/null';
  const read = 'find "$@" -type f -name "*.json" -exec cat {} + > /dev/null';
  await timeShell(read, dirs);
  const listAndReadMs = await timeShell(read, dirs);
  await timeShell(list, dirs);
  const listMs = await timeShell(list, dirs);
  return { listMs, listAndReadMs };
}
