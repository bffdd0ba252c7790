import type { AwsClients } from './aws-clients.js';
import { StackStateError, WaitTimeoutError } from './errors.js';
import { observeCluster, type ObservedCluster } from './observe.js';
import type { CallContext } from './retry.js';

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
}

/** States a cluster does not leave by itself: waiting for `available` from them is pointless. */
const STUCK = /^(incompatible-|hardware-failure|storage-full|paused|final-snapshot|deleting)/;

/**
 * Polls DescribeClusters until the cluster is `available` with every IAM role `in-sync`. Bounded: throws
 * `WaitTimeoutError` after `timeoutMs`. Progress goes to `ctx.onEvent` once per poll.
 */
export async function waitForClusterAvailable(clients: AwsClients, ctx: CallContext, identifier: string, options: WaitOptions): Promise<ObservedCluster> {
  const start = ctx.clock.now();
  for (;;) {
    const cluster = await observeCluster(clients, ctx, identifier);
    const elapsedMs = ctx.clock.now() - start;
    const state = cluster?.status ?? 'missing';
    ctx.onEvent({ type: 'wait', resource: `cluster ${identifier}`, state, elapsedMs, timeoutMs: options.timeoutMs });
    if (!cluster) throw new StackStateError(`cluster ${identifier} disappeared while waiting for it to become available: run status, then up again.`);
    if (cluster.status === 'available' && cluster.endpoint && cluster.rolesInSync) return cluster;
    if (STUCK.test(cluster.status)) {
      throw new StackStateError(`cluster ${identifier} is '${cluster.status}' and will not become available by itself: check it in the Redshift console, or run down.`);
    }
    await pause(ctx, identifier, 'available', state, start, options);
  }
}

/** Polls until DescribeClusters says the cluster is gone. Bounded like `waitForClusterAvailable`. */
export async function waitForClusterDeleted(clients: AwsClients, ctx: CallContext, identifier: string, options: WaitOptions): Promise<void> {
  const start = ctx.clock.now();
  for (;;) {
    const cluster = await observeCluster(clients, ctx, identifier);
    const state = cluster?.status ?? 'deleted';
    ctx.onEvent({ type: 'wait', resource: `cluster ${identifier}`, state, elapsedMs: ctx.clock.now() - start, timeoutMs: options.timeoutMs });
    if (!cluster) return;
    await pause(ctx, identifier, 'deleted', state, start, options);
  }
}

async function pause(ctx: CallContext, identifier: string, goal: string, state: string, start: number, options: WaitOptions): Promise<void> {
  const elapsed = ctx.clock.now() - start;
  if (elapsed + options.pollIntervalMs > options.timeoutMs) {
    throw new WaitTimeoutError(
      `cluster ${identifier} is still '${state}' after ${formatDuration(elapsed)} (limit ${formatDuration(options.timeoutMs)}) waiting for it to be ${goal}. AWS may still finish: run status later, or run the command again with a larger --timeout.`,
    );
  }
  await ctx.clock.sleep(options.pollIntervalMs);
}

/** `90_000` → `1m30s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m${s ? `${s}s` : ''}` : `${s}s`;
}
