import { describe, expect, it } from 'vitest';
import { doubleEncode, jsonString, pyFloat } from './json-text.js';
import { repairTwice } from './__fixtures__/output.js';

describe('JSON text like the real files', () => {
  it('escapes / and non-ASCII the way the log lines and the S3 song files do', () => {
    expect(jsonString('Mozilla/5.0 "x"', true)).toBe('"Mozilla\\/5.0 \\"x\\""');
    expect(jsonString('Pa\u00eds Tropical / Spyro', true)).toBe('"Pa\\u00eds Tropical \\/ Spyro"');
    expect(jsonString('\ufffdebro, Sweden', true)).toBe('"\\ufffdebro, Sweden"');
  });

  it('leaves / alone in the Python (small set) style', () => {
    expect(jsonString('A / B', false)).toBe('"A / B"');
    expect(jsonString('Santaf\u00e8', false)).toBe('"Santaf\\u00e8"');
  });

  it('writes floats like Python repr', () => {
    expect(pyFloat(1540919166796)).toBe('1540919166796.0');
    expect(pyFloat(246.30812)).toBe('246.30812');
    expect(() => pyFloat(Number.NaN)).toThrow(/NaN/);
  });

  it('double-encodes exactly like the real logs ("Björk" → Bj\\u00c3\\u0083\\u00c2\\u00b6rk) and can be undone', () => {
    expect(jsonString(doubleEncode('Bj\u00f6rk'), true)).toBe('"Bj\\u00c3\\u0083\\u00c2\\u00b6rk"');
    expect(jsonString(doubleEncode('Caf\u00e9'), true)).toBe('"Caf\\u00c3\\u0083\\u00c2\\u00a9"');
    expect(repairTwice(doubleEncode('Mot\u00f6rhead \u00e7a'))).toBe('Mot\u00f6rhead \u00e7a');
    expect(doubleEncode('plain ASCII')).toBe('plain ASCII');
  });
});
