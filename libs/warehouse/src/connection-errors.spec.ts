import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '@sparkify/config/testing';
import { describeWith, postgresServer } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedConfig, tempDir, urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import { freeLoopbackPort } from './embedded/free-port.js';
import { WarehouseError } from './errors.js';
import type { Warehouse } from './types.js';

const SECRET = 'Tr0ub4dor&3-horse';

async function failure(promise: Promise<Warehouse>): Promise<WarehouseError> {
  const outcome = await promise.then(
    async (wh) => {
      await wh.close();
      return new Error('connected, but a failure was expected');
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(WarehouseError);
  return outcome as WarehouseError;
}

describe('connection failures', () => {
  it('a refused connection is transient, retried, and named by target, host and port without the password', async () => {
    const port = await freeLoopbackPort();
    const progress: string[] = [];
    const error = await failure(
      connect(urlConfig(`postgres://etl:${encodeURIComponent(SECRET)}@127.0.0.1:${port}/sparkify`), {
        attempts: 3,
        retryDelayMs: 5,
        onProgress: (m) => progress.push(m),
      }),
    );
    expect(error.kind).toBe('transient');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(
      `Cannot connect to the PostgreSQL server at 127.0.0.1:${port} (database "sparkify", user "etl") after 3 attempts: ` +
        'connection refused (nothing listens there) [ECONNREFUSED]. Check that the server is running and that the host and port are right.',
    );
    expect(progress).toHaveLength(2);
    for (const text of [error.message, String(error.stack), ...progress]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encodeURIComponent(SECRET));
    }
  });

  it('an unreachable Redshift cluster is reported as Redshift, with its host and port', async () => {
    const port = await freeLoopbackPort();
    const config = testConfig({
      target: { kind: 'redshift', host: '127.0.0.1', port, database: 'dwh', user: 'dwhuser', password: SECRET },
    });
    const error = await failure(connect(config, { attempts: 1 }));
    expect(error.message).toMatch(new RegExp(`^Cannot connect to Amazon Redshift at 127\\.0\\.0\\.1:${port} \\(database "dwh", user "dwhuser"\\): connection refused`));
    expect(error.message).not.toContain(SECRET);
  });
});

describe('authentication against the embedded PostgreSQL (it checks passwords)', () => {
  const dir = tempDir();
  let wh: Warehouse;
  let port: number;
  let password: string;

  beforeAll(async () => {
    wh = await connect(embeddedConfig(join(dir.path, 'pg')));
    port = Number(/:(\d+) /.exec(wh.description)?.[1]);
    password = readFileSync(join(dir.path, 'pg', 'password'), 'utf8').trim();
  });
  afterAll(async () => {
    await wh?.close();
    dir.remove();
  });

  it('a wrong password is terminal: no retry, and the message names the user but not the password', async () => {
    const progress: string[] = [];
    const error = await failure(
      connect(urlConfig(`postgres://postgres:${encodeURIComponent(SECRET)}@127.0.0.1:${port}/sparkify`), { onProgress: (m) => progress.push(m) }),
    );
    expect(error.kind).toBe('terminal');
    expect(error.code).toBe('28P01');
    expect(error.message).toContain(`the PostgreSQL server at 127.0.0.1:${port} (database "sparkify", user "postgres")`);
    expect(error.message).toContain('password authentication failed for user "postgres"');
    expect(error.message).toContain('Check the user name and password');
    expect(error.message).not.toContain(SECRET);
    expect(progress).toEqual([]);
  });

  it('the right password in a URL connects, and the description does not show it', async () => {
    const other = await connect(urlConfig(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/sparkify`));
    try {
      expect(other.description).toBe(`PostgreSQL 18.4 at 127.0.0.1:${port} (database "sparkify", user "postgres")`);
      expect(other.description).not.toContain(password);
    } finally {
      await other.close();
    }
  });
});

describeWith(await postgresServer(), 'connecting to the PostgreSQL server', (serverUrl) => {
  it('an unknown database is terminal and says what to do', async () => {
    const url = new URL(serverUrl);
    url.pathname = '/no_such_database_here';
    const error = await failure(connect(urlConfig(url.toString())));
    expect(error.kind).toBe('terminal');
    expect(error.code).toBe('3D000');
    expect(error.message).toContain(`at ${url.hostname}:${url.port || 5432} (database "no_such_database_here"`);
    expect(error.message).toContain('Create that database first');
  });

  it('describes the server by version, host and port', async () => {
    const wh = await connect(urlConfig(serverUrl));
    try {
      expect(wh.description).toMatch(/^PostgreSQL \d+\.\d+ at 127\.0\.0\.1:5432 \(database "postgres", user "postgres"\)$/);
      expect(wh.schema).toBe('public');
    } finally {
      await wh.close();
    }
  });
});
