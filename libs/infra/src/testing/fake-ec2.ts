import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { awsError } from './aws-errors.js';
import type { FakeState, FakeGroup, FakeRule, Route } from './fake-state.js';

/**
 * EC2 security groups in one default VPC. Revoking a rule that does not match exactly is answered like AWS does for
 * a default VPC: no error, `Return: false` and the rule under `UnknownIpPermissions` (EC2 API reference).
 */
export function ec2Routes(fake: FakeState): Route[] {
  const group = (id: unknown): FakeGroup => {
    const found = fake.securityGroups.get(String(id));
    if (!found) throw awsError('InvalidGroup.NotFound', `The security group '${String(id)}' does not exist`, 400);
    return found;
  };
  const rulesOf = (i: Record<string, unknown>): FakeRule[] =>
    ((i['IpPermissions'] as IpPermission[]) ?? []).flatMap((p) =>
      (p.IpRanges ?? []).map((r) => ({ protocol: p.IpProtocol ?? 'tcp', fromPort: p.FromPort ?? 0, toPort: p.ToPort ?? 0, cidr: r.CidrIp ?? '', description: r.Description })),
    );
  const same = (a: FakeRule, b: FakeRule) => a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort && a.cidr === b.cidr;
  const shape = (id: string, g: FakeGroup) => ({
    GroupId: id,
    GroupName: g.name,
    VpcId: fake.defaultVpc,
    Tags: g.tags,
    IpPermissions: g.rules.map((r) => ({ IpProtocol: r.protocol, FromPort: r.fromPort, ToPort: r.toPort, IpRanges: [{ CidrIp: r.cidr, Description: r.description }] })),
  });
  return [
    [DescribeVpcsCommand, 'DescribeVpcs', () => ({ Vpcs: fake.defaultVpc ? [{ VpcId: fake.defaultVpc, IsDefault: true }] : [] })],
    [
      DescribeSecurityGroupsCommand,
      'DescribeSecurityGroups',
      (i) => {
        const filters = (i['Filters'] as Array<{ Name: string; Values: string[] }> | undefined) ?? [];
        const byName = filters.find((f) => f.Name === 'group-name')?.Values ?? [];
        if (byName.length > 0) return { SecurityGroups: [...fake.securityGroups].filter(([, g]) => byName.includes(g.name)).map(([id, g]) => shape(id, g)) };
        return { SecurityGroups: ((i['GroupIds'] as string[]) ?? []).map((id) => shape(id, group(id))) };
      },
    ],
    [
      CreateSecurityGroupCommand,
      'CreateSecurityGroup',
      (i) => {
        const name = String(i['GroupName']);
        if ([...fake.securityGroups.values()].some((g) => g.name === name)) throw awsError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${fake.defaultVpc ?? ''}'`, 400);
        const id = `sg-0${(fake.securityGroups.size + 1).toString(16).padStart(8, '0')}`;
        const tags = ((i['TagSpecifications'] as Array<{ Tags?: FakeGroup['tags'] }> | undefined) ?? []).flatMap((t) => t.Tags ?? []);
        fake.securityGroups.set(id, { name, rules: [], tags });
        return { GroupId: id };
      },
    ],
    [
      DeleteSecurityGroupCommand,
      'DeleteSecurityGroup',
      (i) => {
        const id = String(i['GroupId']);
        group(id);
        if (fake.groupInUse(id)) throw awsError('DependencyViolation', `resource ${id} has a dependent object`, 400);
        fake.securityGroups.delete(id);
        return {};
      },
    ],
    [
      AuthorizeSecurityGroupIngressCommand,
      'AuthorizeSecurityGroupIngress',
      (i) => {
        const rules = group(i['GroupId']).rules;
        for (const rule of rulesOf(i)) {
          if (rules.some((r) => same(r, rule))) throw awsError('InvalidPermission.Duplicate', `the specified rule "peer: ${rule.cidr}, TCP, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW" already exists`, 400);
          rules.push(rule);
        }
        return { Return: true };
      },
    ],
    [
      RevokeSecurityGroupIngressCommand,
      'RevokeSecurityGroupIngress',
      (i) => {
        const rules = group(i['GroupId']).rules;
        const unknown: IpPermission[] = [];
        for (const rule of rulesOf(i)) {
          const at = rules.findIndex((r) => same(r, rule));
          if (at < 0) unknown.push({ IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: [{ CidrIp: rule.cidr }] });
          else rules.splice(at, 1);
        }
        return unknown.length ? { Return: false, UnknownIpPermissions: unknown } : { Return: true };
      },
    ],
  ];
}
