import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** Runs the real CLI entry in a child process through tsx, as `nx run loader:<target>` does. */
export function spawnCli(args: readonly string[], cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['--tsconfig', join(root, 'tsconfig.base.json'), join(root, 'apps/loader/src/main.ts'), ...args], {
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
