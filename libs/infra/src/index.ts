export { createAwsClients, destroyAwsClients, requireRegion, type AwsClients } from './aws-clients.js';
export { applyPlan, type ApplyOptions } from './apply.js';
export { manualClock, systemClock, type Clock } from './clock.js';
export { desiredStack, passwordProblem, INGRESS_DESCRIPTION, ROLE_POLICY_NAME, type DesiredStack, type Tag } from './desired-stack.js';
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
export type { EventSink, InfraEvent } from './events.js';
export { editIniText, writeIniValues, type IniUpdates } from './ini-edit.js';
export { observeStack, type IngressRule, type ObservedCluster, type ObservedIngress, type ObservedRole, type ObservedStack } from './observe.js';
export { hasChanges, planDown, planUp, type Action, type Change, type Plan, type PlanStep, type ResourceKind, type SnapshotChoice } from './plan.js';
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
export { callAws, defaultRetryPolicy, type CallContext, type RetryPolicy } from './retry.js';
export { DEFAULT_S3_LOCATIONS, s3LocationsOf, s3ReadPolicy, type PolicyDocument, type PolicyStatement } from './s3-access.js';
export { statusRows, type StatusRow } from './status.js';
export { formatDuration } from './wait-for-cluster.js';
/** Test support for other projects (a scripted fake of IAM, Redshift and EC2). */
export { awsError, dnsError, FakeControlPlane, type FakeCall, type MockClientLike } from './testing.js';
