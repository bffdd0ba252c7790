import { tables } from '@sparkify/schema';
import { stagingColumns, type StagingTable } from '../extract/staging-columns.js';
import { truncateUtf8, type LoadError } from '../extract/load-error.js';
import { s3Url, SourceError, type ResolvedSource } from '../source/source-location.js';
import { qualified, quoteIdent } from './identifiers.js';
import { redshiftCopySql } from './redshift-copy.js';
import { LOADED_SQL, readRedshiftLoadErrors } from './redshift-load-errors.js';
import type { StageOptions, StageReport, StageTx } from './stage-types.js';
import { TooManyLoadErrors } from './too-many-load-errors.js';

/** A Redshift COPY failed as a whole (access denied, bad JSONPaths, more bad records than --max-errors…). */
export class RedshiftCopyError extends Error {
  override readonly name = 'RedshiftCopyError';
  constructor(
    readonly table: string,
    readonly from: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `COPY into ${table} from ${from} failed: ${why}\n` +
        'The transaction was rolled back. If more records were bad than --max-errors allows (Redshift enforces it as MAXERROR),\n' +
        'see the rejected lines with, on the cluster:\n' +
        '  select file_name, line_number, column_name, error_message from sys_load_error_detail order by start_time desc limit 20;\n' +
        '  (provisioned clusters also: select filename, line_number, colname, err_reason from stl_load_errors order by starttime desc limit 20;)\n' +
        'Check that [IAM_ROLE] ARN may read the bucket and that [S3] points at existing files.',
      { cause },
    );
  }
}

/**
 * Server-side staging: Redshift pulls the files from S3 itself. A COPY reads every file under a prefix, so
 * the staging tables are rebuilt each run (no per-file ledger; source_file stays NULL). The dialect clears them
 * with DELETE: TRUNCATE would commit the caller's transaction on Redshift. COPY's MAXERROR is the run's
 * --max-errors, so Redshift enforces the limit even where no load-error table can be read.
 */
export async function stageOnRedshift(tx: StageTx, source: ResolvedSource, options: StageOptions, started: number): Promise<StageReport> {
  if (source.kind !== 's3') {
    throw new SourceError('Redshift loads files from S3 only: set [S3] LOG_DATA, SONG_DATA and LOG_JSONPATH, or pass an s3:// source');
  }
  const iamRoleArn = options.iamRoleArn;
  if (!iamRoleArn) throw new SourceError('Redshift COPY needs an IAM role to read S3: set [IAM_ROLE] ARN (the provisioner prints it)');
  const maxErrors = options.maxErrors ?? 0;
  const progress = options.onProgress ?? (() => {});
  for (const statement of tx.dialect.clearTables(tx.schema, ['staging_events', 'staging_songs', 'load_ledger', 'load_errors'])) {
    await tx.sql.unsafe(statement);
  }

  const jobs: [StagingTable, string, string][] = [
    ['staging_songs', s3Url(source.songs), 'auto'],
    ['staging_events', s3Url(source.logs), s3Url(source.jsonPaths)],
  ];
  const rows = { staging_songs: 0, staging_events: 0 };
  let files = 0;
  for (const [table, from, json] of jobs) {
    progress(table, 0, 1, rows.staging_songs + rows.staging_events);
    const columns = stagingColumns(table).map((c) => c.name);
    const region = options.region ? { region: options.region } : {};
    const copy = redshiftCopySql({ schema: tx.schema, table, columns, from, iamRoleArn, json, maxErrors, ...region });
    try {
      await tx.sql.unsafe(copy);
    } catch (error) {
      throw new RedshiftCopyError(table, from, error);
    }
    const [last] = await tx.sql.unsafe<{ rows: number | string; files: number | string }[]>(LOADED_SQL);
    rows[table] = Number(last?.rows ?? 0);
    files = Number(last?.files ?? 0); // this run's files so far
    progress(table, 1, 1, rows.staging_songs + rows.staging_events);
  }
  // Each COPY stayed within MAXERROR; together they may not have.
  const rejected = await readRedshiftLoadErrors(tx);
  if (rejected.length > maxErrors) throw new TooManyLoadErrors(rejected, maxErrors);
  await insertLoadErrors(tx, rejected);
  return {
    files: { staged: files, skipped: 0, replaced: 0, empty: 0 },
    emptyFiles: [],
    rows,
    rejected,
    ms: Date.now() - started,
    source: `${s3Url(source.songs)} and ${s3Url(source.logs)} (read by Redshift)`,
  };
}

/** Redshift has no COPY FROM STDIN; a few hundred rows a statement is plenty for rejected records. Every column is
 * quoted: `raw` and `column` are Redshift reserved words (audit F1). */
async function insertLoadErrors(tx: StageTx, rejected: readonly LoadError[]): Promise<void> {
  const { reason, raw } = tables.load_errors.columns;
  const columns = ['file', 'line', 'column', 'reason', 'raw'].map(quoteIdent).join(', ');
  for (let i = 0; i < rejected.length; i += 500) {
    const chunk = rejected.slice(i, i + 500);
    const values = chunk.map((_, r) => `(${[1, 2, 3, 4, 5].map((c) => `$${r * 5 + c}`).join(', ')})`).join(', ');
    const params = chunk.flatMap((e) => [e.file, e.line, e.column, truncateUtf8(e.reason, reason.bytes), truncateUtf8(e.raw, raw.bytes)]);
    await tx.sql.unsafe(`insert into ${qualified(tx.schema, 'load_errors')} (${columns}) values ${values}`, params);
  }
}
