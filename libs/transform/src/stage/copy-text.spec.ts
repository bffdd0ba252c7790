import { describe, expect, it } from 'vitest';
import { copyTextRow, copyTextValue } from './copy-text.js';

describe('COPY text format', () => {
  it('writes NULL as \\N, distinct from the empty string', () => {
    expect(copyTextValue(null)).toBe('\\N');
    expect(copyTextValue('')).toBe('');
  });

  it('escapes backslash, tab, newline and carriage return', () => {
    expect(copyTextValue('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyTextValue('\\N')).toBe('\\\\N');
    expect(copyTextValue('"quoted", é')).toBe('"quoted", é');
  });

  it('joins cells with tabs and ends the row with a newline', () => {
    expect(copyTextRow(['1', null, 'x'])).toBe('1\t\\N\tx\n');
  });
});
