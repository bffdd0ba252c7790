import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';

const redshiftCfg = join(import.meta.dirname, '__fixtures__', 'seed-redshift-dwh.cfg');
// Port 1 on loopback: nothing listens, so any connection attempt would fail the command.
const nowhere = 'postgres://nobody@127.0.0.1:1/none';

/** Every non-comment chunk of the script ends with `;`: the whole of stdout is SQL a person can run. */
const isScript = (stdout: string) =>
  stdout
    .split(/;\n(?:\n|$)/)
    .map((s) => s.replace(/^--[^\n]*\n?/gm, '').trim())
    .filter((s) => s !== '').length === (stdout.match(/;\n(?:\n|$)/g) ?? []).length;

describe('--dry-run prints every statement, without connecting', () => {
  it('etl on Redshift (seed-format dwh.cfg): the whole run, COPY with MAXERROR 7 and the bucket region', async () => {
    const result = await run(['etl', '--dry-run', '--config', redshiftCfg, '--max-errors', '7']);
    expect(result.code).toBe(0);
    expect(isScript(result.stdout)).toBe(true);
    const out = result.stdout;
    const order = ['begin;', "set search_path to 'public';", 'create table if not exists "public"."songplays"', 'COPY "public"."staging_songs"', 'create or replace function "public"."f_sparkify_repair_mojibake"', 'insert into "public"."songplays"', 'commit;'];
    const at = order.map((s) => out.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out.match(/\nMAXERROR 7\n/g)).toHaveLength(2);
    expect(out.match(/\nREGION 'us-west-2'\n/g)).toHaveLength(2);
    expect(out).not.toContain('Passw0rd-In-Fixture');
  });

  const dir = tempDir();
  afterAll(() => dir.remove());

  it('stage, transform and check on a PostgreSQL URL nobody listens on: statements only, exit 0', async () => {
    mkdirSync(join(dir.path, 'song_data'));
    mkdirSync(join(dir.path, 'log_data'));
    writeFileSync(join(dir.path, 'song_data', 'a.json'), '{"song_id": "S1", "title": "One", "artist_id": "A1", "artist_name": "X", "duration": 1.5, "year": 0, "num_songs": 1}\n');
    writeFileSync(join(dir.path, 'log_data', 'e.json'), '{"ts": 1541106106796, "userId": "8", "sessionId": 1, "itemInSession": 0, "page": "NextSong"}\n');
    for (const [command, expected] of [
      ['stage', 'copy "public"."staging_songs"'],
      ['transform', 'analyze "public"."staging_events", "public"."staging_songs";'],
      ['check', 'select count(*) as "n" from (select'],
    ] as const) {
      const result = await run([command, '--dry-run', '--database-url', nowhere, '--source', dir.path]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, command).toContain(expected);
      expect(isScript(result.stdout), command).toBe(true);
    }
  });

  it('--json carries the statements instead', async () => {
    const result = await run(['transform', '--dry-run', '--json', '--database-url', nowhere]);
    const summary = JSON.parse(result.stdout) as { ok: boolean; dryRun: boolean; statements: string[] };
    expect(summary).toMatchObject({ ok: true, dryRun: true });
    expect(summary.statements.length).toBeGreaterThan(10);
  });
});
