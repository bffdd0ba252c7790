import type { Database } from '@sparkify/schema';
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import type postgres from 'postgres';
import { TransactionDialect } from './tx-dialect.js';
import type { WarehouseDialect } from './dialect/warehouse-dialect.js';
import type { Warehouse, WarehouseTx } from './types.js';

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
  return {
    db,
    sql,
    dialect,
    schema,
    description,
    async begin<T>(work: (tx: WarehouseTx) => Promise<T>): Promise<T> {
      // postgres.js issues BEGIN, and ROLLBACK when `work` throws, COMMIT otherwise.
      const result = await sql.begin(async (txSql) => {
        for (const statement of dialect.sessionStatements(schema)) await txSql.unsafe(statement);
        const txDb = new Kysely<Database>({ dialect: new TransactionDialect(txSql) });
        return work({ db: txDb, sql: txSql, dialect, schema });
      });
      return result as T;
    },
    close() {
      closing ??= (async () => {
        try {
          await sql.end({ timeout: 5 });
        } finally {
          await parts.onClose?.();
        }
      })();
      return closing;
    },
  };
}
