import { createHash, type Hash } from 'node:crypto';
import { tables } from '@sparkify/schema';
import { DEFAULT_LOG_JSON_PATHS_TEXT } from '../extract/default-json-paths.js';
import { extractFile } from '../extract/extract-file.js';
import { parseJsonPaths } from '../extract/json-paths.js';
import { numberToText } from '../extract/number-to-text.js';
import { truncateUtf8, type LoadError } from '../extract/load-error.js';
import { autoMapping, jsonPathsMapping, type FieldMapping } from '../extract/record-mapping.js';
import type { RecordLayout } from '../extract/records.js';
import { SOURCE_FILE_COLUMN, SOURCE_LINE_COLUMN, stagingColumns, type StagingTable } from '../extract/staging-columns.js';
import { mapOrdered } from '../source/bounded.js';
import type { FileStore, SourceFile } from '../source/file-store.js';
import { SourceError } from '../source/source-location.js';
import { CopyWriter } from './copy-writer.js';
import { LedgerSpool } from './ledger-spool.js';
import { copyTextValue } from './copy-text.js';
import { goneFiles, planFiles, readLedger, WHOLE_FILE_LIMIT, type FilePlan, type GoneFiles, type LedgerEntry } from './ledger.js';
import type { StageOptions, StageProgress, StageReport, StageTx } from './stage-types.js';
import { TooManyLoadErrors } from './too-many-load-errors.js';
import { stageInWorkers } from './stage-parallel.js';
import { defaultWorkers, WorkerPool } from './worker-pool.js';

const DELETE_CHUNK = 5000;
const YIELD_EVERY_FILES = 500;

/**
 * Client-side staging (PostgreSQL targets): list, skip what the ledger already holds, stream every other file
 * through the same parsing rules as Redshift's COPY into `COPY … FROM STDIN`, then record ledger and errors.
 * What it keeps is bounded apart from the listing itself (one small object per file) and the rejected records
 * (at most maxErrors + 1).
 */
