import { GetObjectCommand } from '@aws-sdk/client-s3';
import type postgres from 'postgres';
import { redshiftDialect } from '@sparkify/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3TestServer } from '../source/__fixtures__/s3-test-server.js';
import { SourceError } from '../source/source-location.js';
import { LOAD_ERROR_TABLES_SQL } from './redshift-load-errors.js';
import { stage } from './stage.js';
import type { StageTx } from './stage-types.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const ROLE = 'arn:aws:iam::123456789012:role/dwhRole';
type Ledger = { file: string; bytes: string; content_hash: string; rows: number }[];

/** A Redshift transaction that records statements and answers the ledger read (COPY runs on the server). */
function fakeTx(ledger: Ledger) {
  const statements: { text: string; params: unknown[] | undefined }[] = [];
  const sql = {
    unsafe: async (text: string, params?: unknown[]) => {
      statements.push({ text, params });
      if (text.includes('from "public"."load_ledger"')) return ledger;
      if (text === LOAD_ERROR_TABLES_SQL) return [{ name: 'sys_load_error_detail' }];
      return [];
    },
  };
  const tx: StageTx = { sql: sql as unknown as postgres.TransactionSql, dialect: redshiftDialect, schema: 'public' };
  return { tx, statements };
}

// Incremental by file on Redshift (audit D1): each run lists the prefixes (real S3 API: s3rver), COPYs only the
// files load_ledger lacks through a manifest it writes, keeps staging, and records what it loaded.
describe('staging on Redshift by manifest (s3rver)', () => {
  let s3: S3TestServer;
  const source = () => `s3://${s3.bucket}/data`;
  const options = () => ({ iamRoleArn: ROLE, s3: s3.client, manifestPrefix: `s3://${s3.bucket}/manifests/`, region: 'us-west-2' });
  const manifest = async (url: string) => {
    const key = url.replace(`s3://${s3.bucket}/`, '');
    const body = await (await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).Body?.transformToString();
    return (JSON.parse(body ?? '{}') as { entries: { url: string; mandatory: boolean }[] }).entries;
  };
  const copies = (statements: { text: string }[]) => statements.filter((s) => s.text.startsWith('COPY'));
  const from = (copy: { text: string } | undefined) => /FROM '([^']+)'/.exec(copy?.text ?? '')?.[1] ?? '';

  beforeAll(async () => {
    s3 = await startS3();
    await s3.put('data/song_data/A/a.json', '{"song_id": "S1", "title": "One"}');
    await s3.put('data/song_data/A/b.json', '{"song_id": "S2", "title": "Two"}');
    await s3.put('data/log_data/2018-11-01-events.json', '{"ts": 1}');
    await s3.put('data/log_json_path.json', '{"jsonpaths": ["$.ts"]}');
  }, 60_000);
  afterAll(async () => s3?.close());

  it('first run: COPYs every file through a manifest, keeps staging (no DELETE), and fills load_ledger', async () => {
    const { tx, statements } = fakeTx([]);
    const report = await stage(tx, source(), options());
    expect(statements.some((s) => s.text.startsWith('delete'))).toBe(false);
    const [songs, events] = copies(statements);
    expect(songs?.text).toMatch(/\nMANIFEST\nMAXERROR 0\n/);
    expect(from(songs)).toMatch(new RegExp(`^s3://${s3.bucket}/manifests/\\d{8}T\\d+-staging_songs\\.manifest$`));
    expect(await manifest(from(songs))).toEqual([
      { url: `s3://${s3.bucket}/data/song_data/A/a.json`, mandatory: true, meta: { content_length: 33 } },
      { url: `s3://${s3.bucket}/data/song_data/A/b.json`, mandatory: true, meta: { content_length: 33 } },
    ]);
    expect((await manifest(from(events))).map((e) => e.url)).toEqual([`s3://${s3.bucket}/data/log_data/2018-11-01-events.json`]);
    const ledgerInsert = statements.find((s) => s.text.startsWith('insert into "public"."load_ledger"'));
    expect(ledgerInsert?.text).toMatch(/\("file", "bytes", "content_hash", "rows"\) values \(\$1, \$2, \$3, \$4\), /);
    expect(ledgerInsert?.params?.filter((_, i) => i % 4 === 0)).toEqual([
      `s3://${s3.bucket}/data/song_data/A/a.json`,
      `s3://${s3.bucket}/data/song_data/A/b.json`,
      `s3://${s3.bucket}/data/log_data/2018-11-01-events.json`,
    ]);
    expect(report.files).toEqual({ staged: 3, skipped: 0, replaced: 0, empty: 0 });
  });

  const ledgerOf = async () => {
    const { tx, statements } = fakeTx([]);
    await stage(tx, source(), options());
    const params = statements.find((s) => s.text.startsWith('insert into "public"."load_ledger"'))?.params ?? [];
    const rows: Ledger = [];
    for (let i = 0; i < params.length; i += 4) rows.push({ file: String(params[i]), bytes: String(params[i + 1]), content_hash: String(params[i + 2]), rows: 0 });
    return rows;
  };

  it('next runs: COPY only the files the ledger lacks (one new day of logs), nothing at all when none', async () => {
    const ledger = await ledgerOf();
    const unchanged = fakeTx(ledger);
    const none = await stage(unchanged.tx, source(), options());
    expect(copies(unchanged.statements)).toEqual([]);
    expect(none.files).toEqual({ staged: 0, skipped: 3, replaced: 0, empty: 0 });

    await s3.put('data/log_data/2018-11-02-events.json', '{"ts": 2}');
    const next = fakeTx(ledger);
    const report = await stage(next.tx, source(), options());
    expect(copies(next.statements)).toHaveLength(1);
    expect((await manifest(from(copies(next.statements)[0]))).map((e) => e.url)).toEqual([`s3://${s3.bucket}/data/log_data/2018-11-02-events.json`]);
    expect(report.files).toEqual({ staged: 1, skipped: 3, replaced: 0, empty: 0 });
  });

  it('reports the files the ledger holds that the bucket no longer lists (their rows stay until --full-refresh)', async () => {
    const ledger = await ledgerOf();
    const goneKey = (ledger[0]?.file ?? '').replace(/[^/]+$/, 'deleted-since.json');
    const { tx } = fakeTx([...ledger, { file: goneKey, bytes: '9', content_hash: '"x"', rows: 0 }]);
    const report = await stage(tx, source(), options());
    expect(report.gone).toEqual({ count: 1, sample: [goneKey] });
    const unchanged = await stage(fakeTx(await ledgerOf()).tx, source(), options());
    expect(unchanged.gone).toEqual({ count: 0, sample: [] });
  });

  it('refuses a file whose content changed, saying to run --full-refresh; --full-refresh empties staging and loads all', async () => {
    const ledger = (await ledgerOf()).map((r) => (r.file.endsWith('a.json') ? { ...r, content_hash: '"different"' } : r));
    const changed = fakeTx(ledger);
    const error = await stage(changed.tx, source(), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/song_data\/A\/a\.json changed since it was staged.*--full-refresh/s);

    const refresh = fakeTx([]); // the ledger is empty once the DELETEs ran
    const report = await stage(refresh.tx, source(), { ...options(), fullRefresh: true });
    expect(refresh.statements.slice(0, 4).map((s) => s.text)).toEqual([
      'delete from "public"."staging_events"',
      'delete from "public"."staging_songs"',
      'delete from "public"."load_ledger"',
      'delete from "public"."load_errors"',
    ]);
    expect(report.files.staged).toBe(4);
  });

  it('a dry run lists and writes nothing, and shows the manifest COPY', async () => {
    const { tx, statements } = fakeTx([]);
    await stage(tx, source(), { ...options(), dryRun: true });
    expect(copies(statements).map((c) => from(c))).toEqual([
      expect.stringMatching(/staging_songs\.manifest$/),
      expect.stringMatching(/staging_events\.manifest$/),
    ]);
  });
});
