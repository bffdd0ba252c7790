import { samePolicy, trustsRedshift } from './s3-access.js';
import type { DesiredStack, ObservedStack, ResourceKind } from './stack-model.js';

export interface StatusRow {
  readonly resource: ResourceKind;
  readonly name: string;
  /** `present`, `missing`, a cluster or workgroup status (`available`, `AVAILABLE`, `creating`, …), `authorized`, `differs`, … */
  readonly state: string;
  readonly detail: string;
}

/** One row per resource of the stack, from an observation. Pure. */
export function statusRows(observed: ObservedStack, desired: DesiredStack): StatusRow[] {
  const { role, cluster, namespace, workgroup, securityGroup } = observed;
  const rows: StatusRow[] = [];
  const trusted = trustsRedshift(role?.trustPolicy);
  rows.push(
    role
      ? { resource: 'iam-role', name: role.name, state: trusted ? 'present' : 'differs', detail: trusted ? role.arn : `${role.arn}; Redshift may not assume it` }
      : { resource: 'iam-role', name: desired.role.name, state: 'missing', detail: '' },
  );
  const policyName = `${desired.role.name}/${desired.role.policyName}`;
  const same = samePolicy(role?.policy, desired.role.policy);
  rows.push({
    resource: 'role-policy',
    name: policyName,
    state: !role?.policy ? 'missing' : same ? 'present' : 'differs',
    detail: !role?.policy ? '' : same ? 'read-only access to the configured S3 locations' : 'grants other S3 access than the config needs',
  });
  rows.push(
    securityGroup
      ? { resource: 'security-group', name: desired.securityGroup.name, state: 'present', detail: `${securityGroup.groupId}${securityGroup.vpcId ? ` in ${securityGroup.vpcId}` : ''}` }
      : { resource: 'security-group', name: desired.securityGroup.name, state: 'missing', detail: '' },
  );
  const roleNote = (arns: readonly string[]) => (!role ? 'role missing' : arns.includes(role.arn) ? 'role attached' : 'role NOT attached');
  if (desired.kind === 'provisioned') {
    rows.push(
      cluster
        ? {
            resource: 'cluster',
            name: cluster.identifier,
            state: cluster.status,
            detail: [
              cluster.endpoint ? `${cluster.endpoint.address}:${cluster.endpoint.port}` : 'no endpoint yet',
              `${cluster.numNodes ?? '?'} × ${cluster.nodeType ?? '?'}`,
              cluster.encrypted ? 'encrypted' : 'NOT encrypted',
              cluster.publiclyAccessible ? 'publicly accessible' : 'private',
              roleNote(cluster.iamRoleArns),
            ].join(', '),
          }
        : { resource: 'cluster', name: desired.cluster.identifier, state: 'missing', detail: '' },
    );
  } else {
    rows.push(
      namespace
        ? {
            resource: 'namespace',
            name: namespace.name,
            state: namespace.status,
            detail: [
              `db ${namespace.database ?? '?'}, admin ${namespace.user ?? '?'}`,
              'encrypted',
              role && namespace.defaultIamRoleArn === role.arn ? 'role is the default' : roleNote(namespace.iamRoleArns),
              ...(namespace.adminPasswordSecretArn ? [`password in ${namespace.adminPasswordSecretArn}`] : []),
            ].join(', '),
          }
        : { resource: 'namespace', name: desired.serverless.namespace, state: 'missing', detail: '' },
    );
    rows.push(
      workgroup
        ? {
            resource: 'workgroup',
            name: workgroup.name,
            state: workgroup.status,
            detail: [
              workgroup.endpoint ? `${workgroup.endpoint.address}:${workgroup.endpoint.port}` : 'no endpoint yet',
              `${workgroup.baseCapacity ?? '?'} RPUs`,
              workgroup.publiclyAccessible ? 'publicly accessible' : 'private',
            ].join(', '),
          }
        : { resource: 'workgroup', name: desired.serverless.workgroup, state: 'missing', detail: '' },
    );
  }
  const ingressName = desired.ingress ? `${desired.ingress.cidr} → tcp/${desired.ingress.port}` : 'warehouse port';
  const stale = observed.ingress.flatMap((i) => i.staleRules.map((r) => r.cidr));
  const staleNote = stale.length ? `; old rule${stale.length > 1 ? 's' : ''} for ${stale.join(', ')} (up removes them)` : '';
  const exists = desired.kind === 'provisioned' ? cluster !== undefined : workgroup !== undefined;
  if (!desired.ingress) rows.push({ resource: 'ingress', name: ingressName, state: 'not configured', detail: `set [DWH] DWH_INGRESS_CIDR${staleNote}` });
  else if (!exists) rows.push({ resource: 'ingress', name: ingressName, state: 'missing', detail: desired.kind === 'provisioned' ? 'no cluster' : 'no workgroup' });
  else {
    const found = observed.ingress.find((i) => i.rule !== 'missing');
    rows.push(
      found
        ? { resource: 'ingress', name: ingressName, state: 'authorized', detail: `on ${found.groupId}${found.rule === 'foreign' ? ' (not made by the provisioner)' : ''}${staleNote}` }
        : { resource: 'ingress', name: ingressName, state: 'missing', detail: `${observed.ingress.map((i) => i.groupId).join(', ')}${staleNote}` },
    );
  }
  return rows;
}
