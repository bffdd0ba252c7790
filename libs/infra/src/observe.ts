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

/** A TCP rule on a security group: `cidr` may reach ports `fromPort`–`toPort`. */
export interface IngressRule {
  readonly cidr: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/** The ingress rules that matter on one of the cluster's security groups. */
export interface ObservedIngress {
  readonly groupId: string;
  /** The configured CIDR's access: `ours` carries the provisioner's description; `foreign` is the same access made by someone else. */
  readonly rule: 'ours' | 'foreign' | 'missing';
  /** Other rules carrying the provisioner's description (an earlier `DWH_INGRESS_CIDR` or port). */
  readonly staleRules: readonly IngressRule[];
}

export interface ObservedStack {
  readonly role: ObservedRole | undefined;
  readonly cluster: ObservedCluster | undefined;
  /** One entry per security group of the cluster; empty when there is no cluster. */
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
  const ingress = cluster ? await observeIngress(clients, ctx, cluster, desired.ingress) : [];
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
  ingress: { cidr: string; port: number } | undefined,
): Promise<ObservedIngress[]> {
  if (cluster.securityGroupIds.length === 0) return [];
  const described = await callAws(ctx, { call: 'DescribeSecurityGroups', resource: `security groups ${cluster.securityGroupIds.join(', ')}` }, () =>
    clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...cluster.securityGroupIds] })),
  );
  return cluster.securityGroupIds.map((groupId) => {
    const group = described.SecurityGroups?.find((g) => g.GroupId === groupId);
    return { groupId, ...rulesFor(group?.IpPermissions ?? [], ingress) };
  });
}

function rulesFor(permissions: readonly IpPermission[], ingress: { cidr: string; port: number } | undefined): Omit<ObservedIngress, 'groupId'> {
  let rule: ObservedIngress['rule'] = 'missing';
  const staleRules: IngressRule[] = [];
  for (const p of permissions) {
    const all = p.IpProtocol === '-1';
    const fromPort = p.FromPort ?? -1;
    const toPort = p.ToPort ?? -1;
    const covers = ingress !== undefined && (all || (p.IpProtocol === 'tcp' && fromPort <= ingress.port && ingress.port <= toPort));
    for (const range of p.IpRanges ?? []) {
      const ours = range.Description === INGRESS_DESCRIPTION;
      if (covers && range.CidrIp === ingress?.cidr) {
        if (ours) rule = 'ours';
        else if (rule === 'missing') rule = 'foreign';
      } else if (ours && p.IpProtocol === 'tcp' && range.CidrIp) {
        staleRules.push({ cidr: range.CidrIp, fromPort, toPort });
      }
    }
  }
  return { rule, staleRules };
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
