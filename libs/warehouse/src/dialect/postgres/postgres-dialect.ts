import { qualified, quoteIdent } from '../quote.js';
import type { WarehouseDialect } from '../warehouse-dialect.js';

/** PostgreSQL (embedded or a server): files are streamed by the client with COPY … FROM STDIN. */
export const postgresDialect: WarehouseDialect = Object.freeze({
  name: 'postgres',
  label: 'PostgreSQL',
  staging: 'copy-from-stdin',
  runLock: 'advisory-lock',
  textRepair: 'inline',
  foldIdentifier: (name: string) => name,
  // search_path, TimeZone and application_name go in the startup packet, which PostgreSQL documents.
  sessionStatements: () => [],
  clearTables: (schema: string, tables: readonly string[]) =>
    tables.length === 0 ? [] : [`truncate ${tables.map((t) => qualified(schema, t)).join(', ')}`],
  // The anti-joins of the transform plan well only with fresh statistics.
  // (Autovacuum never analyzes temporary tables: a session-local table must be analyzed by hand.)
  refreshStatistics: (schema: string | undefined, tables: readonly string[]) =>
    tables.length === 0 ? [] : [`analyze ${tables.map((t) => (schema === undefined ? quoteIdent(t) : qualified(schema, t))).join(', ')}`],
  unsupportedSql: Object.freeze([]),
});
