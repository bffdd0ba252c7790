// Extract and stage
export { stage } from './stage/stage.js';
export type { StageOptions, StageProgress, StageReport, StageStep, StageTx } from './stage/stage-types.js';
export type { GoneFiles } from './stage/ledger.js';
export { TooManyLoadErrors } from './stage/too-many-load-errors.js';
export { RedshiftCopyError, RedshiftTooManyLoadErrors } from './stage/stage-redshift.js';
export { redshiftCopySql, REDSHIFT_MAXERROR, type RedshiftCopySpec } from './stage/redshift-copy.js';
export {
  LOAD_ERROR_TABLES_SQL,
  LOADED_SQL,
  readRedshiftLoadErrors,
  SYS_LOAD_ERRORS_SQL,
  SYS_STL_LOAD_ERRORS_SQL,
  toLoadError,
  type LoadErrorRow,
  type StlLoadErrorRow,
} from './stage/redshift-load-errors.js';
export { formatLoadError, type LoadError } from './extract/load-error.js';
export { JsonPathsError } from './extract/json-paths.js';
export { resolveSource, parseS3Url, SourceError, type ResolvedSource, type S3Location } from './source/source-location.js';

// Transform: staging → star (idempotent), text repair, data checks
export { transform, TransformError, type TableTransformReport, type TransformReport, type TransformTarget } from './transform/index.js';
export { planStatements, planTarget, setAsideStatements, transformPlan, type StarTable, type SyncStatement, type SyncStepKind, type TransformPlan } from './transform/index.js';
export { runChecks, checks, derivedChecks, playsMatchEvents, sampleSize, type Check, type CheckReport, type CheckResult } from './check/index.js';
export { repairMojibake, repairSql, mojibakePairs, repairCall, repairFunctionName, repairFunctionStatement, repairSqlText } from './text/index.js';
