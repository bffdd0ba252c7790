/** Double-quoted identifier; every name we send is quoted (several of ours are Redshift reserved words). */
export const quoteIdent = (name: string): string => '"' + name.replaceAll('"', '""') + '"';

/** `"schema"."table"`. */
export const qualified = (schema: string, table: string): string => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** A string literal (both engines: single quotes doubled; our literals never hold a backslash). */
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;
