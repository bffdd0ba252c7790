import { columnsOf, tables, type ColumnDef } from '@sparkify/schema';
import type { StarTable } from './star-table.js';

/**
 * How a star table is synced, read from its declaration in `@sparkify/schema`: the key rows are matched on (the
 * first declared `unique` key, else the primary key), the identity column (numbered by the transform, never
 * updated), and the columns an update may change (every other column).
 */
export interface SyncShape {
  readonly table: StarTable;
  readonly key: readonly string[];
  readonly identity?: string;
  /** Columns the source provides and an insert writes, in declaration order (the identity excluded). */
  readonly columns: readonly string[];
  /** Columns an update compares and sets: `columns` minus the key. */
  readonly values: readonly string[];
  /** The one column that names a row, for `delete … where <rowId> in (…)`: the identity, else the single key column. */
  readonly rowId: string;
  /** Text columns: compared exactly, trailing blanks included (Redshift's `=` ignores them, audit D3). */
  readonly text: ReadonlySet<string>;
}

export function syncShape(table: StarTable): SyncShape {
  const declared = tables[table] as { unique?: readonly (readonly string[])[]; primaryKey?: readonly string[]; columns: Record<string, ColumnDef> };
  const key = declared.unique?.[0] ?? declared.primaryKey;
  if (!key || key.length === 0) throw new Error(`table "${table}" declares no key to sync by (primaryKey or unique)`);
  const all: readonly string[] = columnsOf(table);
  const identity = all.find((c) => declared.columns[c]?.identity === true);
  const columns = all.filter((c) => c !== identity);
  const rowId = identity ?? (key.length === 1 ? key[0] : undefined);
  if (!rowId) throw new Error(`table "${table}" has a composite key and no identity column: no single column names its rows`);
  return {
    table,
    key,
    ...(identity ? { identity } : {}),
    columns,
    values: columns.filter((c) => !key.includes(c)),
    rowId,
    text: new Set(columns.filter((c) => declared.columns[c]?.type === 'varchar')),
  };
}
