/**
 * The state the per-service fakes share, as types only: each `fake-<service>.ts` reads and changes a `FakeState`
 * (the `FakeControlPlane` that installs it), so no service file imports the class that wires them together.
 */
import type { PolicyDocument } from '../s3-access.js';

export type FakeService = 'iam' | 'redshift' | 'redshift-serverless' | 'ec2';

export interface FakeCall {
  readonly service: FakeService;
  readonly command: string;
  readonly input: Record<string, unknown>;
}

export interface FakeRole {
  trustPolicy: PolicyDocument;
  inline: Map<string, PolicyDocument>;
  attached: string[];
  tags: Array<{ Key?: string; Value?: string }>;
}

export interface FakeCluster {
  status: string;
  /** DescribeClusters answers left before the current transition (`creating`, `deleting`, …) completes. */
  pollsLeft: number;
  input: Record<string, unknown>;
  roleArns: string[];
  /** Roles still being attached: `adding` until the next DescribeClusters. */
  addingRoles: string[];
  securityGroupIds: string[];
}

export interface FakeNamespace {
  status: string;
  pollsLeft: number;
  input: Record<string, unknown>;
  iamRoles: string[];
  defaultIamRoleArn: string | undefined;
}

export interface FakeWorkgroup {
  status: string;
  pollsLeft: number;
  input: Record<string, unknown>;
  securityGroupIds: string[];
}

export interface FakeRule {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
  readonly description: string | undefined;
}

export interface FakeGroup {
  readonly name: string;
  rules: FakeRule[];
  readonly tags: Array<{ Key?: string; Value?: string }>;
}

export type Handler = (input: Record<string, unknown>) => unknown;
/** One modelled command: the SDK command class, its name, and its answer. */
export type Route = [unknown, string, Handler];

/** What the per-service fakes read and change. */
export interface FakeState {
  readonly region: string;
  readonly accountId: string;
  readonly roles: Map<string, FakeRole>;
  readonly clusters: Map<string, FakeCluster>;
  readonly namespaces: Map<string, FakeNamespace>;
  readonly workgroups: Map<string, FakeWorkgroup>;
  readonly securityGroups: Map<string, FakeGroup>;
  readonly snapshots: string[];
  readonly createPolls: number;
  readonly namespaceCreatePolls: number;
  readonly deletePolls: number;
  readonly defaultSecurityGroup: string;
  readonly defaultVpc: string | undefined;
  roleArn(name: string): string;
  groupInUse(groupId: string): boolean;
}
