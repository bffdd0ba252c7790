import { describe, expect, it } from 'vitest';
import { coerce } from './coerce.js';
import { JsonNumber } from './json-lexemes.js';
import type { StagingType } from './staging-column.js';

const text8: StagingType = { kind: 'text', maxBytes: 8 };
const int: StagingType = { kind: 'integer', bits: 32 };
const big: StagingType = { kind: 'integer', bits: 64 };
const dbl: StagingType = { kind: 'float', bits: 64 };
const value = (v: unknown, t: StagingType) => {
  const r = coerce(v, t, 'c');
  return r.ok ? r.value : `REJECT: ${r.reason}`;
};

describe('coerce (Redshift COPY JSON rules, BLANKSASNULL EMPTYASNULL)', () => {
  it('loads null, missing, empty and blank text as NULL', () => {
    expect(value(null, text8)).toBeNull();
    expect(value(undefined, text8)).toBeNull();
    expect(value('', text8)).toBeNull();
    expect(value('  \t', text8)).toBeNull();
    expect(value('', int)).toBeNull();
    expect(value(' ', dbl)).toBeNull();
  });

  it('keeps text, and numbers into text as written', () => {
    expect(value(' a ', text8)).toBe(' a ');
    expect(value(new JsonNumber('1.0'), text8)).toBe('1.0');
    expect(value(883, text8)).toBe('883');
    expect(value(true, text8)).toBe('true');
    expect(value({ a: 1 }, { kind: 'text', maxBytes: undefined })).toBe('{"a":1}');
  });

  it('rejects text wider than the column in UTF-8 bytes, without truncating', () => {
    expect(value('12345678', text8)).toBe('12345678');
    expect(value('Beyoncé!', text8)).toMatch(/^REJECT: value "Beyoncé!" is 9 bytes; column c is VARCHAR\(8\)/);
    expect(value('a\u0000b', text8)).toMatch(/NUL character/);
  });

  it('converts numbers and numeric strings into number columns', () => {
    expect(value(38, int)).toBe('38');
    expect(value(' 38 ', int)).toBe('38');
    expect(value(new JsonNumber('1.0'), int)).toBe('1');
    expect(value(new JsonNumber('9007199254740993'), big)).toBe('9007199254740993');
    expect(value(1540919166796.0, dbl)).toBe('1540919166796');
    expect(value('1540919166796.0', dbl)).toBe('1540919166796');
    expect(value(new JsonNumber('-1.5e3'), dbl)).toBe('-1.5e3');
  });

  it('rejects what is not a number, not whole, or out of range', () => {
    expect(value('abc', int)).toMatch(/^REJECT: "abc" is not a whole number; column c is INTEGER/);
    expect(value(1.5, int)).toMatch(/1\.5 is not a whole number/);
    expect(value(2 ** 31, int)).toMatch(/out of range for column c \(INTEGER\)/);
    expect(value(new JsonNumber('9223372036854775808'), big)).toMatch(/out of range/);
    expect(value('12abc', dbl)).toMatch(/is not a number; column c is DOUBLE PRECISION/);
    expect(value('1e999', dbl)).toMatch(/out of range/);
    expect(value(true, int)).toMatch(/JSON true cannot load/);
    expect(value([1], dbl)).toMatch(/a JSON array cannot load/);
    expect(value({}, int)).toMatch(/a JSON object cannot load/);
  });

  it('checks decimal digits and booleans', () => {
    const dec: StagingType = { kind: 'decimal', precision: 5, scale: 2 };
    expect(value(123.456, dec)).toBe('123.456');
    expect(value(1234.5, dec)).toMatch(/too many digits/);
    expect(value('t', { kind: 'boolean' })).toBe('t');
    expect(value('maybe', { kind: 'boolean' })).toMatch(/not a boolean/);
  });
});
