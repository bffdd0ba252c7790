import { describe, expect, it } from 'vitest';
import { extractFile } from './extract-file.js';
import type { LoadError } from './load-error.js';
import { MAX_NESTING, nestsDeeperThan } from './nesting.js';
import { autoMapping, jsonPathsMapping } from './record-mapping.js';
import { parseJsonPaths } from './json-paths.js';
import { DEFAULT_LOG_JSON_PATHS_TEXT } from './default-json-paths.js';
import { stagingColumns } from './staging-columns.js';
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

describe('deeply nested JSON', () => {
  const deep = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
  const events = jsonPathsMapping(stagingColumns('staging_events'), parseJsonPaths(DEFAULT_LOG_JSON_PATHS_TEXT, 'built-in'), 'built-in');
  const runEvents = async (lines: string[]) => {
    const rows: (string | null)[][] = [];
    const rejected: LoadError[] = [];
    await extractFile('log_data/deep.json', [Buffer.from(lines.join('\n') + '\n')], 'lines', events, (c) => void rows.push(c), (e) => void rejected.push(e));
    return { rows, rejected };
  };
  const reason = `the record nests more than ${MAX_NESTING} levels deep (objects and arrays inside each other); the loader reads records up to ${MAX_NESTING} levels`;

  it('is a recorded rejection with file, line and reason when 10,000 levels hide in a key no column reads', async () => {
    // userId as a JSON number makes the mapper re-read the record to keep the number as written.
    const { rows, rejected } = await runEvents(['{"userId": 7, "page": "NextSong"}', `{"userId": 8, "page": "NextSong", "unused": ${deep(10_000)}}`]);
    expect(rows).toHaveLength(1);
    expect(rejected).toEqual([{ file: 'log_data/deep.json', line: 2, column: null, reason, raw: expect.stringMatching(/^\{"userId": 8/) }]);
  });

  it('is a recorded rejection when 10,000 levels are the value of a column', async () => {
    const { rows, rejected } = await runEvents([`{"userId": "9", "song": ${deep(10_000)}}`, '{"userId": "10"}']);
    expect(rows).toHaveLength(1);
    expect(rejected).toMatchObject([{ file: 'log_data/deep.json', line: 1, column: null, reason }]);
  });

  it('loads records nested up to the limit', async () => {
    // The record itself is level 1; userId as a number walks the whole record again, recursively.
    const { rows, rejected } = await runEvents([`{"userId": 11, "unused": ${deep(MAX_NESTING - 1)}}`]);
    expect(rejected).toEqual([]);
    expect(rows[0]).toContain('11');
  });

  it('counts depth outside strings only', () => {
    expect(nestsDeeperThan(JSON.stringify({ s: '['.repeat(5000) }))).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ s: 'a\\"[' + '['.repeat(5000) }))).toBe(false);
    expect(nestsDeeperThan(deep(MAX_NESTING))).toBe(false);
    expect(nestsDeeperThan(deep(MAX_NESTING + 1))).toBe(true);
  });
});
