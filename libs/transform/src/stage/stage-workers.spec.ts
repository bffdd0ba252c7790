import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer, sharedData } from '@sparkify/testing';
import { WHOLE_FILE_LIMIT } from './ledger.js';
import { stage } from './stage.js';
import type { StageOptions } from './stage-types.js';
import { both } from './__fixtures__/requirements.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

const server = await postgresServer();

/** Every staging-side table, row by row in the order the rows were written (heap order of fresh tables). */
async function staged(t: TestWarehouse): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['staging_events', 'staging_songs', 'load_ledger', 'load_errors']) {
    // Not the load times (a default of now()).
    const columns = table === 'load_errors' ? 'file, line, "column", reason, raw' : table === 'load_ledger' ? 'file, bytes, content_hash, rows' : '*';
    out[table] = await t.warehouse.sql.unsafe(`select ${columns} from "${table}" order by ctid`);
  }
  return out;
}

async function stageWith(url: string, dir: string, options: StageOptions) {
  const t = await testWarehouse(url);
  try {
    const report = await t.warehouse.begin((tx) => stage(tx, dir, options));
    return { report: { ...report, ms: 0 }, tables: await staged(t) };
  } finally {
    await t.close();
  }
}

describeWith(both(server, sharedData('sparkify')), 'staging with worker threads, on the full real set', ([url, dir]) => {
  it('stages exactly the rows of the main-thread path, in the same order, with the same ledger', async () => {
    const single = await stageWith(url, dir, { workers: 0 });
    const threaded = await stageWith(url, dir, { workers: 2 });
    expect((await stageWith(url, dir, { workers: 'auto' })).tables).toEqual(single.tables);
    expect(single.report.rows).toEqual({ staging_songs: 14896, staging_events: 8056 });
    expect(threaded.report).toEqual(single.report);
    expect(threaded.tables['staging_events']?.length).toBe(8056);
    expect(threaded.tables).toEqual(single.tables);
  });
});

describeWith(server, 'rejections found inside a staging worker', (url) => {
  let src: SourceFolder;
  const BIG = 'log_data/2018/11/2018-11-02-events.json';
  beforeAll(() => {
    src = sourceFolder();
    src.write('song_data/A/A/A/TRAAA01.json', song('01'));
    src.write('song_data/A/A/A/TRAAA02.json', song('02', { year: 'nineteen' }));
    src.write('log_data/2018/11/2018-11-01-events.json', [event(0), '{"artist": "A", "auth": ', event(2)].join('\n') + '\n');
    // Larger than a batch, so the file goes to the worker in pieces: the bad line is in a later piece.
    const lines = Array.from({ length: 6000 }, (_, i) => event(i, { song: 'é'.repeat(100) }));
    lines[5000] = event(5000, { sessionId: 'abc' });
    const big = lines.join('\n') + '\n';
    expect(Buffer.byteLength(big)).toBeGreaterThan(WHOLE_FILE_LIMIT);
    src.write(BIG, big);
  });
  afterAll(() => src?.remove());

  it('records each rejected record in load_errors with its file and line, as the main-thread path does', async () => {
    const threaded = await stageWith(url, src.dir, { workers: 2, maxErrors: 10 });
    expect(threaded.tables['load_errors']?.map((r) => [(r as { file: string }).file, (r as { line: number }).line, (r as { column: string }).column])).toEqual([
      ['song_data/A/A/A/TRAAA02.json', 1, 'year'],
      ['log_data/2018/11/2018-11-01-events.json', 2, null],
      [BIG, 5001, 'session_id'],
    ]);
    expect(threaded.report.rows).toEqual({ staging_songs: 1, staging_events: 2 + 5999 });
    const single = await stageWith(url, src.dir, { workers: 0, maxErrors: 10 });
    expect(threaded.tables).toEqual(single.tables);
  });

  it('stops the run past max errors, as the main-thread path does', async () => {
    await expect(stageWith(url, src.dir, { workers: 2, maxErrors: 2 })).rejects.toThrow(/3 rejected record\(s\), more than max errors = 2/);
  });
});
