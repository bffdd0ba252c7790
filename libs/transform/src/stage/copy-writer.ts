import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type postgres from 'postgres';
import { copyTextRow } from './copy-text.js';
import { qualified, quoteIdent } from './identifiers.js';

const CHUNK_BYTES = 256 * 1024;

/**
 * Streams rows into `COPY table (columns) FROM STDIN` on the caller's transaction, honouring backpressure.
 * Rows are encoded straight into ~256 KB byte chunks (so each row's string dies young instead of being kept in
 * a long concatenation that the garbage collector promotes); `write` returns a promise only when the socket
 * asks us to wait.
 */
export class CopyWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private rowCount = 0;

  private constructor(
    private readonly stream: Writable,
    private readonly failure: ServerFailure,
  ) {
    // Errors are surfaced by write()/end(); without a listener an 'error' event would crash the process.
    stream.on('error', () => {});
  }

  static async open(sql: postgres.Sql | postgres.TransactionSql, schema: string, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const text = `copy ${qualified(schema, table)} (${columns.map(quoteIdent).join(', ')}) from stdin`;
    const query = sql.unsafe(text);
    // postgres.js 3.4.9 settles the COPY query with the stream, so an error the server raises after our last
    // chunk (a value it refuses) would leave finish() waiting forever. Its query object still receives the
    // error through `reject`; listen there. (copy-writer.spec.ts fails if an upgrade changes this.)
    const failure = new ServerFailure();
    const internal = query as unknown as { reject: (e: Error) => void };
    const reject = internal.reject;
    internal.reject = (e) => {
      failure.fail(e);
      reject(e);
    };
    return new CopyWriter(await query.writable(), failure);
  }

  /** Copies a finite list of rows in one go (aborting the COPY if anything fails). */
  static async copyRows(
    sql: postgres.Sql | postgres.TransactionSql,
    schema: string,
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly (string | null)[]>,
  ): Promise<number> {
    const writer = await CopyWriter.open(sql, schema, table, columns);
    try {
      for (const row of rows) {
        const wait = writer.write(row);
        if (wait) await wait;
      }
      return await writer.end();
    } catch (error) {
      writer.abort(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  get rows(): number {
    return this.rowCount;
  }

  /** `escape: false` when no value can hold a character COPY text escapes (see copyTextRow). */
  write(cells: readonly (string | null)[], escape = true): void | Promise<void> {
    const row = copyTextRow(cells, escape);
    this.rowCount++;
    const room = row.length * 3; // a UTF-16 unit is at most 3 UTF-8 bytes
    let wait: void | Promise<void> = undefined;
    if (this.used + room > this.chunk.length) {
      wait = this.flush();
      if (room > this.chunk.length) this.chunk = Buffer.allocUnsafe(room);
    }
    this.used += this.chunk.write(row, this.used);
    return wait;
  }

  /** Sends bytes already in COPY text format (any cut: the server reassembles rows). */
  writeRaw(bytes: Buffer): void | Promise<void> {
    const wait = this.flush();
    if (wait) return wait.then(() => this.writeRaw(bytes));
    if (this.stream.errored) throw this.stream.errored;
    if (!this.stream.write(bytes)) return this.drain();
  }

  /** Hands the filled part of the chunk to the stream and starts a new chunk. */
  private flush(): void | Promise<void> {
    if (this.used === 0) return;
    if (this.stream.errored) throw this.stream.errored;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!this.stream.write(full)) return this.drain();
  }

  private async drain(): Promise<void> {
    await once(this.stream, 'drain'); // rejects if the stream errors meanwhile
  }

  /** Sends the last rows and waits for the server to accept the COPY. */
  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await Promise.race([finished(this.stream), this.failure.promise]);
    return this.rowCount;
  }

  /** Cancels the COPY (the server discards it; the transaction is then failed and must roll back). */
  abort(reason: Error): void {
    if (!this.stream.destroyed) this.stream.destroy(reason);
  }
}

/** Settles with the server's error, if it sends one. */
class ServerFailure {
  private rejectWith: ((e: Error) => void) | undefined;
  readonly promise = new Promise<never>((_, reject) => {
    this.rejectWith = reject;
  });
  constructor() {
    this.promise.catch(() => {}); // observed only when someone awaits end()
  }
  fail(error: Error): void {
    this.rejectWith?.(error);
  }
}
