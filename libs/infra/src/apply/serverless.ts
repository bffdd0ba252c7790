import {
  CreateNamespaceCommand,
  CreateWorkgroupCommand,
  DeleteNamespaceCommand,
  DeleteWorkgroupCommand,
  UpdateNamespaceCommand,
  UpdateWorkgroupCommand,
} from '@aws-sdk/client-redshift-serverless';
import { callAws, callAwsUnless, CODES } from '../aws-call.js';
import type { Action, Tag } from '../stack-model.js';
import { waitForNamespaceAvailable, waitForNamespaceDeleted, waitForWorkgroupAvailable, waitForWorkgroupDeleted } from '../wait.js';
import { stackGroupId } from './network.js';
import { roleArn, whileRolePropagates } from './role.js';
import type { Run } from './run.js';

type ServerlessAction = Extract<
  Action,
  {
    kind:
      | 'create-namespace'
      | 'update-namespace-roles'
      | 'wait-namespace-available'
      | 'wait-namespace-deleted'
      | 'delete-namespace'
      | 'create-workgroup'
      | 'update-workgroup-security-group'
      | 'wait-workgroup-available'
      | 'wait-workgroup-deleted'
      | 'delete-workgroup';
  }
>;

/** Serverless spells tags `{ key, value }`. */
const serverlessTags = (tags: readonly Tag[]) => tags.map((t) => ({ key: t.Key, value: t.Value }));

export async function applyServerless(action: ServerlessAction, r: Run): Promise<void> {
  const { clients, ctx } = r;
  const d = r.desired.serverless;
  const nsResource = `namespace ${d.namespace}`;
  const wgResource = `workgroup ${d.workgroup}`;
  switch (action.kind) {
    case 'create-namespace': {
      const arn = await roleArn(r);
      // Namespaces are always encrypted (an AWS-owned KMS key unless one is given).
      // ConflictException = a concurrent run made it first: done; the wait that follows joins it.
      await callAwsUnless(ctx, { call: 'CreateNamespace', resource: nsResource, ...whileRolePropagates(r) }, CODES.serverlessConflict, () =>
        clients.serverless.send(
          new CreateNamespaceCommand({
            namespaceName: d.namespace,
            dbName: d.database,
            adminUsername: d.user,
            ...(d.managedPassword ? { manageAdminPassword: true } : { adminUserPassword: d.password }),
            iamRoles: [arn],
            defaultIamRoleArn: arn,
            tags: serverlessTags(d.tags),
          }),
        ),
      );
      return;
    }
    case 'update-namespace-roles': {
      const arn = await roleArn(r);
      const current = await waitForNamespaceAvailable(clients, ctx, d.namespace, r.options.availableWait);
      const roles = [...new Set([...current.iamRoleArns, arn])];
      await callAws(ctx, { call: 'UpdateNamespace', resource: nsResource, ...whileRolePropagates(r) }, () =>
        clients.serverless.send(new UpdateNamespaceCommand({ namespaceName: d.namespace, iamRoles: roles, defaultIamRoleArn: arn })),
      );
      return;
    }
    case 'wait-namespace-available':
      await waitForNamespaceAvailable(clients, ctx, d.namespace, r.options.availableWait);
      return;
    case 'wait-namespace-deleted':
      await waitForNamespaceDeleted(clients, ctx, d.namespace, r.options.deletedWait);
      return;
    case 'delete-namespace':
      await callAwsUnless(ctx, { call: 'DeleteNamespace', resource: nsResource }, CODES.serverlessNotFound, () =>
        clients.serverless.send(
          new DeleteNamespaceCommand(action.finalSnapshotId ? { namespaceName: d.namespace, finalSnapshotName: action.finalSnapshotId } : { namespaceName: d.namespace }),
        ),
      );
      return;
    case 'create-workgroup': {
      const groupId = await stackGroupId(r);
      await callAwsUnless(ctx, { call: 'CreateWorkgroup', resource: wgResource }, CODES.serverlessConflict, () =>
        clients.serverless.send(
          new CreateWorkgroupCommand({
            workgroupName: d.workgroup,
            namespaceName: d.namespace,
            baseCapacity: d.baseCapacity,
            port: d.port,
            publiclyAccessible: d.publiclyAccessible,
            securityGroupIds: [groupId],
            tags: serverlessTags(d.tags),
          }),
        ),
      );
      return;
    }
    case 'update-workgroup-security-group': {
      const groupId = await stackGroupId(r);
      const current = await waitForWorkgroupAvailable(clients, ctx, d.workgroup, r.options.availableWait);
      const groups = [...new Set([...current.securityGroupIds, groupId])];
      await callAws(ctx, { call: 'UpdateWorkgroup', resource: wgResource }, () =>
        clients.serverless.send(new UpdateWorkgroupCommand({ workgroupName: d.workgroup, securityGroupIds: groups })),
      );
      return;
    }
    case 'wait-workgroup-available':
      await waitForWorkgroupAvailable(clients, ctx, d.workgroup, r.options.availableWait);
      return;
    case 'wait-workgroup-deleted':
      await waitForWorkgroupDeleted(clients, ctx, d.workgroup, r.options.deletedWait);
      return;
    case 'delete-workgroup':
      await callAwsUnless(ctx, { call: 'DeleteWorkgroup', resource: wgResource }, CODES.serverlessNotFound, () =>
        clients.serverless.send(new DeleteWorkgroupCommand({ workgroupName: d.workgroup })),
      );
      return;
  }
}
