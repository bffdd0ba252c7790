import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * Epoch milliseconds → TIMESTAMP (UTC), keeping the milliseconds. Integer seconds and the remainder are added
 * separately so no floating-point rounding can move a millisecond; both PostgreSQL and Redshift accept it.
 */
export function epochMsToTimestamp(ms: Expression<string | number | null>): RawBuilder<Date> {
  return sql<Date>`(timestamp 'epoch' + (${ms} / 1000) * interval '1 second' + (${ms} % 1000) * interval '0.001 second')`;
}

/** `a IS DISTINCT FROM b`, which Redshift lacks. */
export function differs(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${a} <> ${b} or (${a} is null and ${b} is not null) or (${a} is not null and ${b} is null))`;
}

/** Any of several conditions (an empty list is false). */
export function anyOf(conditions: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return conditions.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

/** 1 when the value is NULL, else 0: sorts NULLs last the same way in both dialects. */
export const nullsLast = (value: Expression<unknown>): RawBuilder<number> => sql<number>`case when ${value} is null then 1 else 0 end`;
