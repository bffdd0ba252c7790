import { truncateUtf8, type LoadError } from '../extract/load-error.js';
import type { StageTx } from './stage-types.js';

/**
 * The rejected records of the last COPY in this session, from stl_load_errors (provisioned clusters).
 * CHAR columns come space-padded, hence the trims.
 */
export const STL_LOAD_ERRORS_SQL = `select trim(filename) as file, line_number as line, trim(colname) as column_name,
  trim(err_reason) as reason, err_code as code, trim(raw_field_value) as value, trim(raw_line) as raw
from stl_load_errors
where query = pg_last_copy_id()
order by filename, line_number`;

/** Files and rows the last COPY loaded. */
export const LAST_COPY_SQL = `select pg_last_copy_count() as rows,
  (select count(*) from stl_load_commits where query = pg_last_copy_id()) as files`;

export interface StlLoadErrorRow {
  readonly file: string;
  readonly line: number | string | null;
  readonly column_name: string | null;
  readonly reason: string;
  readonly code: number | string | null;
  readonly value: string | null;
  readonly raw: string | null;
}

/** One stl_load_errors row as our LoadError (same shape as locally rejected records). */
export function toLoadError(row: StlLoadErrorRow): LoadError {
  const value = row.value ? ` (value ${JSON.stringify(row.value)})` : '';
  const code = row.code !== null && row.code !== undefined ? ` [Redshift error ${row.code}]` : '';
  return {
    file: row.file,
    line: Number(row.line ?? 0),
    column: row.column_name ? row.column_name : null,
    reason: `${row.reason}${value}${code}`,
    raw: truncateUtf8(row.raw ?? ''),
  };
}

export async function readRedshiftLoadErrors(tx: Pick<StageTx, 'sql'>): Promise<LoadError[]> {
  const rows = await tx.sql.unsafe<StlLoadErrorRow[]>(STL_LOAD_ERRORS_SQL);
  return rows.map(toLoadError);
}
