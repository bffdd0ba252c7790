import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';

const SECRET = 'hunter2-Very-Secret';

describe('the loader command line', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('prints help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['etl', 'create-tables', 'stage', 'transform', 'check']) expect(result.stdout).toContain(command);
  });

  it('shows the shared options on every subcommand', async () => {
    const result = await run(['stage', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--config', '--database-url', '--source', '--json', '--max-errors', '--full-refresh', '--data-dir']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('exits 2 without a command', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });

  it('exits 2 on an unknown flag, naming it', async () => {
    const result = await run(['etl', '--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('exits 2 on a bad --max-errors value', async () => {
    const result = await run(['etl', '--max-errors', 'ten']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--max-errors.*expected a whole number/);
  });

  it('exits 2 on a configuration error, listing the problem', async () => {
    const result = await run(['create-tables', '--config', join(dir.path, 'missing.cfg')], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.cfg does not exist');
    expect(result.stdout).toBe('');
  });

  it('exits 2 with a JSON error on stdout when --json is given', async () => {
    const result = await run(['create-tables', '--json', '--database-url', 'mysql://nope'], { cwd: dir.path });
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; error: { kind: string; message: string } };
    expect(summary).toMatchObject({ command: 'create-tables', ok: false, exitCode: 2, error: { kind: 'usage' } });
  });

  it('exits 3 on an unexpected error, with its name and the one failure document', async () => {
    // An environment that breaks when the config is read from it (DEBUG still answers): nothing the loader foresees.
    const env = new Proxy(
      {},
      {
        get: (_target, key) => {
          if (key === 'DEBUG') return undefined;
          throw new TypeError('environment unreadable');
        },
      },
    );
    const result = await run(['check', '--json'], { cwd: dir.path, env });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({
      command: 'check',
      ok: false,
      exitCode: 3,
      error: { kind: 'unexpected', retry: 'terminal', message: expect.stringMatching(/^TypeError: environment unreadable/) },
    });
    expect(result.stderr).toMatch(/^sparkify check failed: TypeError: environment unreadable$/m);
  });

  it('exits 4 (target unavailable, a retry may help) when the warehouse cannot be reached, naming host and port, never the password', async () => {
    const url = `postgres://etl:${SECRET}@127.0.0.1:1/dwh`;
    for (const args of [['create-tables'], ['create-tables', '--json']]) {
      const result = await run([...args, '--database-url', url], { cwd: dir.path });
      expect(result.code).toBe(4);
      if (args.includes('--json')) expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, exitCode: 4, error: { kind: 'unavailable' } });
      expect(result.stderr).toContain('Cannot connect to the PostgreSQL server at 127.0.0.1:1 (database "dwh", user "etl")');
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
  }, 20_000);

  it('shows no stack trace unless DEBUG=sparkify', async () => {
    const url = 'postgres://etl@127.0.0.1:1/dwh';
    const plain = await run(['create-tables', '--database-url', url], { cwd: dir.path });
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['create-tables', '--database-url', url], { cwd: dir.path, env: { PATH: process.env['PATH'], DEBUG: 'sparkify' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, 20_000);
});
