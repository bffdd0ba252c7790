import { qualified, sqlCompiler } from '@sparkify/warehouse';
import { sql, type Expression, type RawBuilder } from 'kysely';
import { repairSql } from './repair-sql.js';

/** The SQL function that holds the text repair where the dialect asks for one (`textRepair: 'udf'`, Redshift). */
export const repairFunctionName = 'f_sparkify_repair_mojibake';

const compiler = sqlCompiler<Record<string, never>>();

/**
 * `create or replace function "schema".f_sparkify_repair_mojibake(varchar) …`: a scalar SQL UDF (one SELECT, no
 * FROM, `$1` for the argument, DG udf-creating-a-scalar-sql-udf.html) whose body is the same REPLACE chain the
 * PostgreSQL statements inline. Calling it keeps every transform statement small, and the `$$`-quoted body is a
 * literal to any SQL grammar, so the statements stay checkable by sqlfluff (which overflows on the 256-deep chain).
 * VARCHAR(65535) is Redshift's widest VARCHAR: no argument is cut.
 */
export function repairFunctionStatement(schema: string): string {
  const body = repairSqlText('$1');
  return (
    `create or replace function ${qualified(schema, repairFunctionName)}(varchar(65535))\n` +
    `returns varchar(65535) immutable as $$\n  select ${body}\n$$ language sql`
  );
}

/**
 * The repair of the SQL expression `value` (e.g. `$1`, or a column name) as SQL text, its literals inlined: the body
 * of the UDF above, and of the functions the benchmark baselines define.
 */
export function repairSqlText(value: string): string {
  const compiled = repairSql(sql.raw<string | null>(value)).compile(compiler);
  if (compiled.parameters.length > 0) throw new Error('the repair SQL has parameters; its callers expect them inlined');
  return compiled.sql;
}

/** The call the transform statements use in place of the inlined chain. */
export const repairCall =
  (schema: string) =>
  (value: Expression<string | null>): RawBuilder<string | null> =>
    sql<string | null>`${sql.raw(qualified(schema, repairFunctionName))}(${value})`;
