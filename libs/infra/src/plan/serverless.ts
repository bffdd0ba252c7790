import { serverlessPhase } from '../observe/serverless.js';
import type { DesiredStack, ObservedStack } from '../stack-model.js';
import type { WarehousePart } from './cluster.js';
import { drift, part } from './steps.js';

/**
 * The Serverless namespace (database, admin user, IAM roles: ours is the default role) and its workgroup
 * (compute, network, endpoint). The namespace must be AVAILABLE before a workgroup is made in it.
 */
export function planServerless(observed: ObservedStack, desired: DesiredStack): WarehousePart {
  const p = part();
  const { role, namespace, workgroup, securityGroup } = observed;
  const d = desired.serverless;
  const nsPhase = namespace ? serverlessPhase(namespace.status) : undefined;
  if (!namespace) {
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'create', reason: namespaceSummary(desired), action: { kind: 'create-namespace' } });
  } else if (nsPhase === 'deleting') {
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'wait', reason: 'being deleted', action: { kind: 'wait-namespace-deleted' } });
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'create', reason: namespaceSummary(desired), action: { kind: 'create-namespace' } });
  } else if (nsPhase === 'stuck') {
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'blocked', reason: `in state '${namespace.status}', which up cannot work from: check it in the Redshift Serverless console or run down` });
    return { ...p, usable: false };
  } else {
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'none', reason: `exists (${namespace.status})` });
    drift(p.notes, `namespace ${d.namespace}`, 'database', namespace.database, d.database, 'DWH_DB', 'run down then up');
    drift(p.notes, `namespace ${d.namespace}`, 'admin user', namespace.user, d.user, 'DWH_DB_USER', 'run down then up');
    if (!role || !namespace.iamRoleArns.includes(role.arn) || namespace.defaultIamRoleArn !== role.arn) {
      const reason = `make ${desired.role.name} its default IAM role${role ? '' : ' once created'}`;
      p.steps.push({ resource: 'namespace', name: d.namespace, change: 'update', reason, action: { kind: 'update-namespace-roles' } });
    }
  }
  if (p.steps.some((s) => s.action) || nsPhase !== 'available') {
    p.steps.push({ resource: 'namespace', name: d.namespace, change: 'wait', reason: 'until available', action: { kind: 'wait-namespace-available' } });
  }

  const wgPhase = workgroup ? serverlessPhase(workgroup.status) : undefined;
  const before = p.steps.length;
  if (!workgroup) {
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'create', reason: workgroupSummary(desired), action: { kind: 'create-workgroup' } });
  } else if (wgPhase === 'deleting') {
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'wait', reason: 'being deleted', action: { kind: 'wait-workgroup-deleted' } });
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'create', reason: workgroupSummary(desired), action: { kind: 'create-workgroup' } });
  } else if (wgPhase === 'stuck') {
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'blocked', reason: `in state '${workgroup.status}', which up cannot work from: check it in the Redshift Serverless console or run down` });
    return { ...p, usable: false };
  } else {
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'none', reason: `exists (${workgroup.status})` });
    if (workgroup.namespace !== undefined && workgroup.namespace !== d.namespace) {
      p.notes.push(`workgroup ${d.workgroup} belongs to namespace ${workgroup.namespace}, not ${d.namespace} ([DWH] DWH_NAMESPACE); up leaves it.`);
    }
    const remedy = 'change it in the console, or run down then up';
    drift(p.notes, `workgroup ${d.workgroup}`, 'base capacity', workgroup.baseCapacity, d.baseCapacity, 'DWH_BASE_CAPACITY', remedy);
    drift(p.notes, `workgroup ${d.workgroup}`, 'port', workgroup.endpoint?.port, d.port, 'DWH_PORT', remedy);
    drift(p.notes, `workgroup ${d.workgroup}`, 'publicly accessible', workgroup.publiclyAccessible, d.publiclyAccessible, 'DWH_PUBLICLY_ACCESSIBLE', remedy);
    if (!securityGroup || !workgroup.securityGroupIds.includes(securityGroup.groupId)) {
      p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'update', reason: `use security group ${desired.securityGroup.name}`, action: { kind: 'update-workgroup-security-group' } });
    }
  }
  if (p.steps.slice(before).some((s) => s.action) || wgPhase !== 'available') {
    p.steps.push({ resource: 'workgroup', name: d.workgroup, change: 'wait', reason: 'until available', action: { kind: 'wait-workgroup-available' } });
  }
  return { ...p, usable: true };
}

function namespaceSummary(desired: DesiredStack): string {
  const d = desired.serverless;
  const password = d.managedPassword ? 'password kept by AWS in Secrets Manager' : 'password from [DWH] DWH_DB_PASSWORD';
  return `db ${d.database}, admin ${d.user} (${password}), default role ${desired.role.name}, encrypted, tagged`;
}

function workgroupSummary(desired: DesiredStack): string {
  const d = desired.serverless;
  return `in ${d.namespace}, ${d.baseCapacity} RPUs, port ${d.port}, security group ${desired.securityGroup.name}, ${d.publiclyAccessible ? 'publicly accessible' : 'not publicly accessible'}`;
}
