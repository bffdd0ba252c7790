import type { ColumnType } from 'kysely';
import type { ColumnDef, SqlType, TableDef } from './column-types.js';
import type { Tables } from './tables.js';

/**
 * The JS value of each SQL type as postgres.js hands it over (select) and accepts it (insert/update).
 * BIGINT comes back as a string (it may not fit a number); TIMESTAMP as a Date.
 */
interface JsTypes {
  varchar: { select: string; write: string };
  smallint: { select: number; write: number };
  integer: { select: number; write: number };
  bigint: { select: string; write: string | number | bigint };
  'double precision': { select: number; write: number };
  timestamp: { select: Date; write: Date | string };
}
type Sel<T extends SqlType> = JsTypes[T]['select'];
type Wr<T extends SqlType> = JsTypes[T]['write'];

/** One column's Kysely type: identity/default columns are optional on insert; nullable ones admit null. */
export type ColumnTypeOf<C extends ColumnDef> = C extends { readonly identity: true } | { readonly default: string }
  ? ColumnType<Sel<C['type']>, Wr<C['type']> | undefined, Wr<C['type']>>
  : C extends { readonly notNull: true }
    ? ColumnType<Sel<C['type']>, Wr<C['type']>, Wr<C['type']>>
    : ColumnType<Sel<C['type']> | null, Wr<C['type']> | null | undefined, Wr<C['type']> | null>;

export type TableTypeOf<T extends TableDef> = { -readonly [K in keyof T['columns']]: ColumnTypeOf<T['columns'][K]> };

/** The Kysely database interface, derived from `tables` (never written by hand). */
export type Database = { -readonly [K in keyof Tables]: TableTypeOf<Tables[K]> };
