export { createAwsClients, destroyAwsClients, requireRegion, type AwsClients } from './aws-clients.js';
export { applyPlan, ROLE_PROPAGATION_WINDOW_MS, type ApplyOptions } from './apply/index.js';
export { callAws, defaultRetryPolicy, type CallContext, type RetryPolicy } from './aws-call.js';
export { manualClock, systemClock, type Clock } from './clock.js';
export { ra3PortAllowed, snapshotIdProblem, warehouseProblems } from './cluster-rules.js';
export { desiredStack, passwordProblem, INGRESS_DESCRIPTION, ROLE_POLICY_NAME } from './desired-stack.js';
export {
  AwsCallError,
  classifyAwsError,
  InfraConfigError,
  InfraError,
  StackStateError,
  WaitTimeoutError,
  type ClassifiedError,
  type ErrorClass,
} from './errors.js';
export { editIniText, writeIniValues, type IniUpdates } from './ini-edit.js';
export { clusterPhase, observeStack, serverlessPhase, type ClusterPhase, type ServerlessPhase } from './observe/index.js';
export { hasChanges, planDown, planUp } from './plan/index.js';
export {
  downStack,
  planStack,
  stackStatus,
  upStack,
  type DownResult,
  type InfraOptions,
  type PlanResult,
  type StatusResult,
  type UpResult,
} from './provision.js';
export { DEFAULT_S3_LOCATIONS, s3LocationsOf, s3ReadPolicy, type PolicyDocument, type PolicyStatement } from './s3-access.js';
export type {
  Action,
  Change,
  DesiredStack,
  Endpoint,
  EventSink,
  InfraEvent,
  IngressRule,
  ObservedCluster,
  ObservedIngress,
  ObservedNamespace,
  ObservedRole,
  ObservedSecurityGroup,
  ObservedStack,
  ObservedWorkgroup,
  Plan,
  PlanStep,
  ResourceKind,
  SnapshotChoice,
  Tag,
  WarehouseKind,
} from './stack-model.js';
export { statusRows, type StatusRow } from './status.js';
export { formatDuration } from './wait.js';
