import type { LoadError } from '../extract/load-error.js';
import type { FieldMapping } from '../extract/record-mapping.js';
import type { RecordLayout } from '../extract/records.js';
import { mapOrdered } from '../source/bounded.js';
import type { FileStore, SourceFile } from '../source/file-store.js';
import type { CopyWriter } from './copy-writer.js';
import { WHOLE_FILE_LIMIT } from './ledger.js';
import type { BatchResult, PieceJob } from './stage-encoder.js';
import type { WorkerPool } from './worker-pool.js';

/** A batch holds about this many bytes of JSON (many small files, or one piece of a large file). */
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 1024;
/** Batches sent per worker ahead of the one being written: keeps workers busy, memory flat. */
const AHEAD_PER_WORKER = 2;

export interface StagedFile {
  readonly file: SourceFile;
  readonly bytes: number;
  readonly rows: number;
  readonly empty: boolean;
  /** sha256 of the bytes read (local files), or undefined (S3: the ETag is the fingerprint). */
  readonly hash: string | undefined;
}

interface Batch {
  readonly pieces: { readonly job: Omit<PieceJob, 'offset' | 'length'>; readonly bytes: Uint8Array }[];
  /** The batch ends inside a file, whose next pieces must go to the same worker (it keeps the file's state). */
  readonly openAtEnd: boolean;
}

/**
 * Stages files through worker threads: the main thread reads the files (small ones whole and ahead, large ones
 * as ~1 MB pieces), workers parse and encode them into COPY text (stage-encoder.ts), and the main thread writes
 * their chunks to the one COPY in file order, so the staged bytes are the same as on the single-threaded path.
 * At most AHEAD_PER_WORKER batches per worker are in flight, so memory does not grow with the data.
 */
export async function stageInWorkers(
  pool: WorkerPool,
  store: FileStore,
  todo: readonly SourceFile[],
  layout: RecordLayout,
  fields: readonly FieldMapping[],
  writer: CopyWriter,
  concurrency: number,
  onReject: (error: LoadError) => void,
  onFile: (staged: StagedFile) => void | Promise<void>,
): Promise<void> {
  const byIndex = new Map<number, { file: SourceFile; bytes: number }>();
  const pending: Promise<BatchResult>[] = [];
  let nextId = 0;
  let turn = 0;
  let stickTo = -1;

  const consume = async (result: BatchResult) => {
    for (const e of result.rejected) onReject(e);
    for (const c of result.chunks) {
      const wait = writer.writeRaw(Buffer.from(c.buffer, 0, c.length));
      if (wait) await wait;
    }
    for (const d of result.done) {
      const meta = byIndex.get(d.file) as { file: SourceFile; bytes: number };
      byIndex.delete(d.file);
      const wait = onFile({ file: meta.file, bytes: meta.bytes, rows: d.rows, empty: d.empty, hash: d.hash });
      if (wait) await wait;
    }
  };

  try {
    for await (const batch of batches(store, todo, concurrency, byIndex)) {
      const worker = stickTo >= 0 ? stickTo : turn++ % pool.size;
      stickTo = batch.openAtEnd ? worker : -1;
      const total = batch.pieces.reduce((n, p) => n + p.bytes.byteLength, 0);
      const packed = Buffer.allocUnsafeSlow(total); // unpooled: its ArrayBuffer is transferred whole
      let offset = 0;
      const pieces = batch.pieces.map((p) => {
        packed.set(p.bytes, offset);
        const job: PieceJob = { ...p.job, offset, length: p.bytes.byteLength };
        offset += p.bytes.byteLength;
        return job;
      });
      pending.push(pool.run(worker, { id: nextId++, layout, fields, bytes: packed.buffer as ArrayBuffer, pieces }));
      while (pending.length >= pool.size * AHEAD_PER_WORKER) await consume(await (pending.shift() as Promise<BatchResult>));
      // Reads and socket writes often complete at once; let timers (a progress bar's) run now and then.
      if (nextId % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    while (pending.length > 0) await consume(await (pending.shift() as Promise<BatchResult>));
  } finally {
    for (const p of pending) p.catch(() => {});
  }
}

/** The files cut into batches of pieces, in file order; small files are read ahead, `concurrency` at a time. */
async function* batches(
  store: FileStore,
  todo: readonly SourceFile[],
  concurrency: number,
  byIndex: Map<number, { file: SourceFile; bytes: number }>,
): AsyncGenerator<Batch> {
  let pieces: Batch['pieces'][number][] = [];
  let size = 0;
  const read = (file: SourceFile): Promise<Buffer | AsyncIterable<Uint8Array>> =>
    file.size <= WHOLE_FILE_LIMIT ? store.read(file) : Promise.resolve(store.stream(file));
  let index = 0;
  for await (const content of mapOrdered(todo, concurrency, read)) {
    const file = todo[index] as SourceFile;
    const job = { file: index++, key: file.key, hash: file.etag === undefined };
    if (Buffer.isBuffer(content)) {
      byIndex.set(job.file, { file, bytes: content.byteLength });
      pieces.push({ job: { ...job, last: true }, bytes: content });
      size += content.byteLength;
      if (size >= BATCH_BYTES || pieces.length >= BATCH_FILES) {
        yield { pieces, openAtEnd: false };
        pieces = [];
        size = 0;
      }
      continue;
    }
    let bytes = 0;
    let held: Uint8Array[] = [];
    let heldBytes = 0;
    for await (const chunk of content) {
      held.push(chunk);
      heldBytes += chunk.byteLength;
      bytes += chunk.byteLength;
      if (size + heldBytes >= BATCH_BYTES) {
        pieces.push({ job: { ...job, last: false }, bytes: Buffer.concat(held) });
        yield { pieces, openAtEnd: true };
        pieces = [];
        size = 0;
        held = [];
        heldBytes = 0;
      }
    }
    byIndex.set(job.file, { file, bytes });
    pieces.push({ job: { ...job, last: true }, bytes: Buffer.concat(held) });
    size += heldBytes;
    if (size >= BATCH_BYTES || pieces.length >= BATCH_FILES) {
      yield { pieces, openAtEnd: false };
      pieces = [];
      size = 0;
    }
  }
  if (pieces.length > 0) yield { pieces, openAtEnd: false };
}
