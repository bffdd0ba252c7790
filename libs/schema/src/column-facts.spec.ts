import { describe, expect, it } from 'vitest';
import { createTableStatements, starTables, tableNames, tables, type ColumnDef, type TableDef } from './index.js';

// `references` and `accepted` only drive the data tests; these prove each one can hold as declared.
const declared = tables as Readonly<Record<string, TableDef>>;
const columnFacts = (fact: 'references' | 'accepted') =>
  tableNames.flatMap((table) =>
    Object.entries(declared[table]?.columns ?? {})
      .filter(([, c]) => c[fact] !== undefined)
      .map(([column, c]) => ({ table, column, c })),
  );

describe('the column facts behind the data tests', () => {
  it('declares the star references: songplays → users, songs, artists, time', () => {
    expect(columnFacts('references').map(({ table, column, c }) => `${table}.${column} → ${c.references}`)).toEqual([
      'songplays.start_time → time',
      'songplays.user_id → users',
      'songplays.song_id → songs',
      'songplays.artist_id → artists',
    ]);
  });

  it('makes every reference point at a star table whose one-column primary key has the same type and width', () => {
    for (const { table, column, c } of columnFacts('references')) {
      const parent = declared[c.references as string] as TableDef;
      expect(starTables, `${table}.${column}`).toContain(c.references);
      expect(parent.primaryKey, `${table}.${column}`).toHaveLength(1);
      const key = parent.columns[parent.primaryKey?.[0] as string] as ColumnDef;
      expect([c.type, c.bytes], `${table}.${column}`).toEqual([key.type, key.bytes]);
    }
  });

  it("accepts only 'free' and 'paid' as a level, and only on text columns wide enough for them", () => {
    expect(columnFacts('accepted').map(({ table, column, c }) => [`${table}.${column}`, c.accepted])).toEqual([
      ['songplays.level', ['free', 'paid']],
      ['users.level', ['free', 'paid']],
    ]);
    for (const { c } of columnFacts('accepted')) {
      expect(c.type).toBe('varchar');
      for (const value of c.accepted ?? []) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(c.bytes ?? 256);
    }
  });

  it('leaves the DDL without foreign keys or check constraints (PostgreSQL would enforce them)', () => {
    const ddl = [...createTableStatements('postgres'), ...createTableStatements('redshift')].join('\n');
    expect(ddl).not.toMatch(/references|foreign key|check \(/i);
  });
});
