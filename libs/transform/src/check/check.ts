import type { Database } from '@sparkify/schema';
import type { Kysely, SelectQueryBuilder } from 'kysely';

// Failing-row queries differ in shape; the runner only counts and samples them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FailingRows = SelectQueryBuilder<Database, any, Record<string, unknown>>;

/** A dbt-style data test: a query that returns the rows breaking a rule (none when the rule holds). */
export interface Check {
  /** e.g. `unique_songplays_songplay_id`, `relationships_songplays_user_id__users`. */
  readonly name: string;
  readonly description: string;
  readonly failing: (db: Kysely<Database>) => FailingRows;
}
