import { sqlCompiler } from '@sparkify/warehouse';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { differs, sameText } from './sql-helpers.js';

const db = sqlCompiler<Record<string, never>>();
const text = (b: { compile: (d: typeof db) => { sql: string } }) => b.compile(db).sql;

// Redshift ignores trailing blanks when it compares VARCHARs and counts them in LENGTH (audit D3): every text
// comparison of the transform also compares lengths, so 'Song ' and 'Song' differ on both targets.
describe('exact text comparisons on both targets', () => {
  it('compares text lengths too, and only for text', () => {
    expect(text(differs(sql.ref('t.name'), sql.ref('s.name'), true))).toBe(
      '("t"."name" <> "s"."name" or length("t"."name") <> length("s"."name") or ("t"."name" is null and "s"."name" is not null) or ("t"."name" is not null and "s"."name" is null))',
    );
    expect(text(differs(sql.ref('t.year'), sql.ref('s.year')))).not.toContain('length');
    expect(text(sameText(sql.ref('c.title'), sql.ref('e.song')))).toBe('("c"."title" = "e"."song" and length("c"."title") = length("e"."song"))');
  });
});
