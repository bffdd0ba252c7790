import { AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateClusterCommand, DeleteClusterCommand, ModifyClusterIamRolesCommand, ResumeClusterCommand } from '@aws-sdk/client-redshift';
import type { AwsClients } from './aws-clients.js';
import { INGRESS_DESCRIPTION, type DesiredStack } from './desired-stack.js';
import { AwsCallError, StackStateError } from './errors.js';
import type { ObservedStack } from './observe.js';
import { observeCluster } from './observe.js';
import type { Action, Plan } from './plan.js';
import { callAws, type CallContext } from './retry.js';
import { waitForClusterAvailable, waitForClusterDeleted, type WaitOptions } from './wait-for-cluster.js';

export interface ApplyOptions {
  /** Bound on waiting for the cluster to become available. */
  readonly availableWait: WaitOptions;
  /** Bound on waiting for the cluster to go away. */
  readonly deletedWait: WaitOptions;
}

/** Runs the plan's actions in order. Each action tolerates "already done" answers, so a rerun is safe. */
export async function applyPlan(
  clients: AwsClients,
  ctx: CallContext,
  plan: Plan,
  observed: ObservedStack,
  desired: DesiredStack,
  options: ApplyOptions,
): Promise<void> {
  const blocked = plan.steps.find((s) => s.change === 'blocked');
  if (blocked) throw new StackStateError(`${blocked.resource} ${blocked.name} is ${blocked.reason}.`);
  const state: RunState = { roleArn: observed.role?.arn, roleJustChanged: false };
  for (const step of plan.steps) {
    if (!step.action) continue;
    ctx.onEvent({ type: 'step', step });
    await run(step.action, { clients, ctx, desired, options, state });
  }
}

interface RunState {
  roleArn: string | undefined;
  /** The role or its trust policy was made in this run: IAM may not have propagated it to Redshift yet. */
  roleJustChanged: boolean;
}

/**
 * Redshift's answer while a just-made role has not reached it ("The IAM role … is not valid. The IAM role must
 * delegate access to an Amazon Redshift account."); IAM is eventually consistent, so it is retried then.
 */
const roleNotPropagated = (error: unknown): boolean =>
  error instanceof Error && /^InvalidParameter/.test(error.name) && /IAM role/i.test(error.message);

interface Run {
  readonly clients: AwsClients;
  readonly ctx: CallContext;
  readonly desired: DesiredStack;
  readonly options: ApplyOptions;
  readonly state: RunState;
}

