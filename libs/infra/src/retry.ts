import type { Clock } from './clock.js';
import { AwsCallError, awsMessage, classifyAwsError } from './errors.js';
import type { EventSink } from './events.js';

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
}

/**
 * Runs one AWS call, retrying transient failures with exponential backoff and "equal jitter"
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
