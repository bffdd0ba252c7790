import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type postgres from 'postgres';

/**
 * A Kysely dialect bound to one postgres.js transaction, so that typed queries and raw `tx.sql` (COPY) run in
 * the same transaction. postgres.js queues queries on the transaction's connection itself, so one shared
 * connection object serves every concurrent Kysely query. The transaction belongs to `Warehouse.begin()`:
 * Kysely's own `transaction()` on this instance is refused rather than silently nested.
 */
export class TransactionDialect implements Dialect {
  constructor(private readonly tx: postgres.TransactionSql) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new TransactionDriver(new TransactionConnection(this.tx));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

const nested = (): never => {
  throw new Error(
    'tx.db is already inside a warehouse transaction (Warehouse.begin); use tx.sql.savepoint() for a nested one',
  );
};

class TransactionDriver implements Driver {
  constructor(private readonly connection: TransactionConnection) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    nested();
  }
  async commitTransaction(): Promise<void> {
    nested();
  }
  async rollbackTransaction(): Promise<void> {
    nested();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

const affecting = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class TransactionConnection implements DatabaseConnection {
  constructor(private readonly tx: postgres.TransactionSql) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.tx.unsafe(query.sql, [...query.parameters] as postgres.ParameterOrJSON<never>[]);
    return {
      numAffectedRows: affecting.has(result.command) ? BigInt(result.count) : undefined,
      rows: Array.from(result) as R[],
    };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const cursor = this.tx.unsafe(query.sql, [...query.parameters] as postgres.ParameterOrJSON<never>[]).cursor(chunkSize);
    for await (const rows of cursor) yield { rows: rows as unknown as R[] };
  }
}
