import { CreateClusterCommand, DeleteClusterCommand, ModifyClusterCommand, ModifyClusterIamRolesCommand, ResumeClusterCommand } from '@aws-sdk/client-redshift';
import { callAws, callAwsUnless, CODES } from '../aws-call.js';
import type { Action } from '../stack-model.js';
import { waitForClusterAvailable, waitForClusterDeleted } from '../wait.js';
import { stackGroupId } from './network.js';
import { roleArn, whileRolePropagates } from './role.js';
import type { Run } from './run.js';

type ClusterAction = Extract<
  Action,
  { kind: 'create-cluster' | 'resume-cluster' | 'attach-role' | 'use-security-group' | 'wait-cluster-available' | 'wait-cluster-deleted' | 'delete-cluster' }
>;

export async function applyCluster(action: ClusterAction, r: Run): Promise<void> {
  const { clients, ctx } = r;
  const cluster = r.desired.cluster;
  const resource = `cluster ${cluster.identifier}`;
  const id = cluster.identifier;
  switch (action.kind) {
    case 'create-cluster': {
      const arn = await roleArn(r);
      const groupId = await stackGroupId(r);
      // A concurrent run that created it first: ClusterAlreadyExists counts as done; the wait that follows joins it.
      await callAwsUnless(ctx, { call: 'CreateCluster', resource, ...whileRolePropagates(r) }, CODES.clusterExists, () =>
        clients.redshift.send(
          new CreateClusterCommand({
            ClusterIdentifier: id,
            ClusterType: cluster.clusterType,
            NodeType: cluster.nodeType,
            ...(cluster.clusterType === 'multi-node' ? { NumberOfNodes: cluster.numNodes } : {}),
            DBName: cluster.database,
            MasterUsername: cluster.user,
            MasterUserPassword: cluster.password,
            Port: cluster.port,
            IamRoles: [arn],
            DefaultIamRoleArn: arn,
            VpcSecurityGroupIds: [groupId],
            Encrypted: true,
            PubliclyAccessible: cluster.publiclyAccessible,
            Tags: [...cluster.tags],
          }),
        ),
      );
      return;
    }
    case 'resume-cluster':
      await callAws(ctx, { call: 'ResumeCluster', resource }, () => clients.redshift.send(new ResumeClusterCommand({ ClusterIdentifier: id })));
      return;
    case 'attach-role': {
      const arn = await roleArn(r);
      // Changing roles needs an available cluster; one still creating is waited for first.
      await waitForClusterAvailable(clients, ctx, id, r.options.availableWait);
      await callAws(ctx, { call: 'ModifyClusterIamRoles', resource, ...whileRolePropagates(r) }, () =>
        clients.redshift.send(new ModifyClusterIamRolesCommand({ ClusterIdentifier: id, AddIamRoles: [arn], DefaultIamRoleArn: arn })),
      );
      return;
    }
    case 'use-security-group': {
      const groupId = await stackGroupId(r);
      const current = await waitForClusterAvailable(clients, ctx, id, r.options.availableWait);
      const groups = [...new Set([...current.securityGroupIds, groupId])];
      await callAws(ctx, { call: 'ModifyCluster', resource }, () => clients.redshift.send(new ModifyClusterCommand({ ClusterIdentifier: id, VpcSecurityGroupIds: groups })));
      return;
    }
    case 'wait-cluster-available':
      await waitForClusterAvailable(clients, ctx, id, r.options.availableWait);
      return;
    case 'wait-cluster-deleted':
      await waitForClusterDeleted(clients, ctx, id, r.options.deletedWait);
      return;
    case 'delete-cluster':
      await callAwsUnless(ctx, { call: 'DeleteCluster', resource }, CODES.clusterNotFound, () =>
        clients.redshift.send(
          new DeleteClusterCommand(
            action.finalSnapshotId
              ? { ClusterIdentifier: id, SkipFinalClusterSnapshot: false, FinalClusterSnapshotIdentifier: action.finalSnapshotId }
              : { ClusterIdentifier: id, SkipFinalClusterSnapshot: true },
          ),
        ),
      );
      return;
  }
}
