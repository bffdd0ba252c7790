import type { Database } from '@sparkify/schema';
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import type postgres from 'postgres';
import { connectionLost, duringOf, isConnectionLoss, lossIn } from './connection-lost.js';
import { guardDriver } from './driver-guard.js';
import { trackStatements } from './statement-tracker.js';
import { TransactionDialect } from './tx-dialect.js';
import type { WarehouseDialect } from './dialect/warehouse-dialect.js';
import type { Warehouse, WarehouseTx } from './types.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WarehouseParts {
  readonly sql: postgres.Sql;
  readonly dialect: WarehouseDialect;
  readonly schema: string;
  readonly description: string;
  /** Extra clean-up after the connections end (stopping the embedded server). */
  readonly onClose?: () => Promise<void>;
}

/** Wraps a connected postgres.js pool into the `Warehouse` contract. */
export function createWarehouse(parts: WarehouseParts): Warehouse {
  const { sql, dialect, schema, description } = parts;
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: sql }) });
  let closing: Promise<void> | undefined;
  // After a lost connection, postgres.js may wait forever on the ROLLBACK it sent into the dead socket.
  let lost = false;
  // postgres.js can throw an uncaught TypeError when a connection closes under a write (driver-guard.ts).
  const unguard = guardDriver(() => {});
  return {
    db,
    sql,
    dialect,
    schema,
    description,
    async begin<T>(work: (tx: WarehouseTx) => Promise<T>): Promise<T> {
      // postgres.js issues BEGIN, and ROLLBACK when `work` throws, COMMIT otherwise. It also rejects at once
      // when the connection closes, while `work` may still be running: a lost connection is reported as such.
      let committing = false;
      let workError: unknown;
      let workSettled: () => void = () => {};
      const settled = new Promise<void>((resolve) => (workSettled = resolve));
      let lastStatement = (): string | undefined => undefined;
      try {
        const result = await sql.begin(async (rawTxSql) => {
          const tracked = trackStatements(rawTxSql);
          lastStatement = tracked.last;
          const txSql = tracked.sql;
          for (const statement of dialect.sessionStatements(schema)) await txSql.unsafe(statement);
          const txDb = new Kysely<Database>({ dialect: new TransactionDialect(txSql) });
          try {
            const value = await work({ db: txDb, sql: txSql, dialect, schema });
            committing = true;
            return value;
          } catch (error) {
            workError = error;
            throw error;
          } finally {
            workSettled();
          }
        });
        return result as T;
      } catch (error) {
        // The close can beat the statement's own error (e.g. 57P01, which says why): give it a moment to land.
        if (workError === undefined && !committing && isConnectionLoss(error)) await Promise.race([settled, sleep(250)]);
        // A run that failed on its own (a rejected batch, a failed check) stays that failure.
        if (workError !== undefined && !isConnectionLoss(workError)) throw workError;
        if (isConnectionLoss(error) || isConnectionLoss(workError)) {
          lost = true;
          const loss = lossIn(workError) ?? error;
          const last = lastStatement();
          const knows = typeof (loss as { query?: unknown }).query === 'string';
          const during = committing ? 'committing' : !knows && last ? duringOf({ query: last }) : undefined;
          throw connectionLost(description, loss, during ? { during } : {});
        }
        throw error;
      }
    },
    close() {
      closing ??= (async () => {
        try {
          await sql.end({ timeout: lost ? 0 : 5 });
        } finally {
          unguard();
          await parts.onClose?.();
        }
      })();
      return closing;
    },
  };
}
