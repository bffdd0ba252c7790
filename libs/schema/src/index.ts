export type { ColumnDef, RedshiftEncoding, RedshiftLayout, SqlType, TableDef } from './column-types.js';
export { tables, type StarTableName, type TableName, type Tables } from './tables.js';
export type { ColumnTypeOf, Database, TableTypeOf } from './database.js';
export { columnDef, columnsOf, stagingTables, starTables, tableNames, type ColumnName } from './columns.js';
export {
  createSchemaStatement,
  createTableStatement,
  createTableStatements,
  dropTableStatements,
  qualifiedName,
  quoteIdent,
  type DdlOptions,
  type SchemaDialect,
} from './ddl.js';
