import { samePolicy, trustsRedshift } from '../s3-access.js';
import type { DesiredStack, ObservedStack } from '../stack-model.js';
import { part, type Part } from './steps.js';

/** The role Redshift assumes and its scoped S3-read policy. */
export function planRole(observed: ObservedStack, desired: DesiredStack): Part {
  const p = part();
  const { role } = observed;
  const roleName = desired.role.name;
  if (!role) p.steps.push({ resource: 'iam-role', name: roleName, change: 'create', reason: 'missing', action: { kind: 'create-role' } });
  else if (!trustsRedshift(role.trustPolicy))
    p.steps.push({ resource: 'iam-role', name: roleName, change: 'update', reason: 'trust policy does not let Redshift assume it', action: { kind: 'update-trust-policy' } });
  else p.steps.push({ resource: 'iam-role', name: roleName, change: 'none', reason: `exists (${role.arn})` });

  const policyName = `${roleName}/${desired.role.policyName}`;
  if (!role?.policy) p.steps.push({ resource: 'role-policy', name: policyName, change: 'create', reason: 'missing', action: { kind: 'put-role-policy' } });
  else if (!samePolicy(role.policy, desired.role.policy))
    p.steps.push({ resource: 'role-policy', name: policyName, change: 'update', reason: 'grants other S3 access than the config needs', action: { kind: 'put-role-policy' } });
  else p.steps.push({ resource: 'role-policy', name: policyName, change: 'none', reason: 'read-only access to the configured S3 locations' });
  return p;
}
