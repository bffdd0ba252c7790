import type { AwsClients } from '../aws-clients.js';
import type { CallContext } from '../aws-call.js';
import { StackStateError } from '../errors.js';
import type { Action, DesiredStack, ObservedStack, Plan } from '../stack-model.js';
import { applyCluster } from './cluster.js';
import { applyNetwork } from './network.js';
import { applyRole } from './role.js';
import type { ApplyOptions, Run } from './run.js';
import { applyServerless } from './serverless.js';

export type { ApplyOptions } from './run.js';
export { ROLE_PROPAGATION_WINDOW_MS } from './role.js';

/** Runs the plan's actions in order. Each action tolerates "already done" answers, so a rerun (or a concurrent run) is safe. */
export async function applyPlan(clients: AwsClients, ctx: CallContext, plan: Plan, observed: ObservedStack, desired: DesiredStack, options: ApplyOptions): Promise<void> {
  const blocked = plan.steps.find((s) => s.change === 'blocked');
  if (blocked) throw new StackStateError(`${blocked.resource} ${blocked.name} is ${blocked.reason}.`);
  const run: Run = { clients, ctx, desired, options, state: { roleArn: observed.role?.arn, roleChangedAt: undefined, groupId: observed.securityGroup?.groupId } };
  for (const step of plan.steps) {
    if (!step.action) continue;
    ctx.onEvent({ type: 'step', step });
    await dispatch(step.action, run);
  }
}

/** Each action goes to the file of its resource. */
function dispatch(action: Action, r: Run): Promise<void> {
  switch (action.kind) {
    case 'create-role':
    case 'update-trust-policy':
    case 'put-role-policy':
    case 'delete-role-policy':
    case 'detach-role-policy':
    case 'delete-role':
      return applyRole(action, r);
    case 'create-security-group':
    case 'delete-security-group':
    case 'authorize-ingress':
    case 'revoke-ingress':
      return applyNetwork(action, r);
    case 'create-cluster':
    case 'resume-cluster':
    case 'attach-role':
    case 'use-security-group':
    case 'wait-cluster-available':
    case 'wait-cluster-deleted':
    case 'delete-cluster':
      return applyCluster(action, r);
    default:
      return applyServerless(action, r);
  }
}
