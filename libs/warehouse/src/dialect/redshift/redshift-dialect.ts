import { postgresDialect } from '../postgres/postgres-dialect.js';
import { qualified, quoteLiteral } from '../quote.js';
import type { WarehouseDialect } from '../warehouse-dialect.js';
import { redshiftUnsupportedSql } from './unsupported-sql.js';

/** Amazon Redshift = PostgreSQL plus these overrides. */
export const redshiftDialect: WarehouseDialect = Object.freeze({
  ...postgresDialect,
  name: 'redshift',
  label: 'Amazon Redshift',
  staging: 'copy-from-s3',
  runLock: 'control-table',
  textRepair: 'udf',
  // "ASCII letters in standard and delimited identifiers are … folded to lowercase" (DG r_names.html, audit F4).
  foldIdentifier: (name: string) => name.toLowerCase(),
  // Startup parameters are not documented for Redshift (audit U3), and a user may carry its own time zone
  // (ALTER USER … SET TIMEZONE, audit D7): set both by SQL at the start of every transaction. The schema is given as a
  // string, the form Redshift's docs show and sqlfluff's Redshift grammar accepts (the name is already lower case).
  sessionStatements: (schema: string) => [`set search_path to ${quoteLiteral(schema)}`, "set timezone to 'UTC'"],
  // TRUNCATE would commit the caller's transaction (DG r_TRUNCATE.html).
  clearTables: (schema: string, tables: readonly string[]) => tables.map((t) => `delete from ${qualified(schema, t)}`),
  // Redshift analyzes on its own; its ANALYZE takes one table at a time.
  refreshStatistics: () => [],
  unsupportedSql: redshiftUnsupportedSql,
});
