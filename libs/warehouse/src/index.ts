export type { ConnectOptions, Warehouse, WarehouseTx } from './types.js';
export type { DialectCapabilities, DialectName, WarehouseDialect } from './dialect/warehouse-dialect.js';
export { connect } from './connect.js';
export { dialectFor } from './dialect/dialect-for.js';
export { postgresDialect } from './dialect/postgres/postgres-dialect.js';
export { redshiftDialect } from './dialect/redshift/redshift-dialect.js';
export { qualified, quoteIdent, quoteLiteral } from './dialect/quote.js';
export { sqlCompiler } from './dialect/sql-compiler.js';
export { classifyError, isTransientError, WarehouseError, type ErrorKind } from './errors.js';
export { withRetry, type RetryOptions } from './retry.js';
export { TransactionDialect } from './tx-dialect.js';
export { redshiftSpec, postgresUrlSpec, type ConnectionSpec, type Endpoint } from './connection-options.js';
export {
  createTables,
  createTablesStatements,
  existingTables,
  type CreateTablesOptions,
  type CreateTablesReport,
} from './create-tables.js';
export { countRows } from './row-counts.js';
export { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './embedded/embedded-server.js';
export { dataFolder } from './embedded/layout.js';
export { asScript, dryRunWarehouse, type DryRunWarehouse } from './dry-run/dry-run-warehouse.js';
export { inlineParameters, sqlLiteral } from './dry-run/inline-parameters.js';
export { withRunLock, runLockKey, runLockTable, RunLockTimeout, redshiftRunLockStatements, type RunLockOptions } from './run-lock.js';
export { ConnectionLost, connectionLost, isConnectionLoss } from './connection-lost.js';
