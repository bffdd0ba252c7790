import { createSchemaStatement, createTableStatements, dropTableStatements, tableNames } from '@sparkify/schema';
import type postgres from 'postgres';
import type { DialectName } from './dialect/warehouse-dialect.js';
import type { WarehouseTx } from './types.js';

export interface CreateTablesOptions {
  /** Drop every table first (their rows are lost), then create them all. */
  readonly reset?: boolean;
}

export interface CreateTablesReport {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  readonly dropped: readonly string[];
}

/**
 * The statements `createTables` runs, in order, for a dialect and schema: the schema itself unless it is
 * `public`, the drops when resetting, then `create table if not exists` for every declared table.
 * `create-tables --dry-run` prints exactly these.
 */
export function createTablesStatements(dialect: DialectName, schema: string, options: CreateTablesOptions = {}): string[] {
  return [
    ...(schema === 'public' ? [] : [createSchemaStatement(schema)]),
    ...(options.reset ? dropTableStatements(dialect, { schema }) : []),
    ...createTableStatements(dialect, { schema }),
  ];
}

/** The declared tables that exist in the schema (information_schema exists on PostgreSQL and Redshift). */
export async function existingTables(tx: { readonly sql: postgres.ISql; readonly schema: string }): Promise<string[]> {
  const rows = await tx.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = ${tx.schema}`;
  const present = new Set(rows.map((r) => r.name));
  return tableNames.filter((t) => present.has(t));
}

/**
 * Creates every missing table of the declaration in the target's dialect (and the schema, when not `public`);
 * with `reset`, drops them all first. Run it inside `begin()` so that a failure leaves the tables as they were.
 */
export async function createTables(tx: WarehouseTx, options: CreateTablesOptions = {}): Promise<CreateTablesReport> {
  const before = tx.schema === 'public' || (await schemaExists(tx)) ? await existingTables(tx) : [];
  for (const statement of createTablesStatements(tx.dialect.name, tx.schema, options)) await tx.sql.unsafe(statement);
  const existing = options.reset ? [] : before;
  return {
    created: tableNames.filter((t) => !existing.includes(t)),
    existing,
    dropped: options.reset ? before : [],
  };
}

async function schemaExists(tx: WarehouseTx): Promise<boolean> {
  const rows = await tx.sql`select 1 from information_schema.schemata where schema_name = ${tx.schema}`;
  return rows.length > 0;
}
