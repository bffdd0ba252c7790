import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * Epoch milliseconds → TIMESTAMP (UTC), keeping the milliseconds. Integer seconds and the remainder are added
 * separately so no floating-point rounding can move a millisecond; both PostgreSQL and Redshift accept it.
 */
export function epochMsToTimestamp(ms: Expression<string | number | null>): RawBuilder<Date> {
  return sql<Date>`(timestamp 'epoch' + (${ms} / 1000) * interval '1 second' + (${ms} % 1000) * interval '0.001 second')`;
}

/**
 * `a IS DISTINCT FROM b`, which Redshift lacks. For text, also when only trailing blanks differ: Redshift's `<>`
 * ignores them, its LENGTH counts them (DG r_Character_types.html, audit D3), so both targets compare exactly.
 */
export function differs(a: Expression<unknown>, b: Expression<unknown>, text = false): RawBuilder<boolean> {
  const blanks = text ? sql` or length(${a}) <> length(${b})` : sql``;
  return sql<boolean>`(${a} <> ${b}${blanks} or (${a} is null and ${b} is not null) or (${a} is not null and ${b} is null))`;
}

/** `a = b` for text, exact on both targets (Redshift's `=` ignores trailing blanks, audit D3). */
export function sameText(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${a} = ${b} and length(${a}) = length(${b}))`;
}

/** Any of several conditions (an empty list is false). */
export function anyOf(conditions: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return conditions.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

/** 1 when the value is NULL, else 0: sorts NULLs last the same way in both dialects. */
export const nullsLast = (value: Expression<unknown>): RawBuilder<number> => sql<number>`case when ${value} is null then 1 else 0 end`;
