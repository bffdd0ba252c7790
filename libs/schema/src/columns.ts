import type { ColumnDef } from './column-types.js';
import { starTables as starTableList, tables, type TableName, type Tables } from './tables.js';

/** Table names in declaration order (creation order; drop in reverse). */
export const tableNames = Object.keys(tables) as TableName[];

export type ColumnName<T extends TableName> = keyof Tables[T]['columns'] & string;

/** Column names of a table, in table order (the order COPY fills them). */
export function columnsOf<T extends TableName>(table: T): ColumnName<T>[] {
  return Object.keys(tables[table].columns) as ColumnName<T>[];
}

/** A column's declaration. */
export function columnDef<T extends TableName>(table: T, column: ColumnName<T>): ColumnDef {
  return (tables[table].columns as Readonly<Record<string, ColumnDef>>)[column] as ColumnDef;
}

export const stagingTables = ['staging_events', 'staging_songs'] as const satisfies readonly TableName[];
/** songplays, users, songs, artists, time. Listed before `tables` (a `references` names one); here proven declared. */
export const starTables = starTableList satisfies readonly TableName[];
