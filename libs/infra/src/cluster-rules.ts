import type { ClusterSettings } from '@sparkify/config';

/**
 * CreateCluster's rules that depend on the node type, checked before any AWS call so that the message names the key
 * instead of echoing AWS's `InvalidParameterValue`. Node ranges "with create cluster" from the Management Guide's RA3
 * table (working-with-clusters: ra3.xlplus 1 or 2-16, ra3.4xlarge 2-32, ra3.16xlarge 2-128; ra3.large, added later,
 * 1 or 2-16); the API caps NumberOfNodes at 100. Ports from the API reference (RA3 and Serverless: 5431-5455 or
 * 8191-8215).
 */
const RA3_NODES: Record<string, { readonly singleNode: boolean; readonly maxNodes: number }> = {
  'ra3.large': { singleNode: true, maxNodes: 16 },
  'ra3.xlplus': { singleNode: true, maxNodes: 16 },
  'ra3.4xlarge': { singleNode: false, maxNodes: 32 },
  'ra3.16xlarge': { singleNode: false, maxNodes: 100 },
};

/** Node families AWS no longer creates: DC2 was deprecated in April 2025 (`Invalid node type: dc2.large`). */
const RETIRED = /^(dc1|dc2|ds1|ds2)\./;

/** Regions where a Serverless base capacity above 512 RPUs (up to 1024) is offered (Management Guide, compute capacity). */
const LARGE_BASE_CAPACITY_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1'];

/** Ports an RA3 cluster or a Serverless workgroup accepts. */
export function ra3PortAllowed(port: number): boolean {
  return (port >= 5431 && port <= 5455) || (port >= 8191 && port <= 8215);
}

/**
 * Every problem with the `[DWH]` settings that CreateCluster / CreateWorkgroup would reject; empty when the config
 * can be sent as is. `plan` and `up` check it first; `status` and `down` do not, so an old stack can still be removed.
 */
export function warehouseProblems(c: ClusterSettings, region?: string): string[] {
  const problems: string[] = [];
  if (!ra3PortAllowed(c.port)) {
    const what = c.kind === 'serverless' ? 'a Serverless workgroup' : 'an RA3 cluster';
    problems.push(`[DWH] DWH_PORT is ${c.port}, which ${what} does not accept: use 5439 (the default) or another port in 5431-5455 or 8191-8215.`);
  }
  if (c.kind === 'serverless') {
    if (c.baseCapacity > 512 && region !== undefined && !LARGE_BASE_CAPACITY_REGIONS.includes(region)) {
      problems.push(`[DWH] DWH_BASE_CAPACITY is ${c.baseCapacity}, but in ${region} a workgroup's base capacity is at most 512 RPUs (above 512 only in ${LARGE_BASE_CAPACITY_REGIONS.join(', ')}).`);
    }
    return problems;
  }
  if (RETIRED.test(c.nodeType)) {
    problems.push(
      `[DWH] DWH_NODE_TYPE is ${c.nodeType}, which AWS no longer creates (DC2 was deprecated in April 2025; CreateCluster answers "Invalid node type"): ` +
        'set DWH_NODE_TYPE=ra3.large (1 node, or 2-16) or ra3.xlplus, or set DWH_KIND=serverless. The rest of a seed dwh.cfg can stay as it is.',
    );
    return problems;
  }
  const ra3 = RA3_NODES[c.nodeType];
  if (ra3 && c.clusterType === 'single-node' && !ra3.singleNode) {
    problems.push(`[DWH] DWH_CLUSTER_TYPE is single-node, but ${c.nodeType} clusters have 2 to ${ra3.maxNodes} nodes: set DWH_CLUSTER_TYPE=multi-node, or DWH_NODE_TYPE=ra3.large or ra3.xlplus for one node.`);
  }
  if (ra3 && c.clusterType === 'multi-node' && c.numNodes > ra3.maxNodes) {
    problems.push(`[DWH] DWH_NUM_NODES is ${c.numNodes}, but a multi-node ${c.nodeType} cluster has 2 to ${ra3.maxNodes} nodes.`);
  }
  return problems;
}

/**
 * A final snapshot identifier both CreateCluster's `FinalClusterSnapshotIdentifier` and DeleteNamespace's
 * `finalSnapshotName` accept; undefined when it is fine.
 */
export function snapshotIdProblem(id: string): string | undefined {
  if (/^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}$/.test(id) && !id.endsWith('-')) return undefined;
  return 'a snapshot identifier is 1-255 letters, digits or hyphens, starts with a letter, has no "--" and does not end with "-".';
}
