import type { StarTable, StatementKind } from './statements.js';

/** A transform statement failed; the transaction is rolled back, so the star tables are as before the run. */
export class TransformError extends Error {
  override readonly name = 'TransformError';
  constructor(
    readonly table: StarTable | 'staging_events',
    readonly kind: StatementKind,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `transform failed to ${kind} rows of table "${table}": ${reason}. Nothing was committed; ` +
        `check the staged data (e.g. a non-numeric user_id) and run the transform again.`,
      { cause },
    );
  }
}
