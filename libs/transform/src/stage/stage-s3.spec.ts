import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer, sharedData } from '@sparkify/testing';
import { stage } from './stage.js';
import type { StageReport } from './stage-types.js';
import { SourceError } from '../source/source-location.js';
import { startS3, type S3TestServer } from '../source/__fixtures__/s3-test-server.js';
import { canonical, type Row } from './__fixtures__/expected-rows.js';
import { both } from './__fixtures__/requirements.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

describeWith(both(await postgresServer(), sharedData('sparkify-small')), 'staging from S3 (s3rver on loopback)', ([url, dir]) => {
  let s3: S3TestServer;
  let fromFolder: TestWarehouse;
  let fromS3: TestWarehouse;
  let report: StageReport;
  const pages: number[] = [];
  const rows = async (t: TestWarehouse, table: string) =>
    (await t.warehouse.sql.unsafe<Row[]>(`select * from ${table}`)).map(({ source_file, ...rest }) => ({
      ...rest,
      source_file: String(source_file).replace(/^s3:\/\/[^/]+\/sparkify\//, ''),
    }));

  beforeAll(async () => {
    s3 = await startS3();
    await s3.upload(dir, 'sparkify');
    // Count ListObjectsV2 calls, to prove the listing pages through continuation tokens.
    s3.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ListObjectsV2Command') pages.push(1);
        return next(args);
      },
      { step: 'initialize', name: 'countListPages' },
    );
    [fromFolder, fromS3] = await Promise.all([testWarehouse(url), testWarehouse(url)]);
    await fromFolder.warehouse.begin((tx) => stage(tx, dir));
    report = await fromS3.warehouse.begin((tx) => stage(tx, `s3://${s3.bucket}/sparkify`, { s3: s3.client, s3PageSize: 7, concurrency: 8 }));
  }, 120_000);
  afterAll(async () => {
    await fromFolder?.close();
    await fromS3?.close();
    await s3?.close();
  });

  it('reads every file through paginated listing (7 keys a page)', () => {
    expect(report.files).toEqual({ staged: 101, skipped: 0, replaced: 0, empty: 0 });
    expect(pages.length).toBe(Math.ceil(71 / 7) + Math.ceil(30 / 7));
    expect(report.source).toContain(`s3://${s3.bucket}/sparkify/song_data`);
  });

  it('stages the same rows as from the folder', async () => {
    for (const table of ['staging_songs', 'staging_events']) {
      expect(canonical(await rows(fromS3, table))).toEqual(canonical(await rows(fromFolder, table)));
    }
    expect(report.rows).toEqual({ staging_songs: 71, staging_events: 8056 });
  });

  it('names files by their s3:// URL and fingerprints them by ETag', async () => {
    const [one] = await fromS3.warehouse.sql`select file, content_hash, bytes::int from load_ledger order by file limit 1`;
    expect(one?.['file']).toMatch(new RegExp(`^s3://${s3.bucket}/sparkify/log_data/2018/11/2018-11-01-events.json$`));
    expect(one?.['content_hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(one?.['bytes']).toBe(7151);
  });

  it('skips unchanged objects on a second run and replaces a changed one, by ETag', async () => {
    const key = 'sparkify/log_data/2018/11/2018-11-01-events.json';
    await s3.put(key, '{"artist":null,"auth":"Logged Out","itemInSession":0,"sessionId":1,"status":200,"ts":1,"userId":""}\n');
    const again = await fromS3.warehouse.begin((tx) => stage(tx, `s3://${s3.bucket}/sparkify`, { s3: s3.client }));
    expect(again.files).toEqual({ staged: 0, skipped: 100, replaced: 1, empty: 0 });
    expect(await fromS3.count('staging_events')).toBe(8056 - 15 + 1);
  });

  it('accepts the [S3] keys of dwh.cfg, and says what is missing', async () => {
    const source = {
      kind: 's3' as const,
      songData: `s3://${s3.bucket}/sparkify/song_data`,
      logData: `s3://${s3.bucket}/sparkify/log_data`,
      logJsonPath: `s3://${s3.bucket}/sparkify/log_json_path.json`,
    };
    const r = await fromS3.warehouse.begin((tx) => stage(tx, source, { s3: s3.client, fullRefresh: true }));
    expect(r.files.staged).toBe(101);
    const wrong = { ...source, logData: `s3://${s3.bucket}/sparkify/log-data` };
    await expect(fromS3.warehouse.begin((tx) => stage(tx, wrong, { s3: s3.client }))).rejects.toThrow(
      new SourceError(`no .json files under s3://${s3.bucket}/sparkify/log-data/: check the LOG_DATA location`),
    );
    await expect(fromS3.warehouse.begin((tx) => stage(tx, source))).rejects.toThrow(/needs an S3 client/);
  });
});
