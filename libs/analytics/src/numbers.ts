/**
 * Counts come back as strings from postgres.js (PostgreSQL `bigint`) and as numbers from other drivers or casts.
 * Every query result passes through here so callers always get plain numbers.
 */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`expected a number from the warehouse, got ${JSON.stringify(String(value))}`);
  return n;
}

/** `part / whole`, or 0 when there is no whole (an empty warehouse). */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * A LIMIT written into the SQL text as a literal (so each query's text is the same on every target and can be kept
 * as golden text, and no engine has to accept a bound LIMIT); validated here because it is not a parameter.
 */
export function checkedLimit(limit: number, name = 'limit'): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new RangeError(`${name} must be a whole number from 1 to 10000, got ${limit}`);
  }
  return limit;
}
