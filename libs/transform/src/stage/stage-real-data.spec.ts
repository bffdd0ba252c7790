import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer, sharedData } from '@sparkify/testing';
import { stage } from './stage.js';
import type { StageReport } from './stage-types.js';
import { canonical, expectedEvents, expectedSongs, type Row } from './__fixtures__/expected-rows.js';
import { both } from './__fixtures__/requirements.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

const server = await postgresServer();

describeWith(both(server, sharedData('sparkify-small')), 'staging the small real data set from a folder', ([url, dir]) => {
  let t: TestWarehouse;
  let report: StageReport;
  beforeAll(async () => {
    t = await testWarehouse(url);
    report = await t.warehouse.begin((tx) => stage(tx, dir, { concurrency: 8 }));
  });
  afterAll(async () => t?.close());

  it('stages every file once, without rejections', () => {
    expect(report.files).toEqual({ staged: 101, skipped: 0, replaced: 0, empty: 0 });
    expect(report.rejected).toEqual([]);
    expect(report.rows).toEqual({ staging_songs: 71, staging_events: 8056 });
  });

  it('holds exactly the rows of the files, value for value', async () => {
    const events = await t.warehouse.sql<Row[]>`select * from staging_events`;
    expect(canonical(events)).toEqual(canonical(expectedEvents(dir)));
    const songs = await t.warehouse.sql<Row[]>`select * from staging_songs`;
    expect(canonical(songs)).toEqual(canonical(expectedSongs(dir)));
  });

  it('records every file in the ledger with its size, sha256 and row count', async () => {
    const [ledger] = await t.warehouse.sql<{ files: number; rows: number; hashes: number }[]>`
      select count(*)::int as files, sum(rows)::int as rows, count(distinct content_hash)::int as hashes from load_ledger`;
    expect(ledger).toEqual({ files: 101, rows: 71 + 8056, hashes: 101 });
    const [one] = await t.warehouse.sql`select bytes::int, rows from load_ledger where file = 'log_data/2018/11/2018-11-01-events.json'`;
    expect(one).toEqual({ bytes: 7151, rows: 15 });
  });
});

describeWith(both(server, sharedData('sparkify')), 'staging the full real data set from a folder', ([url, dir]) => {
  let t: TestWarehouse;
  let report: StageReport;
  beforeAll(async () => {
    t = await testWarehouse(url);
    report = await t.warehouse.begin((tx) => stage(tx, dir, { concurrency: 16 }));
    const rows = report.rows.staging_events + report.rows.staging_songs;
    const files = report.files.staged;
    console.log(
      `[throughput] full set: ${files} files, ${rows} rows in ${report.ms} ms = ` +
        `${Math.round((rows / report.ms) * 1000)} rows/s, ${Math.round((files / report.ms) * 1000)} files/s`,
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it('stages all 14,896 songs and 8,056 events', async () => {
    expect(report.rows).toEqual({ staging_songs: 14896, staging_events: 8056 });
    expect(await t.count('staging_songs')).toBe(14896);
    expect(await t.count('staging_events')).toBe(8056);
    expect(report.files.staged).toBe(14896 + 30);
  });

  it('loads a logged-out event\'s userId "" as NULL, and its user fields as NULL', async () => {
    const [row] = await t.warehouse.sql<{ total: number; null_ids: number; blank_ids: number; named: number }[]>`
      select count(*)::int as total, count(*) filter (where user_id is null)::int as null_ids,
             count(*) filter (where user_id = 0)::int as blank_ids,
             count(first_name)::int as named
      from staging_events where auth = 'Logged Out'`;
    expect(row?.total).toBeGreaterThan(0);
    expect(row?.null_ids).toBe(row?.total);
    expect(row?.blank_ids).toBe(0);
    expect(row?.named).toBe(0);
  });

  it('keeps registration floats and epoch-millisecond ts; user ids are integers ("39" → 39)', async () => {
    const [row] = await t.warehouse.sql`
      select registration, ts::text as ts, user_id, session_id, item_in_session, length from staging_events
      where source_file = 'log_data/2018/11/2018-11-01-events.json' and first_name = 'Walter' and item_in_session = 0`;
    expect(row).toEqual({ registration: 1540919166796, ts: '1541105830796', user_id: 39, session_id: 38, item_in_session: 0, length: null });
  });

  it('loads numbers in text fields as their text (artist_name 883, title 4.6) and "" locations as NULL', async () => {
    const rows = await t.warehouse.sql<{ artist_name: string; title: string; artist_location: string | null }[]>`
      select artist_name, title, artist_location from staging_songs where song_id in ('SOCIBEJ12A67020453', 'SOYXDHH12A8C1337A7') order by song_id`;
    expect(rows).toEqual([
      { artist_name: '883', title: 'Come deve andare', artist_location: null },
      { artist_name: 'The Afghan Whigs', title: '66', artist_location: 'Hamilton, OH' },
    ]);
    const [decimal] = await t.warehouse.sql`select count(*)::int as n from staging_songs where title = '4.6'`;
    expect(decimal).toEqual({ n: 1 });
  });
});
