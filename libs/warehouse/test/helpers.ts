import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@sparkify/config';
import { testConfig } from '@sparkify/config/testing';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

/** A fresh temporary folder the `postgres` user can enter (mkdtemp makes 0700 folders). */
export function tempDir(prefix = 'sparkify-wh-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(path, 0o755);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const embeddedConfig = (dataDir: string, schema = 'public'): Config =>
  testConfig({ target: { kind: 'embedded', dataDir, database: 'sparkify' }, etl: { schema } });

export const urlConfig = (url: string, schema = 'public'): Config =>
  testConfig({ target: { kind: 'postgres', url }, etl: { schema } });

/**
 * Runs test/hold-embedded.ts in a child process: it opens the embedded warehouse in `dataDir`, prints
 * `READY <port>` and waits (to be killed). Resolves once it is ready.
 */
export async function holdEmbedded(dataDir: string): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'hold-embedded.ts'), dataDir],
    { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolvePort(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`hold-embedded exited (${code}) before READY:\n${err}`)));
  });
  return { child, port, stderr: () => err };
}
