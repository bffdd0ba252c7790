import { createHash, type Hash } from 'node:crypto';
import { mayNeedEscapes } from '../extract/escapes.js';
import { storableRaw, type LoadError } from '../extract/load-error.js';
import { numberToText } from '../extract/number-to-text.js';
import { mapRecord, type FieldMapping } from '../extract/record-mapping.js';
import { recordSplitter, type RawRecord, type RecordLayout, type RecordSplitter } from '../extract/records.js';
import { copyTextRow, copyTextValue } from './copy-text.js';

const CHUNK_BYTES = 256 * 1024;

/** What a worker is told about one piece of a file: its bytes in the batch's buffer, and whether it is the last. */
export interface PieceJob {
  readonly file: number;
  readonly key: string;
  readonly offset: number;
  readonly length: number;
  readonly last: boolean;
  /** Hash the file's bytes (local files; S3 files have their ETag). */
  readonly hash: boolean;
}

export interface BatchJob {
  readonly id: number;
  readonly layout: RecordLayout;
  readonly fields: readonly FieldMapping[];
  readonly bytes: ArrayBuffer;
  readonly pieces: readonly PieceJob[];
}

/** One file finished in a batch. */
export interface FileDone {
  readonly file: number;
  readonly rows: number;
  readonly empty: boolean;
  readonly hash: string | undefined;
}

export interface BatchResult {
  readonly id: number;
  /** COPY text, in file order; each buffer is used up to its length. */
  readonly chunks: readonly { readonly buffer: ArrayBuffer; readonly length: number }[];
  /** Rejected records, in file and line order. */
  readonly rejected: readonly LoadError[];
  readonly done: readonly FileDone[];
}

interface FileState {
  readonly splitter: RecordSplitter;
  readonly hash: Hash | undefined;
  readonly keyEscapes: boolean;
  rows: number;
  records: number;
}

/**
 * Turns file pieces into COPY text with the same rules as the single-threaded path (extractFile + CopyWriter),
 * byte for byte: a file's pieces arrive in order, possibly over several batches, so its state is kept between them.
 * Runs inside a staging worker (stage-worker.ts).
 */
export class BatchEncoder {
  private readonly files = new Map<number, FileState>();
  private chunks: { buffer: ArrayBuffer; length: number }[] = [];
  private chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;

  encode(job: BatchJob): BatchResult {
    const rejected: LoadError[] = [];
    const done: FileDone[] = [];
    for (const piece of job.pieces) {
      let state = this.files.get(piece.file);
      if (!state) {
        state = { splitter: recordSplitter(job.layout), hash: piece.hash ? createHash('sha256') : undefined, keyEscapes: copyTextValue(piece.key) !== piece.key, rows: 0, records: 0 };
        this.files.set(piece.file, state);
      }
      const bytes = new Uint8Array(job.bytes, piece.offset, piece.length);
      state.hash?.update(bytes);
      this.take(state, piece.key, state.splitter.push(bytes), job.fields, rejected);
      if (piece.last) {
        this.take(state, piece.key, state.splitter.end(), job.fields, rejected);
        this.files.delete(piece.file);
        done.push({ file: piece.file, rows: state.rows, empty: state.records === 0, hash: state.hash?.digest('hex') });
      }
    }
    if (this.used > 0) this.finishChunk();
    const chunks = this.chunks;
    this.chunks = [];
    return { id: job.id, chunks, rejected, done };
  }

  private take(state: FileState, file: string, found: RawRecord[], fields: readonly FieldMapping[], rejected: LoadError[]): void {
    for (const rec of found) {
      state.records++;
      if ('error' in rec) {
        rejected.push({ file, line: rec.line, column: null, reason: rec.error, raw: storableRaw(rec.raw) });
        continue;
      }
      const mapped = mapRecord(rec.text, fields);
      if (!mapped.ok) {
        rejected.push({ file, line: rec.line, column: mapped.column, reason: storableRaw(mapped.reason), raw: storableRaw(rec.text) });
        continue;
      }
      state.rows++;
      const cells = mapped.cells;
      cells.push(file, numberToText(rec.line)); // source_file, source_line: as the main-thread path writes them
      this.write(copyTextRow(cells, mapped.coerced || mayNeedEscapes(rec.text) || state.keyEscapes));
    }
  }

  private write(row: string): void {
    const room = row.length * 3; // a UTF-16 unit is at most 3 UTF-8 bytes
    if (this.used + room > this.chunk.length) {
      if (this.used > 0) this.finishChunk();
      if (room > this.chunk.length) this.chunk = Buffer.allocUnsafeSlow(room);
    }
    this.used += this.chunk.write(row, this.used);
  }

  /** Chunks are unpooled (allocUnsafeSlow), so their ArrayBuffer can be transferred whole. */
  private finishChunk(): void {
    this.chunks.push({ buffer: this.chunk.buffer as ArrayBuffer, length: this.used });
    this.chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.used = 0;
  }
}
