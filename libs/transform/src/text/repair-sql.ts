import { sql, type Expression, type RawBuilder } from 'kysely';
import { mojibakeMarkers, mojibakePairs, mojibakeRounds } from './mojibake-map.js';

/**
 * SQL that repairs doubly-encoded text in both PostgreSQL and Redshift (no convert_from on Redshift):
 * nested REPLACE calls generated from `mojibakePairs`, evaluated only for values that contain a marker.
 * Literals are inlined (not parameters) so the statement text is the same on every run.
 */
export function repairSql(value: Expression<string | null>): RawBuilder<string | null> {
  let repaired: Expression<unknown> = value;
  for (let round = 0; round < mojibakeRounds; round++) {
    for (const { from, to } of mojibakePairs) repaired = sql`replace(${repaired}, ${sql.lit(from)}, ${sql.lit(to)})`;
  }
  const hasMarker = sql.join(
    mojibakeMarkers.map((m) => sql`${value} like ${sql.lit('%' + m + '%')}`),
    sql` or `,
  );
  return sql<string | null>`case when ${hasMarker} then ${repaired} else ${value} end`;
}
