export type { ConnectOptions, DialectCapabilities, DialectName, Warehouse, WarehouseTx } from './types.js';
export { connect } from './connect.js';
export { postgresCapabilities, redshiftCapabilities } from './dialects.js';
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
export { withRunLock, runLockKey, runLockTable, RunLockTimeout, redshiftRunLockStatements, type RunLockOptions } from './run-lock.js';
export { ConnectionLost, connectionLost, isConnectionLoss } from './connection-lost.js';
