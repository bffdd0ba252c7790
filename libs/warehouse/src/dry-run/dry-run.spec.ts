import { testConfig } from '@sparkify/config/testing';
import { tableNames } from '@sparkify/schema';
import { describe, expect, it } from 'vitest';
import { createTables } from '../create-tables.js';
import { countRows } from '../row-counts.js';
import { asScript, dryRunWarehouse } from './dry-run-warehouse.js';
import { inlineParameters, sqlLiteral } from './inline-parameters.js';

describe('inlining parameters for a printed statement', () => {
  it('writes each value as a literal, outside strings, quoted names, $$ bodies and comments', () => {
    const text = `insert into "t" ("a", "$1") values ($1, $2, $3, $4) -- $1\nselect '$1', $$ select $1 $$, $5`;
    expect(inlineParameters(text, ["it's", 7, null, true, new Date(Date.UTC(2018, 10, 1, 21, 1, 46, 796))])).toBe(
      `insert into "t" ("a", "$1") values ('it''s', 7, null, true) -- $1\nselect '$1', $$ select $1 $$, '2018-11-01 21:01:46.796'`,
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineParameters('select $2', [1])).toThrow(/uses \$2 but has 1 parameter/);
    expect(sqlLiteral(12n)).toBe('12');
  });
});

describe('the dry-run warehouse', () => {
  it('records a Redshift transaction in order without connecting: session SQL first, schema folded, catalog answered', async () => {
    const wh = dryRunWarehouse(testConfig({ target: { kind: 'redshift', host: 'nowhere.invalid', port: 5439, database: 'dwh', user: 'u', password: 'p' }, etl: { schema: 'Star' } }));
    const report = await wh.begin((tx) => createTables(tx));
    const counts = await wh.begin((tx) => countRows(tx.db, ['songs']));
    const statements = wh.statements();
    expect(wh.schema).toBe('star');
    expect(statements.slice(0, 4)).toEqual(['begin', "set search_path to 'star'", "set timezone to 'UTC'", "select 1 from information_schema.schemata where schema_name = 'star'"]);
    expect(statements).toContain('create schema if not exists "star"');
    expect(statements.at(-1)).toBe('commit');
    expect(report.existing).toEqual([...tableNames]); // a dry run assumes the declared tables exist
    expect(counts).toEqual({ songs: 0 });
    expect(asScript(['select 1', 'select 2'])).toBe('select 1;\n\nselect 2;\n');
  });

  it('on PostgreSQL, has no session SQL and keeps the schema as given', async () => {
    const wh = dryRunWarehouse(testConfig({ target: { kind: 'postgres', url: 'postgres://u@127.0.0.1:1/x' }, etl: { schema: 'Star' } }));
    await wh.begin(async (tx) => {
      await tx.sql.unsafe('select $1 as x', ['a']);
    });
    expect(wh.statements()).toEqual(['begin', "select 'a' as x", 'commit']);
    expect(wh.schema).toBe('Star');
  });
});
