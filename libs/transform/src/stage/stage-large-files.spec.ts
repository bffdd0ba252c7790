import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer } from '@sparkify/testing';
import { startS3, type S3TestServer } from '../source/__fixtures__/s3-test-server.js';
import { DEFAULT_LOG_JSON_PATHS_TEXT } from '../extract/default-json-paths.js';
import { WHOLE_FILE_LIMIT } from './ledger.js';
import { stage } from './stage.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const BIG = 'log_data/2018/11/2018-11-30-events.json';
const EVENTS = 4000;

describeWith(await postgresServer(), 'files larger than the read-whole limit are streamed', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;
  let s3: S3TestServer;
  let content: string;
  beforeAll(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    content = Array.from({ length: EVENTS }, (_, i) => event(i, { song: 'é'.repeat(100) })).join('\n') + '\n';
    expect(Buffer.byteLength(content)).toBeGreaterThan(WHOLE_FILE_LIMIT);
    src.write(BIG, content);
    src.write('song_data/A/TRA1.json', song('1'));
    src.write('log_json_path.json', DEFAULT_LOG_JSON_PATHS_TEXT);
    s3 = await startS3();
    await s3.upload(src.dir, 'big');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    src?.remove();
  });

  it('stages every line of a large local file and fingerprints it with sha256 while streaming', async () => {
    const report = await t.warehouse.begin((tx) => stage(tx, src.dir));
    expect(report.rows).toEqual({ staging_songs: 1, staging_events: EVENTS });
    const [ledger] = await t.warehouse.sql`select bytes::int, content_hash, rows from load_ledger where file = ${BIG}`;
    expect(ledger).toEqual({ bytes: Buffer.byteLength(content), content_hash: createHash('sha256').update(content).digest('hex'), rows: EVENTS });
    const [check] = await t.warehouse.sql`select count(distinct item_in_session)::int as n, min(length(song))::int as chars from staging_events`;
    expect(check).toEqual({ n: EVENTS, chars: 100 });
  });

  it('hashes it by streaming on the next run too, and skips it', async () => {
    const report = await t.warehouse.begin((tx) => stage(tx, src.dir));
    expect(report.files).toEqual({ staged: 0, skipped: 2, replaced: 0, empty: 0 });
  });

  it('streams a large S3 object the same way', async () => {
    const report = await t.warehouse.begin((tx) => stage(tx, `s3://${s3.bucket}/big`, { s3: s3.client, fullRefresh: true }));
    expect(report.rows).toEqual({ staging_songs: 1, staging_events: EVENTS });
    expect(await t.count('staging_events')).toBe(EVENTS);
  });
});
