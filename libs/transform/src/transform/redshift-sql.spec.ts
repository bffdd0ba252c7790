import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@sparkify/schema';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { redshiftDialect, sqlCompiler } from '@sparkify/warehouse';
import { checks } from '../check/checks.js';
import { repairCall, repairFunctionStatement } from '../text/repair-function.js';
import { repairSql } from '../text/repair-sql.js';
import { setAsideRows, setAsideStatements } from './set-aside.js';
import type { RepairSql } from './sources.js';
import { planStatements, transformPlan, type PlanTarget } from './star-syncs.js';

// Redshift speaks the PostgreSQL wire protocol and dialect; this compiles exactly what is sent to it.
const local = sqlCompiler<Database>();
const db = local.withSchema('public');

/** Both paths of the transform (every table first-loaded, every table synced), as Redshift runs them. */
const transformStatements = (repair?: RepairSql) => {
  const target: PlanTarget = {
    staged: db,
    local: local as unknown as PlanTarget['local'],
    schema: 'public',
    analyze: (table) => redshiftDialect.refreshStatistics(undefined, [table]),
    ...(repair ? { repair } : {}),
  };
  const plan = transformPlan(target);
  return (['firstLoad', 'incremental'] as const).flatMap((path) => planStatements(plan, path).map((s) => ({ ...s, path })));
};

// The 256 nested REPLACEs of the text repair are folded into `repair_mojibake(x)` so the golden text stays readable;
// the test below proves that unfolding them gives exactly the statements that run.
const folded = (value: Parameters<typeof repairSql>[0]) => sql<string | null>`repair_mojibake(${value})`;

const golden = (file: string, text: string) => {
  const path = join(import.meta.dirname, '__fixtures__', file);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
};

describe('the SQL sent to Redshift', () => {
  const statements = transformStatements();
  const full = statements.map((s) => s.query);
  const readable = transformStatements(folded).map((s) => s.query);

  it('matches the golden transform SQL exactly', () => {
    const title = (i: number) => `-- ${statements[i]?.path}: ${statements[i]?.table} ${statements[i]?.kind}`;
    golden('transform-redshift.sql', readable.map((q, i) => `${title(i)}\n${q.sql};\n`).join('\n'));
  });

  it('matches the golden set-aside SQL exactly (events no star row can hold → load_errors)', () => {
    const text = [
      `-- staging_events select\n${setAsideRows(db).compile().sql};\n`,
      ...setAsideStatements(db).map((s) => `-- staging_events ${s.kind}\n${s.query.compile().sql};\n`),
    ].join('\n');
    golden('set-aside-redshift.sql', text);
    expect(text).not.toContain('::');
    expect(text).toContain('"column"');
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

  it('calls the repair function on Redshift: the same statements, with the chain moved into one SQL UDF', () => {
    const viaUdf = transformStatements(repairCall('public')).map((s) => s.query.sql);
    const call = /"public"\."f_sparkify_repair_mojibake"\(/g;
    expect(viaUdf.map((q) => q.replace(call, 'repair_mojibake('))).toEqual(readable.map((q) => q.sql));
    const udf = repairFunctionStatement('public');
    expect(udf).toMatch(/^create or replace function "public"\."f_sparkify_repair_mojibake"\(varchar\(65535\)\)\nreturns varchar\(65535\) immutable as \$\$\n  select case when \$1 like '%Â%'/);
    expect(udf.endsWith('\n$$ language sql')).toBe(true);
    expect(udf).toContain(repairSql(sql.raw('$1')).compile(db).sql);
  });

  it('has no parameters and nothing Redshift rejects', () => {
    const texts = [...full, ...checks.map((c) => c.failing(db).compile())];
    for (const q of texts) {
      expect(q.parameters).toEqual([]);
      expect(redshiftDialect.unsupportedSql.filter(([re]) => re.test(q.sql)).map(([, why]) => why)).toEqual([]);
    }
  });
});
