import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase, describeWith, postgresServer, type Requirement, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedConfig, tempDir, urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import { redshiftRunLockHolderQuery, redshiftRunLockStatements, redshiftRunLockTableStatement, runLockKey, RunLockTimeout, withRunLock } from './run-lock.js';
import type { Warehouse } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same run-lock behaviour on the embedded PostgreSQL and on the server: two sessions of one database. */
function runLockSuite(open: () => Promise<Warehouse>) {
  let a: Warehouse;
  let b: Warehouse;
  beforeAll(async () => {
    a = await open();
    b = await open();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('makes a second run wait, says who holds the lock since when, then runs it after the first', async () => {
    const order: string[] = [];
    const waits: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withRunLock(a, { command: 'etl', waitSeconds: 30 }, async () => {
      order.push('first starts');
      await held;
      order.push('first ends');
    });
    await sleep(200);
    const second = withRunLock(b, { command: 'stage', waitSeconds: 30, pollMs: 20, onWait: (m) => waits.push(m) }, async () => {
      order.push('second starts');
    });
    await sleep(500);
    expect(order).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(/^another run has held the warehouse since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(sparkify etl \(run lock\), pid \d+.*\); waiting up to 30 s$/);
  });

  it('gives up after waitSeconds with RunLockTimeout, naming the holder, without running the body', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withRunLock(a, { command: 'etl', waitSeconds: 30 }, () => held);
    await sleep(200);
    let ran = false;
    const started = performance.now();
    const error = await withRunLock(b, { command: 'transform', waitSeconds: 1, pollMs: 20 }, async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    release();
    await first;
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(RunLockTimeout);
    expect(error).toMatchObject({ kind: 'transient', code: 'RUN_LOCK_TIMEOUT' });
    expect((error as Error).message).toMatch(/is still held by sparkify etl \(run lock\), pid \d+.* since .* UTC by another run, after waiting 1 s; this transform did not start/);
    expect((error as Error).message).toContain('--wait');
  });

  it('releases the lock when the body fails, and locks per schema', async () => {
    await expect(withRunLock(a, { command: 'etl', waitSeconds: 0 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // Free again at once.
    await withRunLock(b, { command: 'etl', waitSeconds: 0 }, async () => {});
    expect(runLockKey('public')).not.toEqual(runLockKey('other'));
    expect(runLockKey('public')).toEqual(runLockKey('public'));
  });

  it('frees the lock of a run whose session died (killed with -9): the server drops it with the connection', async () => {
    let pid = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withRunLock(a, { command: 'etl', waitSeconds: 0 }, async () => {
      const [row] = await b.sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = 'sparkify etl (run lock)'`;
      pid = row!.pid;
      await held;
    });
    try {
      await sleep(200);
      expect(pid).toBeGreaterThan(0);
      await b.sql`select pg_terminate_backend(${pid})`;
      await withRunLock(b, { command: 'etl', waitSeconds: 5, pollMs: 20 }, async () => {});
    } finally {
      release();
      await first;
    }
  });
}

describe('the run lock on the embedded PostgreSQL', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  // One data folder, one server: the two warehouses share it through the first's connection details.
  let shared: Warehouse | undefined;
  runLockSuite(async () => {
    if (!shared) {
      shared = await connect(embeddedConfig(dir.path + '/pg'));
      return shared;
    }
    const { host, port, database, user, pass } = shared.sql.options as unknown as { host: string[]; port: number[]; database: string; user: string; pass: string };
    const url = `postgres://${user}:${encodeURIComponent(pass)}@${host[0]}:${port[0]}/${database}`;
    return connect(urlConfig(url));
  });
});

describeWith(await postgresServer(), 'the run lock on the PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
  });
  afterAll(async () => db?.drop());
  runLockSuite(() => connect(urlConfig(db.url)));
});

describe('the run lock on Redshift (statements; no cluster here)', () => {
  it('locks a control table inside the run transaction, bounded by statement_timeout, and records who and since when', () => {
    expect(redshiftRunLockTableStatement('public')).toBe(
      'create table if not exists "public".sparkify_run_lock (holder varchar(256) not null, since timestamp not null)',
    );
    expect(redshiftRunLockStatements('public', 'etl', 600)).toEqual([
      'set statement_timeout to 600000',
      'lock "public".sparkify_run_lock',
      'set statement_timeout to 0',
      'delete from "public".sparkify_run_lock',
      `insert into "public".sparkify_run_lock (holder, since) values ('sparkify etl (pid ' || pg_backend_pid() || ')', getdate())`,
    ]);
  });
});

const sqlfluff: Requirement<string> = existsSync('/usr/bin/sqlfluff')
  ? { available: true, value: '/usr/bin/sqlfluff', what: 'sqlfluff' }
  : { available: false, what: 'sqlfluff', reason: 'not installed (apt-get install sqlfluff)' };

describeWith(sqlfluff, 'the Redshift run-lock SQL under sqlfluff (redshift dialect)', (bin) => {
  it('parses every statement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparkify-lock-sql-'));
    try {
      writeFileSync(join(dir, '.sqlfluff'), '[sqlfluff]\ndialect = redshift\nlarge_file_skip_byte_limit = 0\n');
      const statements = [redshiftRunLockTableStatement('my schema'), redshiftRunLockHolderQuery('public'), ...redshiftRunLockStatements('public', 'etl', 1)];
      writeFileSync(join(dir, 'lock.sql'), statements.map((s) => s + ';\n').join(''));
      const out = execFileSync(bin, ['parse', 'lock.sql'], { cwd: dir, encoding: 'utf8' }); // exit 1 on a parse error
      expect(out).not.toMatch(/unparsable/i);
      expect(out).toContain('lock_table_statement');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
