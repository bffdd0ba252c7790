import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');
const app = join(root, 'apps/loader');
// Built once per test process, from the current sources, by the same build as `nx run loader:build`, so the
// spawned CLI is the built JavaScript a user runs and never a stale dist. Its own folder under dist/ (packages
// left external resolve from the workspace's node_modules above it), so parallel builds never overwrite each other.
const outDir = join(app, 'dist', `test-${process.pid}`);
let built: Promise<unknown> | undefined;
function build(): Promise<unknown> {
  if (!built) {
    built = promisify(execFile)(process.execPath, [join(root, 'apps/esbuild-app.mjs'), 'src/main.ts', join(outDir, 'main.js')], { cwd: app });
  }
  return built;
}

/** Builds the CLI (once per test process) and gives the path of its entry, dist/test-<pid>/main.js. */
export async function builtCli(): Promise<string> {
  await build();
  return join(outDir, 'main.js');
}

/** Removes this process's build (call it in afterAll: test workers may end without an 'exit' event). */
export function removeBuiltCli(): void {
  rmSync(outDir, { recursive: true, force: true });
  built = undefined;
}

/** Runs the built CLI in a child process with `node`, as `nx run loader:<target>` runs `node apps/loader/dist/main.js`. */
export async function spawnCli(args: readonly string[], cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  await build();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(outDir, 'main.js'), ...args], {
      cwd,
      env: { PATH: process.env['PATH'] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
