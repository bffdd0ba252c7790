import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { ChromiumMissingError, launchChromium } from './browser/chromium.js';
import { runCli } from './cli.js';
import { capturedIo } from '@sparkify/cli';

async function run(argv: string[]) {
  const captured = capturedIo({ env: {}, cwd: '/' });
  const code = await runCli(argv, captured.io);
  return { code, out: captured.stdout(), err: captured.stderr() };
}

describe('insights command line', () => {
  it('rejects an unknown format with the choices', async () => {
    const r = await run(['report', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format.*pdf.*html, png/s);
  });

  it('rejects a bad --top', async () => {
    const r = await run(['report', '--top', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected a whole number from 1 to 100');
  });

  it('reports a config problem and exits 2', async () => {
    const r = await run(['report', '--config', '/nonexistent/dwh.cfg']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('insights report failed: The configuration has 1 problem');
    expect(r.err).toContain('does not exist');
  });

  it('stops before connecting when --format png cannot find Chromium', async () => {
    const before = process.env['SPARKIFY_CHROMIUM'];
    process.env['SPARKIFY_CHROMIUM'] = '/nonexistent/chromium';
    try {
      // Port 1 refuses connections: had the report tried to connect first, the error would be about that.
      const r = await run(['report', '--format', 'png', '--database-url', 'postgres://u@127.0.0.1:1/x']);
      expect(r.code).toBe(3);
      expect(r.err).toContain('Chromium was not found at /nonexistent/chromium');
      expect(r.err).toContain('apt-get install -y chromium');
    } finally {
      if (before === undefined) delete process.env['SPARKIFY_CHROMIUM'];
      else process.env['SPARKIFY_CHROMIUM'] = before;
    }
  });

  it('prints the one failure document with --json: a config problem is exit 2', async () => {
    const r = await run(['report', '--json', '--config', '/nonexistent/dwh.cfg']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ command: 'report', ok: false, exitCode: 2, error: { kind: 'usage', retry: 'terminal', message: expect.stringContaining('does not exist') } });
  });

  it('exits 3 on an unexpected error, with its name and the failure document', async () => {
    // An environment that breaks when the config is read from it (DEBUG still answers): nothing insights foresees.
    const env = new Proxy(
      {},
      {
        get: (_target, key) => {
          if (key === 'DEBUG') return undefined;
          throw new TypeError('environment unreadable');
        },
      },
    );
    const captured = capturedIo({ cwd: '/' });
    const code = await runCli(['report', '--json'], { ...captured.io, env });
    expect(code).toBe(3);
    expect(JSON.parse(captured.stdout())).toEqual({ command: 'report', ok: false, exitCode: 3, error: { kind: 'unexpected', retry: 'terminal', message: expect.stringMatching(/^TypeError: environment unreadable/) } });
    expect(captured.stderr()).toMatch(/^insights report failed: TypeError: environment unreadable$/m);
  });

  it('names the package to install when Chromium is missing', async () => {
    const failure = launchChromium({ path: '/nonexistent/chromium' });
    await expect(failure).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(failure).rejects.toThrow(/apt-get install -y chromium/);
  });
});

describeWith(await postgresServer(), 'insights report on a warehouse without tables', (serverUrl) => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase(serverUrl);
  });
  afterAll(async () => {
    await temp?.drop();
  });

  it('tells the person to run the ETL first, and never prints the password', async () => {
    const url = new URL(temp.url);
    url.password = 'hunter2-secret'; // the test server trusts loopback, so any password connects
    const r = await run(['report', '--database-url', url.toString(), '--out', '/tmp/sparkify-insights-never-written.html']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('The star tables are missing in schema "public"');
    expect(r.err).toContain('npx nx run loader:etl');
    expect(r.out + r.err).not.toContain('hunter2-secret');
  });
});
