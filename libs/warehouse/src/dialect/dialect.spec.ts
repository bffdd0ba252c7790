import { describe, expect, it } from 'vitest';
import { dialectFor } from './dialect-for.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import { redshiftDialect } from './redshift/redshift-dialect.js';

describe('the dialect seam', () => {
  it('picks the dialect from the target kind, without connecting', () => {
    expect(dialectFor('embedded')).toBe(postgresDialect);
    expect(dialectFor('postgres')).toBe(postgresDialect);
    expect(dialectFor('redshift')).toBe(redshiftDialect);
  });

  it('clears tables with TRUNCATE on PostgreSQL and DELETE on Redshift (TRUNCATE commits there)', () => {
    expect(postgresDialect.clearTables('s', ['a', 'b'])).toEqual(['truncate "s"."a", "s"."b"']);
    expect(redshiftDialect.clearTables('s', ['a', 'b'])).toEqual(['delete from "s"."a"', 'delete from "s"."b"']);
  });

  it('asks PostgreSQL for statistics and leaves Redshift to analyze on its own', () => {
    expect(postgresDialect.refreshStatistics('s', ['a', 'b'])).toEqual(['analyze "s"."a", "s"."b"']);
    expect(redshiftDialect.refreshStatistics('s', ['a', 'b'])).toEqual([]);
    expect(postgresDialect.refreshStatistics('s', [])).toEqual([]);
    expect(postgresDialect.refreshStatistics(undefined, ['tmp'])).toEqual(['analyze "tmp"']);
    expect(redshiftDialect.refreshStatistics(undefined, ['tmp'])).toEqual([]);
  });

  it('sets the schema and UTC by SQL at the start of every Redshift transaction (audit D7, U3)', () => {
    expect(redshiftDialect.sessionStatements('dwh')).toEqual(["set search_path to 'dwh'", "set timezone to 'UTC'"]);
    expect(postgresDialect.sessionStatements('dwh')).toEqual([]);
  });

  it('folds schema names to lower case on Redshift only, as Redshift stores them (audit F4)', () => {
    expect(redshiftDialect.foldIdentifier('MySchema')).toBe('myschema');
    expect(postgresDialect.foldIdentifier('MySchema')).toBe('MySchema');
  });

  it('keeps the one list of SQL Redshift rejects, and PostgreSQL rejects none of it', () => {
    const rejects = (text: string) => redshiftDialect.unsupportedSql.filter(([re]) => re.test(text)).map(([, why]) => why);
    expect(rejects('select 1 from t limit $1')).toEqual(['a bound LIMIT (use a literal)']);
    expect(rejects('insert into t values (1) on conflict do nothing')).toEqual(['ON CONFLICT']);
    expect(rejects('select cast(x as int) from t limit 5')).toEqual([]);
    expect(postgresDialect.unsupportedSql).toEqual([]);
  });

  it('repairs text inline on PostgreSQL and through a SQL function on Redshift', () => {
    expect(postgresDialect.textRepair).toBe('inline');
    expect(redshiftDialect.textRepair).toBe('udf');
  });
});
