import { join } from 'node:path';
import { createTableStatements, tableNames } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';

const fixtures = join(import.meta.dirname, '__fixtures__');

describe('create-tables --dry-run', () => {
  it('prints the Redshift DDL for a seed-format dwh.cfg with [CLUSTER] HOST, without connecting (golden)', async () => {
    const result = await run(['create-tables', '--dry-run', '--config', join(fixtures, 'redshift.cfg')]);
    expect(result.code).toBe(0);
    // Exactly the schema's Redshift DDL (whose text @sparkify/schema keeps as golden), after one header line.
    const ddl = createTableStatements('redshift').map((s) => `${s};\n\n`).join('');
    expect(result.stdout).toBe(`-- redshift DDL for schema public\n${ddl}`);
    expect(result.stdout + result.stderr).not.toContain('Passw0rd-In-Fixture');
  });

  it('prints the PostgreSQL DDL, with drops first when resetting, as JSON', async () => {
    const dir = tempDir();
    try {
      const result = await run(['create-tables', '--dry-run', '--reset', '--schema', 'etl', '--json'], { cwd: dir.path });
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as { command: string; ok: boolean; dialect: string; statements: string[] };
      expect(summary).toMatchObject({ command: 'create-tables', ok: true, dialect: 'postgres' });
      expect(summary.statements[0]).toBe('create schema if not exists "etl"');
      expect(summary.statements.filter((s) => s.startsWith('drop table'))).toHaveLength(tableNames.length);
      expect(summary.statements.filter((s) => s.startsWith('create table if not exists "etl".'))).toHaveLength(tableNames.length);
    } finally {
      dir.remove();
    }
  });
});

describe('create-tables on the embedded PostgreSQL', () => {
  const dir = tempDir();
  const args = ['--data-dir', join(dir.path, 'pg'), '--json'];
  afterAll(() => dir.remove());

  it('creates every table on a fresh warehouse', async () => {
    const result = await run(['create-tables', ...args], { cwd: dir.path });
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ command: 'create-tables', ok: true, created: tableNames, existing: [], dropped: [] });
    expect(summary['target']).toMatch(/^embedded PostgreSQL 18\.\d+ at 127\.0\.0\.1:\d+/);
  });

  it('is idempotent', async () => {
    const result = await run(['create-tables', ...args], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: [], existing: tableNames });
  });

  it('--reset drops and recreates every table', async () => {
    const result = await run(['create-tables', '--reset', ...args], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: tableNames, existing: [], dropped: tableNames });
  });

  it('prints a readable summary without --json', async () => {
    const result = await run(['create-tables', '--data-dir', join(dir.path, 'pg')], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^target: embedded PostgreSQL .*\ncreated none: every table exists\nalready there 9: staging_events, staging_songs, songplays/);
  });
});

describeWith(await postgresServer(), 'create-tables on the PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
  });
  afterAll(async () => db?.drop());

  it('creates, then finds every table (DATABASE_URL from the environment)', async () => {
    const env = { PATH: process.env['PATH'], DATABASE_URL: db.url };
    const first = await run(['create-tables', '--json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: tableNames, target: expect.stringMatching(/^PostgreSQL \d+\.\d+ at 127\.0\.0\.1:5432/) });
    const second = await run(['create-tables', '--json', '--database-url', db.url]);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: [], existing: tableNames });
  });
});
