import { connect, countRows, runLockKey } from '@sparkify/warehouse';
import { testConfig } from '@sparkify/config/testing';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../test/capture.js';
import { expectedCounts } from '../test/expected.js';
import { EXIT } from '@sparkify/cli';

describeWith(await postgresServer(), 'one run at a time on the PostgreSQL server', (serverUrl) => {
  describeWith(sharedData('sparkify-small'), 'with the small real data set', (source) => {
    let db: TempDatabase;
    beforeAll(async () => {
      db = await createTempDatabase(serverUrl);
    });
    afterAll(async () => db?.drop());

    it('runs two etl at once on a fresh database: the second waits, both succeed, the tables are right', async () => {
      const expected = expectedCounts(source);
      const args = ['etl', '--source', source, '--database-url', db.url, '--json'];
      const [a, b] = await Promise.all([run(args), run(args)]);
      expect([a.stderr, b.stderr].join('\n')).not.toContain('pg_type_typname_nsp_index');
      expect([a.code, b.code]).toEqual([0, 0]);
      // Exactly one of them waited for the other, and said so.
      const waited = [a, b].filter((r) => /another run has held the warehouse since .+; waiting/.test(r.stderr));
      expect(waited).toHaveLength(1);
      const wh = await connect(testConfig({ target: { kind: 'postgres', url: db.url } }));
      try {
        const rows = await countRows(wh.db);
        expect(rows['staging_events']).toBe(expected.events);
        expect(rows['songplays']).toBe(expected.plays);
        expect(rows['users']).toBe(expected.users);
        expect(rows['load_ledger']).toBe(expected.songFiles + expected.logFiles);
      } finally {
        await wh.close();
      }
    }, 120_000);

    it('gives up after --wait seconds with a clear message and its own exit code', async () => {
      // Another session holds the run lock (as a run in progress would).
      const holder = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        const wh = await connect(testConfig({ target: { kind: 'postgres', url: db.url } }));
        await wh.close();
        const [k1, k2] = runLockKey('public');
        await holder`select pg_advisory_lock(${k1}::int, ${k2}::int)`;
        const started = performance.now();
        const result = await run(['etl', '--source', source, '--database-url', db.url, '--wait', '1', '--json']);
        expect(performance.now() - started).toBeGreaterThan(900);
        expect(result.code).toBe(EXIT.busy);
        expect(result.stderr).toMatch(/another run has held the warehouse since .+; waiting/);
        expect(result.stderr).toMatch(/still held .*after waiting 1 s.*--wait/s);
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
        const doc = JSON.parse(result.stdout) as { ok: boolean; exitCode: number; error: { kind: string; message: string } };
        expect(doc).toMatchObject({ command: 'etl', ok: false, exitCode: EXIT.busy, error: { kind: 'busy' } });
      } finally {
        await holder.end({ timeout: 1 });
      }
    }, 60_000);
  });
});
