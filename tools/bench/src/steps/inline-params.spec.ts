import { describe, expect, it } from 'vitest';
import { inlineParams, literal } from './inline-params.js';

describe('inlineParams', () => {
  it('replaces placeholders by literals that keep the server inferring their types', () => {
    expect(inlineParams('select * from t where a = $1 and b = $2 and c = $10', [5, "O'Brien", 3, 4, 5, 6, 7, 8, 9, null])).toBe(
      "select * from t where a = '5' and b = 'O''Brien' and c = null",
    );
  });

  it('leaves $n inside strings, quoted identifiers, comments and dollar quotes alone', () => {
    const text = `select '$1', "$1", $tag$ $1 $tag$, $1 -- $1\n/* $1 */`;
    expect(inlineParams(text, [true])).toBe(`select '$1', "$1", $tag$ $1 $tag$, true -- $1\n/* $1 */`);
  });

  it('types dates and bigints as postgres.js sends them', () => {
    expect(literal(new Date(Date.UTC(2018, 10, 1)))).toBe("'2018-11-01T00:00:00.000Z'::timestamptz");
    expect(literal(12n)).toBe("'12'::int8");
  });

  it('refuses a placeholder without a parameter and values it cannot write', () => {
    expect(() => inlineParams('select $2', [1])).toThrow('uses $2 but has 1 parameters');
    expect(() => literal({ a: 1 })).toThrow('cannot write a [object Object] parameter');
  });
});
