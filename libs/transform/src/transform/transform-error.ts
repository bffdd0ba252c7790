import type { StarTable } from './star-table.js';
import type { SyncStepKind } from './sync-by-key.js';

const doing: Record<SyncStepKind, string> = {
  prepare: 'compute the new rows of',
  delete: 'delete rows of',
  update: 'update rows of',
  insert: 'insert rows into',
};

/** A transform statement failed; the transaction is rolled back, so the star tables are as before the run. */
export class TransformError extends Error {
  override readonly name = 'TransformError';
  constructor(
    readonly table: StarTable | 'staging_events',
    readonly kind: SyncStepKind,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `transform failed to ${doing[kind]} table "${table}": ${reason}. Nothing was committed; ` +
        `check the staged data (e.g. a non-numeric user_id) and run the transform again.`,
      { cause },
    );
  }
}