export async function stageByStreaming(tx: StageTx, store: FileStore, options: StageOptions, started: number): Promise<StageReport> {
  const maxErrors = options.maxErrors ?? 0;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const progress = options.onProgress ?? (() => {});

  if (options.fullRefresh) {
    for (const statement of tx.dialect.clearTables(tx.schema, ['staging_events', 'staging_songs', 'load_ledger', 'load_errors'])) {
      await tx.sql.unsafe(statement);
    }
  }

  progress('listing', 0, 0, 0);
  const [songs, logs, jsonPaths] = await Promise.all([store.list('songs'), store.list('logs'), store.readJsonPaths()]);
  const eventFields = jsonPathsMapping(
    stagingColumns('staging_events'),
    parseJsonPaths(jsonPaths?.text ?? DEFAULT_LOG_JSON_PATHS_TEXT, jsonPaths?.where ?? 'the built-in JSONPaths'),
    jsonPaths?.where ?? 'the built-in JSONPaths',
  );
  const keyLimit = tables.staging_events.columns.source_file.bytes;
  const tooLong = songs.find((f) => Buffer.byteLength(f.key) > keyLimit) ?? logs.find((f) => Buffer.byteLength(f.key) > keyLimit);
  if (tooLong) throw new SourceError(`file name ${tooLong.key} is longer than ${keyLimit} bytes, the width of source_file`);
  const fileCount = songs.length + logs.length;
  progress('listing', fileCount, fileCount, 0);

  const [songPlan, logPlan, gone] = await plan(tx, store, songs, logs, options.fullRefresh === true, concurrency, progress);
  const replaced = [...songPlan.replaced, ...logPlan.replaced];
  await forgetFiles(tx, replaced);

  const rejected: LoadError[] = [];
  const onReject = (e: LoadError) => {
    rejected.push(e);
    if (rejected.length > maxErrors) throw new TooManyLoadErrors(rejected, maxErrors);
  };
  const ledger = LedgerSpool.open();
  // Off unless asked for (workers: 'auto' or a number): with workers on, a connection lost mid-COPY surfaced as
  // postgres.js's "Cannot read properties of null (reading 'write')" in the bundled loader (apps/loader
  // connection-lost.spec.ts), and no speed-up was measurable on the 2-core machine; see the README.
  const workers = options.workers === 'auto' ? defaultWorkers() : (options.workers ?? 0);
  const pool = workers > 0 && songPlan.todo.length + logPlan.todo.length > 0 ? WorkerPool.open(workers) : undefined;
  try {
    const emptyFiles: string[] = [];
    const rows = { staging_songs: 0, staging_events: 0 };
    const total = () => rows.staging_songs + rows.staging_events;
    const jobs: [StagingTable, RecordLayout, FieldMapping[], readonly SourceFile[]][] = [
      ['staging_songs', 'values', autoMapping(stagingColumns('staging_songs')), songPlan.todo],
      ['staging_events', 'lines', eventFields, logPlan.todo],
    ];
    for (const [table, layout, fields, todo] of jobs) {
      progress(table, 0, todo.length, total());
      if (todo.length === 0) continue;
      const columns = [...fields.map((f) => f.column.name), SOURCE_FILE_COLUMN, SOURCE_LINE_COLUMN];
      const writer = await CopyWriter.open(tx.sql, tx.schema, table, columns);
      try {
        let done = 0;
        if (pool) {
          await stageInWorkers(pool, store, todo, layout, fields, writer, concurrency, onReject, (staged) => {
            const key = staged.file.key;
            rows[table] += staged.rows;
            if (staged.empty) emptyFiles.push(key);
            ledger.add({ file: key, bytes: staged.bytes, contentHash: staged.file.etag ?? (staged.hash as string), rows: staged.rows });
            progress(table, ++done, todo.length, total());
          });
        } else for await (const source of mapOrdered(todo, concurrency, (f) => prefetch(store, f))) {
          const key = source.file.key;
          const keyEscapes = copyTextValue(key) !== key;
          const onRow = (cells: (string | null)[], escape: boolean, line: number) => (cells.push(key, numberToText(line)), writer.write(cells, escape || keyEscapes));
          const result = await extractFile(key, source.chunks, layout, fields, onRow, onReject);
          rows[table] += result.rows;
          if (result.empty) emptyFiles.push(key);
          ledger.add({ file: key, bytes: source.bytes(), contentHash: source.file.etag ?? source.hash.digest('hex'), rows: result.rows });
          progress(table, ++done, todo.length, total());
          // Small files are read synchronously and socket writes often complete at once, so without this the
          // event loop would not turn for the whole song phase (timers such as a progress bar's would stall).
          if (done % YIELD_EVERY_FILES === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await writer.end();
      } catch (error) {
        writer.abort(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    }

    progress('recording', 0, ledger.rows, total());
    await ledger.copyInto(tx);
    await recordErrors(tx, rejected);
    progress('recording', ledger.rows, ledger.rows, total());
    return {
      files: {
        staged: songPlan.fresh + logPlan.fresh,
        skipped: songPlan.skipped + logPlan.skipped,
        replaced: replaced.length,
        empty: emptyFiles.length,
      },
      emptyFiles,
      gone,
      rows,
      rejected,
      ms: Date.now() - started,
      source: store.description,
    };
  } finally {
    ledger.dispose();
    await pool?.close();
  }
}

/** The plans for songs and logs, and the ledger's files the listing lacks; the ledger read for them is dropped once they are made. */
async function plan(
  tx: StageTx,
  store: FileStore,
  songs: readonly SourceFile[],
  logs: readonly SourceFile[],
  fullRefresh: boolean,
  concurrency: number,
  progress: StageProgress,
): Promise<[FilePlan, FilePlan, GoneFiles]> {
  const ledger = fullRefresh ? new Map<string, LedgerEntry>() : await readLedger(tx);
  const fileCount = songs.length + logs.length;
  let checked = 0;
  const onChecked = (count: number) => progress('checking', (checked += count), fileCount, 0);
  const songPlan = await planFiles(songs, ledger, store, concurrency, onChecked);
  return [songPlan, await planFiles(logs, ledger, store, concurrency, onChecked), goneFiles(ledger, [songs, logs])];
}

interface Fetched {
  readonly file: SourceFile;
  /** The whole file (small files) or a stream of it. */
  readonly chunks: readonly Uint8Array[] | AsyncIterable<Uint8Array>;
  /** Hashes the bytes as they are consumed (unused for S3, whose ETag is the fingerprint). */
  readonly hash: Hash;
  /** Bytes actually read (the file may have changed since it was listed). */
  bytes(): number;
}

/** Small files are read whole ahead of time (in parallel); large ones are streamed when their turn comes. */
async function prefetch(store: FileStore, file: SourceFile): Promise<Fetched> {
  const hash = createHash('sha256');
  if (file.size <= WHOLE_FILE_LIMIT) {
    const whole = await store.read(file);
    if (file.etag === undefined) hash.update(whole);
    return { file, hash, chunks: [whole], bytes: () => whole.byteLength };
  }
  let bytes = 0;
  const counted = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (file.etag === undefined) hash.update(chunk);
      yield chunk;
    }
  };
  return { file, hash, chunks: counted(store.stream(file)), bytes: () => bytes };
}

/** Removes what a changed file staged before, so that it can be staged again. */
async function forgetFiles(tx: StageTx, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += DELETE_CHUNK) {
    const chunk = keys.slice(i, i + DELETE_CHUNK);
    for (const [table, column] of [['staging_events', 'source_file'], ['staging_songs', 'source_file'], ['load_ledger', 'file'], ['load_errors', 'file']] as const) {
      await tx.sql`delete from ${tx.sql(tx.schema)}.${tx.sql(table)} where ${tx.sql(column)} in ${tx.sql(chunk)}`;
    }
  }
}

/** Writes the rejected records to load_errors with COPY. */
async function recordErrors(tx: StageTx, rejected: readonly LoadError[]): Promise<void> {
  if (rejected.length === 0) return;
  const { reason, raw } = tables.load_errors.columns;
  const errorRows = rejected.map((e) => [e.file, String(e.line), e.column, truncateUtf8(e.reason, reason.bytes), truncateUtf8(e.raw, raw.bytes)]);
  await CopyWriter.copyRows(tx.sql, tx.schema, 'load_errors', ['file', 'line', 'column', 'reason', 'raw'], errorRows);
}
