import { GetRoleCommand, GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import type { AwsClients } from '../aws-clients.js';
import { callAws, callAwsUnless, CODES, type CallContext } from '../aws-call.js';
import { decodePolicy } from '../s3-access.js';
import type { DesiredStack, ObservedRole } from '../stack-model.js';

/** The role and our inline policy; with `forDelete`, every inline and attached policy too. Read-only. */
export async function observeRole(clients: AwsClients, ctx: CallContext, desired: DesiredStack, forDelete: boolean): Promise<ObservedRole | undefined> {
  const { name, policyName } = desired.role;
  const resource = `IAM role ${name}`;
  const got = await callAwsUnless(ctx, { call: 'GetRole', resource }, CODES.iamNotFound, () => clients.iam.send(new GetRoleCommand({ RoleName: name })));
  if (!got?.Role) return undefined;
  const inline = await callAwsUnless(ctx, { call: 'GetRolePolicy', resource: `${resource} policy ${policyName}` }, CODES.iamNotFound, () =>
    clients.iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })),
  );
  let inlinePolicyNames: string[] = [];
  let attachedPolicyArns: string[] = [];
  if (forDelete) {
    const listed = await callAws(ctx, { call: 'ListRolePolicies', resource }, () => clients.iam.send(new ListRolePoliciesCommand({ RoleName: name })));
    inlinePolicyNames = listed.PolicyNames ?? [];
    const attached = await callAws(ctx, { call: 'ListAttachedRolePolicies', resource }, () =>
      clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name })),
    );
    attachedPolicyArns = (attached.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : []));
  }
  return {
    name,
    arn: got.Role.Arn ?? '',
    trustPolicy: decodePolicy(got.Role.AssumeRolePolicyDocument),
    policy: decodePolicy(inline?.PolicyDocument),
    inlinePolicyNames,
    attachedPolicyArns,
    madeByProvisioner: (got.Role.Tags ?? []).some((t) => t.Key === 'created-by' && t.Value === 'sparkify-provisioner'),
  };
}

/** The role's ARN, read again (after CreateRole answered "already exists"). */
export async function readRoleArn(clients: AwsClients, ctx: CallContext, name: string): Promise<string | undefined> {
  const got = await callAws(ctx, { call: 'GetRole', resource: `IAM role ${name}` }, () => clients.iam.send(new GetRoleCommand({ RoleName: name })));
  return got.Role?.Arn;
}
