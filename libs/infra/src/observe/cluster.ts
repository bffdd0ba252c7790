import { DescribeClustersCommand, type Cluster } from '@aws-sdk/client-redshift';
import type { AwsClients } from '../aws-clients.js';
import { callAwsUnless, CODES, type CallContext } from '../aws-call.js';
import type { ObservedCluster } from '../stack-model.js';

/** The cluster as DescribeClusters reports it, or undefined when it does not exist. Read-only. */
export async function observeCluster(clients: AwsClients, ctx: CallContext, identifier: string): Promise<ObservedCluster | undefined> {
  const described = await callAwsUnless(ctx, { call: 'DescribeClusters', resource: `cluster ${identifier}` }, CODES.clusterNotFound, () =>
    clients.redshift.send(new DescribeClustersCommand({ ClusterIdentifier: identifier })),
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

/**
 * What a cluster status (API `Cluster.ClusterStatus`) means for `up` and the waits: every documented value has a
 * phase; an unknown one is `stuck` (reported, never guessed at).
 */
export type ClusterPhase = 'available' | 'settling' | 'paused' | 'deleting' | 'stuck';

const SETTLING = new Set([
  'creating',
  'modifying',
  'rebooting',
  'resizing',
  'renaming',
  'resuming',
  'updating-hsm',
  'rotating-keys',
  'cancelling-resize',
]);
const GOING = new Set(['deleting', 'final-snapshot']);
const STUCK = new Set([
  'hardware-failure',
  'incompatible-hsm',
  'incompatible-network',
  'incompatible-parameters',
  'incompatible-restore',
  'storage-full',
]);

export function clusterPhase(status: string): ClusterPhase {
  // `available, prep-for-resize` and `available, resize-cleanup` take queries and changes like `available`.
  if (status === 'available' || status.startsWith('available,')) return 'available';
  if (SETTLING.has(status)) return 'settling';
  if (GOING.has(status)) return 'deleting';
  if (status === 'paused') return 'paused';
  if (STUCK.has(status)) return 'stuck';
  return 'stuck';
}
