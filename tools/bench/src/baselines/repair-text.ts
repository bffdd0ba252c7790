import { repairSql } from '@sparkify/transform';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';

/**
 * Our mojibake repair over a value named `v`, as SQL text (its literals are inlined): the body of a function
 * or macro the baselines define, so they match plays to songs on the same repaired text as our transform.
 */
export function repairText(): string {
  const compiler = new Kysely<Record<string, never>>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const compiled = repairSql(sql.ref('v')).compile(compiler);
  if (compiled.parameters.length > 0) throw new Error('the repair SQL has parameters; the baselines expect them inlined');
  return compiled.sql;
}
