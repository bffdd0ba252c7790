import type { Database } from '@sparkify/schema';
import type { Kysely } from 'kysely';
import type postgres from 'postgres';

import type { WarehouseDialect } from './dialect/warehouse-dialect.js';

export interface Warehouse {
  /** Typed queries (postgres.js underneath, through kysely-postgres-js). */
  readonly db: Kysely<Database>;
  /** Raw postgres.js, e.g. for `COPY … FROM STDIN`. */
  readonly sql: postgres.Sql;
  readonly dialect: WarehouseDialect;
  /** The schema the tables live in (first on the search_path), e.g. `public`; as the engine stores it. */
  readonly schema: string;
  /** Human-readable target, e.g. `embedded PostgreSQL 18.4 at 127.0.0.1:54329 (.sparkify/pg)`; never a password. */
  readonly description: string;
  /** One transaction: everything inside commits together or not at all (rolled back on any error). */
  begin<T>(work: (tx: WarehouseTx) => Promise<T>): Promise<T>;
  /** Ends the connections and, for the embedded target, stops the server and releases the data folder. */
  close(): Promise<void>;
}

export interface WarehouseTx {
  /** Kysely bound to THIS transaction. */
  readonly db: Kysely<Database>;
  /** The same transaction; `await tx.sql\`copy … from stdin\`.writable()` works. */
  readonly sql: postgres.TransactionSql;
  readonly dialect: WarehouseDialect;
  readonly schema: string;
}

export interface ConnectOptions {
  /** Shown in `pg_stat_activity`; defaults to `sparkify`. */
  readonly applicationName?: string;
  /** Lifecycle messages (starting the embedded server, retrying a connection, recovering from a killed run). */
  readonly onProgress?: (message: string) => void;
  /** The embedded server's own log lines; silent unless given. */
  readonly onServerLog?: (line: string) => void;
  /** Connection attempts for transient failures (refused, timeout, server starting up). Default 4. */
  readonly attempts?: number;
  /** Delay before the first retry in ms, doubled each time. Default 250. */
  readonly retryDelayMs?: number;
}
