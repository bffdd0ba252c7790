/**
 * SQL Redshift rejects (DG c_unsupported-postgresql-features.html, c_unsupported-postgresql-functions.html),
 * plus a bound LIMIT, which Redshift drivers report failing (audit U1). One list for every portability spec.
 */
export const redshiftUnsupportedSql: readonly (readonly [RegExp, string])[] = Object.freeze([
  [/\bon conflict\b/i, 'ON CONFLICT'],
  [/\bmerge\b/i, 'MERGE (not inside our portable subset)'],
  [/\breturning\b/i, 'RETURNING'],
  [/\bgenerate_series\b/i, 'generate_series (leader node only)'],
  [/\bdistinct on\b/i, 'DISTINCT ON'],
  [/\bfilter \(/i, 'aggregate FILTER'],
  [/\bis distinct from\b/i, 'IS DISTINCT FROM'],
  [/::/, 'the :: cast (use cast(x as t))'],
  [/^\s*with\b/i, 'a leading WITH in DML'],
  [/\bconvert_from\b/i, 'convert_from'],
  [/\blateral\b/i, 'LATERAL'],
  [/\barray\b|\bjsonb?\b/i, 'arrays and JSON types'],
  [/\blimit \$\d+/i, 'a bound LIMIT (use a literal)'],
  [/\btruncate\b/i, 'TRUNCATE (it commits the open transaction)'],
]);
