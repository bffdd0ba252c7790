import { isUtf8 } from 'node:buffer';

/**
 * Splits a file's bytes into JSON records with the line each starts on, chunk by chunk (a file is never held whole).
 * - 'lines': JSON Lines, one record per non-blank line (the event logs);
 * - 'values': one or more JSON values that may span lines (the song files, one pretty or compact object each).
 * A UTF-8 byte-order mark is dropped; bytes that are not UTF-8 make that line a rejected record, as in Redshift.
 * Push-style (`push(chunk)` → records, `end()` → the rest) so that a whole small file costs no async hops.
 */
export type RecordLayout = 'lines' | 'values';

export type RawRecord =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: string; readonly raw: string };

export interface RecordSplitter {
  push(chunk: Uint8Array): RawRecord[];
  end(): RawRecord[];
}

export function recordSplitter(layout: RecordLayout): RecordSplitter {
  const lines = new LineSplitter();
  const assemble = layout === 'lines' ? new LineRecords() : new ValueRecords();
  const feed = (found: Line[], out: RawRecord[]) => {
    for (const l of found) assemble.line(l, out);
    return out;
  };
  return {
    push: (chunk) => feed(lines.push(chunk), []),
    end: () => {
      const out = feed(lines.end(), []);
      assemble.end(out);
      return out;
    },
  };
}

/** Convenience over any chunk source (used by tests and streams). */
export async function* readRecords(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, layout: RecordLayout): AsyncGenerator<RawRecord> {
  const splitter = recordSplitter(layout);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

interface Line {
  readonly line: number;
  /** undefined when the bytes are not valid UTF-8 (then `bytes` holds them). */
  readonly text: string | undefined;
  readonly bytes?: Uint8Array;
}

/**
 * Cuts bytes at newlines. The complete lines of a chunk are validated and decoded in one go (the common case);
 * only a chunk holding bytes that are not UTF-8 is decoded line by line, to reject just the lines at fault.
 */
class LineSplitter {
  /**
   * The bytes after the last newline so far, as the chunks they came in. Kept as a list and joined once, when the
   * line's newline arrives: joining on every chunk would copy a long line again and again, making a line's cost
   * grow with the square of its length (a 50 MB line took 30 s).
   */
  private pending: Buffer[] = [];
  private count = 0;

  push(chunk: Uint8Array): Line[] {
    const out: Line[] = [];
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (input.lastIndexOf(0x0a) === -1) {
      if (input.length > 0) this.pending.push(Buffer.from(input)); // copy: sources reuse chunks
      return out;
    }
    const buf = this.pending.length > 0 ? Buffer.concat([...this.pending, input]) : input;
    this.pending = [];
    const last = buf.lastIndexOf(0x0a);
    const whole = buf.subarray(0, last);
    if (isUtf8(whole)) this.decodeAll(whole, out);
    else {
      let start = 0;
      let nl = buf.indexOf(0x0a);
      while (nl !== -1 && nl <= last) {
        out.push(this.emit(buf.subarray(start, nl)));
        start = nl + 1;
        nl = buf.indexOf(0x0a, start);
      }
    }
    if (last + 1 < buf.length) this.pending.push(Buffer.from(buf.subarray(last + 1)));
    return out;
  }

  end(): Line[] {
    const last = Buffer.concat(this.pending);
    this.pending = [];
    return last.length > 0 ? [this.emit(last)] : [];
  }

  /** `bytes` are whole lines (without the final newline), all valid UTF-8. */
  private decodeAll(bytes: Buffer, out: Line[]): void {
    const bom = this.count === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = bytes.toString('utf8', bom);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const cut = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end; // CRLF files
      out.push({ line: ++this.count, text: text.slice(start, cut) });
      if (nl === -1) return;
      start = nl + 1;
    }
  }

  private emit(bytes: Buffer): Line {
    const line = ++this.count;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--; // CRLF files
    const start = line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(start, end);
    return isUtf8(body) ? { line, text: body.toString('utf8') } : { line, text: undefined, bytes: body };
  }
}

const invalidUtf8 = (l: Line): RawRecord => ({ line: l.line, error: 'the line is not valid UTF-8', raw: Buffer.from(l.bytes ?? []).toString('latin1') });

interface Assembler {
  line(l: Line, out: RawRecord[]): void;
  end(out: RawRecord[]): void;
}

class LineRecords implements Assembler {
  line(l: Line, out: RawRecord[]): void {
    if (l.text === undefined) out.push(invalidUtf8(l));
    else if (l.text.trim() !== '') out.push(l as RawRecord);
  }
  end(): void {}
}

/** Groups lines into top-level JSON values by tracking brackets outside strings. */
class ValueRecords implements Assembler {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A bare value (number, word) at the top level runs to the end of its line. */
  private scalar = false;
  private parts: string[] = [];
  private startLine = 0;

  line(l: Line, out: RawRecord[]): void {
    if (l.text === undefined) {
      // Abandon the value in progress: it cannot be decoded.
      out.push(invalidUtf8(l));
      this.depth = 0;
      this.inString = this.escaped = this.scalar = false;
      this.parts = [];
      return;
    }
    const text = l.text;
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (this.depth === 0 && !this.scalar) {
        if (c === 0x20 || c === 0x09 || c === 0x0d) {
          from = i + 1;
          continue;
        }
        this.startLine = l.line;
        from = i;
        this.parts = [];
        if (c !== 0x7b && c !== 0x5b) {
          this.scalar = true;
          if (c === 0x22) this.inString = true;
          continue;
        }
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if ((c === 0x7d || c === 0x5d) && this.depth > 0) {
        this.depth--;
        if (this.depth === 0 && !this.scalar) {
          this.parts.push(text.slice(from, i + 1));
          out.push({ line: this.startLine, text: this.parts.join('\n') });
          this.parts = [];
          from = i + 1;
        }
      }
    }
    if (this.scalar && this.depth === 0 && !this.inString) {
      this.parts.push(text.slice(from));
      out.push({ line: this.startLine, text: this.parts.join('\n') });
      this.parts = [];
      this.scalar = false;
    } else if (this.depth > 0 || this.scalar || this.inString) {
      this.parts.push(text.slice(from));
    }
  }

  end(out: RawRecord[]): void {
    if (this.parts.length > 0 || this.depth > 0 || this.inString) {
      // The file ended inside a value: a truncated file. JSON.parse will say what is missing.
      out.push({ line: this.startLine, text: this.parts.join('\n') });
    }
  }
}
