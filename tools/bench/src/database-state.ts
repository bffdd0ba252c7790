import { columnsOf, createTableStatements, dropTableStatements, stagingTables, starTables, tableNames } from '@sparkify/schema';
import postgres from 'postgres';
import type { StagingTable } from './baselines/limit.js';
import { starCountsSql, type StarCounts } from './baselines/star-counts.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withSql<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates every declared table (our schema's PostgreSQL DDL) in a fresh database. */
export const createTables = (url: string): Promise<void> =>
  withSql(url, async (sql) => {
    for (const statement of createTableStatements('postgres')) await sql.unsafe(statement);
  });

/**
 * Drops and creates every table, so that a run starts exactly like the first one on a fresh database. TRUNCATE
 * would keep the column statistics of the last ANALYZE (pg_statistic survives it), and the planner would then
 * plan against rows that are gone — a different plan from the first run's, for the same SQL.
 */
export const recreateTables = (url: string): Promise<void> =>
  withSql(url, async (sql) => {
    for (const statement of [...dropTableStatements('postgres'), ...createTableStatements('postgres')]) await sql.unsafe(statement);
  });

/** Empties the given tables (default: all) and restarts their identity sequences. */
export const truncate = (url: string, tables: readonly string[] = tableNames): Promise<void> =>
  withSql(url, async (sql) => {
    await sql.unsafe(`truncate ${tables.map(quote).join(', ')} restart identity`);
  });

/** Row counts of the star tables, to prove two ways of transforming produced the same result. */
export const starRowCounts = (url: string): Promise<Record<string, number>> =>
  withSql(url, async (sql) => {
    const counts: Record<string, number> = {};
    for (const table of starTables) {
      const [row] = await sql.unsafe<{ n: string }[]>(`select count(*) as n from ${quote(table)}`);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  });

/** Plays, matched plays, users, artists, songs and time rows: what the minimal SQL and DuckDB must reproduce. */
export const starCounts = (url: string): Promise<StarCounts> =>
  withSql(url, async (sql) => {
    const [row] = await sql.unsafe<Record<keyof StarCounts, string>[]>(starCountsSql);
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as StarCounts;
  });

/** Staging tables with every column (ours included), in table order, for dumping and reloading them. */
export const stagingTableColumns = (): StagingTable[] => stagingTables.map((table) => ({ table, columns: columnsOf(table) }));

export const stagingTableNames: readonly string[] = stagingTables;
