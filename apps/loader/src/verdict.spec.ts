import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';

// Issue 15, cases 4 and 6 through the loader: bad records end a run with exit 1 naming file and line (never 3),
// load within --max-errors into load_errors, and duplicate events never fail the data tests.
const event = (n: number, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    artist: 'A', auth: 'Logged In', firstName: 'F', gender: 'F', itemInSession: n, lastName: 'L', length: 1.5, level: 'free',
    location: 'Here', method: 'PUT', page: 'NextSong', registration: 1540919166796, sessionId: 1, song: 'S', status: 200,
    ts: 1541105830796 + n, userAgent: 'UA', userId: '7', ...overrides,
  });
const LOG = 'log_data/2018/11/2018-11-01-events.json';

describeWith(await postgresServer(), 'every record gets a verdict, through the loader (PostgreSQL server)', (serverUrl) => {
  const dir = tempDir();
  let db: TempDatabase;
  const write = (relative: string, text: string) => {
    mkdirSync(join(dir.path, 'data', relative, '..'), { recursive: true });
    writeFileSync(join(dir.path, 'data', relative), text);
  };
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
    write('song_data/A/A/A/TRAAA01.json', JSON.stringify({ num_songs: 1, artist_id: 'AR1', artist_name: 'A', song_id: 'SO1', title: 'S', duration: 1.5, year: 2001 }));
    write(LOG, [event(0), event(1, { userId: 'abc' }), event(2, { ts: null }), event(3, { userId: '' }), event(4, { ts: 1e15 })].join('\n') + '\n');
    write('log_data/2018/11/2018-11-02-events.json', event(0) + '\n'); // the same event in a second file
  });
  afterAll(async () => {
    await db?.drop();
    dir.remove();
  });
  const etl = (...extra: string[]) => run(['etl', '--source', join(dir.path, 'data'), '--database-url', db.url, '--json', ...extra], { cwd: dir.path });

  it('exits 1 (not 3) over --max-errors, naming each record by file and line', async () => {
    const result = await etl('--max-errors', '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${LOG} line 2, column user_id: "abc" is not a whole number`);
    expect(result.stderr).toContain(`${LOG} line 3, column ts: a NextSong event needs a ts`);
    expect(result.stderr).toContain(`${LOG} line 4, column user_id: a NextSong event needs a userId`);
    expect(result.stderr).toContain(`${LOG} line 5, column ts: ts 1000000000000000 (epoch milliseconds) is not a time`);
  });

  it('within --max-errors loads the rest: one play for the duplicated event, four records in load_errors, checks pass', async () => {
    const result = await etl('--max-errors', '4');
    expect(result.stderr).not.toMatch(/FAILED/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { rows: Record<string, number>; rejected: { count: number } };
    expect(summary.rejected.count).toBe(4);
    expect(summary.rows).toMatchObject({ songplays: 1, users: 1, load_errors: 4 });
  });
});
