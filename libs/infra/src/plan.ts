import type { DesiredStack } from './desired-stack.js';
import type { IngressRule, ObservedStack } from './observe.js';
import { samePolicy, trustsRedshift } from './s3-access.js';

/** One thing `apply` does. Pure data: the plan can be printed, compared in tests, and executed. */
export type Action =
  | { readonly kind: 'create-role' }
  | { readonly kind: 'update-trust-policy' }
  | { readonly kind: 'put-role-policy' }
  | { readonly kind: 'create-cluster' }
  | { readonly kind: 'resume-cluster' }
  | { readonly kind: 'attach-role' }
  | { readonly kind: 'wait-cluster-available' }
  | { readonly kind: 'wait-cluster-deleted' }
  /** `groupId` is undefined when the cluster does not exist yet: apply reads it once the cluster is made. */
  | { readonly kind: 'authorize-ingress'; readonly groupId: string | undefined }
  | { readonly kind: 'revoke-ingress'; readonly groupId: string; readonly rule: IngressRule }
  | { readonly kind: 'delete-cluster'; readonly finalSnapshotId: string | undefined }
  | { readonly kind: 'delete-role-policy'; readonly policyName: string }
  | { readonly kind: 'detach-role-policy'; readonly policyArn: string }
  | { readonly kind: 'delete-role' };

export type Change = 'create' | 'update' | 'delete' | 'wait' | 'none' | 'skip' | 'blocked';

export type ResourceKind = 'iam-role' | 'role-policy' | 'cluster' | 'ingress';

export interface PlanStep {
  readonly resource: ResourceKind;
  /** Human name of the resource: `dwhRole`, `dwhcluster`, `203.0.113.7/32 → tcp/5439`. */
  readonly name: string;
  readonly change: Change;
  /** Why, in a few words. */
  readonly reason: string;
  /** Undefined for steps that only report (`none`, `skip`, `blocked`). */
  readonly action?: Action;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /** Differences `up` reports but does not change (node type, node count, …). */
  readonly notes: readonly string[];
}

/** Cluster states that clear by themselves: `up` waits for them. */
const SETTLING = new Set(['creating', 'modifying', 'rebooting', 'resizing', 'renaming', 'resuming', 'updating-hsm', 'rotating-keys', 'cancelling-resize']);

/** Whether a plan would change anything (waits alone are not changes). */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.some((s) => s.change === 'create' || s.change === 'update' || s.change === 'delete');
}

