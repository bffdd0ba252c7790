import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@sparkify/schema';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checks } from '../check/checks.js';
import { repairSql } from '../text/repair-sql.js';
import { transformStatements } from './statements.js';

// Redshift speaks the PostgreSQL wire protocol and dialect; this compiles exactly what is sent to it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
}).withSchema('public');

// The 256 nested REPLACEs of the text repair are folded into `repair_mojibake(x)` so the golden text stays readable;
// the test below proves that unfolding them gives exactly the statements that run.
const folded = (value: Parameters<typeof repairSql>[0]) => sql<string | null>`repair_mojibake(${value})`;

const golden = (file: string, text: string) => {
  const path = join(import.meta.dirname, '__fixtures__', file);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
};

describe('the SQL sent to Redshift', () => {
  const statements = transformStatements(db);
  const full = statements.map((s) => s.query.compile());
  const readable = transformStatements(db, folded).map((s) => s.query.compile());

  it('matches the golden transform SQL exactly', () => {
    golden('transform-redshift.sql', readable.map((q, i) => `-- ${statements[i]?.table} ${statements[i]?.kind}\n${q.sql};\n`).join('\n'));
  });

  it('matches the golden check SQL exactly', () => {
    golden('checks-redshift.sql', checks.map((c) => `-- ${c.name}\n${c.failing(db).compile().sql};\n`).join('\n'));
  });

  it('is the golden SQL with the text repair unfolded', () => {
    const unfold = (text: string) =>
      text.replace(/repair_mojibake\(("\w+"\."\w+")\)/g, (_, ref: string) => {
        const [table, column] = ref.split('.').map((p) => p.slice(1, -1)) as [string, string];
        return repairSql(sql.ref(`${table}.${column}`)).compile(db).sql;
      });
    expect(full.map((q) => q.sql)).toEqual(readable.map((q) => unfold(q.sql)));
  });

  it('has no parameters and nothing Redshift rejects', () => {
    const texts = [...full, ...checks.map((c) => c.failing(db).compile())];
    for (const q of texts) {
      expect(q.parameters).toEqual([]);
      expect(q.sql).not.toMatch(/\bon conflict\b|generate_series|distinct on|\bfilter \(|is distinct from|::|\bmerge\b|\breturning\b|^with\b|convert_from|\barray\b|\bjsonb?\b/i);
    }
  });
});
