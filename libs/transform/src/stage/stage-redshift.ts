import { tables } from '@sparkify/schema';
import { stagingColumns, type StagingTable } from '../extract/staging-columns.js';
import { truncateUtf8 } from '../extract/load-error.js';
import { s3Url, SourceError, type ResolvedSource } from '../source/source-location.js';
import { qualified, quoteIdent } from './identifiers.js';
import { redshiftCopySql } from './redshift-copy.js';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3Store } from '../source/s3-store.js';
import { goneFiles, NO_GONE_FILES, readLedger } from './ledger.js';
import { LOADED_SQL, readRedshiftLoadErrors } from './redshift-load-errors.js';
import { manifestUrl, writeManifest } from './redshift-manifest.js';
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
 * A COPY stopped because more records were bad than MAXERROR (= --max-errors) allows. Redshift then aborts the
 * transaction, so the records cannot be read here; the message says where to see them. Same exit code as the
 * PostgreSQL path's TooManyLoadErrors.
 */
export class RedshiftTooManyLoadErrors extends TooManyLoadErrors {
  constructor(table: string, from: string, maxErrors: number, cause: unknown) {
    super([], maxErrors);
    const why = cause instanceof Error ? cause.message : String(cause);
    this.message =
      `staging stopped: COPY into ${table} from ${from} rejected more records than max errors = ${maxErrors} ` +
      `(Redshift enforces it as MAXERROR): ${why}\nNothing was staged (rolled back). See the rejected records with, on the cluster:\n` +
      '  select file_name, line_number, column_name, error_message from sys_load_error_detail order by start_time desc limit 20;\n' +
      'Fix or remove the bad records, or allow some with --max-errors N (or [SPARKIFY] MAX_ERRORS in dwh.cfg).';
    this.cause = cause;
  }
}

/** Redshift's answer when load errors exceed MAXERROR (it names the load-error tables to look in). */
const overMaxError = (error: unknown): boolean =>
  error instanceof Error && /Load into table .* failed|stl_load_errors|sys_load_error_detail/i.test(error.message);

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
  const byManifest = options.manifestPrefix !== undefined && options.s3 !== undefined;
  // By manifest, staging accumulates like on PostgreSQL and is emptied only on --full-refresh; by prefix, each
  // COPY reads every file under it, so staging must start empty every run.
  if (options.fullRefresh || !byManifest) {
    for (const statement of tx.dialect.clearTables(tx.schema, ['staging_events', 'staging_songs', 'load_ledger', 'load_errors'])) {
      await tx.sql.unsafe(statement);
    }
  }
  const plan = byManifest ? await planByManifest(tx, source, options) : undefined;

  const jobs: [StagingTable, 'songs' | 'logs', string, string][] = [
    ['staging_songs', 'songs', s3Url(source.songs), 'auto'],
    ['staging_events', 'logs', s3Url(source.logs), s3Url(source.jsonPaths)],
  ];
  const rows = { staging_songs: 0, staging_events: 0 };
  let files = 0;
  for (const [table, kind, prefix, json] of jobs) {
    const todo = plan?.[kind].todo;
    if (todo?.length === 0) continue; // nothing new: no COPY (a manifest may not be empty)
    progress(table, 0, 1, rows.staging_songs + rows.staging_events);
    const from = todo && options.manifestPrefix ? manifestUrl(options.manifestPrefix, plan.run, table) : prefix;
    if (todo && options.s3 && !options.dryRun) await writeManifest(options.s3, from, todo);
    const columns = stagingColumns(table).map((c) => c.name);
    const region = options.region ? { region: options.region } : {};
    const copy = redshiftCopySql({ schema: tx.schema, table, columns, from, iamRoleArn, json, maxErrors, manifest: todo !== undefined, ...region });
    try {
      await tx.sql.unsafe(copy);
    } catch (error) {
      throw overMaxError(error) ? new RedshiftTooManyLoadErrors(table, from, maxErrors, error) : new RedshiftCopyError(table, from, error);
    }
    const [last] = await tx.sql.unsafe<{ rows: number | string; files: number | string }[]>(LOADED_SQL);
    rows[table] = Number(last?.rows ?? 0);
    files = todo ? files + todo.length : Number(last?.files ?? 0); // by prefix: this run's files so far
    progress(table, 1, 1, rows.staging_songs + rows.staging_events);
  }
  // Each COPY stayed within MAXERROR; together they may not have.
  const rejected = await readRedshiftLoadErrors(tx);
  if (rejected.length > maxErrors) throw new TooManyLoadErrors(rejected, maxErrors);
  await insertRows(tx, 'load_errors', ['file', 'line', 'column', 'reason', 'raw'], rejected.map((e) => [
    e.file, e.line, e.column, truncateUtf8(e.reason, tables.load_errors.columns.reason.bytes), truncateUtf8(e.raw, tables.load_errors.columns.raw.bytes),
  ]));
  if (plan) {
    // COPY reports rows per table, not per file: the ledger records each file with rows = 0 on Redshift.
    const loaded = [...plan.songs.todo, ...plan.logs.todo];
    await insertRows(tx, 'load_ledger', ['file', 'bytes', 'content_hash', 'rows'], loaded.map((f) => [f.key, f.size, f.etag ?? '', 0]));
  }
  return {
    files: { staged: files, skipped: plan ? plan.songs.skipped + plan.logs.skipped : 0, replaced: 0, empty: 0 },
    emptyFiles: [],
    gone: plan?.gone ?? NO_GONE_FILES,
    rows,
    rejected,
    ms: Date.now() - started,
    source: `${s3Url(source.songs)} and ${s3Url(source.logs)} (read by Redshift${plan ? ', new files by manifest' : ''})`,
  };
}

