import { createSchemaStatement, createTableStatements, dropTableStatements, tableNames } from '@sparkify/schema';
import type postgres from 'postgres';
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

/** The declared tables that exist in the schema (information_schema exists on PostgreSQL and Redshift). */
export async function existingTables(tx: { readonly sql: postgres.ISql; readonly schema: string }): Promise<string[]> {
  const rows = await tx.sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = ${tx.schema}`;
  const present = new Set(rows.map((r) => r.name));
  return tableNames.filter((t) => present.has(t));
}

/**
 * Creates every missing table of the declaration (`create table if not exists`, in the target's dialect) and
 * the schema itself when it is not `public`; with `reset`, drops them all first. Run it inside `begin()` so that
 * a failure leaves the tables as they were.
 */
export async function createTables(tx: WarehouseTx, options: CreateTablesOptions = {}): Promise<CreateTablesReport> {
  const ddl = { schema: tx.schema };
  if (tx.schema !== 'public') await tx.sql.unsafe(createSchemaStatement(tx.schema));
  const before = await existingTables(tx);
  if (options.reset) for (const statement of dropTableStatements(tx.dialect.name, ddl)) await tx.sql.unsafe(statement);
  const existing = options.reset ? [] : before;
  for (const statement of createTableStatements(tx.dialect.name, ddl)) await tx.sql.unsafe(statement);
  return {
    created: tableNames.filter((t) => !existing.includes(t)),
    existing,
    dropped: options.reset ? before : [],
  };
}
