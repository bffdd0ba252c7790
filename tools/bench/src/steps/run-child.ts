import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RESULT_MARKER, type Job, type JobResult } from './jobs.js';

const childMain = fileURLToPath(new URL('./child-main.ts', import.meta.url));
const tsconfig = fileURLToPath(new URL('../../../../tsconfig.base.json', import.meta.url));

export interface ChildRun extends JobResult {
  /** Spawn to exit, including Node start-up and TypeScript loading. */
  readonly processMs: number;
}

/**
 * Runs one job in a fresh Node process (through tsx, so the workspace's TypeScript sources load as they are),
 * so that its peak RSS is its own and not the harness's. `nodeArgs` go to node (e.g. `--cpu-prof`). Rejects with the child's stderr tail when it fails.
 */
export function runChild(job: Job, options: { timeoutMs?: number; nodeArgs?: readonly string[] } = {}): Promise<ChildRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', childMain, JSON.stringify(job)], {
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    const timer = options.timeoutMs
      ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const processMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        const why = signal ? `was killed (${signal})` : `exited with code ${code}`;
        reject(new Error(`bench step "${job.kind}" ${why}${line ? '' : ' without a result'}:\n${stderr.trim() || stdout.slice(-2000)}`));
        return;
      }
      resolve({ ...(JSON.parse(line.slice(RESULT_MARKER.length)) as JobResult), processMs });
    });
  });
}
