import { testConfig } from '@sparkify/config/testing';
import { connect, countRows } from '@sparkify/warehouse';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../test/capture.js';
import { spawnCli } from '../test/spawn-cli.js';
import { EXIT } from '@sparkify/cli';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The connection dropped mid-run (issue 15, case 2): postgres.js used to crash the process with
 * `TypeError: Cannot read properties of null (reading 'write')`, exit 1 and an empty stdout under --json.
 */
describeWith(await postgresServer(), 'a connection lost mid-run, PostgreSQL server', (serverUrl) => {
  describeWith(sharedData('sparkify-small'), 'small data first', (small) => {
    describeWith(sharedData('sparkify'), 'then the full real data set, killed mid-run', (full) => {
      let db: TempDatabase;
      let admin: postgres.Sql;
      let before: Record<string, number>;
      beforeAll(async () => {
        db = await createTempDatabase(serverUrl);
        admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        const first = await run(['etl', '--source', small, '--database-url', db.url]);
        expect(first.code).toBe(0);
        before = await rows();
      }, 120_000);
      afterAll(async () => {
        await admin?.end({ timeout: 1 });
        await db?.drop();
      });

      async function rows(): Promise<Record<string, number>> {
        const wh = await connect(testConfig({ target: { kind: 'postgres', url: db.url } }));
        try {
          return await countRows(wh.db);
        } finally {
          await wh.close();
        }
      }

      /** Terminates the loader's backend as soon as it runs a statement that matches `pattern` (a POSIX regex). */
      async function terminateWhen(pattern: string, timeoutMs = 120_000): Promise<string> {
        const until = performance.now() + timeoutMs;
        while (performance.now() < until) {
          const [hit] = await admin<{ pid: number; query: string }[]>`
            select pid, query from pg_stat_activity
            where datname = ${db.name} and application_name = 'sparkify-loader' and state = 'active' and query ~* ${pattern}`;
          if (hit) {
            await admin`select pg_terminate_backend(${hit.pid})`;
            return hit.query;
          }
          await sleep(5);
        }
        throw new Error(`no statement like ${pattern} ran within ${timeoutMs} ms`);
      }

      const expectLostRun = (result: { code: number | null; stdout: string; stderr: string }, during: RegExp) => {
        expect(result.stderr).not.toContain('TypeError');
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(result.code).toBe(EXIT.unavailable);
        expect(result.stderr).toMatch(/sparkify etl failed: Lost the connection to PostgreSQL \d+\.\d+ at 127\.0\.0\.1:5432 \(database "sparkify_test_\w+", user "postgres"\) while /);
        expect(result.stderr).toMatch(during);
        expect(result.stderr).toContain('running the command again once it answers may succeed');
        const doc = JSON.parse(result.stdout) as { command: string; ok: boolean; exitCode: number; error: { kind: string; message: string } };
        expect(doc).toMatchObject({ command: 'etl', ok: false, exitCode: EXIT.unavailable, error: { kind: 'unavailable' } });
        expect(doc.error.message).toMatch(/^Lost the connection to PostgreSQL/);
      };

      it('during COPY: exit 4, one paragraph, a JSON failure document, nothing committed (real process)', async () => {
        const cli = spawnCli(['etl', '--source', full, '--database-url', db.url, '--json']);
        const killed = await terminateWhen('^copy ');
        const result = await cli;
        expect(killed).toMatch(/^copy /i);
        expectLostRun(result, / while copying data \(COPY\): /);
        console.info(`lost during COPY: ${result.stderr.split('\n').find((l) => l.includes('failed'))}`);
        expect(await rows()).toEqual(before);
      }, 180_000);

      it('during the transform: exit 4, one paragraph, a JSON failure document, nothing committed (real process)', async () => {
        const cli = spawnCli(['etl', '--source', full, '--database-url', db.url, '--json']);
        const killed = await terminateWhen('^(insert into|update|delete from) "public"\\."(songplays|users|songs|artists|time)"');
        const result = await cli;
        expect(killed).toMatch(/^(insert|update|delete)/i);
        expectLostRun(result, /while (running (INSERT INTO|UPDATE|DELETE FROM) "public"\."\w+"|the run's transaction was open): (the server terminated the session|the connection closed unexpectedly)/);
        expect(await rows()).toEqual(before);
      }, 180_000);

      it('the next run works and loads everything', async () => {
        const result = await run(['etl', '--source', full, '--database-url', db.url, '--json']);
        expect(result.code).toBe(0);
        expect((await rows())['songs']).toBeGreaterThan(before['songs']!);
      }, 180_000);
    });
  });
});
