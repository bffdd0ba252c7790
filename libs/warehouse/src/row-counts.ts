import { tableNames, type Database, type TableName } from '@sparkify/schema';
import { sql, type Kysely } from 'kysely';

/** Rows in each declared table (one query), e.g. for a run summary. The names are cast to VARCHAR: Redshift does not
 * document the type of untyped literals in a UNION, and a blank-padded CHAR would never match (audit U5). */
export async function countRows(
  db: Kysely<Database>,
  tables: readonly TableName[] = tableNames,
): Promise<Record<TableName, number>> {
  const parts = tables.map((t) => sql`select cast(${sql.lit(t)} as varchar(32)) as name, count(*) as n from ${sql.table(t)}`);
  const { rows } = await sql<{ name: TableName; n: string | number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(tables.map((t) => [t, Number(rows.find((r) => r.name === t)?.n ?? 0)])) as Record<TableName, number>;
}
