/**
 * Errors of the provisioner, classed like dlt's destinations: `transient` ones are retried with backoff,
 * `terminal` ones stop the run with a message that says which call failed, on what, and what to do.
 */

/** Base class: `exitCode` is what a CLI should exit with (1 = AWS refused or timed out, 2 = usage or config). */
export class InfraError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** The configuration cannot give what the command needs (missing region, open ingress not allowed, …). */
export class InfraConfigError extends InfraError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** An AWS call failed for good (or kept failing after all retries). */
export class AwsCallError extends InfraError {
  constructor(
    message: string,
    readonly call: string,
    readonly resource: string,
    readonly code: string,
    readonly errorClass: ErrorClass,
    options?: { cause?: unknown },
  ) {
    super(message, 1, options);
  }
}

/** A bounded wait ran out (cluster never became available / never went away). */
export class WaitTimeoutError extends InfraError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** A resource is in a state `up` cannot work from (e.g. `incompatible-network`). */
export class StackStateError extends InfraError {
  constructor(message: string) {
    super(message, 1);
  }
}

export type ErrorClass = 'transient' | 'terminal';

export interface ClassifiedError {
  readonly errorClass: ErrorClass;
  /** AWS error code (`Throttling`, `AccessDenied`, …) or Node error code (`ENOTFOUND`). */
  readonly code: string;
  /** Transient errors that take minutes to clear (another change on the cluster) get a slower backoff. */
  readonly slow: boolean;
  /** What the person should do, for terminal errors. */
  readonly hint: string;
}

const THROTTLING = [
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
];
const SERVER = [
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalError',
  'InternalServerError',
  'InternalServerException',
  // Redshift: "a dependent service is throttling requests made by Amazon Redshift on your behalf. Wait and retry" (CreateCluster).
  'DependentServiceRequestThrottlingFault',
  'DependentServiceRequestThrottling',
  'DependentServiceUnavailableFault',
  'DependentServiceUnavailable',
];
const NETWORK = ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException'];
const BUSY = [
  'InvalidClusterStateFault',
  'InvalidClusterState',
  'ConcurrentModification',
  'ConcurrentModificationException',
  // Redshift Serverless: another change is running on the namespace or workgroup.
  'ConflictException',
  'InsufficientCapacityException',
  // EC2: a security group still in use by the network interfaces of a cluster that is going away.
  'DependencyViolation',
];

const ACCESS = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'UnauthorizedException'];
const CREDENTIALS = [
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'InvalidAccessKeyId',
  'CredentialsProviderError',
];
const QUOTA = [
  'ClusterQuotaExceededFault',
  'NumberOfNodesQuotaExceededFault',
  'NumberOfNodesPerClusterLimitExceededFault',
  'InsufficientClusterCapacityFault',
  'LimitExceeded',
  'LimitExceededException',
  'RulesPerSecurityGroupLimitExceeded',
  'ClusterSnapshotQuotaExceededFault',
  'TagLimitExceededFault',
  'ServiceQuotaExceededException',
  'TooManyTagsException',
  'SecurityGroupLimitExceeded',
];
const PARAMETER = [
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidParameterCombination',
  'InvalidParameterCombinationException',
  'InvalidInput',
  'ValidationError',
  'ValidationException',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'UnsupportedOperationFault',
  'InvalidClusterSnapshotStateFault',
  'ClusterSnapshotAlreadyExistsFault',
  'InvalidVPCNetworkStateFault',
  'InvalidSubnet',
  'Ipv6CidrBlockNotFoundException',
];

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  hostname?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Best code of any thrown value: the AWS error name, else a Node system error code. */
export function errorCode(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  for (const candidate of [e.code, e.Code, e.name]) {
    if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error') return candidate;
  }
  return 'Error';
}

/** Class of an error thrown by an AWS SDK call (or by the network under it). */
export function classifyAwsError(error: unknown, region?: string): ClassifiedError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const code = errorCode(error);
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const transient = (slow = false): ClassifiedError => ({ errorClass: 'transient', code, slow, hint: 'AWS kept failing; try again in a few minutes.' });
  const terminal = (hint: string): ClassifiedError => ({ errorClass: 'terminal', code, slow: false, hint });

  if (BUSY.includes(code)) return transient(true);
  if (THROTTLING.includes(code) || SERVER.includes(code) || NETWORK.includes(code)) return transient();
  if (status === 429 || (status !== undefined && status >= 500) || e.$fault === 'server') return transient();
  if (ACCESS.includes(code)) {
    return terminal(
      'The AWS identity in use lacks this permission: grant it (libs/infra/README.md lists the permissions) or use other credentials ([AWS] KEY/SECRET or AWS_PROFILE).',
    );
  }
  if (code === 'CredentialsProviderError') {
    return terminal('No AWS credentials were found: set [AWS] KEY and SECRET in the config file, or AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
  }
  if (CREDENTIALS.includes(code)) {
    return terminal(
      `AWS did not accept the credentials: check [AWS] KEY/SECRET, AWS_PROFILE or AWS_ACCESS_KEY_ID, and that region ${region ?? '(none)'} is enabled for the account.`,
    );
  }
  if (code === 'ENOTFOUND') {
    const host = typeof e.hostname === 'string' ? ` ${e.hostname}` : '';
    return terminal(
      `The AWS endpoint${host} could not be resolved: check [AWS] REGION / AWS_REGION (now ${region ?? 'unset'}) names a real region, and that this machine can reach AWS (network, DNS, proxy).`,
    );
  }
  if (QUOTA.includes(code)) {
    return terminal('An AWS quota was reached: delete unused resources, lower [DWH] DWH_NUM_NODES or DWH_BASE_CAPACITY, or request more in Service Quotas.');
  }
  if (PARAMETER.includes(code)) {
    return terminal('AWS rejected a parameter: check the [DWH] settings (node type, number of nodes, password rules) against the AWS message.');
  }
  return terminal('See the AWS message; fix the cause and run the command again (it resumes where it stopped).');
}

/** The message an AWS error carries, on one line. */
export function awsMessage(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
