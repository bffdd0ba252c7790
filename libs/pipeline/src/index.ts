export { runEtl, runStage, runTransform, runCheck, stageIn, transformIn, checkIn } from './steps.js';
export { runCreateTables, createTablesDdl, type CreateTablesStepOptions } from './create-tables.js';
export type { PipelineEvent, PipelineOptions } from './options.js';
export { ChecksFailed, MissingTables } from './errors.js';
export { ensureDemoData } from './demo-data.js';
export { s3ClientFor } from './s3-client.js';
export {
  checkLines,
  checksFailedMessage,
  stageLines,
  summaryLines,
  transformLines,
  type EtlSummary,
  type RejectedSummary,
  type StageSummary,
  type TransformSummary,
} from './summary.js';
