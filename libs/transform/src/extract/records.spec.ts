import { describe, expect, it, vi } from 'vitest';
import { readRecords, type RawRecord, type RecordLayout } from './records.js';

async function records(input: string | Buffer, layout: RecordLayout, chunkSize = 0): Promise<RawRecord[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const chunks: Buffer[] = [];
  if (chunkSize === 0) chunks.push(bytes);
  else for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: RawRecord[] = [];
  for await (const r of readRecords((async function* () { yield* chunks; })(), layout)) out.push(r);
  return out;
}

describe('readRecords: lines (event logs)', () => {
  it('yields each non-blank line with its number, across any chunking, CRLF and a BOM', async () => {
    const text = '\uFEFF{"a":1}\r\n\n  \n{"a":"é"}\n{"a":3}';
    for (const size of [0, 1, 2, 5]) {
      expect(await records(text, 'lines', size)).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 4, text: '{"a":"é"}' },
        { line: 5, text: '{"a":3}' },
      ]);
    }
  });

  it('rejects a line that is not UTF-8 and goes on', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":1}\n{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"a":2}\n')]);
    const out = await records(bad, 'lines');
    expect(out[1]).toMatchObject({ line: 2, error: 'the line is not valid UTF-8' });
    expect(out[2]).toEqual({ line: 3, text: '{"a":2}' });
  });

  it('yields nothing for an empty file', async () => {
    expect(await records('', 'lines')).toEqual([]);
    expect(await records('\uFEFF\n\n', 'values')).toEqual([]);
  });
});

describe('readRecords: values (song files)', () => {
  it('finds compact, pretty-printed and back-to-back objects, ignoring braces inside strings', async () => {
    const text = '{"t":"a}{b\\"}"}\n{\n  "x": [1,\n 2]\n}{"y":1}\n';
    for (const size of [0, 1, 3]) {
      expect(await records(text, 'values', size)).toEqual([
        { line: 1, text: '{"t":"a}{b\\"}"}' },
        { line: 2, text: '{\n  "x": [1,\n 2]\n}' },
        { line: 5, text: '{"y":1}' },
      ]);
    }
  });

  it('yields a truncated object as one record from its first line, so that parsing rejects it', async () => {
    expect(await records('{"a": 1,\n "b": "unfinished', 'values')).toEqual([{ line: 1, text: '{"a": 1,\n "b": "unfinished' }]);
  });

  it('yields a bare scalar line as a record (COPY rejects it: not an object)', async () => {
    expect(await records('42\n{"a":1}', 'values')).toEqual([
      { line: 1, text: '42' },
      { line: 2, text: '{"a":1}' },
    ]);
  });
});

describe('readRecords: long lines', () => {
  it('joins the chunks of a long line once, so its cost grows with its length, not with its square', async () => {
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const size = 4 * 1024 * 1024;
      const text = `{"a":"${'x'.repeat(size)}"}\n{"b":1}\n`;
      const out = await records(text, 'lines', 64 * 1024); // 64 chunks, as a file stream gives them
      expect(out.map((r) => ('text' in r ? r.text.length : -1))).toEqual([size + 8, 7]);
      // Bytes copied by joins: once the line's length now; ~32 times it (136 MB) when every chunk re-joined the line.
      const joined = concat.mock.calls.reduce((sum, [list]) => sum + list.reduce((n, b) => n + b.length, 0), 0);
      expect(joined).toBeLessThanOrEqual(text.length);
    } finally {
      concat.mockRestore();
    }
  });
});
