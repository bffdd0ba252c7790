// Writes the log one day file at a time, in time order: log_data/YYYY/MM/YYYY-MM-DD-events.json, newline-separated
// JSON lines with no newline after the last line (as in the real files). Output is buffered in ~1 MiB chunks and
// waits for the disk when the stream asks it to, so memory stays flat.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { DAY_MS } from './timeline.js';

const CHUNK = 1 << 16;

export function dayFilePath(dayStartMs: number): string {
  const iso = new Date(dayStartMs).toISOString();
  return join('log_data', iso.slice(0, 4), iso.slice(5, 7), `${iso.slice(0, 10)}-events.json`);
}

export class DayFiles {
  private stream: WriteStream | undefined;
  private day = -1;
  private buffer: string[] = [];
  private buffered = 0;
  private first = true;
  readonly files: string[] = [];
  bytes = 0;

  constructor(
    private readonly out: string,
    private readonly startMs: number,
  ) {}

  /** Appends one line; `ts` chooses the file. Lines must come in time order. */
  async write(ts: number, line: string): Promise<void> {
    const day = Math.floor((ts - this.startMs) / DAY_MS);
    if (day !== this.day) await this.open(day);
    const text = this.first ? line : '\n' + line;
    this.first = false;
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= CHUNK) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.stream) {
      const stream = this.stream;
      this.stream = undefined;
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
  }

  private async open(day: number): Promise<void> {
    if (day < this.day) throw new Error(`log lines out of order: day ${day} after day ${this.day}`);
    await this.close();
    this.day = day;
    this.first = true;
    const relative = dayFilePath(this.startMs + day * DAY_MS);
    const path = join(this.out, relative);
    await mkdir(join(path, '..'), { recursive: true });
    this.stream = createWriteStream(path);
    this.stream.on('error', () => {}); // surfaced by write/end below
    this.files.push(relative);
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0 || !this.stream) return;
    const chunk = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
