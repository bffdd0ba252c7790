import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { redshiftDialect } from '@sparkify/warehouse';
import { redshiftCopySql } from './redshift-copy.js';
import { LOAD_ERROR_TABLES_SQL, LOADED_SQL, SYS_LOAD_ERRORS_SQL, SYS_STL_LOAD_ERRORS_SQL, toLoadError, type LoadErrorRow } from './redshift-load-errors.js';
import { stage } from './stage.js';
import { RedshiftCopyError } from './stage-redshift.js';
import type { StageTx } from './stage-types.js';
import { TooManyLoadErrors } from './too-many-load-errors.js';

const ROLE = 'arn:aws:iam::123456789012:role/dwhRole';
const SOURCE = { kind: 's3', songData: 's3://udacity-dend/song_data', logData: 's3://udacity-dend/log_data', logJsonPath: 's3://udacity-dend/log_json_path.json' } as const;

/** A transaction that records each statement and answers from a script (Redshift cannot run here). */
function fakeTx(answer: (text: string, copies: number) => unknown[] | Error) {
  const statements: { text: string; params: unknown[] | undefined }[] = [];
  let copies = 0;
  const sql = {
    unsafe: async (text: string, params?: unknown[]) => {
      statements.push({ text, params });
      if (text.startsWith('COPY')) copies++;
      const a = answer(text, copies);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  const tx: StageTx = { sql: sql as unknown as postgres.TransactionSql, dialect: redshiftDialect, schema: 'public' };
  return { tx, statements };
}

const badRow: LoadErrorRow = {
  file: 's3://udacity-dend/log_data/2018/11/2018-11-05-events.json',
  line: '42',
  column_name: 'session_id',
  reason: 'Invalid digit, Value \'a\', Pos 0, Type: Integer',
  code: 1207,
  value: 'abc',
  raw: '{"sessionId":"abc"}',
};

/** A provisioned cluster (SYS and STL tables) or, with `serverless`, an endpoint without STL. */
const script = (errors: LoadErrorRow[], serverless = false) => (text: string, copies: number) => {
  if (text === LOADED_SQL) return copies === 1 ? [{ rows: '14896', files: '14896' }] : [{ rows: '8055', files: '14926' }];
  if (text === LOAD_ERROR_TABLES_SQL) return serverless ? [{ name: 'sys_load_error_detail' }] : [{ name: 'stl_load_errors ' }, { name: 'sys_load_error_detail' }];
  if (text === (serverless ? SYS_LOAD_ERRORS_SQL : SYS_STL_LOAD_ERRORS_SQL)) return errors;
  if (/stl_load_errors|sys_load_error_detail/.test(text)) return new Error(`unexpected: ${text}`);
  return [];
};

describe('Redshift COPY SQL (golden)', () => {
  it('stages events by the JSONPaths file, blanks and empties as NULL', () => {
    const columns = ['artist', 'auth', 'first_name', 'ts', 'user_id'];
    expect(redshiftCopySql({ schema: 'public', table: 'staging_events', columns, from: 's3://udacity-dend/log_data', iamRoleArn: ROLE, json: 's3://udacity-dend/log_json_path.json', region: 'us-west-2', maxErrors: 7 }))
      .toBe(`COPY "public"."staging_events" ("artist", "auth", "first_name", "ts", "user_id")
FROM 's3://udacity-dend/log_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://udacity-dend/log_json_path.json'
REGION 'us-west-2'
BLANKSASNULL EMPTYASNULL
MAXERROR 7
COMPUPDATE OFF STATUPDATE OFF`);
  });

  it("stages songs with 'auto', and quotes literals", () => {
    expect(redshiftCopySql({ schema: 'dwh', table: 'staging_songs', columns: ['song_id'], from: "s3://b/it's", iamRoleArn: ROLE, json: 'auto', maxErrors: 250_000 }))
      .toBe(`COPY "dwh"."staging_songs" ("song_id")
FROM 's3://b/it''s'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 'auto'
BLANKSASNULL EMPTYASNULL
MAXERROR 100000
COMPUPDATE OFF STATUPDATE OFF`);
  });
});

describe('stage on Redshift (fake transaction)', () => {
  it('empties staging with DELETE (TRUNCATE would commit), COPYs both tables, and reports rows and files', async () => {
    const { tx, statements } = fakeTx(script([]));
    const report = await stage(tx, SOURCE, { iamRoleArn: ROLE, region: 'us-west-2' });
    const texts = statements.map((s) => s.text.split('\n')[0]);
    expect(texts).toEqual([
      'delete from "public"."staging_events"',
      'delete from "public"."staging_songs"',
      'delete from "public"."load_ledger"',
      'delete from "public"."load_errors"',
      expect.stringMatching(/^COPY "public"\."staging_songs" \("num_songs", "artist_id", .*"year"\)$/),
      LOADED_SQL.split('\n')[0],
      expect.stringMatching(/^COPY "public"\."staging_events" \("artist", "auth", .*"user_id"\)$/),
      LOADED_SQL.split('\n')[0],
      LOAD_ERROR_TABLES_SQL.split('\n')[0],
      SYS_STL_LOAD_ERRORS_SQL.split('\n')[0],
    ]);
    expect(statements[4]?.text).toContain('\nMAXERROR 0\n');
    expect(statements[4]?.text).toContain("FORMAT AS JSON 'auto'");
    expect(statements[6]?.text).toContain("FROM 's3://udacity-dend/log_data'\nIAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'\nFORMAT AS JSON 's3://udacity-dend/log_json_path.json'\nREGION 'us-west-2'");
    expect(statements[6]?.text).not.toContain('source_file');
    expect(report.rows).toEqual({ staging_songs: 14896, staging_events: 8055 });
    expect(report.files).toEqual({ staged: 14926, skipped: 0, replaced: 0, empty: 0 });
    expect(report.rejected).toEqual([]);
  });

  it('reads the run\'s rejections from sys_load_error_detail (raw line from stl_load_errors) and records them, every column quoted (audit F1)', async () => {
    const { tx, statements } = fakeTx(script([badRow]));
    const report = await stage(tx, SOURCE, { iamRoleArn: ROLE, maxErrors: 1 });
    expect(report.rejected).toEqual([
      {
        file: 's3://udacity-dend/log_data/2018/11/2018-11-05-events.json',
        line: 42,
        column: 'session_id',
        reason: 'Invalid digit, Value \'a\', Pos 0, Type: Integer (value "abc") [Redshift error 1207]',
        raw: '{"sessionId":"abc"}',
      },
    ]);
    const insert = statements.at(-1);
    expect(insert?.text).toBe('insert into "public"."load_errors" ("file", "line", "column", "reason", "raw") values ($1, $2, $3, $4, $5)');
    expect(statements.filter((s) => s.text.startsWith('COPY')).every((s) => s.text.includes('\nMAXERROR 1\n'))).toBe(true);
    expect(insert?.params).toEqual([badRow.file, 42, 'session_id', report.rejected[0]?.reason, badRow.raw]);
  });

  it('reads sys_load_error_detail alone where stl_load_errors does not exist (Serverless, audit D5)', async () => {
    const { tx, statements } = fakeTx(script([{ ...badRow, value: null, raw: null }], true));
    const report = await stage(tx, SOURCE, { iamRoleArn: ROLE, maxErrors: 3 });
    expect(report.rejected.map((e) => [e.file, e.line, e.column, e.raw])).toEqual([[badRow.file, 42, 'session_id', '']]);
    expect(statements.some((s) => s.text.includes('stl_load_errors') && s.text !== LOAD_ERROR_TABLES_SQL)).toBe(false);
  });

  it('throws TooManyLoadErrors, carrying the records, when the COPYs together rejected more than max errors', async () => {
    const { tx, statements } = fakeTx(script([badRow, { ...badRow, line: 43, column_name: null }]));
    const error = await stage(tx, SOURCE, { iamRoleArn: ROLE, maxErrors: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    expect((error as TooManyLoadErrors).rejected.map((e) => e.line)).toEqual([42, 43]);
    expect((error as Error).message).toContain('s3://udacity-dend/log_data/2018/11/2018-11-05-events.json line 42, column session_id: Invalid digit');
    expect(statements.some((s) => s.text.startsWith('insert'))).toBe(false);
  });

  it('wraps a failed COPY with the table, the location and where to look', async () => {
    const { tx } = fakeTx((text) => (text.startsWith('COPY') ? new Error('S3ServiceException:Access Denied') : []));
    const error = await stage(tx, SOURCE, { iamRoleArn: ROLE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedshiftCopyError);
    expect((error as Error).message).toMatch(/^COPY into staging_songs from s3:\/\/udacity-dend\/song_data failed: S3ServiceException:Access Denied/);
    expect((error as Error).message).toContain('stl_load_errors');
    expect((error as Error).message).toContain('sys_load_error_detail');
    expect((error as Error).message).toContain('--max-errors');
  });

  it('turns a COPY stopped by MAXERROR into TooManyLoadErrors (exit 1, like PostgreSQL), saying where the records are', async () => {
    const { tx } = fakeTx((text) =>
      text.startsWith('COPY "public"."staging_events"')
        ? new Error("Load into table 'staging_events' failed.  Check 'sys_load_error_detail' system table for details.")
        : [],
    );
    const error = await stage(tx, SOURCE, { iamRoleArn: ROLE, maxErrors: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyLoadErrors);
    expect((error as Error).message).toMatch(/^staging stopped: COPY into staging_events from s3:\/\/udacity-dend\/log_data rejected more records than max errors = 2 \(Redshift enforces it as MAXERROR\)/);
    expect((error as Error).message).toContain('select file_name, line_number, column_name, error_message from sys_load_error_detail');
  });

  it('refuses a local folder and a missing IAM role, saying what to set', async () => {
    const { tx } = fakeTx(() => []);
    await expect(stage(tx, '/data/sparkify', { iamRoleArn: ROLE })).rejects.toThrow(/Redshift loads files from S3 only/);
    await expect(stage(tx, SOURCE)).rejects.toThrow(/set \[IAM_ROLE\] ARN/);
  });

  it('formats a load-error row without a column or value', () => {
    expect(toLoadError({ file: 'f', line: 0, column_name: '', reason: 'Invalid JSONPath format', code: null, value: null, raw: null })).toEqual({
      file: 'f', line: 0, column: null, reason: 'Invalid JSONPath format', raw: '',
    });
  });
});
