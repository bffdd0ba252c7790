import { describe, expect, it } from 'vitest';
import { JsonPathsError } from './json-paths.js';
import { autoMapping, jsonPathsMapping, mapRecord } from './record-mapping.js';
import type { StagingColumn } from './staging-column.js';
import { stagingColumns } from './staging-columns.js';

const cols: StagingColumn[] = [
  { name: 'title', type: { kind: 'text', maxBytes: 20 } },
  { name: 'year', type: { kind: 'integer', bits: 32 } },
  { name: 'ts', type: { kind: 'integer', bits: 64 } },
];

describe('mapRecord', () => {
  const auto = autoMapping(cols);

  it("maps keys to columns by name ('auto'), in any key order, ignoring extra keys", () => {
    expect(mapRecord('{"ts": 1541105830796, "extra": 1, "title": "x", "year": 0}', auto)).toEqual({
      ok: true,
      cells: ['x', '0', '1541105830796'],
      coerced: false,
    });
  });

  it('keeps the written form of a number loaded into text, and big integers exactly', () => {
    expect(mapRecord('{"title": 4.60, "ts": 9007199254740993}', auto)).toEqual({ ok: true, cells: ['4.60', null, '9007199254740993'], coerced: true });
  });

  it('rejects malformed JSON, non-objects and bad values, naming the column', () => {
    expect(mapRecord('{"title": "x",}', auto)).toMatchObject({ ok: false, column: null, reason: expect.stringMatching(/^malformed JSON: /) });
    expect(mapRecord('[1,2]', auto)).toEqual({ ok: false, column: null, reason: 'expected a JSON object, found an array' });
    expect(mapRecord('{"year": "nineteen"}', auto)).toMatchObject({ ok: false, column: 'year' });
  });

  it('maps JSONPaths by position and insists on one path per column', () => {
    const fields = jsonPathsMapping(cols, [['name'], ['when', 'y'], ['t']], 'paths.json');
    expect(mapRecord('{"name": "n", "when": {"y": 1999}, "t": 5}', fields)).toMatchObject({ ok: true, cells: ['n', '1999', '5'] });
    expect(() => jsonPathsMapping(cols, [['a']], 'paths.json')).toThrow(JsonPathsError);
    expect(() => jsonPathsMapping(cols, [['a']], 'paths.json')).toThrow(/paths\.json has 1 paths but the table takes 3 columns/);
  });
});

describe('stagingColumns from @sparkify/schema', () => {
  it('lists the JSON-filled columns in table order, without source_file', () => {
    const events = stagingColumns('staging_events');
    expect(events.map((c) => c.name).slice(0, 3)).toEqual(['artist', 'auth', 'first_name']);
    expect(events).toHaveLength(18);
    expect(events.find((c) => c.name === 'ts')?.type).toEqual({ kind: 'integer', bits: 64 });
    expect(stagingColumns('staging_songs').map((c) => c.name)).not.toContain('source_file');
  });
});
