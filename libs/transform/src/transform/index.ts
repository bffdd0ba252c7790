export { planTarget, transform, type TableTransformReport, type TransformReport, type TransformTarget } from './transform.js';
export { planStatements, transformPlan, type PlanTarget, type TableSync, type TransformPlan } from './star-syncs.js';
export type { StarTable } from './star-table.js';
export type { SyncStatement, SyncStepKind } from './sync-by-key.js';
export type { RepairSql } from './sources.js';
export { epochMsToTimestamp } from './sql-helpers.js';
export { TransformError } from './transform-error.js';
export { setAsideStatements } from './set-aside.js';
