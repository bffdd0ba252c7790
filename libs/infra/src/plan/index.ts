import { clusterPhase } from '../observe/cluster.js';
import { serverlessPhase } from '../observe/serverless.js';
import type { DesiredStack, ObservedStack, Plan, PlanStep, SnapshotChoice } from '../stack-model.js';
import { planCluster } from './cluster.js';
import { planRole } from './role.js';
import { planServerless } from './serverless.js';
import { ingressName, ruleName } from './steps.js';

/** Whether a plan would change anything (waits alone are not changes). */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.some((s) => s.change === 'create' || s.change === 'update' || s.change === 'delete');
}

/** The steps `up` takes from `observed` to `desired`. Pure: no I/O. */
export function planUp(observed: ObservedStack, desired: DesiredStack): Plan {
  const role = planRole(observed, desired);
  const group = desired.securityGroup.name;
  const network: PlanStep = observed.securityGroup
    ? { resource: 'security-group', name: group, change: 'none', reason: `exists (${observed.securityGroup.groupId})` }
    : { resource: 'security-group', name: group, change: 'create', reason: "the stack's own group, in the default VPC", action: { kind: 'create-security-group' } };
  const warehouse = desired.kind === 'serverless' ? planServerless(observed, desired) : planCluster(observed, desired);
  const steps: PlanStep[] = [...role.steps, network, ...warehouse.steps];
  const notes: string[] = [...role.notes, ...warehouse.notes];

  const name = ingressName(desired);
  const publiclyAccessible = desired.kind === 'serverless' ? desired.serverless.publiclyAccessible : desired.cluster.publiclyAccessible;
  const what = desired.kind === 'serverless' ? 'workgroup' : 'cluster';
  if (desired.ingress && !publiclyAccessible) {
    notes.push(
      `the ${what} is not publicly accessible, so ${desired.ingress.cidr} reaches it only through a network routed into its VPC (VPN, peering); set [DWH] DWH_PUBLICLY_ACCESSIBLE=true to reach it over the internet.`,
    );
  }
  const ours = observed.securityGroup?.groupId;
  if (!desired.ingress) {
    steps.push({ resource: 'ingress', name, change: 'skip', reason: `no [DWH] DWH_INGRESS_CIDR configured: the ${what} is reachable only from inside its VPC` });
  } else if (!warehouse.usable) {
    steps.push({ resource: 'ingress', name, change: 'skip', reason: `the ${what} is not usable` });
  } else {
    const present = observed.ingress.find((i) => i.groupId === ours && i.rule !== 'missing');
    if (present) steps.push({ resource: 'ingress', name, change: 'none', reason: `authorized on ${present.groupId}` });
    else steps.push({ resource: 'ingress', name, change: 'create', reason: `on ${ours ?? group}`, action: { kind: 'authorize-ingress', groupId: ours } });
  }
  if (warehouse.usable) {
    for (const { groupId, staleRules, ourRule } of observed.ingress) {
      for (const rule of staleRules) {
        steps.push({ resource: 'ingress', name: ruleName(rule), change: 'delete', reason: `made by the provisioner for an earlier setting, on ${groupId}`, action: { kind: 'revoke-ingress', groupId, rule } });
      }
      // A rule an earlier version put on a shared group (the VPC's default): the stack's own group carries it now.
      if (ourRule && groupId !== ours) {
        steps.push({ resource: 'ingress', name: ruleName(ourRule), change: 'delete', reason: `moved to ${group}, off the shared group ${groupId}`, action: { kind: 'revoke-ingress', groupId, rule: ourRule } });
      }
    }
  }
  return { steps, notes };
}

/**
 * The steps `down` takes: ingress rules, the warehouse (and waits), the stack's security group, then the role's
 * policies and the role. Pure.
 */
export function planDown(observed: ObservedStack, desired: DesiredStack, snapshot: SnapshotChoice): Plan {
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const name = ingressName(desired);
  for (const ingress of observed.ingress) {
    if (ingress.ourRule) {
      steps.push({ resource: 'ingress', name: ruleName(ingress.ourRule), change: 'delete', reason: `on ${ingress.groupId}`, action: { kind: 'revoke-ingress', groupId: ingress.groupId, rule: ingress.ourRule } });
    } else if (ingress.rule === 'foreign') {
      notes.push(`ingress ${name} on ${ingress.groupId} was not made by the provisioner: left alone.`);
    }
    for (const rule of ingress.staleRules) {
      steps.push({ resource: 'ingress', name: ruleName(rule), change: 'delete', reason: `on ${ingress.groupId}`, action: { kind: 'revoke-ingress', groupId: ingress.groupId, rule } });
    }
  }
  const finalSnapshotId = 'finalSnapshotId' in snapshot ? snapshot.finalSnapshotId : undefined;
  const reason = finalSnapshotId ? `final snapshot ${finalSnapshotId}` : 'no final snapshot';
  const { cluster, namespace, workgroup } = observed;
  if (cluster) {
    const id = desired.cluster.identifier;
    if (clusterPhase(cluster.status) !== 'deleting') steps.push({ resource: 'cluster', name: id, change: 'delete', reason, action: { kind: 'delete-cluster', finalSnapshotId } });
    else notes.push(`cluster ${id} is already '${cluster.status}': down waits for it instead of deleting it again.`);
    steps.push({ resource: 'cluster', name: id, change: 'wait', reason: 'until deleted', action: { kind: 'wait-cluster-deleted' } });
  }
  if (workgroup) {
    const wg = desired.serverless.workgroup;
    if (serverlessPhase(workgroup.status) !== 'deleting') steps.push({ resource: 'workgroup', name: wg, change: 'delete', reason: 'its endpoint goes with it', action: { kind: 'delete-workgroup' } });
    steps.push({ resource: 'workgroup', name: wg, change: 'wait', reason: 'until deleted', action: { kind: 'wait-workgroup-deleted' } });
  }
  if (namespace) {
    const ns = desired.serverless.namespace;
    if (serverlessPhase(namespace.status) !== 'deleting') steps.push({ resource: 'namespace', name: ns, change: 'delete', reason, action: { kind: 'delete-namespace', finalSnapshotId } });
    steps.push({ resource: 'namespace', name: ns, change: 'wait', reason: 'until deleted', action: { kind: 'wait-namespace-deleted' } });
  }
  if (observed.securityGroup) {
    const groupId = observed.securityGroup.groupId;
    steps.push({ resource: 'security-group', name: desired.securityGroup.name, change: 'delete', reason: groupId, action: { kind: 'delete-security-group', groupId } });
  }
  const role = observed.role;
  if (role && !role.madeByProvisioner) {
    // A role someone else made (`dwhRole` is every course's name): take back only what `up` put on it.
    if (role.inlinePolicyNames.includes(desired.role.policyName)) {
      const policyName = desired.role.policyName;
      steps.push({ resource: 'role-policy', name: `${role.name}/${policyName}`, change: 'delete', reason: 'inline policy put by up', action: { kind: 'delete-role-policy', policyName } });
    }
    notes.push(`IAM role ${role.name} has no created-by=sparkify-provisioner tag, so down leaves it and its other policies alone.`);
  } else if (role) {
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
