import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer } from '@sparkify/testing';
import type { LoadError } from '../extract/load-error.js';
import { stage } from './stage.js';
import type { StageReport } from './stage-types.js';
import { TooManyLoadErrors } from './too-many-load-errors.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

const LOG = 'log_data/2018/11/2018-11-01-events.json';

describeWith(await postgresServer(), 'staging bad input', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;
  beforeAll(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    src.write('song_data/A/A/A/TRAAA01.json', song('01'));
    src.write('song_data/A/A/A/TRAAA02.json', '\uFEFF' + song('02')); // byte-order mark: loads normally
    src.write('song_data/A/A/B/TRAAB03.json', song('03').slice(0, 40)); // truncated file
    src.write('song_data/A/A/B/TRAAB04.json', song('04', { year: 'nineteen' })); // wrong type
    src.write('song_data/A/A/B/TRAAB05.json', song('05', { title: 'x'.repeat(600) })); // wider than VARCHAR(512)
    src.write('song_data/A/A/C/TRAAC06.json', ''); // empty file: nothing to load, not an error
    src.write('song_data/A/A/C/TRAAC07.json', song('07', { title: 'é'.repeat(256) })); // 512 bytes exactly: fits
    src.write('song_data/A/A/C/TRAAC08.json', song('08', { title: 'é'.repeat(257) })); // 514 bytes: too wide
    src.write(LOG, [event(0), '{"artist": "A", "auth": ', event(2), event(3, { sessionId: 'abc' }), '', event(5, { userId: '' })].join('\n') + '\n');
  });
  afterAll(async () => {
    await t?.close();
    src?.remove();
  });

  const rejectedOf = (r: StageReport | readonly LoadError[]) =>
    ('rejected' in r ? r.rejected : r).map((e) => ({ file: e.file, line: e.line, column: e.column }));
  const expected = [
    { file: 'song_data/A/A/B/TRAAB03.json', line: 1, column: null },
    { file: 'song_data/A/A/B/TRAAB04.json', line: 1, column: 'year' },
    { file: 'song_data/A/A/B/TRAAB05.json', line: 1, column: 'title' },
    { file: 'song_data/A/A/C/TRAAC08.json', line: 1, column: 'title' },
    { file: LOG, line: 2, column: null },
    { file: LOG, line: 4, column: 'session_id' },
  ];

  it('over max errors: throws TooManyLoadErrors with the records, and the rollback leaves nothing staged', async () => {
    const error = await t.warehouse.begin((tx) => stage(tx, src.dir, { maxErrors: 5 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    const tooMany = error as TooManyLoadErrors;
    expect(tooMany.maxErrors).toBe(5);
    expect(rejectedOf(tooMany.rejected)).toEqual(expected); // stopped at the 6th
    expect(tooMany.message).toMatch(/6 rejected record\(s\), more than max errors = 5; nothing was staged/);
    expect(tooMany.message).toContain('song_data/A/A/B/TRAAB04.json line 1, column year: "nineteen" is not a whole number');
    for (const table of ['staging_songs', 'staging_events', 'load_ledger', 'load_errors']) expect(await t.count(table)).toBe(0);
  });

  it('with max errors 0 (the default) the first bad record stops the run', async () => {
    const error = await t.warehouse.begin((tx) => stage(tx, src.dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    expect(rejectedOf((error as TooManyLoadErrors).rejected)).toEqual(expected.slice(0, 1));
    expect(await t.count('staging_songs')).toBe(0);
  });

  it('within max errors: good rows load, each bad record is in load_errors with file, line, column and reason', async () => {
    const report = await t.warehouse.begin((tx) => stage(tx, src.dir, { maxErrors: 6 }));
    expect(rejectedOf(report)).toEqual(expected);
    expect(report.files).toEqual({ staged: 9, skipped: 0, replaced: 0, empty: 1 });
    expect(report.emptyFiles).toEqual(['song_data/A/A/C/TRAAC06.json']);
    expect(report.rows).toEqual({ staging_songs: 3, staging_events: 3 });

    const errors = await t.warehouse.sql<{ file: string; line: number; column: string | null; reason: string; raw: string }[]>`
      select file, line, "column", reason, raw from load_errors order by file, line`;
    expect(errors.map((e) => ({ file: e.file, line: e.line, column: e.column }))).toEqual(
      [...expected].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    );
    const reason = (file: string, line = 1) => errors.find((e) => e.file === file && e.line === line)?.reason;
    expect(reason('song_data/A/A/B/TRAAB03.json')).toMatch(/^malformed JSON: /);
    expect(reason('song_data/A/A/B/TRAAB05.json')).toMatch(/is 600 bytes; column title is VARCHAR\(512\)/);
    expect(reason('song_data/A/A/C/TRAAC08.json')).toMatch(/is 514 bytes; column title is VARCHAR\(512\)/);
    expect(reason(LOG, 2)).toMatch(/^malformed JSON: /);
    expect(reason(LOG, 4)).toBe('"abc" is not a whole number; column session_id is INTEGER');
    expect(errors.find((e) => e.line === 2)?.raw).toBe('{"artist": "A", "auth": ');

    const songs = await t.warehouse.sql`select song_id, length(title) as title_chars from staging_songs order by song_id`;
    expect(songs).toEqual([
      { song_id: 'SO01', title_chars: 8 },
      { song_id: 'SO02', title_chars: 8 }, // the BOM is not part of the data
      { song_id: 'SO07', title_chars: 256 },
    ]);
    const events = await t.warehouse.sql`select item_in_session, user_id from staging_events order by item_in_session`;
    expect(events).toEqual([
      { item_in_session: 0, user_id: 7 },
      { item_in_session: 2, user_id: 7 },
      { item_in_session: 5, user_id: null }, // a logged-out event: userId "" loads as NULL
    ]);
  });
});
