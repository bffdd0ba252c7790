import { tableNames, tables, type ColumnDef } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedConfig, tempDir, urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import { createTables, createTablesStatements, existingTables } from './create-tables.js';
import { countRows } from './row-counts.js';
import type { Warehouse } from './types.js';

// Kysely's introspector reports PostgreSQL's internal type names.
const internalType: Record<ColumnDef['type'], string> = {
  varchar: 'varchar',
  smallint: 'int2',
  integer: 'int4',
  bigint: 'int8',
  'double precision': 'float8',
  timestamp: 'timestamp',
};

/** The schema's DDL, run through createTables, then introspected and compared with the declaration. */
function ddlSuite(open: () => Promise<Warehouse>, schema: string) {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await open();
  });
  afterAll(async () => wh?.close());

  it('creates every declared table, in the configured schema', async () => {
    const report = await wh.begin((tx) => createTables(tx));
    expect(report).toEqual({ created: tableNames, existing: [], dropped: [] });
    expect(await existingTables(wh)).toEqual(tableNames);
  });

  it('matches the declaration column by column (names, order, types, nullability, identity)', async () => {
    const found = (await wh.db.introspection.getTables()).filter((t) => t.schema === schema);
    const actual = Object.fromEntries(
      found.map((t) => [t.name, t.columns.map((c) => [c.name, c.dataType, c.isNullable, c.isAutoIncrementing])]),
    );
    const declared = Object.fromEntries(
      tableNames.map((t) => [
        t,
        Object.entries(tables[t].columns as Record<string, ColumnDef>).map(([name, c]) => [
          name,
          internalType[c.type],
          !c.notNull,
          c.identity === true,
        ]),
      ]),
    );
    expect(actual).toEqual(declared);
  });

  it('is idempotent: a second run creates nothing and keeps rows', async () => {
    await wh.db.insertInto('load_ledger').values({ file: 'a.json', bytes: 1, content_hash: 'h', rows: 1 }).execute();
    const report = await wh.begin((tx) => createTables(tx));
    expect(report).toEqual({ created: [], existing: tableNames, dropped: [] });
    expect(await wh.db.selectFrom('load_ledger').select('file').execute()).toEqual([{ file: 'a.json' }]);
    const counts = await countRows(wh.db);
    expect(counts).toEqual(Object.fromEntries(tableNames.map((t) => [t, t === 'load_ledger' ? 1 : 0])));
  });

  it('with reset, drops and recreates every table (rows are gone)', async () => {
    const report = await wh.begin((tx) => createTables(tx, { reset: true }));
    expect(report).toEqual({ created: tableNames, existing: [], dropped: tableNames });
    expect(await wh.db.selectFrom('load_ledger').select('file').execute()).toEqual([]);
  });
}

describe('createTablesStatements', () => {
  it('creates the schema unless it is public, drops only when resetting, and follows the dialect', () => {
    const plain = createTablesStatements('postgres', 'public');
    expect(plain).toHaveLength(tableNames.length);
    expect(plain.every((s) => s.startsWith('create table if not exists "public".'))).toBe(true);
    const reset = createTablesStatements('redshift', 'etl', { reset: true });
    expect(reset[0]).toBe('create schema if not exists "etl"');
    expect(reset.slice(1, 1 + tableNames.length).every((s) => s.startsWith('drop table if exists "etl".'))).toBe(true);
    expect(reset.at(-1)).toMatch(/diststyle/);
  });
});

describe('the DDL on the embedded PostgreSQL', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  ddlSuite(() => connect(embeddedConfig(dir.path + '/pg', 'sparkify_etl')), 'sparkify_etl');
});

describeWith(await postgresServer(), 'the DDL on the PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
  });
  afterAll(async () => db?.drop());
  ddlSuite(() => connect(urlConfig(db.url)), 'public');
});
