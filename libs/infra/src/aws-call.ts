import type { Clock } from './clock.js';
import { AwsCallError, awsMessage, classifyAwsError } from './errors.js';
import type { EventSink } from './stack-model.js';

export interface RetryPolicy {
  /** Tries per call, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** For errors that clear in minutes (another change running on the cluster). */
  readonly slowBaseDelayMs: number;
  readonly slowMaxDelayMs: number;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
  slowBaseDelayMs: 10_000,
  slowMaxDelayMs: 60_000,
  random: Math.random,
};

/** What every AWS call needs besides its input. */
export interface CallContext {
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  readonly region: string;
  readonly onEvent: EventSink;
}

/** Which call on which resource, for messages: `CreateCluster` on `cluster dwhcluster`. */
export interface CallLabel {
  readonly call: string;
  readonly resource: string;
  /** Makes an otherwise terminal error transient for this call (e.g. IAM's eventual consistency right after a change). */
  readonly transientIf?: (error: unknown) => boolean;
  /** Codes the caller handles ("already exists", "not found"): thrown at once as `AwsCallError`, never retried. */
  readonly expected?: readonly string[];
}

/** AWS error codes that mean "already there" or "not there", by service (both the class name and the wire code). */
export const CODES = {
  iamNotFound: ['NoSuchEntityException', 'NoSuchEntity'],
  iamExists: ['EntityAlreadyExistsException', 'EntityAlreadyExists'],
  clusterNotFound: ['ClusterNotFoundFault', 'ClusterNotFound'],
  clusterExists: ['ClusterAlreadyExistsFault', 'ClusterAlreadyExists'],
  serverlessNotFound: ['ResourceNotFoundException'],
  /** CreateNamespace/CreateWorkgroup on a name in use (also while it is being deleted: the wait then says so). */
  serverlessConflict: ['ConflictException'],
  groupNotFound: ['InvalidGroup.NotFound'],
  groupExists: ['InvalidGroup.Duplicate'],
  ruleExists: ['InvalidPermission.Duplicate'],
  ruleNotFound: ['InvalidPermission.NotFound'],
} as const;

/**
 * Runs `run`; an `AwsCallError` whose code is in `codes` becomes `undefined` (the goal already holds: "already
 * exists" for a create, "not found" for a read or a delete).
 */
export async function unlessCode<T>(codes: readonly string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AwsCallError && codes.includes(error.code)) return undefined;
    throw error;
  }
}

/**
 * The one door to AWS. Runs one AWS call, retrying transient failures with exponential backoff and "equal jitter"
 * (half fixed, half random), and turning the final failure into an `AwsCallError` that a person can act on.
 * The SDK's own retries are off (`maxAttempts: 1` on the clients) so this is the one policy in force.
 */
export async function callAws<T>(ctx: CallContext, label: CallLabel, send: () => Promise<T>): Promise<T> {
  const { retry } = ctx;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const found = classifyAwsError(error, ctx.region);
      if (label.expected?.includes(found.code)) {
        throw new AwsCallError(`${label.call} on ${label.resource}: ${found.code}`, label.call, label.resource, found.code, 'terminal', { cause: error });
      }
      const classified = found.errorClass === 'terminal' && label.transientIf?.(error) ? { ...found, errorClass: 'transient' as const } : found;
      if (classified.errorClass === 'terminal' || attempt >= retry.maxAttempts) {
        const tries = attempt > 1 ? ` (after ${attempt} tries)` : '';
        throw new AwsCallError(
          `${label.call} on ${label.resource} failed${tries}: ${classified.code}: ${awsMessage(error)} ${classified.hint}`,
          label.call,
          label.resource,
          classified.code,
          classified.errorClass,
          { cause: error },
        );
      }
      const base = classified.slow ? retry.slowBaseDelayMs : retry.baseDelayMs;
      const cap = classified.slow ? retry.slowMaxDelayMs : retry.maxDelayMs;
      const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * retry.random());
      ctx.onEvent({ type: 'retry', call: label.call, code: classified.code, attempt, maxAttempts: retry.maxAttempts, delayMs });
      await ctx.clock.sleep(delayMs);
    }
  }
}

/** `callAws` for a call whose "already done" answer (`codes`) means success: resolves undefined then. */
export function callAwsUnless<T>(ctx: CallContext, label: CallLabel, codes: readonly string[], send: () => Promise<T>): Promise<T | undefined> {
  return unlessCode(codes, () => callAws(ctx, { ...label, expected: codes }, send));
}
