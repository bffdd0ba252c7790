import { describe, expect, it } from 'vitest';
import { coerce } from './coerce.js';
import { mayNeedEscapes } from './escapes.js';
import { selectPath } from './json-paths.js';
import { numberToText } from './number-to-text.js';
import { mapRecord } from './record-mapping.js';
import type { StagingType } from './staging-column.js';

// mapRecord takes shortcuts for everyday values; each must give exactly the cell (or rejection) coerce gives.
describe("mapRecord's shortcuts agree with coerce", () => {
  const integers: StagingType[] = [
    { kind: 'integer', bits: 16 },
    { kind: 'integer', bits: 32 },
    { kind: 'integer', bits: 64 },
  ];
  const strings = [
    '0', '-0', '00', '007', '4781', '-12', '+5', ' 5', '5 ', '-', '', ' ', '1e3', '1.0', 'abc', '١٢', '12a',
    '9999', '32767', '32768', '-32768', '99999', '999999999', '2147483647', '2147483648', '-2147483648',
    '999999999999999999', '9223372036854775807', '9223372036854775808', '12345678901234567890',
  ];

  for (const type of integers) {
    it(`strings into ${type.kind}(${String(type.kind === 'integer' ? type.bits : '')})`, () => {
      for (const s of strings) {
        const mapped = mapRecord(JSON.stringify({ v: s }), [{ column: { name: 'v', type }, path: ['v'] }]);
        const expected = coerce(s, type, 'v');
        if (expected.ok) expect(mapped, s).toMatchObject({ ok: true, cells: [expected.value] });
        else expect(mapped, s).toEqual({ ok: false, column: 'v', reason: expected.reason });
      }
    });
  }

  it('formats numbers exactly as String() does', () => {
    const numbers = [0, -0, 1, -1, 65535, 65536, 65535.5, -65535, 200, 307, 0.1, 1.5, 216.14838, 1541030413796, 1538927062796.0, 2 ** 53 - 1, -(2 ** 53), 1e21, 1e-7, 123e-20, 5e-324, Number.MAX_VALUE];
    for (const n of numbers) expect(numberToText(n), String(n)).toBe(String(n));
  });
});

describe('mayNeedEscapes', () => {
  it('answers as /\\\\[\\\\tnru]/ does', () => {
    const texts = ['', 'plain', '\\', '\\\\', 'a\\"b', 'a\\/b', '\\t', 'x\\n', '\\r', '\\u00e9', '\\"\\\\', '\\"\\t', 'end\\', '\\\\\\"', '\\b\\f', '\\"\\"\\u'];
    for (const t of texts) expect(mayNeedEscapes(t), t).toBe(/\\[\\tnru]/.test(t));
  });
});

describe('selectPath on a top-level key', () => {
  it('finds own keys only, including names Object.prototype also has', () => {
    const rec = JSON.parse('{"a": 1, "constructor": "c", "__proto__": "p", "n": null}') as unknown;
    expect(selectPath(rec, ['a'])).toBe(1);
    expect(selectPath(rec, ['constructor'])).toBe('c');
    expect(selectPath(rec, ['__proto__'])).toBe('p');
    expect(selectPath(rec, ['n'])).toBeNull();
    const bare = JSON.parse('{"a": 1}') as unknown;
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'missing']) expect(selectPath(bare, [key]), key).toBeUndefined();
    expect(selectPath([5], ['length'])).toBeUndefined();
  });
});
