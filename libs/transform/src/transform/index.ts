export { transform, type TableTransformReport, type TransformReport, type TransformTarget } from './transform.js';
export { transformStatements, type StarTable, type StatementKind, type TransformStatement } from './statements.js';
export { artistsSource, songplaysSource, songRows, songsSource, timeSource, usersSource, type RepairSql } from './sources.js';
export { epochMsToTimestamp } from './sql-helpers.js';
export { TransformError } from './transform-error.js';
