import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

// The loader as users run it: built JavaScript, by the same build as `nx run loader:build`, once per bench process
// from the current sources so a stale dist is never measured; in a folder of its own under apps/loader/dist (the
// packages left external resolve from the workspace's node_modules), so a parallel build never overwrites it.
const outDir = join(root, 'apps/loader/dist', `bench-${process.pid}`);
let built: Promise<unknown> | undefined;
function buildLoader(): Promise<unknown> {
  if (!built) {
    built = promisify(execFile)(process.execPath, [join(root, 'apps/esbuild-app.mjs'), 'src/main.ts', join(outDir, 'main.js')], { cwd: join(root, 'apps/loader') });
  }
  return built;
}

/** Removes this process's build of the loader (runBench calls it when done). */
export function removeLoaderBuild(): void {
  rmSync(outDir, { recursive: true, force: true });
  built = undefined;
}

export interface EtlRun {
  /** Spawn to exit: Node start-up, connecting, creating the tables, stage + transform + check, commit. */
  readonly ms: number;
  readonly peakRssKb: number;
}

/**
 * The real thing end to end: the loader CLI's `etl` (one process, one transaction) on a fresh database, as a
 * user runs it (`nx run loader:etl` runs the same built file). Peak RSS from GNU time.
 */
export async function loaderEtl(url: string, dataDir: string): Promise<EtlRun> {
  await buildLoader();
  const started = performance.now();
  const marker = 'BENCH_MAX_RSS_KB=';
  const args = ['-f', `${marker}%M`, process.execPath, join(outDir, 'main.js'), 'etl'];
  args.push('--database-url', url, '--source', dataDir, '--max-errors', String(Number.MAX_SAFE_INTEGER), '--json');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', args, {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = new RegExp(`${marker}(\\d+)`).exec(stderr);
      if (code !== 0) {
        reject(new Error(`loader etl exited with code ${code}: ${stderr.replace(new RegExp(`${marker}\\d+`), '').trim().slice(-1500)}`));
        return;
      }
      resolve({ ms, peakRssKb: Number(rss?.[1] ?? 0) });
    });
  });
}
