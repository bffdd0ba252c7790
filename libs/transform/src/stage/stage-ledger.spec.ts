import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer } from '@sparkify/testing';
import { stage } from './stage.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

const day = (d: number) => `log_data/2018/11/2018-11-0${d}-events.json`;

describeWith(await postgresServer(), 'the load ledger', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;
  const run = (options: { fullRefresh?: boolean } = {}) => t.warehouse.begin((tx) => stage(tx, src.dir, options));
  const titles = async () => (await t.warehouse.sql<{ title: string }[]>`select title from staging_songs order by title`).map((r) => r.title);

  beforeAll(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    src.write('song_data/A/TRA1.json', song('1'));
    src.write('song_data/A/TRA2.json', song('2'));
    src.write(day(1), [event(0), event(1)].join('\n'));
  });
  afterAll(async () => {
    await t?.close();
    src?.remove();
  });

  it('stages everything on the first run', async () => {
    const report = await run();
    expect(report.files).toEqual({ staged: 3, skipped: 0, replaced: 0, empty: 0 });
    expect(await t.count('load_ledger')).toBe(3);
  });

  it('skips every file on a second run, staging nothing twice', async () => {
    const report = await run();
    expect(report.files).toEqual({ staged: 0, skipped: 3, replaced: 0, empty: 0 });
    expect(report.rows).toEqual({ staging_songs: 0, staging_events: 0 });
    expect(await t.count('staging_songs')).toBe(2);
    expect(await t.count('staging_events')).toBe(2);
  });

  it('stages an added file alone', async () => {
    src.write(day(2), [event(10), event(11), event(12)].join('\n'));
    const report = await run();
    expect(report.files).toEqual({ staged: 1, skipped: 3, replaced: 0, empty: 0 });
    expect(report.rows).toEqual({ staging_songs: 0, staging_events: 3 });
    expect(await t.count('staging_events')).toBe(5);
  });

  it('replaces the rows of a changed file, even when its size is the same', async () => {
    src.write('song_data/A/TRA2.json', song('2', { title: 'Title X' })); // same length as "Title 2"
    const report = await run();
    expect(report.files).toEqual({ staged: 0, skipped: 3, replaced: 1, empty: 0 });
    expect(await titles()).toEqual(['Title 1', 'Title X']);
    const [ledger] = await t.warehouse.sql`select count(*)::int as n from load_ledger where file = 'song_data/A/TRA2.json'`;
    expect(ledger).toEqual({ n: 1 });
  });

  it('replaces a file that shrank, deleting the rows it no longer has', async () => {
    src.write(day(2), event(10));
    const report = await run();
    expect(report.files.replaced).toBe(1);
    expect(await t.count('staging_events')).toBe(3);
  });

  it('restages everything with fullRefresh', async () => {
    const report = await run({ fullRefresh: true });
    expect(report.files).toEqual({ staged: 4, skipped: 0, replaced: 0, empty: 0 });
    expect(await t.count('staging_songs')).toBe(2);
    expect(await t.count('staging_events')).toBe(3);
    expect(await t.count('load_ledger')).toBe(4);
  });

  it('keeps the old ledger when a run fails (the transaction rolls back)', async () => {
    src.write(day(3), '{"broken":');
    await expect(run()).rejects.toThrow(/1 rejected record/);
    expect(await t.count('load_ledger')).toBe(4);
    await expect(run()).rejects.toThrow(/1 rejected record/); // day 3 was not recorded as staged
  }, 30_000);
});
