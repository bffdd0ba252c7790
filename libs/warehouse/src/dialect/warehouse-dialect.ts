/**
 * Everything that differs between the engines we load into; the rest of the toolkit sends the same SQL to both.
 * Each member returns SQL text rather than running it, so that `--dry-run` prints exactly what a run sends.
 *
 * @example
 * ```ts
 * const dialect = dialectFor(config.target.kind);          // postgresDialect or redshiftDialect
 * for (const s of dialect.clearTables(schema, ['staging_events'])) await tx.sql.unsafe(s);
 * ```
 */
export interface WarehouseDialect {
  readonly name: 'postgres' | 'redshift';
  /** For people: `PostgreSQL`, `Amazon Redshift`. */
  readonly label: string;
  /** How raw files reach staging: streamed by us, or pulled from S3 by the server. */
  readonly staging: 'copy-from-stdin' | 'copy-from-s3';
  /**
   * How one run at a time is enforced (`withRunLock`): a session-level advisory lock, or, where the engine has none
   * (Redshift), `LOCK` on a control table inside each of the run's transactions.
   */
  readonly runLock: 'advisory-lock' | 'control-table';
  /**
   * How the transform repairs doubly-encoded text: `inline` nests REPLACE calls in each statement; `udf` calls a
   * SQL function the transform creates first (Redshift: keeps statements small and readable by any SQL grammar).
   */
  readonly textRepair: 'inline' | 'udf';
  /** A schema name as the engine stores it (Redshift folds unquoted and quoted letters to lower case). */
  foldIdentifier(name: string): string;
  /** Statements run first in every transaction (Redshift: the schema and UTC, set by SQL, not at startup). */
  sessionStatements(schema: string): string[];
  /** Empties tables inside the caller's transaction (Redshift: DELETE, because TRUNCATE commits). */
  clearTables(schema: string, tables: readonly string[]): string[];
  /**
   * After a bulk change (PostgreSQL: ANALYZE; Redshift analyzes on its own). `schema` undefined: the session's
   * temporary tables, which take no schema.
   */
  refreshStatistics(schema: string | undefined, tables: readonly string[]): string[];
  /** What this engine rejects, with why: the one list every portability spec uses. */
  readonly unsupportedSql: readonly (readonly [RegExp, string])[];
}

/** `DialectCapabilities` was the earlier, narrower name of the same contract. */
export type DialectCapabilities = WarehouseDialect;
export type DialectName = WarehouseDialect['name'];
