/** One rejected record, as stored in `load_errors` and returned in the stage report. */
export interface LoadError {
  /** The file's key: relative to a local source (`log_data/2018/11/…`) or `s3://bucket/key`. */
  readonly file: string;
  /** 1-based line the record starts on (0 when the whole file is at fault). */
  readonly line: number;
  /** The staging column that refused the value; null when the record as a whole is bad (malformed JSON). */
  readonly column: string | null;
  readonly reason: string;
  /** The offending text, cut to RAW_LIMIT_BYTES of UTF-8. */
  readonly raw: string;
}

/** Like Redshift's stl_load_errors.raw_line (CHAR(1024)). */
export const RAW_LIMIT_BYTES = 1024;

/** The raw text as it can be stored: PostgreSQL text cannot hold NUL, so NUL becomes U+FFFD; then cut to size. */
export function storableRaw(text: string, limit = RAW_LIMIT_BYTES): string {
  return truncateUtf8(text.includes('\u0000') ? text.replace(/\u0000/g, '\uFFFD') : text, limit);
}

/** Cuts text to at most `limit` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, limit = RAW_LIMIT_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const cut = Buffer.from(text, 'utf8').subarray(0, limit).toString('utf8');
  return cut.endsWith('\uFFFD') ? cut.slice(0, -1) : cut;
}

/** "log_data/…json line 3, column user_id: reason" — for messages and terminals. */
export function formatLoadError(e: LoadError): string {
  const where = `${e.file}${e.line > 0 ? ` line ${e.line}` : ''}${e.column ? `, column ${e.column}` : ''}`;
  return `${where}: ${e.reason}`;
}
