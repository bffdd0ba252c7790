import { describe, expect, it } from 'vitest';
import { extractFile } from './extract-file.js';
import type { LoadError } from './load-error.js';
import { autoMapping } from './record-mapping.js';
import type { StagingColumn } from './staging-column.js';

const fields = autoMapping([
  { name: 'id', type: { kind: 'integer', bits: 32 } },
  { name: 'name', type: { kind: 'text', maxBytes: 16 } },
] satisfies StagingColumn[]);

async function run(content: string | Buffer, layout: 'lines' | 'values' = 'lines') {
  const rows: (string | null)[][] = [];
  const rejected: LoadError[] = [];
  const result = await extractFile('f.json', [Buffer.from(content)], layout, fields, (c) => void rows.push(c), (e) => void rejected.push(e));
  return { rows, rejected, result };
}

describe('extractFile', () => {
  it('maps good records and reports bad ones with file, line and column', async () => {
    const { rows, rejected, result } = await run('{"id": 1, "name": "a"}\n{"id": "x"}\n\n{"id": 3, "name": ""}\n');
    expect(rows).toEqual([['1', 'a'], ['3', null]]);
    expect(rejected).toEqual([{ file: 'f.json', line: 2, column: 'id', reason: '"x" is not a whole number; column id is INTEGER', raw: '{"id": "x"}' }]);
    expect(result).toEqual({ rows: 2, rejected: 1, empty: false });
  });

  it('calls a file without records empty', async () => {
    expect((await run('\n \n')).result).toEqual({ rows: 0, rejected: 0, empty: true });
  });

  it('keeps NUL out of the raw text it reports (PostgreSQL text cannot hold it)', async () => {
    const { rejected } = await run(Buffer.from('{"id": 1,\u0000}\n'));
    expect(rejected[0]?.raw).toBe('{"id": 1,\uFFFD}');
  });

  it('cuts long raw text to 1 KB', async () => {
    const { rejected } = await run(`{"id": 1, "name": "${'x'.repeat(5000)}"}`);
    expect(Buffer.byteLength(rejected[0]?.raw ?? '')).toBe(1024);
    expect(rejected[0]?.reason).toMatch(/is 5000 bytes; column name is VARCHAR\(16\)/);
  });

  it('asks for COPY escaping exactly when a cell can hold a backslash, tab, newline or CR', async () => {
    const escapes: boolean[] = [];
    const text = ['{"name": "a\\"b"}', '{"name": "a\\tb"}', '{"name": "c:\\\\d"}', '{"name": "\\u000a"}', '{"name": ["x"]}', '{"id": 7}'];
    await extractFile('f.json', [Buffer.from(text.join('\n'))], 'lines', fields, (_, escape) => void escapes.push(escape), () => {});
    expect(escapes).toEqual([false, true, true, true, true, false]);
  });
});
