import type { Config } from '@sparkify/config';
import { createAwsClients, destroyAwsClients, type AwsClients } from './aws-clients.js';
import { applyPlan, type ApplyOptions } from './apply/index.js';
import { defaultRetryPolicy, type CallContext, type RetryPolicy } from './aws-call.js';
import { systemClock, type Clock } from './clock.js';
import { warehouseProblems } from './cluster-rules.js';
import { desiredStack, passwordProblem } from './desired-stack.js';
import { InfraConfigError } from './errors.js';
import { writeIniValues } from './ini-edit.js';
import { observeStack } from './observe/index.js';
import { hasChanges, planDown, planUp } from './plan/index.js';
import type { DesiredStack, Endpoint, EventSink, ObservedStack, Plan, SnapshotChoice } from './stack-model.js';
import { statusRows, type StatusRow } from './status.js';

/** How the operations reach AWS and measure time; every field has a production default. */
export interface InfraOptions {
  /** Default: built from `config.aws` (and destroyed afterwards). */
  readonly clients?: AwsClients;
  readonly clock?: Clock;
  readonly retry?: Partial<RetryPolicy>;
  readonly onEvent?: EventSink;
  /** `owner` tag when `[DWH] DWH_OWNER` is not set (the CLI passes the OS user name). */
  readonly defaultOwner?: string;
  /** Bound on each wait for the cluster, namespace or workgroup (available or deleted). Default 40 minutes up, 30 minutes down. */
  readonly timeoutMs?: number;
  /** Pause between DescribeClusters polls. Default 15 s. */
  readonly pollIntervalMs?: number;
}

export interface PlanResult {
  readonly desired: DesiredStack;
  readonly observed: ObservedStack;
  readonly plan: Plan;
  /** Config problems that stop `up` from carrying out this plan (each names its key). */
  readonly problems: readonly string[];
}

export interface UpResult extends PlanResult {
  /** False for `--dry-run`. */
  readonly applied: boolean;
  readonly changed: boolean;
  /** The cluster's or the workgroup's endpoint. */
  readonly endpoint: Endpoint | undefined;
  readonly database: string;
  readonly user: string;
  readonly roleArn: string | undefined;
  /** Serverless with `DWH_MANAGED_PASSWORD`: the Secrets Manager secret that holds the admin password. */
  readonly passwordSecretArn: string | undefined;
  /** The config file `--write-config` rewrote. */
  readonly configWritten: string | undefined;
}

export interface DownResult {
  readonly desired: DesiredStack;
  readonly observed: ObservedStack;
  readonly plan: Plan;
  readonly changed: boolean;
}

export interface StatusResult {
  readonly desired: DesiredStack;
  readonly observed: ObservedStack;
  readonly rows: readonly StatusRow[];
}

/** Observe, then plan what `up` would do. Read-only: no mutating AWS call. */
export async function planStack(config: Config, options: InfraOptions = {}): Promise<PlanResult> {
  assertCreatable(config);
  return session(config, options, ({ clients, ctx, desired }) => planWith(clients, ctx, desired));
}

/** Converges the stack to the config; `dryRun` stops after planning. */
export async function upStack(config: Config, up: { dryRun?: boolean; writeConfig?: boolean }, options: InfraOptions = {}): Promise<UpResult> {
  if (up.writeConfig && !config.file) {
    throw new InfraConfigError('--write-config needs a config file to write to: pass --config FILE (or set SPARKIFY_CONFIG, or run where dwh.cfg is).');
  }
  assertCreatable(config);
  return session(config, options, async ({ clients, ctx, desired }) => {
    const planned = await planWith(clients, ctx, desired);
    const problems = [...planned.problems];
    if (up.writeConfig && !managedPassword(desired)) {
      const problem = passwordProblem(desired.cluster.password);
      if (problem && !problems.includes(problem)) problems.push(problem);
    }
    const changed = hasChanges(planned.plan);
    const base = { ...planned, problems, database: desired.cluster.database, user: desired.cluster.user, changed };
    if (up.dryRun) {
      const { observed } = planned;
      return { ...base, applied: false, endpoint: endpointOf(observed), roleArn: observed.role?.arn, passwordSecretArn: observed.namespace?.adminPasswordSecretArn, configWritten: undefined };
    }
    if (problems.length > 0) throw new InfraConfigError(problems.join('\n'));
    const acts = planned.plan.steps.some((s) => s.action);
    await applyPlan(clients, ctx, planned.plan, planned.observed, desired, applyOptions(options));
    const final = acts ? await observeStack(clients, ctx, desired) : planned.observed;
    const endpoint = endpointOf(final);
    const roleArn = final.role?.arn;
    const passwordSecretArn = final.namespace?.adminPasswordSecretArn;
    let configWritten: string | undefined;
    if (up.writeConfig && config.file && endpoint) {
      // The same keys the loader reads for a cluster: a workgroup endpoint needs no other change on its side.
      const live = desired.kind === 'serverless' ? final.namespace : final.cluster;
      await writeIniValues(config.file, {
        CLUSTER: {
          HOST: endpoint.address,
          DB_NAME: live?.database ?? desired.cluster.database,
          DB_USER: live?.user ?? desired.cluster.user,
          // An AWS-managed password stays in Secrets Manager; the file keeps whatever it had.
          ...(managedPassword(desired) ? {} : { DB_PASSWORD: desired.cluster.password ?? '' }),
          DB_PORT: String(endpoint.port),
        },
        IAM_ROLE: { ARN: roleArn ?? '' },
      });
      configWritten = config.file;
    }
    return { ...base, observed: final, applied: true, endpoint, roleArn, passwordSecretArn, configWritten };
  });
}

