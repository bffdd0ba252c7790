import { columnDef, columnsOf, type ColumnDef } from '@sparkify/schema';
import type { StagingColumn, StagingType } from './staging-column.js';

export type StagingTable = 'staging_events' | 'staging_songs';

/** Our own column, filled by the stager (not by the JSON). */
export const SOURCE_FILE_COLUMN = 'source_file';
/** Our own column too: the line the record starts on (so the transform can name it when it sets a row aside). */
export const SOURCE_LINE_COLUMN = 'source_line';

/** The columns a JSON record fills, in table order, with their types from @sparkify/schema. */
export function stagingColumns(table: StagingTable): StagingColumn[] {
  return columnsOf(table)
    .filter((name) => name !== SOURCE_FILE_COLUMN && name !== SOURCE_LINE_COLUMN)
    .map((name) => ({ name, type: stagingType(columnDef(table, name), `${table}.${name}`) }));
}

export function stagingType(def: ColumnDef, where: string): StagingType {
  switch (def.type) {
    case 'varchar':
      return { kind: 'text', maxBytes: def.bytes };
    case 'smallint':
      return { kind: 'integer', bits: 16 };
    case 'integer':
      return { kind: 'integer', bits: 32 };
    case 'bigint':
      return { kind: 'integer', bits: 64 };
    case 'double precision':
      return { kind: 'float', bits: 64 };
    default:
      throw new Error(`${where} is ${def.type}; staging columns must be text or numbers (change the declaration in @sparkify/schema)`);
  }
}
