import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSchemaStatement, createTableStatements, dropTableStatements, tableNames, tables, type ColumnDef, type TableDef } from './index.js';

// What information_schema reports for each declared type.
const expectedType = (c: ColumnDef): string =>
  c.type === 'timestamp' ? 'timestamp without time zone' : c.type === 'varchar' ? 'character varying' : c.type;

describeWith(await postgresServer(), 'the PostgreSQL DDL on the server', (serverUrl) => {
  let db: TempDatabase;
  let sql: postgres.Sql;
  const schema = 'etl';

  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await sql.unsafe(createSchemaStatement(schema));
    for (const statement of createTableStatements('postgres', { schema })) await sql.unsafe(statement);
  });
  afterAll(async () => {
    await sql?.end({ timeout: 1 });
    await db?.drop();
  });

  it('orders every text column by bytes, as Redshift does, whatever the database locale (collation "C", audit D4)', async () => {
    const rows = await sql<{ column_name: string; collation_name: string | null }[]>`
      select table_name || '.' || column_name as column_name, collation_name from information_schema.columns
      where table_schema = ${schema} and data_type = 'character varying'`;
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.collation_name !== 'C')).toEqual([]);
  });

  it('creates exactly the declared tables, columns, types, widths, nullability and order', async () => {
    const rows = await sql<
      { table_name: string; column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string; ordinal_position: number }[]
    >`select table_name, column_name, data_type, character_maximum_length, is_nullable, ordinal_position
      from information_schema.columns where table_schema = ${schema} order by table_name, ordinal_position`;
    const actual = Object.fromEntries(
      tableNames.map((t) => [
        t,
        rows.filter((r) => r.table_name === t).map((r) => [r.column_name, r.data_type, r.character_maximum_length, r.is_nullable]),
      ]),
    );
    const declared = Object.fromEntries(
      tableNames.map((t) => [
        t,
        Object.entries(tables[t].columns as Record<string, ColumnDef>).map(([name, c]) => [
          name,
          expectedType(c),
          c.bytes ?? null,
          c.notNull ? 'NO' : 'YES',
        ]),
      ]),
    );
    expect(actual).toEqual(declared);
    expect(new Set(rows.map((r) => r.table_name))).toEqual(new Set(tableNames));
  });

  it('creates the declared primary keys and natural keys', async () => {
    const rows = await sql<{ table_name: string; constraint_type: string; columns: string }[]>`
      select tc.table_name, tc.constraint_type, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu using (constraint_schema, constraint_name)
      where tc.table_schema = ${schema} and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE')
      group by tc.table_name, tc.constraint_type, tc.constraint_name order by 1, 2, 3`;
    const declared = tableNames
      .flatMap((t) => {
        const def: TableDef = tables[t];
        return [
          ...(def.primaryKey ? [{ table_name: t, constraint_type: 'PRIMARY KEY', columns: def.primaryKey.join(',') }] : []),
          ...(def.unique ?? []).map((u) => ({ table_name: t, constraint_type: 'UNIQUE', columns: u.join(',') })),
        ];
      })
      .sort((a, b) => (a.table_name + a.constraint_type + a.columns).localeCompare(b.table_name + b.constraint_type + b.columns));
    expect(rows.map((r) => ({ ...r }))).toEqual(declared);
  });

  it('fills identity and default columns, keeps milliseconds, and creating twice is harmless', async () => {
    for (const statement of createTableStatements('postgres', { schema })) await sql.unsafe(statement);
    const [row] = await sql<{ songplay_id: string; start_time: Date }[]>`
      insert into etl.songplays (start_time, user_id, level, session_id, item_in_session)
      values ('2018-11-01 21:01:46.796', 8, 'free', 139, 1) returning songplay_id, start_time::text as start_time`;
    expect(row?.songplay_id).toBe('1');
    expect(String(row?.start_time)).toBe('2018-11-01 21:01:46.796');
    const [ledger] = await sql<{ age: number }[]>`
      insert into etl.load_ledger (file, bytes, content_hash, rows) values ('a.json', 10, 'h', 1)
      returning extract(epoch from (now() at time zone 'utc') - loaded_at)::float8 as age`;
    expect(Math.abs(ledger?.age ?? 99)).toBeLessThan(5);
  });

  it('drops every table', async () => {
    for (const statement of dropTableStatements('postgres', { schema })) await sql.unsafe(statement);
    const [left] = await sql<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = ${schema}`;
    expect(left?.n).toBe(0);
  });
});
