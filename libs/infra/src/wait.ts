import type { AwsClients } from './aws-clients.js';
import type { CallContext } from './aws-call.js';
import { StackStateError, WaitTimeoutError } from './errors.js';
import { clusterPhase, observeCluster } from './observe/cluster.js';
import { observeNamespace, observeWorkgroup, serverlessPhase } from './observe/serverless.js';
import type { ObservedCluster, ObservedNamespace, ObservedWorkgroup } from './stack-model.js';

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
}

interface Watch<T extends { status: string }> {
  /** `cluster dwhcluster`, `workgroup dwh-workgroup`. */
  readonly resource: string;
  readonly observe: () => Promise<T | undefined>;
  readonly goal: 'available' | 'deleted';
  /** For `available`: whether this observation is the goal. */
  readonly ready?: (found: T) => boolean;
  /** For `available`: a state the resource does not leave by itself. */
  readonly stuck?: (found: T) => boolean;
}

/**
 * Polls until the goal holds. Bounded: throws `WaitTimeoutError` after `timeoutMs`, and `StackStateError` at once
 * for a resource that vanished or will never get there by itself. Progress goes to `ctx.onEvent` once per poll.
 */
async function waitFor<T extends { status: string }>(ctx: CallContext, watch: Watch<T>, options: WaitOptions): Promise<T | undefined> {
  const start = ctx.clock.now();
  for (;;) {
    const found = await watch.observe();
    const state = found?.status ?? (watch.goal === 'deleted' ? 'deleted' : 'missing');
    ctx.onEvent({ type: 'wait', resource: watch.resource, state, elapsedMs: ctx.clock.now() - start, timeoutMs: options.timeoutMs });
    if (watch.goal === 'deleted') {
      if (!found) return undefined;
    } else {
      if (!found) throw new StackStateError(`${watch.resource} disappeared while waiting for it to become available: run status, then up again.`);
      if (watch.ready?.(found)) return found;
      if (watch.stuck?.(found)) {
        throw new StackStateError(`${watch.resource} is '${found.status}' and will not become available by itself: check it in the console, or run down.`);
      }
    }
    const elapsed = ctx.clock.now() - start;
    if (elapsed + options.pollIntervalMs > options.timeoutMs) {
      throw new WaitTimeoutError(
        `${watch.resource} is still '${state}' after ${formatDuration(elapsed)} (limit ${formatDuration(options.timeoutMs)}) waiting for it to be ${watch.goal}. AWS may still finish: run status later, or run the command again with a larger --timeout.`,
      );
    }
    await ctx.clock.sleep(options.pollIntervalMs);
  }
}

/** Until the cluster is available (any `available, …` state) with an endpoint and every IAM role `in-sync`. */
export async function waitForClusterAvailable(clients: AwsClients, ctx: CallContext, identifier: string, options: WaitOptions): Promise<ObservedCluster> {
  const found = await waitFor(
    ctx,
    {
      resource: `cluster ${identifier}`,
      observe: () => observeCluster(clients, ctx, identifier),
      goal: 'available',
      ready: (c) => clusterPhase(c.status) === 'available' && c.endpoint !== undefined && c.rolesInSync,
      stuck: (c) => ['stuck', 'paused', 'deleting'].includes(clusterPhase(c.status)),
    },
    options,
  );
  return found as ObservedCluster;
}

/** Until DescribeClusters says the cluster is gone (through `final-snapshot` and `deleting`). */
export async function waitForClusterDeleted(clients: AwsClients, ctx: CallContext, identifier: string, options: WaitOptions): Promise<void> {
  await waitFor(ctx, { resource: `cluster ${identifier}`, observe: () => observeCluster(clients, ctx, identifier), goal: 'deleted' }, options);
}

export async function waitForNamespaceAvailable(clients: AwsClients, ctx: CallContext, name: string, options: WaitOptions): Promise<ObservedNamespace> {
  const found = await waitFor(
    ctx,
    {
      resource: `namespace ${name}`,
      observe: () => observeNamespace(clients, ctx, name),
      goal: 'available',
      ready: (n) => serverlessPhase(n.status) === 'available',
      stuck: (n) => ['stuck', 'deleting'].includes(serverlessPhase(n.status)),
    },
    options,
  );
  return found as ObservedNamespace;
}

export async function waitForNamespaceDeleted(clients: AwsClients, ctx: CallContext, name: string, options: WaitOptions): Promise<void> {
  await waitFor(ctx, { resource: `namespace ${name}`, observe: () => observeNamespace(clients, ctx, name), goal: 'deleted' }, options);
}

/** Until the workgroup is AVAILABLE with an endpoint. */
export async function waitForWorkgroupAvailable(clients: AwsClients, ctx: CallContext, name: string, options: WaitOptions): Promise<ObservedWorkgroup> {
  const found = await waitFor(
    ctx,
    {
      resource: `workgroup ${name}`,
      observe: () => observeWorkgroup(clients, ctx, name),
      goal: 'available',
      ready: (w) => serverlessPhase(w.status) === 'available' && w.endpoint !== undefined,
      stuck: (w) => ['stuck', 'deleting'].includes(serverlessPhase(w.status)),
    },
    options,
  );
  return found as ObservedWorkgroup;
}

export async function waitForWorkgroupDeleted(clients: AwsClients, ctx: CallContext, name: string, options: WaitOptions): Promise<void> {
  await waitFor(ctx, { resource: `workgroup ${name}`, observe: () => observeWorkgroup(clients, ctx, name), goal: 'deleted' }, options);
}

/** `90_000` → `1m30s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m${s ? `${s}s` : ''}` : `${s}s`;
}
