import { describeWith, postgresServer } from '@sparkify/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runChecks } from '../check/run-checks.js';
import { event, song, sourceFolder, type SourceFolder } from '../stage/__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from '../stage/__fixtures__/test-warehouse.js';
import { stage } from '../stage/stage.js';
import { TooManyLoadErrors } from '../stage/too-many-load-errors.js';
import { transform } from './transform.js';

// Issue 15, cases 4 and 6: every record gets a verdict (loaded, or rejected with file, line, column and reason),
// and the data tests agree with the transform's rules. Each run is stage → transform → checks in one
// transaction, as the loader's etl does.
const LOG = 'log_data/2018/11/2018-11-01-events.json';
const LOG2 = 'log_data/2018/11/2018-11-02-events.json';

describeWith(await postgresServer(), 'every record gets a verdict (PostgreSQL server)', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;
  beforeEach(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    src.write('song_data/A/A/A/TRAAA01.json', song('01'));
  });
  afterEach(async () => {
    await t?.close();
    src?.remove();
  });

  const run = (maxErrors: number) =>
    t.warehouse.begin(async (tx) => {
      const staged = await stage(tx, src.dir, { maxErrors });
      const transformed = await transform(tx, { maxErrors, rejectedBefore: staged.rejected });
      const checks = await runChecks(tx.db);
      return { staged, transformed, checks };
    });
  const loadErrors = () =>
    t.warehouse.sql<{ file: string; line: number | null; column: string | null; reason: string }[]>`
      select file, line, "column", reason from load_errors order by file, line`;
  const plays = async () => (await t.warehouse.sql<{ key: string }[]>`select session_id || '/' || item_in_session as key from songplays order by 1`).map((r) => r.key);

  it('case 4: userId "abc", 1.5 or "99999999999" is rejected by staging with its file, line and column, not exit 3', async () => {
    src.write(LOG, [event(0), event(1, { userId: 'abc' }), event(2, { userId: 1.5 }), event(3, { userId: '99999999999' })].join('\n') + '\n');
    const error = await run(2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    expect(await t.count('songplays')).toBe(0);

    const { staged, checks } = await run(3);
    expect(staged.rejected.map((e) => [e.file, e.line, e.column])).toEqual([
      [LOG, 2, 'user_id'],
      [LOG, 3, 'user_id'],
      [LOG, 4, 'user_id'],
    ]);
    expect(staged.rejected.map((e) => e.reason)).toEqual([
      '"abc" is not a whole number; column user_id is INTEGER',
      '1.5 is not a whole number; column user_id is INTEGER',
      '"99999999999" is out of range for column user_id (INTEGER)',
    ]);
    expect(checks.passed).toBe(true);
    expect(await plays()).toEqual(['1/0']);
    expect((await loadErrors()).map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('case 4: a NextSong event without ts, level or sessionId, or with a ts past year 32767, is set aside with file, line and reason', async () => {
    src.write(
      LOG,
      [
        event(0),
        event(1, { ts: null }),
        event(2, { level: null }),
        event(3, { sessionId: null }),
        event(4, { ts: 1_000_000_000_000_000 }), // year 33658
        event(5, { page: 'Home', ts: -100_000_000_000_000 }), // year -1199: no page can hold it
      ].join('\n') + '\n',
    );
    // Over --max-errors: TooManyLoadErrors (exit 1), naming each record; nothing is loaded.
    const error = await run(4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    const tooMany = error as TooManyLoadErrors;
    expect(tooMany.step).toBe('transform');
    expect(tooMany.rejected.map((e) => [e.file, e.line, e.column])).toEqual([
      [LOG, 2, 'ts'],
      [LOG, 3, 'level'],
      [LOG, 4, 'session_id'],
      [LOG, 5, 'ts'],
      [LOG, 6, 'ts'],
    ]);
    expect(tooMany.message).toContain(`${LOG} line 4, column session_id: a NextSong event needs a sessionId`);
    expect(tooMany.message).toContain('ts 1000000000000000 (epoch milliseconds) is not a time in the years 1 to 9999');
    for (const table of ['songplays', 'staging_events', 'load_errors']) expect(await t.count(table)).toBe(0);

    // Within --max-errors: the good event loads, the others are in load_errors, the checks pass.
    const first = await run(5);
    expect(first.transformed.setAside).toHaveLength(5);
    expect(first.checks.passed).toBe(true);
    expect(await plays()).toEqual(['1/0']);
    const recorded = await loadErrors();
    expect(recorded.map((e) => [e.file, e.line, e.column])).toEqual(tooMany.rejected.map((e) => [e.file, e.line, e.column]));
    expect(await t.count('staging_events')).toBe(1); // set aside = recorded, then removed from staging

    // The next run has nothing new to judge: no second record, nothing counted against --max-errors 0.
    const second = await run(0);
    expect(second.transformed.setAside).toEqual([]);
    expect(await t.count('load_errors')).toBe(5);
  });

  it('case 6: the same event in two files and two events sharing a key are one play; the row-count check agrees', async () => {
    src.write(LOG, [event(0), event(1), event(2, { song: 'Other', ts: 1541105830000 })].join('\n') + '\n');
    src.write(LOG2, [event(0)].join('\n') + '\n'); // the same event again, in another file
    const { transformed, checks } = await run(0);
    expect(await plays()).toEqual(['1/0', '1/1', '1/2']);
    expect(transformed.songplays.duplicateEvents).toBe(1);
    expect(checks.results.find((c) => c.name === 'row_count_songplays__staged_next_song_keys')?.passed).toBe(true);
    expect(checks.passed).toBe(true);

    src.write(LOG2, [event(0), event(2, { song: 'Third' })].join('\n') + '\n'); // now 1/2 twice, with different songs
    const again = await run(0);
    expect(again.transformed.songplays.duplicateEvents).toBe(2);
    expect(await plays()).toEqual(['1/0', '1/1', '1/2']);
    expect(again.checks.passed).toBe(true);
  });

  it('case 6: a NextSong event with userId "" is rejected with its file and line, and the checks pass', async () => {
    src.write(LOG, [event(0), event(1, { userId: '' }), event(2, { page: 'Home', userId: '' })].join('\n') + '\n');
    const error = await run(0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    expect((error as TooManyLoadErrors).rejected.map((e) => [e.file, e.line, e.column])).toEqual([[LOG, 2, 'user_id']]);

    const { checks } = await run(1);
    expect(checks.passed).toBe(true);
    expect(await plays()).toEqual(['1/0']);
    expect(await loadErrors()).toEqual([
      { file: LOG, line: 2, column: 'user_id', reason: 'a NextSong event needs a userId (songplays.user_id is NOT NULL); this one has none' },
    ]);
  });
});
