import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { callAws, callAwsUnless, CODES } from '../aws-call.js';
import { INGRESS_DESCRIPTION } from '../desired-stack.js';
import { StackStateError } from '../errors.js';
import { observeSecurityGroup } from '../observe/network.js';
import type { Action } from '../stack-model.js';
import type { Run } from './run.js';

type NetworkAction = Extract<Action, { kind: 'create-security-group' | 'delete-security-group' | 'authorize-ingress' | 'revoke-ingress' }>;

export async function applyNetwork(action: NetworkAction, r: Run): Promise<void> {
  const { clients, ctx, desired } = r;
  switch (action.kind) {
    case 'create-security-group':
      r.state.groupId = await createSecurityGroup(r);
      return;
    case 'delete-security-group':
      // DependencyViolation (network interfaces of a warehouse still going away) is retried with the slow backoff.
      await callAwsUnless(ctx, { call: 'DeleteSecurityGroup', resource: `security group ${action.groupId}` }, CODES.groupNotFound, () =>
        clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: action.groupId })),
      );
      return;
    case 'authorize-ingress': {
      const ingress = desired.ingress;
      if (!ingress) return;
      const groupId = action.groupId ?? (await stackGroupId(r));
      await callAwsUnless(ctx, { call: 'AuthorizeSecurityGroupIngress', resource: `security group ${groupId}` }, CODES.ruleExists, () =>
        clients.ec2.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: [{ IpProtocol: 'tcp', FromPort: ingress.port, ToPort: ingress.port, IpRanges: [{ CidrIp: ingress.cidr, Description: INGRESS_DESCRIPTION }] }],
          }),
        ),
      );
      return;
    }
    case 'revoke-ingress': {
      const { rule, groupId } = action;
      const resource = `security group ${groupId}`;
      const answer = await callAwsUnless(ctx, { call: 'RevokeSecurityGroupIngress', resource }, CODES.ruleNotFound, () =>
        clients.ec2.send(
          new RevokeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: [{ IpProtocol: 'tcp', FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: [{ CidrIp: rule.cidr }] }],
          }),
        ),
      );
      // In a default VPC a rule that does not match exactly is not an error: EC2 answers Return=false and lists it
      // under UnknownIpPermissions, and the access stays open. That must not pass for "revoked".
      if (answer && (answer.Return === false || (answer.UnknownIpPermissions?.length ?? 0) > 0)) {
        throw new StackStateError(
          `RevokeSecurityGroupIngress on ${resource} did not remove ${rule.cidr} → tcp/${rule.fromPort}-${rule.toPort} (EC2 answered that the rule was not revoked): remove it in the EC2 console, then run the command again.`,
        );
      }
      return;
    }
  }
}

/** The stack's security group id: known from this run, else looked up by name. */
export async function stackGroupId(r: Run): Promise<string> {
  if (r.state.groupId) return r.state.groupId;
  const found = await observeSecurityGroup(r.clients, r.ctx, r.desired);
  if (!found) throw new StackStateError(`security group ${r.desired.securityGroup.name} does not exist: run up again.`);
  r.state.groupId = found.groupId;
  return found.groupId;
}

/** Creates the stack's group in the region's default VPC; a concurrent run that made it first counts as done. */
async function createSecurityGroup(r: Run): Promise<string> {
  const { clients, ctx, desired } = r;
  const { name, description, tags } = desired.securityGroup;
  const vpcs = await callAws(ctx, { call: 'DescribeVpcs', resource: `default VPC of ${desired.region}` }, () =>
    clients.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })),
  );
  const vpcId = vpcs.Vpcs?.[0]?.VpcId;
  if (!vpcId) {
    throw new StackStateError(
      `region ${desired.region} has no default VPC, and the provisioner places the warehouse there: create one (aws ec2 create-default-vpc) or use another region.`,
    );
  }
  const created = await callAwsUnless(ctx, { call: 'CreateSecurityGroup', resource: `security group ${name}` }, CODES.groupExists, () =>
    clients.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: name,
        Description: description,
        VpcId: vpcId,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [...tags] }],
      }),
    ),
  );
  return created?.GroupId ?? (await stackGroupId(r));
}
