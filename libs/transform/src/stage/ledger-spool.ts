import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberToText } from '../extract/number-to-text.js';
import { copyTextRow } from './copy-text.js';
import { CopyWriter } from './copy-writer.js';
import type { LedgerEntry } from './ledger.js';
import type { StageTx } from './stage-types.js';

const SPOOL_CHUNK_BYTES = 64 * 1024;
const LEDGER_COLUMNS = ['file', 'bytes', 'content_hash', 'rows'];

/**
 * The ledger rows of a run, spooled to a temporary file as COPY text while the staging COPY holds the
 * connection (one COPY at a time), then copied in one go. Memory stays flat whatever the number of files,
 * and staging is never paused. Always `dispose()` it (the file goes with it).
 */
export class LedgerSpool {
  // Rows are encoded into bytes at once: a string growing over hundreds of files would outlive young-generation
  // collections and be promoted (garbage the old generation keeps until a full collection).
  private readonly chunk = Buffer.allocUnsafe(SPOOL_CHUNK_BYTES);
  private used = 0;
  private count = 0;
  private fd: number | undefined;

  private constructor(
    private readonly dir: string,
    private readonly path: string,
  ) {
    this.fd = openSync(path, 'w', 0o600);
  }

  static open(): LedgerSpool {
    const dir = mkdtempSync(join(tmpdir(), 'sparkify-ledger-'));
    return new LedgerSpool(dir, join(dir, 'ledger.copy'));
  }

  get rows(): number {
    return this.count;
  }

  add(e: LedgerEntry): void {
    const row = copyTextRow([e.file, numberToText(e.bytes), e.contentHash, numberToText(e.rows)]);
    this.count++;
    if (this.fd === undefined) return;
    if (this.used + row.length * 3 > this.chunk.length) this.flush(); // a UTF-16 unit is at most 3 UTF-8 bytes
    if (row.length * 3 > this.chunk.length) writeSync(this.fd, row);
    else this.used += this.chunk.write(row, this.used);
  }

  /** Copies every spooled row into load_ledger; returns how many. */
  async copyInto(tx: StageTx): Promise<number> {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.count === 0) return 0;
    const writer = await CopyWriter.open(tx.sql, tx.schema, 'load_ledger', LEDGER_COLUMNS);
    try {
      // COPY data may be cut anywhere (the server reassembles rows), so the file goes as it is read.
      for await (const chunk of createReadStream(this.path, { highWaterMark: 256 * 1024 })) {
        const wait = writer.writeRaw(chunk as Buffer);
        if (wait) await wait;
      }
      await writer.end();
      return this.count;
    } catch (error) {
      writer.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.used === 0 || this.fd === undefined) return;
    writeSync(this.fd, this.chunk, 0, this.used);
    this.used = 0;
  }
}
