import { clusterPhase } from '../observe/cluster.js';
import type { DesiredStack, ObservedStack } from '../stack-model.js';
import { drift, part, type Part } from './steps.js';

export interface WarehousePart extends Part {
  /** False when the warehouse is in a state `up` cannot work from. */
  readonly usable: boolean;
}

/** The provisioned cluster: create, resume, wait, attach the role and the stack's security group. */
export function planCluster(observed: ObservedStack, desired: DesiredStack): WarehousePart {
  const p = part();
  const { role, cluster, securityGroup } = observed;
  const id = desired.cluster.identifier;
  const phase = cluster ? clusterPhase(cluster.status) : undefined;
  if (!cluster) {
    p.steps.push({ resource: 'cluster', name: id, change: 'create', reason: summary(desired), action: { kind: 'create-cluster' } });
  } else if (phase === 'deleting') {
    p.steps.push({ resource: 'cluster', name: id, change: 'wait', reason: `being deleted (${cluster.status})`, action: { kind: 'wait-cluster-deleted' } });
    p.steps.push({ resource: 'cluster', name: id, change: 'create', reason: summary(desired), action: { kind: 'create-cluster' } });
  } else if (phase === 'paused') {
    p.steps.push({ resource: 'cluster', name: id, change: 'update', reason: 'paused: resume it', action: { kind: 'resume-cluster' } });
  } else if (phase === 'available' || phase === 'settling') {
    p.steps.push({ resource: 'cluster', name: id, change: 'none', reason: `exists (${cluster.status})` });
    p.notes.push(...clusterDrift(observed, desired));
  } else {
    p.steps.push({ resource: 'cluster', name: id, change: 'blocked', reason: `in state '${cluster.status}', which up cannot work from: fix it in the Redshift console or run down` });
    return { ...p, usable: false };
  }
  const existing = cluster !== undefined && phase !== 'deleting';
  if (existing && (!role || !cluster.iamRoleArns.includes(role.arn))) {
    const reason = role ? `attach role ${desired.role.name}` : `attach role ${desired.role.name} once created`;
    p.steps.push({ resource: 'cluster', name: id, change: 'update', reason, action: { kind: 'attach-role' } });
  }
  if (existing && (!securityGroup || !cluster.securityGroupIds.includes(securityGroup.groupId))) {
    p.steps.push({ resource: 'cluster', name: id, change: 'update', reason: `use security group ${desired.securityGroup.name}`, action: { kind: 'use-security-group' } });
  }
  const settled = phase === 'available' && cluster?.rolesInSync === true;
  if (p.steps.some((s) => s.action) || !settled) {
    const reason = phase === 'available' && !cluster?.rolesInSync ? 'until its IAM roles are in sync' : 'until available';
    p.steps.push({ resource: 'cluster', name: id, change: 'wait', reason, action: { kind: 'wait-cluster-available' } });
  }
  return { ...p, usable: true };
}

function summary(desired: DesiredStack): string {
  const c = desired.cluster;
  const nodes = c.clusterType === 'single-node' ? 'single-node' : `${c.numNodes} nodes`;
  return `${nodes} × ${c.nodeType}, db ${c.database}, user ${c.user}, port ${c.port}, encrypted, ${c.publiclyAccessible ? 'publicly accessible' : 'not publicly accessible'}`;
}

function clusterDrift(observed: ObservedStack, desired: DesiredStack): string[] {
  const c = observed.cluster;
  if (!c) return [];
  const d = desired.cluster;
  const notes: string[] = [];
  const resource = `cluster ${d.identifier}`;
  const remedy = 'resize in the console, or run down then up';
  drift(notes, resource, 'node type', c.nodeType, d.nodeType, 'DWH_NODE_TYPE', remedy);
  drift(notes, resource, 'node count', c.numNodes, d.numNodes, 'DWH_NUM_NODES', remedy);
  drift(notes, resource, 'database', c.database, d.database, 'DWH_DB', remedy);
  drift(notes, resource, 'master user', c.user, d.user, 'DWH_DB_USER', remedy);
  drift(notes, resource, 'port', c.endpoint?.port, d.port, 'DWH_PORT', remedy);
  drift(notes, resource, 'publicly accessible', c.publiclyAccessible, d.publiclyAccessible, 'DWH_PUBLICLY_ACCESSIBLE', remedy);
  if (!c.encrypted) notes.push(`cluster ${d.identifier} is not encrypted; up leaves it (enable encryption in the console).`);
  return notes;
}
