import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { callAws, callAwsUnless, CODES, type CallLabel } from '../aws-call.js';
import { StackStateError } from '../errors.js';
import { readRoleArn } from '../observe/role.js';
import type { Action } from '../stack-model.js';
import type { Run } from './run.js';

/** How long after CreateRole/UpdateAssumeRolePolicy an "invalid IAM role" answer is taken for IAM still propagating. */
export const ROLE_PROPAGATION_WINDOW_MS = 120_000;

type RoleAction = Extract<Action, { kind: 'create-role' | 'update-trust-policy' | 'put-role-policy' | 'delete-role-policy' | 'detach-role-policy' | 'delete-role' }>;

export async function applyRole(action: RoleAction, r: Run): Promise<void> {
  const { clients, ctx, desired, state } = r;
  const role = desired.role;
  const resource = `IAM role ${role.name}`;
  switch (action.kind) {
    case 'create-role': {
      const created = await callAwsUnless(ctx, { call: 'CreateRole', resource }, CODES.iamExists, () =>
        clients.iam.send(
          new CreateRoleCommand({
            RoleName: role.name,
            AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
            Description: 'Lets Amazon Redshift read the Sparkify data from S3 (made by sparkify-provisioner)',
            Tags: [...role.tags],
          }),
        ),
      );
      state.roleArn = created?.Role?.Arn ?? (await roleArn(r));
      state.roleChangedAt = ctx.clock.now();
      return;
    }
    case 'update-trust-policy':
      await callAws(ctx, { call: 'UpdateAssumeRolePolicy', resource }, () =>
        clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role.name, PolicyDocument: JSON.stringify(role.trustPolicy) })),
      );
      state.roleChangedAt = ctx.clock.now();
      return;
    case 'put-role-policy':
      await callAws(ctx, { call: 'PutRolePolicy', resource: `${resource} policy ${role.policyName}` }, () =>
        clients.iam.send(new PutRolePolicyCommand({ RoleName: role.name, PolicyName: role.policyName, PolicyDocument: JSON.stringify(role.policy) })),
      );
      return;
    case 'detach-role-policy':
      await callAwsUnless(ctx, { call: 'DetachRolePolicy', resource }, CODES.iamNotFound, () =>
        clients.iam.send(new DetachRolePolicyCommand({ RoleName: role.name, PolicyArn: action.policyArn })),
      );
      return;
    case 'delete-role-policy':
      await callAwsUnless(ctx, { call: 'DeleteRolePolicy', resource }, CODES.iamNotFound, () =>
        clients.iam.send(new DeleteRolePolicyCommand({ RoleName: role.name, PolicyName: action.policyName })),
      );
      return;
    case 'delete-role':
      await callAwsUnless(ctx, { call: 'DeleteRole', resource }, CODES.iamNotFound, () => clients.iam.send(new DeleteRoleCommand({ RoleName: role.name })));
      return;
  }
}

/** The role's ARN: known from this run, else read with GetRole. */
export async function roleArn(r: Run): Promise<string> {
  if (r.state.roleArn) return r.state.roleArn;
  const arn = await readRoleArn(r.clients, r.ctx, r.desired.role.name);
  if (!arn) throw new StackStateError(`IAM role ${r.desired.role.name} has no ARN in GetRole's answer: run up again.`);
  r.state.roleArn = arn;
  return arn;
}

/**
 * For calls that hand Redshift the role: while a role made in this run propagates (bounded by
 * `ROLE_PROPAGATION_WINDOW_MS`), an answer that the role is invalid is retried; after that it is terminal.
 * Redshift says "The IAM role … is not valid" (`InvalidParameterValue`); Serverless answers `ValidationException`.
 */
export function whileRolePropagates(r: Run): Pick<CallLabel, 'transientIf'> {
  const since = r.state.roleChangedAt;
  if (since === undefined) return {};
  const arn = r.state.roleArn;
  return {
    transientIf: (error) =>
      r.ctx.clock.now() - since < ROLE_PROPAGATION_WINDOW_MS &&
      error instanceof Error &&
      /^(InvalidParameter|Validation)/.test(error.name) &&
      (/IAM role/i.test(error.message) || (arn !== undefined && error.message.includes(arn))),
  };
}
