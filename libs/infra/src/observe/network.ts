import { DescribeSecurityGroupsCommand, type IpPermission } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../aws-clients.js';
import { callAws, type CallContext } from '../aws-call.js';
import { INGRESS_DESCRIPTION } from '../desired-stack.js';
import type { DesiredStack, IngressRule, ObservedIngress, ObservedSecurityGroup } from '../stack-model.js';

/** The stack's own security group, found by its name (unique per VPC); undefined when absent. Read-only. */
export async function observeSecurityGroup(clients: AwsClients, ctx: CallContext, desired: DesiredStack): Promise<ObservedSecurityGroup | undefined> {
  const { name } = desired.securityGroup;
  const described = await callAws(ctx, { call: 'DescribeSecurityGroups', resource: `security group ${name}` }, () =>
    clients.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] })),
  );
  const group = described.SecurityGroups?.find((g) => g.GroupName === name && g.GroupId);
  return group?.GroupId ? { groupId: group.GroupId, vpcId: group.VpcId } : undefined;
}

/** The ingress that matters on each of `groupIds` (ours and any other group the cluster or workgroup uses). */
export async function observeIngress(
  clients: AwsClients,
  ctx: CallContext,
  groupIds: readonly string[],
  ingress: { cidr: string; port: number } | undefined,
): Promise<ObservedIngress[]> {
  if (groupIds.length === 0) return [];
  const described = await callAws(ctx, { call: 'DescribeSecurityGroups', resource: `security groups ${groupIds.join(', ')}` }, () =>
    clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })),
  );
  return groupIds.map((groupId) => {
    const group = described.SecurityGroups?.find((g) => g.GroupId === groupId);
    return { groupId, ...rulesFor(group?.IpPermissions ?? [], ingress) };
  });
}

function rulesFor(permissions: readonly IpPermission[], ingress: { cidr: string; port: number } | undefined): Omit<ObservedIngress, 'groupId'> {
  let rule: ObservedIngress['rule'] = 'missing';
  let ourRule: IngressRule | undefined;
  const staleRules: IngressRule[] = [];
  for (const p of permissions) {
    const all = p.IpProtocol === '-1';
    const fromPort = p.FromPort ?? -1;
    const toPort = p.ToPort ?? -1;
    const covers = ingress !== undefined && (all || (p.IpProtocol === 'tcp' && fromPort <= ingress.port && ingress.port <= toPort));
    for (const range of p.IpRanges ?? []) {
      const ours = range.Description === INGRESS_DESCRIPTION;
      if (covers && range.CidrIp === ingress?.cidr) {
        if (ours && p.IpProtocol === 'tcp') {
          rule = 'ours';
          ourRule = { cidr: range.CidrIp, fromPort, toPort };
        } else if (rule === 'missing') rule = 'foreign';
      } else if (ours && p.IpProtocol === 'tcp' && range.CidrIp) {
        staleRules.push({ cidr: range.CidrIp, fromPort, toPort });
      }
    }
  }
  return ourRule ? { rule, ourRule, staleRules } : { rule, staleRules };
}
