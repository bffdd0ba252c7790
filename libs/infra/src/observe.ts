import { DescribeSecurityGroupsCommand, type IpPermission } from '@aws-sdk/client-ec2';
import { GetRoleCommand, GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DescribeClustersCommand, type Cluster } from '@aws-sdk/client-redshift';
import type { AwsClients } from './aws-clients.js';
import { INGRESS_DESCRIPTION, type DesiredStack } from './desired-stack.js';
import { errorCode } from './errors.js';
import { callAws, type CallContext } from './retry.js';
import { decodePolicy, type PolicyDocument } from './s3-access.js';

export interface ObservedRole {
  readonly name: string;
  readonly arn: string;
  readonly trustPolicy: PolicyDocument | undefined;
  /** Our inline policy (`sparkify-s3-read`), if present. */
  readonly policy: PolicyDocument | undefined;
  /** Every inline policy name and attached managed policy ARN; only listed when observing for `down`. */
  readonly inlinePolicyNames: readonly string[];
  readonly attachedPolicyArns: readonly string[];
}

export interface ObservedCluster {
  readonly identifier: string;
  readonly status: string;
  readonly endpoint: { readonly address: string; readonly port: number } | undefined;
  readonly nodeType: string | undefined;
  readonly numNodes: number | undefined;
  readonly database: string | undefined;
  readonly user: string | undefined;
  readonly encrypted: boolean;
  readonly publiclyAccessible: boolean;
  readonly iamRoleArns: readonly string[];
  /** False while a role change is still being applied (`adding`, `removing`). */
  readonly rolesInSync: boolean;
  readonly securityGroupIds: readonly string[];
}

/** The ingress rule for the configured CIDR on one of the cluster's security groups. */
export interface ObservedIngress {
  readonly groupId: string;
  /** `ours`: carries the provisioner's description; `foreign`: same access, made by someone else. */
  readonly rule: 'ours' | 'foreign' | 'missing';
}

export interface ObservedStack {
  readonly role: ObservedRole | undefined;
  readonly cluster: ObservedCluster | undefined;
  /** One entry per security group of the cluster; empty when there is no cluster or no CIDR configured. */
  readonly ingress: readonly ObservedIngress[];
}

/** Reads the current state with read-only calls only (Get*, List*, Describe*). */
export async function observeStack(
  clients: AwsClients,
  ctx: CallContext,
  desired: DesiredStack,
  options: { forDelete?: boolean } = {},
): Promise<ObservedStack> {
  const role = await observeRole(clients, ctx, desired, options.forDelete ?? false);
  const cluster = await observeCluster(clients, ctx, desired.cluster.identifier);
  const ingress = cluster && desired.ingress ? await observeIngress(clients, ctx, cluster, desired.ingress) : [];
  return { role, cluster, ingress };
}

async function observeRole(clients: AwsClients, ctx: CallContext, desired: DesiredStack, forDelete: boolean): Promise<ObservedRole | undefined> {
  const { name, policyName } = desired.role;
  const resource = `IAM role ${name}`;
  const got = await notFoundAsUndefined(['NoSuchEntityException', 'NoSuchEntity'], () =>
    callAws(ctx, { call: 'GetRole', resource }, () => clients.iam.send(new GetRoleCommand({ RoleName: name }))),
  );
  if (!got?.Role) return undefined;
  const inline = await notFoundAsUndefined(['NoSuchEntityException', 'NoSuchEntity'], () =>
    callAws(ctx, { call: 'GetRolePolicy', resource: `${resource} policy ${policyName}` }, () =>
      clients.iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })),
    ),
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
  };
}

/** The cluster as DescribeClusters reports it, or undefined when it does not exist. */
export async function observeCluster(clients: AwsClients, ctx: CallContext, identifier: string): Promise<ObservedCluster | undefined> {
  const described = await notFoundAsUndefined(['ClusterNotFoundFault', 'ClusterNotFound'], () =>
    callAws(ctx, { call: 'DescribeClusters', resource: `cluster ${identifier}` }, () =>
      clients.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: identifier })),
    ),
  );
  const cluster = described?.Clusters?.[0];
  return cluster ? toObservedCluster(cluster, identifier) : undefined;
}

function toObservedCluster(c: Cluster, identifier: string): ObservedCluster {
  return {
    identifier: c.ClusterIdentifier ?? identifier,
    status: c.ClusterStatus ?? 'unknown',
    endpoint: c.Endpoint?.Address ? { address: c.Endpoint.Address, port: c.Endpoint.Port ?? 5439 } : undefined,
    nodeType: c.NodeType,
    numNodes: c.NumberOfNodes,
    database: c.DBName,
    user: c.MasterUsername,
    encrypted: c.Encrypted ?? false,
    publiclyAccessible: c.PubliclyAccessible ?? false,
    iamRoleArns: (c.IamRoles ?? []).flatMap((r) => (r.IamRoleArn && r.ApplyStatus !== 'removing' ? [r.IamRoleArn] : [])),
    rolesInSync: (c.IamRoles ?? []).every((r) => r.ApplyStatus === undefined || r.ApplyStatus === 'in-sync'),
    securityGroupIds: (c.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
  };
}

async function observeIngress(
  clients: AwsClients,
  ctx: CallContext,
  cluster: ObservedCluster,
  ingress: { cidr: string; port: number },
): Promise<ObservedIngress[]> {
  if (cluster.securityGroupIds.length === 0) return [];
  const described = await callAws(ctx, { call: 'DescribeSecurityGroups', resource: `security groups ${cluster.securityGroupIds.join(', ')}` }, () =>
    clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...cluster.securityGroupIds] })),
  );
  return cluster.securityGroupIds.map((groupId) => {
    const group = described.SecurityGroups?.find((g) => g.GroupId === groupId);
    return { groupId, rule: ruleFor(group?.IpPermissions ?? [], ingress) };
  });
}

function ruleFor(permissions: readonly IpPermission[], ingress: { cidr: string; port: number }): ObservedIngress['rule'] {
  let found: ObservedIngress['rule'] = 'missing';
  for (const p of permissions) {
    const all = p.IpProtocol === '-1';
    const covers = all || (p.IpProtocol === 'tcp' && (p.FromPort ?? -1) <= ingress.port && ingress.port <= (p.ToPort ?? -1));
    if (!covers) continue;
    for (const range of p.IpRanges ?? []) {
      if (range.CidrIp !== ingress.cidr) continue;
      if (range.Description === INGRESS_DESCRIPTION) return 'ours';
      found = 'foreign';
    }
  }
  return found;
}

/** Turns "does not exist" errors (after `callAws` wrapped them) into undefined. */
async function notFoundAsUndefined<T>(codes: readonly string[], run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : errorCode(error);
    if (codes.includes(code)) return undefined;
    throw error;
  }
}
