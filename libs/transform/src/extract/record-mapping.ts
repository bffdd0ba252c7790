import { coerce } from './coerce.js';
import { parseKeepingNumbers } from './json-lexemes.js';
import { numberToText } from './number-to-text.js';
import { JsonPathsError, selectPath, type JsonPath } from './json-paths.js';
import { MAX_NESTING, nestsDeeperThan } from './nesting.js';
import type { StagingColumn, StagingType } from './staging-column.js';

/** Where one staging column's value comes from in a JSON record. */
export interface FieldMapping {
  readonly column: StagingColumn;
  readonly path: JsonPath;
}

export type MappedRecord =
  /** `coerced`: some cell took the general path (it may be JSON text written by JSON.stringify). */
  | { readonly ok: true; readonly cells: (string | null)[]; readonly coerced: boolean }
  | { readonly ok: false; readonly column: string | null; readonly reason: string };

/** JSONPaths mapping, as COPY does it: path i feeds column i; the counts must match. */
export function jsonPathsMapping(columns: readonly StagingColumn[], paths: readonly JsonPath[], where: string): FieldMapping[] {
  if (paths.length !== columns.length) {
    throw new JsonPathsError(
      `${where} has ${paths.length} paths but the table takes ${columns.length} columns (${columns.map((c) => c.name).join(', ')}); ` +
        'COPY maps them by position, so give one path per column',
    );
  }
  return columns.map((column, i) => ({ column, path: paths[i] as JsonPath }));
}

/** `FORMAT AS JSON 'auto'`: a key feeds the column of the same name; other keys are ignored. */
export function autoMapping(columns: readonly StagingColumn[]): FieldMapping[] {
  return columns.map((column) => ({ column, path: [column.name] }));
}

/** Turns one record's JSON text into COPY cells, or the reason COPY would reject the record. */
export function mapRecord(text: string, fields: readonly FieldMapping[]): MappedRecord {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { ok: false, column: null, reason: `malformed JSON: ${(error as Error).message}` };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    const found = record === null ? 'null' : Array.isArray(record) ? 'an array' : `a ${typeof record}`;
    return { ok: false, column: null, reason: `expected a JSON object, found ${found}` };
  }
  if (nestsDeeperThan(text)) {
    return { ok: false, column: null, reason: `the record nests more than ${MAX_NESTING} levels deep (objects and arrays inside each other); the loader reads records up to ${MAX_NESTING} levels` };
  }
  let withLexemes: unknown; // parsed again only when a number's written form matters
  let coerced = false;
  const cells: (string | null)[] = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const { column, path } = fields[i] as FieldMapping;
    let value = selectPath(record, path);
    const fast = fastCell(value, column.type);
    if (fast !== undefined) {
      cells[i] = fast;
      continue;
    }
    if (typeof value === 'number' && needsLexeme(value, column)) {
      withLexemes ??= parseKeepingNumbers(text);
      value = selectPath(withLexemes, path);
    }
    coerced = true;
    const cell = coerce(value, column.type, column.name);
    if (!cell.ok) return { ok: false, column: column.name, reason: cell.reason };
    cells[i] = cell.value;
  }
  return { ok: true, cells, coerced };
}

function needsLexeme(value: number, column: StagingColumn): boolean {
  const kind = column.type.kind;
  return kind === 'text' || kind === 'decimal' || (kind === 'integer' && !Number.isSafeInteger(value));
}

/**
 * The cell for the everyday values, without the allocations of `coerce`: a short non-blank string into text,
 * a finite number into DOUBLE PRECISION, a small whole number into an integer column, a missing value.
 * Returns undefined for anything else, which then goes through `coerce` (same result, every rule applied).
 */
function fastCell(value: unknown, type: StagingType): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    if (type.kind === 'integer') return isCanonicalInteger(value, type.bits) ? value : undefined;
    if (type.kind !== 'text' || value === '' || value.charCodeAt(0) <= 0x20) return undefined;
    if (type.maxBytes !== undefined && value.length * 3 > type.maxBytes) return undefined;
    return value.indexOf('\u0000') === -1 ? value : undefined;
  }
  if (typeof value === 'number') {
    if (type.kind === 'float' && type.bits === 64 && Number.isFinite(value)) return numberToText(value);
    if (type.kind === 'integer' && Number.isSafeInteger(value) && Math.abs(value) < 2 ** (type.bits - 1)) return numberToText(value);
  }
  return undefined;
}

/** Digits that hold in `bits` for sure (so never out of range): 2^15 > 9999, 2^31 > 999999999, 2^63 > 10^18 - 1. */
const SAFE_DIGITS = { 16: 4, 32: 9, 64: 18 } as const;

/**
 * A string such as `"4781"` (the logs' userId) that `coerce` would load unchanged into an integer column: digits
 * without a leading zero (or just `0`), an optional minus before a non-zero digit, and few enough digits to be in
 * range. Checked by hand because the general path (trim, regex, BigInt) costs more than the rest of the record.
 */
function isCanonicalInteger(value: string, bits: 16 | 32 | 64): boolean {
  const start = value.charCodeAt(0) === 0x2d ? 1 : 0;
  const digits = value.length - start;
  if (digits < 1 || digits > SAFE_DIGITS[bits]) return false;
  const first = value.charCodeAt(start);
  if (first === 0x30) return digits === 1 && start === 0;
  for (let i = start; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
