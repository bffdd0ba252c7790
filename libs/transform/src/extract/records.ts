/**
 * Splits a file's bytes into JSON records with the line each starts on, streaming (a file is never held whole).
 * - 'lines': JSON Lines, one record per non-blank line (the event logs);
 * - 'values': one or more JSON values that may span lines (the song files, one pretty or compact object each).
 * A UTF-8 byte-order mark is dropped; bytes that are not UTF-8 make that line a rejected record, as in Redshift.
 */
export type RecordLayout = 'lines' | 'values';

export type RawRecord =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: string; readonly raw: string };

interface Line {
  readonly line: number;
  readonly text: string | undefined;
  readonly bytes: Buffer;
}

async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  const emit = (bytes: Buffer): Line => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--; // CRLF files
    let start = 0;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    const body = bytes.subarray(start, end);
    let text: string | undefined;
    try {
      text = decoder.decode(body);
    } catch {
      text = undefined;
    }
    return { line, text, bytes: body };
  };
  for await (const chunk of chunks) {
    let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let nl = buf.indexOf(0x0a);
    while (nl !== -1) {
      yield emit(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(0x0a);
    }
    pending = Buffer.from(buf); // copy: the source may reuse its chunk
  }
  if (pending.length > 0) yield emit(pending);
}

const invalidUtf8 = (l: Line): RawRecord => ({
  line: l.line,
  error: 'the line is not valid UTF-8',
  raw: l.bytes.toString('latin1'),
});

export async function* readRecords(chunks: AsyncIterable<Uint8Array>, layout: RecordLayout): AsyncGenerator<RawRecord> {
  if (layout === 'lines') {
    for await (const l of splitLines(chunks)) {
      if (l.text === undefined) yield invalidUtf8(l);
      else if (l.text.trim() !== '') yield { line: l.line, text: l.text };
    }
    return;
  }
  yield* assembleValues(splitLines(chunks));
}

/** Groups lines into top-level JSON values by tracking brackets outside strings. */
async function* assembleValues(lines: AsyncIterable<Line>): AsyncGenerator<RawRecord> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let startLine = 0;
  let scalar = false; // a bare value (number, word) at the top level runs to the end of its line
  for await (const l of lines) {
    if (l.text === undefined) {
      // Abandon the value in progress: it cannot be decoded.
      yield invalidUtf8(l);
      depth = 0;
      inString = escaped = scalar = false;
      parts = [];
      continue;
    }
    const text = l.text;
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        continue;
      }
      if (depth === 0 && !scalar) {
        if (c === 0x20 || c === 0x09 || c === 0x0d) {
          from = i + 1;
          continue;
        }
        startLine = l.line;
        from = i;
        parts = [];
        if (c !== 0x7b && c !== 0x5b) {
          scalar = true;
          if (c === 0x22) inString = true;
          continue;
        }
      }
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && depth > 0) {
        depth--;
        if (depth === 0 && !scalar) {
          parts.push(text.slice(from, i + 1));
          yield { line: startLine, text: parts.join('\n') };
          parts = [];
          from = i + 1;
        }
      }
    }
    if (scalar && depth === 0 && !inString) {
      parts.push(text.slice(from));
      yield { line: startLine, text: parts.join('\n') };
      parts = [];
      scalar = false;
    } else if (depth > 0 || scalar || inString) {
      parts.push(text.slice(from));
    }
  }
  if (parts.length > 0 || depth > 0 || inString) {
    // The file ended inside a value: a truncated file. JSON.parse will say what is missing.
    yield { line: startLine, text: parts.join('\n') };
  }
}
