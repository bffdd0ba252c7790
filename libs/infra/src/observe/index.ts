import type { AwsClients } from '../aws-clients.js';
import type { CallContext } from '../aws-call.js';
import type { DesiredStack, ObservedStack } from '../stack-model.js';
import { observeCluster } from './cluster.js';
import { observeIngress, observeSecurityGroup } from './network.js';
import { observeRole } from './role.js';
import { observeNamespace, observeWorkgroup } from './serverless.js';

/** Reads the current state with read-only calls only (Get*, List*, Describe*). */
export async function observeStack(clients: AwsClients, ctx: CallContext, desired: DesiredStack, options: { forDelete?: boolean } = {}): Promise<ObservedStack> {
  const role = await observeRole(clients, ctx, desired, options.forDelete ?? false);
  const securityGroup = await observeSecurityGroup(clients, ctx, desired);
  const serverless = desired.kind === 'serverless';
  const cluster = serverless ? undefined : await observeCluster(clients, ctx, desired.cluster.identifier);
  const namespace = serverless ? await observeNamespace(clients, ctx, desired.serverless.namespace) : undefined;
  const workgroup = serverless ? await observeWorkgroup(clients, ctx, desired.serverless.workgroup) : undefined;
  const groupIds = [...new Set([...(securityGroup ? [securityGroup.groupId] : []), ...(cluster?.securityGroupIds ?? []), ...(workgroup?.securityGroupIds ?? [])])];
  const ingress = await observeIngress(clients, ctx, groupIds, desired.ingress);
  return { role, securityGroup, cluster, namespace, workgroup, ingress };
}

export { clusterPhase, observeCluster, type ClusterPhase } from './cluster.js';
export { observeSecurityGroup } from './network.js';
export { readRoleArn } from './role.js';
export { observeNamespace, observeWorkgroup, serverlessPhase, type ServerlessPhase } from './serverless.js';
