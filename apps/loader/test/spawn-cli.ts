import { execFile, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');
const app = join(root, 'apps/loader');

// Built once per test file, from the current sources (as `nx run loader:build` does), so the spawned CLI is
// the built JavaScript a user runs, never a stale dist.
let built: Promise<unknown> | undefined;
const build = () => (built ??= promisify(execFile)(process.execPath, [join(root, 'apps/esbuild-app.mjs'), 'src/main.ts', 'dist/main.js'], { cwd: app }));

/** Runs the built CLI (`node apps/loader/dist/main.js`) in a child process, as `nx run loader:<target>` does. */
export async function spawnCli(args: readonly string[], cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  await build();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(app, 'dist/main.js'), ...args], {
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
