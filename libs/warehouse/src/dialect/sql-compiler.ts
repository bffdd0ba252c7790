import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';

/**
 * A Kysely that only compiles SQL text and never connects: PostgreSQL's dialect, which is also what Redshift is sent.
 * For statements built ahead of a run (a SQL function's body) and for golden and grammar tests.
 */
export function sqlCompiler<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
