import type { DesiredStack } from './desired-stack.js';
import type { ObservedStack } from './observe.js';
import type { ResourceKind } from './plan.js';
import { samePolicy, trustsRedshift } from './s3-access.js';

export interface StatusRow {
  readonly resource: ResourceKind;
  readonly name: string;
  /** `present`, `missing`, a cluster status (`available`, `creating`, …), `authorized`, `differs`, … */
  readonly state: string;
  readonly detail: string;
}

/** One row per resource of the stack, from an observation. Pure. */
export function statusRows(observed: ObservedStack, desired: DesiredStack): StatusRow[] {
  const { role, cluster } = observed;
  const rows: StatusRow[] = [];
  rows.push(
    role
      ? { resource: 'iam-role', name: role.name, state: trustsRedshift(role.trustPolicy) ? 'present' : 'differs', detail: trustsRedshift(role.trustPolicy) ? role.arn : `${role.arn}; Redshift may not assume it` }
      : { resource: 'iam-role', name: desired.role.name, state: 'missing', detail: '' },
  );
  const policyName = `${desired.role.name}/${desired.role.policyName}`;
  rows.push({
    resource: 'role-policy',
    name: policyName,
    state: !role?.policy ? 'missing' : samePolicy(role.policy, desired.role.policy) ? 'present' : 'differs',
    detail: !role?.policy ? '' : samePolicy(role.policy, desired.role.policy) ? 'read-only access to the configured S3 locations' : 'grants other S3 access than the config needs',
  });
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
            !role ? 'role missing' : cluster.iamRoleArns.includes(role.arn) ? 'role attached' : 'role NOT attached',
          ].join(', '),
        }
      : { resource: 'cluster', name: desired.cluster.identifier, state: 'missing', detail: '' },
  );
  const ingressName = desired.ingress ? `${desired.ingress.cidr} → tcp/${desired.ingress.port}` : 'cluster port';
  const stale = observed.ingress.flatMap((i) => i.staleRules.map((r) => r.cidr));
  const staleNote = stale.length ? `; old rule${stale.length > 1 ? 's' : ''} for ${stale.join(', ')} (up removes them)` : '';
  if (!desired.ingress) rows.push({ resource: 'ingress', name: ingressName, state: 'not configured', detail: `set [DWH] DWH_INGRESS_CIDR${staleNote}` });
  else if (!cluster) rows.push({ resource: 'ingress', name: ingressName, state: 'missing', detail: 'no cluster' });
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