async function run(action: Action, r: Run): Promise<void> {
  const { clients, ctx, desired, state } = r;
  const role = desired.role;
  const roleResource = `IAM role ${role.name}`;
  const cluster = desired.cluster;
  const clusterResource = `cluster ${cluster.identifier}`;
  switch (action.kind) {
    case 'create-role': {
      const created = await alreadyDone(['EntityAlreadyExistsException', 'EntityAlreadyExists'], () =>
        callAws(ctx, { call: 'CreateRole', resource: roleResource }, () =>
          clients.iam.send(
            new CreateRoleCommand({
              RoleName: role.name,
              AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
              Description: 'Lets Amazon Redshift read the Sparkify data from S3 (made by sparkify-provisioner)',
              Tags: [...role.tags],
            }),
          ),
        ),
      );
      state.roleArn = created?.Role?.Arn ?? (await roleArn(r));
      state.roleJustChanged = true;
      return;
    }
    case 'update-trust-policy':
      await callAws(ctx, { call: 'UpdateAssumeRolePolicy', resource: roleResource }, () =>
        clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role.name, PolicyDocument: JSON.stringify(role.trustPolicy) })),
      );
      state.roleJustChanged = true;
      return;
    case 'put-role-policy':
      await callAws(ctx, { call: 'PutRolePolicy', resource: `${roleResource} policy ${role.policyName}` }, () =>
        clients.iam.send(new PutRolePolicyCommand({ RoleName: role.name, PolicyName: role.policyName, PolicyDocument: JSON.stringify(role.policy) })),
      );
      return;
    case 'create-cluster': {
      const arn = state.roleArn ?? (await roleArn(r));
      await alreadyDone(['ClusterAlreadyExistsFault', 'ClusterAlreadyExists'], () =>
        callAws(ctx, { call: 'CreateCluster', resource: clusterResource, ...propagation(state) }, () =>
          clients.redshift.send(
            new CreateClusterCommand({
              ClusterIdentifier: cluster.identifier,
              ClusterType: cluster.clusterType,
              NodeType: cluster.nodeType,
              ...(cluster.clusterType === 'multi-node' ? { NumberOfNodes: cluster.numNodes } : {}),
              DBName: cluster.database,
              MasterUsername: cluster.user,
              MasterUserPassword: cluster.password,
              Port: cluster.port,
              IamRoles: [arn],
              Encrypted: true,
              PubliclyAccessible: cluster.publiclyAccessible,
              Tags: [...cluster.tags],
            }),
          ),
        ),
      );
      return;
    }
    case 'resume-cluster':
      await callAws(ctx, { call: 'ResumeCluster', resource: clusterResource }, () =>
        clients.redshift.send(new ResumeClusterCommand({ ClusterIdentifier: cluster.identifier })),
      );
      return;
    case 'attach-role': {
      const arn = state.roleArn ?? (await roleArn(r));
      // Changing roles needs an available cluster; one still creating is waited for first.
      await waitForClusterAvailable(clients, ctx, cluster.identifier, r.options.availableWait);
      await callAws(ctx, { call: 'ModifyClusterIamRoles', resource: clusterResource, ...propagation(state) }, () =>
        clients.redshift.send(new ModifyClusterIamRolesCommand({ ClusterIdentifier: cluster.identifier, AddIamRoles: [arn] })),
      );
      return;
    }
    case 'wait-cluster-available':
      await waitForClusterAvailable(clients, ctx, cluster.identifier, r.options.availableWait);
      return;
    case 'wait-cluster-deleted':
      await waitForClusterDeleted(clients, ctx, cluster.identifier, r.options.deletedWait);
      return;
    case 'authorize-ingress': {
      const ingress = desired.ingress;
      if (!ingress) return;
      const groupId = action.groupId ?? (await clusterSecurityGroup(r));
      await alreadyDone(['InvalidPermission.Duplicate'], () =>
        callAws(ctx, { call: 'AuthorizeSecurityGroupIngress', resource: `security group ${groupId}` }, () =>
          clients.ec2.send(
            new AuthorizeSecurityGroupIngressCommand({
              GroupId: groupId,
              IpPermissions: [
                { IpProtocol: 'tcp', FromPort: ingress.port, ToPort: ingress.port, IpRanges: [{ CidrIp: ingress.cidr, Description: INGRESS_DESCRIPTION }] },
              ],
            }),
          ),
        ),
      );
      return;
    }
    case 'revoke-ingress': {
      const { rule } = action;
      await alreadyDone(['InvalidPermission.NotFound'], () =>
        callAws(ctx, { call: 'RevokeSecurityGroupIngress', resource: `security group ${action.groupId}` }, () =>
          clients.ec2.send(
            new RevokeSecurityGroupIngressCommand({
              GroupId: action.groupId,
              IpPermissions: [{ IpProtocol: 'tcp', FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: [{ CidrIp: rule.cidr }] }],
            }),
          ),
        ),
      );
      return;
    }
    case 'delete-cluster':
      await alreadyDone(['ClusterNotFoundFault', 'ClusterNotFound'], () =>
        callAws(ctx, { call: 'DeleteCluster', resource: clusterResource }, () =>
          clients.redshift.send(
            new DeleteClusterCommand(
              action.finalSnapshotId
                ? { ClusterIdentifier: cluster.identifier, SkipFinalClusterSnapshot: false, FinalClusterSnapshotIdentifier: action.finalSnapshotId }
                : { ClusterIdentifier: cluster.identifier, SkipFinalClusterSnapshot: true },
            ),
          ),
        ),
      );
      return;
    case 'detach-role-policy':
      await alreadyDone(['NoSuchEntityException', 'NoSuchEntity'], () =>
        callAws(ctx, { call: 'DetachRolePolicy', resource: roleResource }, () =>
          clients.iam.send(new DetachRolePolicyCommand({ RoleName: role.name, PolicyArn: action.policyArn })),
        ),
      );
      return;
    case 'delete-role-policy':
      await alreadyDone(['NoSuchEntityException', 'NoSuchEntity'], () =>
        callAws(ctx, { call: 'DeleteRolePolicy', resource: roleResource }, () =>
          clients.iam.send(new DeleteRolePolicyCommand({ RoleName: role.name, PolicyName: action.policyName })),
        ),
      );
      return;
    case 'delete-role':
      await alreadyDone(['NoSuchEntityException', 'NoSuchEntity'], () =>
        callAws(ctx, { call: 'DeleteRole', resource: roleResource }, () => clients.iam.send(new DeleteRoleCommand({ RoleName: role.name }))),
      );
      return;
  }
}

function propagation(state: RunState): { transientIf?: (error: unknown) => boolean } {
  return state.roleJustChanged ? { transientIf: roleNotPropagated } : {};
}

async function roleArn(r: Run): Promise<string> {
  const got = await callAws(r.ctx, { call: 'GetRole', resource: `IAM role ${r.desired.role.name}` }, () =>
    r.clients.iam.send(new GetRoleCommand({ RoleName: r.desired.role.name })),
  );
  const arn = got.Role?.Arn;
  if (!arn) throw new StackStateError(`IAM role ${r.desired.role.name} has no ARN in GetRole's answer: run up again.`);
  r.state.roleArn = arn;
  return arn;
}

async function clusterSecurityGroup(r: Run): Promise<string> {
  const cluster = await observeCluster(r.clients, r.ctx, r.desired.cluster.identifier);
  const groupId = cluster?.securityGroupIds[0];
  if (!groupId) {
    throw new StackStateError(
      `cluster ${r.desired.cluster.identifier} has no VPC security group, so no ingress rule can be added: check its network settings in the Redshift console.`,
    );
  }
  return groupId;
}

/** An "already exists / already gone" answer means the action's goal holds: treat it as success. */
async function alreadyDone<T>(codes: readonly string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AwsCallError && codes.includes(error.code)) return undefined;
    throw error;
  }
}