/** Each resource of the stack and its state. Read-only. */
export async function stackStatus(config: Config, options: InfraOptions = {}): Promise<StatusResult> {
  return session(config, options, async ({ clients, ctx, desired }) => {
    const observed = await observeStack(clients, ctx, desired);
    return { desired, observed, rows: statusRows(observed, desired) };
  });
}

/** Deletes ingress rules, the cluster or the workgroup and namespace (waiting until they are gone), the security group and the role. Nothing left → nothing done, success. */
export async function downStack(config: Config, down: { snapshot: SnapshotChoice; dryRun?: boolean }, options: InfraOptions = {}): Promise<DownResult> {
  return session(config, options, async ({ clients, ctx, desired }) => {
    const observed = await observeStack(clients, ctx, desired, { forDelete: true });
    const plan = planDown(observed, desired, down.snapshot);
    if (!down.dryRun) await applyPlan(clients, ctx, plan, observed, desired, applyOptions(options));
    return { desired, observed, plan, changed: hasChanges(plan) };
  });
}

interface Session {
  readonly clients: AwsClients;
  readonly ctx: CallContext;
  readonly desired: DesiredStack;
}

async function session<T>(config: Config, options: InfraOptions, body: (s: Session) => Promise<T>): Promise<T> {
  const desired = desiredStack(config, options.defaultOwner === undefined ? {} : { defaultOwner: options.defaultOwner });
  const clients = options.clients ?? createAwsClients(config.aws);
  const ctx: CallContext = {
    clock: options.clock ?? systemClock,
    retry: { ...defaultRetryPolicy, ...options.retry },
    region: desired.region,
    onEvent: options.onEvent ?? (() => undefined),
  };
  try {
    return await body({ clients, ctx, desired });
  } finally {
    if (!options.clients) destroyAwsClients(clients);
  }
}

async function planWith(clients: AwsClients, ctx: CallContext, desired: DesiredStack): Promise<PlanResult> {
  const observed = await observeStack(clients, ctx, desired);
  const plan = planUp(observed, desired);
  const problems: string[] = [];
  const creates = plan.steps.some((s) => s.action?.kind === 'create-cluster' || s.action?.kind === 'create-namespace');
  if (creates && !managedPassword(desired)) {
    const problem = passwordProblem(desired.cluster.password);
    if (problem) problems.push(problem);
  }
  return { desired, observed, plan, problems };
}

function managedPassword(desired: DesiredStack): boolean {
  return desired.kind === 'serverless' && desired.serverless.managedPassword;
}

/** The endpoint the loader connects to: the cluster's, or the workgroup's. */
function endpointOf(observed: ObservedStack): Endpoint | undefined {
  return observed.cluster?.endpoint ?? observed.workgroup?.endpoint;
}

/** CreateCluster / CreateWorkgroup rules (node type, node count, port), before any AWS call. */
function assertCreatable(config: Config): void {
  const problems = warehouseProblems(config.cluster, config.aws.region);
  if (problems.length > 0) throw new InfraConfigError(problems.join('\n'));
}

function applyOptions(options: InfraOptions): ApplyOptions {
  const pollIntervalMs = options.pollIntervalMs ?? 15_000;
  return {
    availableWait: { timeoutMs: options.timeoutMs ?? 40 * 60_000, pollIntervalMs },
    deletedWait: { timeoutMs: options.timeoutMs ?? 30 * 60_000, pollIntervalMs },
  };
}
