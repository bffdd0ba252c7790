import { truncateUtf8, type LoadError } from '../extract/load-error.js';
import type { StageTx } from './stage-types.js';

/**
 * Which load-error tables this endpoint has. SYS_LOAD_ERROR_DETAIL exists on provisioned clusters and Serverless
 * and also sees COPYs run on concurrency-scaling clusters; STL_LOAD_ERRORS exists on provisioned clusters only
 * (audit D5) and is read for the raw line the SYS view lacks.
 */
export const LOAD_ERROR_TABLES_SQL = `select cast(relname as varchar(128)) as "name"
from pg_catalog.pg_class
where relname in ('sys_load_error_detail', 'stl_load_errors')`;

// The COPYs of this run: this session, since the transaction began (SYSDATE is the transaction's start, in UTC as
// set for every Redshift transaction). CHAR columns come blank-padded, hence the trims.
const sysColumns = `trim(e.file_name) as "file", e.line_number as "line", trim(e.column_name) as "column_name",
  trim(e.error_message) as "reason", e.error_code as "code"`;
const thisRun = 'e.session_id = pg_backend_pid() and e.start_time >= sysdate';

/** Rejected records of this run's COPYs from SYS_LOAD_ERROR_DETAIL alone (Serverless). */
export const SYS_LOAD_ERRORS_SQL = `select ${sysColumns},
  cast(null as varchar(1)) as "value", cast(null as varchar(1)) as "raw"
from sys_load_error_detail as e
where ${thisRun}
order by 1, 2`;

/** The same, with the raw field and line from STL_LOAD_ERRORS where the cluster has it. */
export const SYS_STL_LOAD_ERRORS_SQL = `select ${sysColumns},
  trim(s.raw_field_value) as "value", trim(s.raw_line) as "raw"
from sys_load_error_detail as e
left join stl_load_errors as s
  on s.session = e.session_id and s.line_number = e.line_number and trim(s.filename) = trim(e.file_name) and s.starttime >= sysdate
where ${thisRun}
order by 1, 2`;

/** Rows and files the run's COPYs loaded (SYS_LOAD_HISTORY: provisioned and Serverless). */
export const LOADED_SQL = `select pg_last_copy_count() as "rows",
  (select coalesce(sum(h.file_count), 0) from sys_load_history as h where h.session_id = pg_backend_pid() and h.start_time >= sysdate) as "files"`;

export interface LoadErrorRow {
  readonly file: string;
  readonly line: number | string | null;
  readonly column_name: string | null;
  readonly reason: string;
  readonly code: number | string | null;
  readonly value: string | null;
  readonly raw: string | null;
}
/** @deprecated the earlier name, when only stl_load_errors was read. */
export type StlLoadErrorRow = LoadErrorRow;

/** One load-error row as our LoadError (same shape as locally rejected records). */
export function toLoadError(row: LoadErrorRow): LoadError {
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

/** The rejected records of this run's COPYs: SYS_LOAD_ERROR_DETAIL, joined to STL_LOAD_ERRORS only where it exists. */
export async function readRedshiftLoadErrors(tx: Pick<StageTx, 'sql'>): Promise<LoadError[]> {
  const present = new Set((await tx.sql.unsafe<{ name: string }[]>(LOAD_ERROR_TABLES_SQL)).map((r) => r.name.trim()));
  const query = present.has('stl_load_errors') && present.has('sys_load_error_detail') ? SYS_STL_LOAD_ERRORS_SQL : SYS_LOAD_ERRORS_SQL;
  const rows = await tx.sql.unsafe<LoadErrorRow[]>(query);
  return rows.map(toLoadError);
}
