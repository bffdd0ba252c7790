import { sql, type Expression, type RawBuilder } from 'kysely';
import { mojibakeMarkers, mojibakePairs, mojibakeRounds } from './mojibake-map.js';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

// The nested REPLACE calls as two pieces of text around the value, built once: `replace(replace(` … `, 'Â', ''), …)`.
// (Thousands of nested Kysely nodes per statement made building the transform statements slow.)
const replacements = Array.from({ length: mojibakeRounds }, () => mojibakePairs).flat();
const opening = sql.raw('replace('.repeat(replacements.length));
const closing = sql.raw(replacements.map(({ from, to }) => `, ${literal(from)}, ${literal(to)})`).join(''));

/**
 * SQL that repairs doubly-encoded text in both PostgreSQL and Redshift (no convert_from on Redshift):
 * nested REPLACE calls generated from `mojibakePairs`, evaluated only for values that contain a marker.
 * Literals are inlined (not parameters) so the statement text is the same on every run.
 */
export function repairSql(value: Expression<string | null>): RawBuilder<string | null> {
  const hasMarker = sql.join(
    mojibakeMarkers.map((m) => sql`${value} like ${sql.raw(literal('%' + m + '%'))}`),
    sql` or `,
  );
  return sql<string | null>`case when ${hasMarker} then ${opening}${value}${closing} else ${value} end`;
}
