import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const workspace = join(import.meta.dirname, '../../../..');
const asRoot = process.getuid?.() === 0;

/**
 * A clone in a folder only root may enter (root's home, `mktemp -d`): the workspace's libs and node_modules,
 * hard-linked into a 0700 folder (seconds, no bytes copied), so that the binaries in node_modules and the data
 * folder are out of the `postgres` user's reach, as in a real clone there. .ci/run does the same with a real clone.
 */
describe.runIf(asRoot)('the embedded PostgreSQL run as root from a clone in a 0700 folder (needs root)', () => {
  const base = mkdtempSync(join(tmpdir(), 'sparkify-private-'));
  const clone = join(base, 'clone');
  // The runs' TMPDIR: a fresh one, so that staging happens in this test; and one only root may enter.
  const tmp = mkdtempSync(join(tmpdir(), 'sparkify-tmpdir-'));
  chmodSync(tmp, 0o755);
  const closedTmp = join(base, 'closed-tmp');
  mkdirSync(clone);
  mkdirSync(closedTmp, { mode: 0o700 });
  execFileSync('cp', ['-al', join(workspace, 'node_modules'), join(workspace, 'libs'), join(workspace, 'package.json'), join(workspace, 'tsconfig.base.json'), clone]);
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });

  const run = (tmpDir: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      let stdout = '';
      let stderr = '';
      const child = spawn(process.execPath, ['--import', 'tsx', join(clone, 'libs/warehouse/test/connect-once.ts')], {
        cwd: clone,
        env: { ...process.env, TMPDIR: tmpDir, TSX_TSCONFIG_PATH: join(clone, 'tsconfig.base.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('starts: the binaries are staged once in the temporary folder, the cluster lives there, and it is found again', async () => {
    expect(statSync(base).mode & 0o777).toBe(0o700);
    const first = await run(tmp);
    expect(first.stderr).not.toContain('FAILED');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('RUNS 1\n');
    expect(first.stderr).toMatch(/the postgres user cannot enter .*, so the PostgreSQL binaries are staged in .*sparkify-embedded-postgres-/);
    expect(first.stderr).toMatch(/so the embedded PostgreSQL keeps its data in .*sparkify-pg-[0-9a-f]{16}/);
    const staged = readdirSync(tmp).filter((n) => n.startsWith('sparkify-embedded-postgres-'));
    expect(staged).toHaveLength(1);
    expect(statSync(join(tmp, staged[0] as string)).mode & 0o777).toBe(0o755);

    const second = await run(tmp);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('RUNS 2\n'); // the same cluster, found again
    expect(second.stderr).not.toContain('staged in'); // staged once
  }, 180_000);

  it('where it cannot work (a temporary folder the postgres user cannot enter), says why in one paragraph before any work', async () => {
    rmSync(join(clone, '.sparkify'), { recursive: true, force: true });
    const { code, stdout, stderr } = await run(closedTmp);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^FAILED: The embedded PostgreSQL cannot start here\. PostgreSQL refuses to run as root, so it runs as the user postgres, who cannot enter .*\. .* or load into a PostgreSQL server with --database-url\.\n$/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(clone, '.sparkify'))).toBe(false); // nothing was made
  }, 60_000);
});