/** The steps `up` takes from `observed` to `desired`. Pure: no I/O. */
export function planUp(observed: ObservedStack, desired: DesiredStack): Plan {
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const { role, cluster } = observed;
  const roleName = desired.role.name;
  const clusterId = desired.cluster.identifier;

  if (!role) steps.push({ resource: 'iam-role', name: roleName, change: 'create', reason: 'missing', action: { kind: 'create-role' } });
  else if (!trustsRedshift(role.trustPolicy))
    steps.push({ resource: 'iam-role', name: roleName, change: 'update', reason: 'trust policy does not let Redshift assume it', action: { kind: 'update-trust-policy' } });
  else steps.push({ resource: 'iam-role', name: roleName, change: 'none', reason: `exists (${role.arn})` });

  const policyName = `${roleName}/${desired.role.policyName}`;
  if (!role?.policy)
    steps.push({ resource: 'role-policy', name: policyName, change: 'create', reason: 'missing', action: { kind: 'put-role-policy' } });
  else if (!samePolicy(role.policy, desired.role.policy))
    steps.push({ resource: 'role-policy', name: policyName, change: 'update', reason: 'grants other S3 access than the config needs', action: { kind: 'put-role-policy' } });
  else steps.push({ resource: 'role-policy', name: policyName, change: 'none', reason: 'read-only access to the configured S3 locations' });

  let clusterWillExist = true;
  if (!cluster) {
    steps.push({ resource: 'cluster', name: clusterId, change: 'create', reason: clusterSummary(desired), action: { kind: 'create-cluster' } });
  } else if (cluster.status === 'deleting') {
    steps.push({ resource: 'cluster', name: clusterId, change: 'wait', reason: 'being deleted', action: { kind: 'wait-cluster-deleted' } });
    steps.push({ resource: 'cluster', name: clusterId, change: 'create', reason: clusterSummary(desired), action: { kind: 'create-cluster' } });
  } else if (cluster.status === 'paused') {
    steps.push({ resource: 'cluster', name: clusterId, change: 'update', reason: 'paused: resume it', action: { kind: 'resume-cluster' } });
  } else if (cluster.status === 'available' || SETTLING.has(cluster.status)) {
    steps.push({ resource: 'cluster', name: clusterId, change: 'none', reason: `exists (${cluster.status})` });
    notes.push(...clusterDrift(observed, desired));
  } else {
    clusterWillExist = false;
    steps.push({ resource: 'cluster', name: clusterId, change: 'blocked', reason: `in state '${cluster.status}', which up cannot work from: fix it in the Redshift console or run down` });
  }

  const freshCluster = !cluster || cluster.status === 'deleting';
  if (cluster && !freshCluster && clusterWillExist && role && !cluster.iamRoleArns.includes(role.arn)) {
    steps.push({ resource: 'cluster', name: clusterId, change: 'update', reason: `attach role ${roleName}`, action: { kind: 'attach-role' } });
  } else if (cluster && !freshCluster && clusterWillExist && !role) {
    steps.push({ resource: 'cluster', name: clusterId, change: 'update', reason: `attach role ${roleName} once created`, action: { kind: 'attach-role' } });
  }
  const settled = cluster?.status === 'available' && cluster.rolesInSync;
  if (clusterWillExist && (steps.some((s) => s.resource === 'cluster' && s.action) || !settled)) {
    const reason = cluster?.status === 'available' && !cluster.rolesInSync ? 'until its IAM roles are in sync' : 'until available';
    steps.push({ resource: 'cluster', name: clusterId, change: 'wait', reason, action: { kind: 'wait-cluster-available' } });
  }

  const ingressName = desired.ingress ? `${desired.ingress.cidr} → tcp/${desired.ingress.port}` : 'cluster port';
  if (desired.ingress && !desired.cluster.publiclyAccessible) {
    notes.push(
      `the cluster is not publicly accessible, so ${desired.ingress.cidr} reaches it only through a network routed into its VPC (VPN, peering); set [DWH] DWH_PUBLICLY_ACCESSIBLE=true to reach it over the internet.`,
    );
  }
  if (!desired.ingress) {
    steps.push({ resource: 'ingress', name: ingressName, change: 'skip', reason: 'no [DWH] DWH_INGRESS_CIDR configured: the cluster is reachable only from inside its VPC' });
  } else if (!clusterWillExist) {
    steps.push({ resource: 'ingress', name: ingressName, change: 'skip', reason: 'the cluster is not usable' });
  } else if (freshCluster || observed.ingress.length === 0) {
    steps.push({ resource: 'ingress', name: ingressName, change: 'create', reason: "on the cluster's security group", action: { kind: 'authorize-ingress', groupId: undefined } });
  } else {
    const existing = observed.ingress.find((i) => i.rule !== 'missing');
    const first = observed.ingress[0];
    if (existing) steps.push({ resource: 'ingress', name: ingressName, change: 'none', reason: `authorized on ${existing.groupId}` });
    else if (first) steps.push({ resource: 'ingress', name: ingressName, change: 'create', reason: `on ${first.groupId}`, action: { kind: 'authorize-ingress', groupId: first.groupId } });
  }
  if (clusterWillExist && !freshCluster) {
    for (const { groupId, staleRules } of observed.ingress) {
      for (const rule of staleRules) {
        steps.push({ resource: 'ingress', name: ruleName(rule), change: 'delete', reason: `made by the provisioner for an earlier setting, on ${groupId}`, action: { kind: 'revoke-ingress', groupId, rule } });
      }
    }
  }
  return { steps, notes };
}

