import type { AwsClients } from '../aws-clients.js';
import type { CallContext } from '../aws-call.js';
import type { DesiredStack } from '../stack-model.js';
import type { WaitOptions } from '../wait.js';

export interface ApplyOptions {
  /** Bound on waiting for a resource to become available. */
  readonly availableWait: WaitOptions;
  /** Bound on waiting for a resource to go away. */
  readonly deletedWait: WaitOptions;
}

/** What the actions of one run learn and hand on. */
export interface RunState {
  roleArn: string | undefined;
  /** When the role or its trust policy was made in this run: IAM may not have propagated it to Redshift yet. */
  roleChangedAt: number | undefined;
  /** The stack's own security group, once known. */
  groupId: string | undefined;
}

/** Everything an action needs. */
export interface Run {
  readonly clients: AwsClients;
  readonly ctx: CallContext;
  readonly desired: DesiredStack;
  readonly options: ApplyOptions;
  readonly state: RunState;
}
