/** Double-quotes an SQL identifier (PostgreSQL and Redshift rules). */
export const quoteIdent = (name: string): string => '"' + name.replace(/"/g, '""') + '"';

/** `"schema"."table"`. */
export const qualified = (schema: string, table: string): string => `${quoteIdent(schema)}.${quoteIdent(table)}`;
