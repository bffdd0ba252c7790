import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type postgres from 'postgres';
import { copyTextRow } from './copy-text.js';
import { qualified, quoteIdent } from './identifiers.js';

const FLUSH_CHARS = 256 * 1024;

/**
 * Streams rows into `COPY table (columns) FROM STDIN` on the caller's transaction, honouring backpressure.
 * Rows are batched into ~256 KB chunks; `write` returns a promise only when the socket asks us to wait.
 */
export class CopyWriter {
  private buffer = '';
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
    this.buffer += copyTextRow(cells, escape);
    this.rowCount++;
    if (this.buffer.length >= FLUSH_CHARS) return this.flush();
  }

  /** Sends bytes already in COPY text format (any cut: the server reassembles rows). */
  writeRaw(chunk: Buffer): void | Promise<void> {
    const wait = this.flush();
    if (wait) return wait.then(() => this.writeRaw(chunk));
    if (this.stream.errored) throw this.stream.errored;
    if (!this.stream.write(chunk)) return this.drain();
  }

  private flush(): void | Promise<void> {
    if (this.buffer === '') return;
    if (this.stream.errored) throw this.stream.errored;
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) return this.drain();
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