function ruleName(rule: IngressRule): string {
  return `${rule.cidr} → tcp/${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
}

function clusterSummary(desired: DesiredStack): string {
  const c = desired.cluster;
  const nodes = c.clusterType === 'single-node' ? 'single-node' : `${c.numNodes} nodes`;
  return `${nodes} × ${c.nodeType}, db ${c.database}, user ${c.user}, port ${c.port}, encrypted, ${c.publiclyAccessible ? 'publicly accessible' : 'not publicly accessible'}`;
}

function clusterDrift(observed: ObservedStack, desired: DesiredStack): string[] {
  const c = observed.cluster;
  if (!c) return [];
  const d = desired.cluster;
  const notes: string[] = [];
  const differs = (what: string, actual: unknown, wanted: unknown, key: string) => {
    if (actual !== undefined && actual !== wanted) {
      notes.push(`cluster ${d.identifier}: ${what} is ${String(actual)}, the config says ${String(wanted)} ([DWH] ${key}); up leaves it (resize in the console, or run down then up).`);
    }
  };
  differs('node type', c.nodeType, d.nodeType, 'DWH_NODE_TYPE');
  differs('node count', c.numNodes, d.numNodes, 'DWH_NUM_NODES');
  differs('database', c.database, d.database, 'DWH_DB');
  differs('master user', c.user, d.user, 'DWH_DB_USER');
  differs('port', c.endpoint?.port, d.port, 'DWH_PORT');
  differs('publicly accessible', c.publiclyAccessible, d.publiclyAccessible, 'DWH_PUBLICLY_ACCESSIBLE');
  if (!c.encrypted) notes.push(`cluster ${d.identifier} is not encrypted; up leaves it (enable encryption in the console).`);
  return notes;
}

/** How `down` ends a cluster: a final snapshot with this identifier, or none. */
export type SnapshotChoice = { readonly finalSnapshotId: string } | { readonly skipFinalSnapshot: true };

/** The steps `down` takes: ingress rule, cluster (and wait), then the role's policies and the role. Pure. */
export function planDown(observed: ObservedStack, desired: DesiredStack, snapshot: SnapshotChoice): Plan {
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const clusterId = desired.cluster.identifier;
  const ingressName = desired.ingress ? `${desired.ingress.cidr} → tcp/${desired.ingress.port}` : 'cluster port';
  for (const ingress of observed.ingress) {
    if (ingress.rule === 'ours' && desired.ingress) {
      const rule = { cidr: desired.ingress.cidr, fromPort: desired.ingress.port, toPort: desired.ingress.port };
      steps.push({ resource: 'ingress', name: ingressName, change: 'delete', reason: `on ${ingress.groupId}`, action: { kind: 'revoke-ingress', groupId: ingress.groupId, rule } });
    } else if (ingress.rule === 'foreign') {
      notes.push(`ingress ${ingressName} on ${ingress.groupId} was not made by the provisioner: left alone.`);
    }
    for (const rule of ingress.staleRules) {
      steps.push({ resource: 'ingress', name: ruleName(rule), change: 'delete', reason: `on ${ingress.groupId}`, action: { kind: 'revoke-ingress', groupId: ingress.groupId, rule } });
    }
  }
  const cluster = observed.cluster;
  if (cluster && cluster.status !== 'deleting') {
    const finalSnapshotId = 'finalSnapshotId' in snapshot ? snapshot.finalSnapshotId : undefined;
    const reason = finalSnapshotId ? `final snapshot ${finalSnapshotId}` : 'no final snapshot';
    steps.push({ resource: 'cluster', name: clusterId, change: 'delete', reason, action: { kind: 'delete-cluster', finalSnapshotId } });
  }
  if (cluster) steps.push({ resource: 'cluster', name: clusterId, change: 'wait', reason: 'until deleted', action: { kind: 'wait-cluster-deleted' } });
  const role = observed.role;
  if (role) {
    for (const policyArn of role.attachedPolicyArns) {
      steps.push({ resource: 'role-policy', name: `${role.name}/${policyArn}`, change: 'delete', reason: 'detach', action: { kind: 'detach-role-policy', policyArn } });
    }
    for (const policyName of role.inlinePolicyNames) {
      steps.push({ resource: 'role-policy', name: `${role.name}/${policyName}`, change: 'delete', reason: 'inline policy', action: { kind: 'delete-role-policy', policyName } });
    }
    steps.push({ resource: 'iam-role', name: role.name, change: 'delete', reason: role.arn, action: { kind: 'delete-role' } });
  }
  return { steps, notes };
}