/**
 * The files not yet in load_ledger, per kind. A file whose content changed since it was staged cannot be
 * replaced on Redshift (a server-side COPY does not record which file each row came from): refuse, and say how.
 */
async function planByManifest(tx: StageTx, source: ResolvedSource & { kind: 's3' }, options: StageOptions) {
  const store = s3Store(source, options.s3 as S3Client, options.s3PageSize ? { pageSize: options.s3PageSize } : {});
  const ledger = await readLedger(tx);
  const plans = await Promise.all(
    (['songs', 'logs'] as const).map(async (kind) => {
      const listed = options.dryRun ? [] : await store.list(kind);
      const changed = listed.filter((f) => {
        const prior = ledger.get(f.key);
        return prior !== undefined && (prior.bytes !== f.size || prior.contentHash !== (f.etag ?? ''));
      });
      if (changed[0]) {
        throw new SourceError(
          `${changed[0].key} changed since it was staged (${changed.length} file(s) changed). Redshift cannot remove one file's ` +
            'rows from staging: run with --full-refresh to stage everything again.',
        );
      }
      const todo = listed.filter((f) => !ledger.has(f.key));
      // A dry run lists nothing; it shows the COPY of a manifest of the new files.
      return { listed, todo: options.dryRun ? [{ key: `${s3Url(kind === 'songs' ? source.songs : source.logs)}/<each new file>`, size: 0 }] : todo, skipped: listed.length - todo.length };
    }),
  );
  const [songs, logs] = plans as [(typeof plans)[0], (typeof plans)[0]];
  const gone = options.dryRun ? NO_GONE_FILES : goneFiles(ledger, plans.map((p) => p.listed));
  return { run: new Date().toISOString().replace(/[-:.Z]/g, ''), songs, logs, gone };
}

/** Redshift has no COPY FROM STDIN; a few hundred rows a statement is plenty for rejections and ledger rows. Every
 * column is quoted: `raw` and `column` are Redshift reserved words (audit F1). */
async function insertRows(tx: StageTx, table: string, names: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const columns = names.map(quoteIdent).join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((_, r) => `(${names.map((_, c) => `$${r * names.length + c + 1}`).join(', ')})`).join(', ');
    await tx.sql.unsafe(`insert into ${qualified(tx.schema, table)} (${columns}) values ${values}`, chunk.flat() as never[]);
  }
}
