import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  ModifyClusterCommand,
  ModifyClusterIamRolesCommand,
  ResumeClusterCommand,
} from '@aws-sdk/client-redshift';
import { awsError } from './aws-errors.js';
import type { FakeCluster, FakeState, Route } from './fake-state.js';

/** Redshift clusters: `creating → available`, `final-snapshot`/`deleting → gone` over several DescribeClusters answers. */
export function redshiftRoutes(fake: FakeState): Route[] {
  const cluster = (identifier: unknown): FakeCluster => {
    const found = fake.clusters.get(String(identifier).toLowerCase());
    if (!found) throw awsError('ClusterNotFoundFault', `Cluster ${String(identifier)} not found.`, 404);
    return found;
  };
  const shape = (id: string, c: FakeCluster) => ({
    ClusterIdentifier: id.toLowerCase(),
    ClusterStatus: c.status,
    NodeType: c.input['NodeType'],
    NumberOfNodes: (c.input['NumberOfNodes'] as number | undefined) ?? 1,
    DBName: c.input['DBName'],
    MasterUsername: c.input['MasterUsername'],
    Encrypted: c.input['Encrypted'] === true,
    PubliclyAccessible: c.input['PubliclyAccessible'] === true,
    Endpoint: c.status !== 'creating' ? { Address: `${id.toLowerCase()}.abc123xyz.${fake.region}.redshift.amazonaws.com`, Port: (c.input['Port'] as number | undefined) ?? 5439 } : undefined,
    IamRoles: c.roleArns.map((arn) => ({ IamRoleArn: arn, ApplyStatus: c.addingRoles.includes(arn) ? 'adding' : 'in-sync' })),
    VpcSecurityGroups: c.securityGroupIds.map((g) => ({ VpcSecurityGroupId: g, Status: 'active' })),
    Tags: c.input['Tags'],
  });
  const settle = (c: FakeCluster, status: string, polls: number) => {
    c.status = status;
    c.pollsLeft = polls;
  };
  return [
    [
      DescribeClustersCommand,
      'DescribeClusters',
      (i) => {
        const id = String(i['ClusterIdentifier']).toLowerCase();
        const c = cluster(id);
        if (c.pollsLeft > 0) {
          c.pollsLeft -= 1;
          if (c.pollsLeft === 0) {
            if (c.status === 'deleting' || c.status === 'final-snapshot') fake.clusters.delete(id);
            else c.status = 'available';
          }
        }
        const current = cluster(id);
        const answer = shape(id, current);
        // A role change shows as 'adding' for one answer after the cluster is available again.
        if (current.status === 'available') current.addingRoles = [];
        return { Clusters: [answer] };
      },
    ],
    [
      CreateClusterCommand,
      'CreateCluster',
      (i) => {
        const id = String(i['ClusterIdentifier']).toLowerCase();
        if (fake.clusters.has(id)) throw awsError('ClusterAlreadyExistsFault', 'Cluster already exists', 400);
        // What AWS answers since DC2 was retired (aws-samples/amazon-bedrock-agents-healthcare-lifesciences#122).
        if (/^dc2\./.test(String(i['NodeType']))) throw awsError('InvalidParameterValue', `Invalid node type: ${String(i['NodeType'])}`, 400);
        if (!i['MasterUserPassword']) throw awsError('InvalidParameterValue', 'MasterUserPassword is required', 400);
        const groups = (i['VpcSecurityGroupIds'] as string[] | undefined) ?? [fake.defaultSecurityGroup];
        fake.clusters.set(id, { status: 'creating', pollsLeft: fake.createPolls, input: i, roleArns: [...((i['IamRoles'] as string[]) ?? [])], addingRoles: [], securityGroupIds: groups });
        return { Cluster: shape(id, cluster(id)) };
      },
    ],
    [
      ModifyClusterIamRolesCommand,
      'ModifyClusterIamRoles',
      (i) => {
        const c = cluster(i['ClusterIdentifier']);
        if (c.status !== 'available') throw awsError('InvalidClusterStateFault', `The cluster is in state ${c.status}.`, 400);
        const added = (i['AddIamRoles'] as string[]) ?? [];
        c.roleArns.push(...added);
        c.addingRoles.push(...added);
        settle(c, 'modifying', 1);
        return { Cluster: shape(String(i['ClusterIdentifier']), c) };
      },
    ],
    [
      ModifyClusterCommand,
      'ModifyCluster',
      (i) => {
        const c = cluster(i['ClusterIdentifier']);
        if (c.status !== 'available') throw awsError('InvalidClusterStateFault', `The cluster is in state ${c.status}.`, 400);
        if (i['VpcSecurityGroupIds']) c.securityGroupIds = [...(i['VpcSecurityGroupIds'] as string[])];
        settle(c, 'modifying', 1);
        return { Cluster: shape(String(i['ClusterIdentifier']), c) };
      },
    ],
    [
      ResumeClusterCommand,
      'ResumeCluster',
      (i) => {
        const c = cluster(i['ClusterIdentifier']);
        settle(c, 'resuming', 1);
        return { Cluster: shape(String(i['ClusterIdentifier']), c) };
      },
    ],
    [
      DeleteClusterCommand,
      'DeleteCluster',
      (i) => {
        const c = cluster(i['ClusterIdentifier']);
        if (c.status === 'deleting' || c.status === 'final-snapshot') throw awsError('InvalidClusterStateFault', 'The cluster is already being deleted.', 400);
        const snapshot = i['SkipFinalClusterSnapshot'] !== true;
        if (snapshot) {
          if (!i['FinalClusterSnapshotIdentifier']) throw awsError('InvalidParameterCombination', 'FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is true.', 400);
          fake.snapshots.push(String(i['FinalClusterSnapshotIdentifier']));
        }
        settle(c, snapshot ? 'final-snapshot' : 'deleting', fake.deletePolls);
        return { Cluster: shape(String(i['ClusterIdentifier']), c) };
      },
    ],
  ];
}
