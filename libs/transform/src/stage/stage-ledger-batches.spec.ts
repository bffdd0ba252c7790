import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer } from '@sparkify/testing';
import { localStore } from '../source/local-store.js';
import { resolveSource } from '../source/source-location.js';
import { stageByStreaming } from './stage-stream.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

// The ledger is written every N files (N = 2 here) between COPY batches, so that memory stays flat.
describeWith(await postgresServer(), 'the ledger written in batches', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;
  const run = (batch: number) =>
    t.warehouse.begin((tx) => {
      const source = resolveSource(src.dir);
      if (source.kind !== 'local') throw new Error('expected a local source');
      return stageByStreaming(tx, localStore(source), { maxErrors: 1 }, Date.now(), batch);
    });

  beforeAll(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    for (const id of ['1', '2', '3', '4', '5']) src.write(`song_data/A/TR${id}.json`, song(id));
    src.write('log_data/2018/11/a-events.json', [event(0), event(1)].join('\n'));
    src.write('log_data/2018/11/b-events.json', [event(2), '{"ts": "never"}', event(3)].join('\n'));
    src.write('log_data/2018/11/c-events.json', event(4));
  });
  afterAll(async () => {
    await t?.close();
    src?.remove();
  });

  it('records every file once, with its rows, across batch boundaries in both tables', async () => {
    const report = await run(2);
    expect(report.files).toEqual({ staged: 8, skipped: 0, replaced: 0, empty: 0 });
    expect(report.rows).toEqual({ staging_songs: 5, staging_events: 5 });
    expect(report.rejected).toMatchObject([{ file: 'log_data/2018/11/b-events.json', line: 2, column: 'ts' }]);
    const ledger = await t.warehouse.sql<{ file: string; rows: number }[]>`select file, rows from load_ledger order by file`;
    expect(ledger.map((r) => [r.file, r.rows])).toEqual([
      ['log_data/2018/11/a-events.json', 2],
      ['log_data/2018/11/b-events.json', 2],
      ['log_data/2018/11/c-events.json', 1],
      ...['1', '2', '3', '4', '5'].map((id) => [`song_data/A/TR${id}.json`, 1]),
    ]);
    expect(await t.count('staging_songs')).toBe(5);
    expect(await t.count('staging_events')).toBe(5);
    expect(await t.count('load_errors')).toBe(1);
  });

  it('skips them all on the next run', async () => {
    const report = await run(2);
    expect(report.files).toEqual({ staged: 0, skipped: 8, replaced: 0, empty: 0 });
    expect(await t.count('load_ledger')).toBe(8);
  });
});
