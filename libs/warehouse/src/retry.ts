import { classifyError } from './errors.js';

export interface RetryOptions {
  readonly attempts: number;
  readonly delayMs: number;
  /** Called before each retry, e.g. to print "retrying in 0.5 s". */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `work`, retrying transient failures with exponential backoff; terminal ones are thrown at once. */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= options.attempts || classifyError(error) === 'terminal') throw error;
      const delay = options.delayMs * 2 ** (attempt - 1);
      options.onRetry?.(error, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
