/**
 * The stack as data, types only: what the config asks for (`DesiredStack`), what AWS has (`ObservedStack`),
 * what to do about it (`Plan`), and what a long run reports (`InfraEvent`). Every phase (observe → plan → apply)
 * imports these and nothing of each other's, so no phase is typed by a later one.
 */
import type { PolicyDocument } from './s3-access.js';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export type WarehouseKind = 'provisioned' | 'serverless';

/** What `up` converges to, derived from the config alone (no AWS call). */
export interface DesiredStack {
  readonly region: string;
  readonly kind: WarehouseKind;
  readonly role: {
    readonly name: string;
    readonly trustPolicy: PolicyDocument;
    readonly policyName: string;
    readonly policy: PolicyDocument;
    readonly tags: readonly Tag[];
  };
  /** The stack's own security group (in the region's default VPC), created and deleted with the stack. */
  readonly securityGroup: { readonly name: string; readonly description: string; readonly tags: readonly Tag[] };
  readonly cluster: {
    /** Redshift stores identifiers in lower case. */
    readonly identifier: string;
    readonly clusterType: 'single-node' | 'multi-node';
    readonly numNodes: number;
    readonly nodeType: string;
    readonly database: string;
    readonly user: string;
    readonly password: string | undefined;
    readonly port: number;
    readonly publiclyAccessible: boolean;
    readonly encrypted: true;
    readonly tags: readonly Tag[];
  };
  readonly serverless: {
    readonly namespace: string;
    readonly workgroup: string;
    readonly baseCapacity: number;
    readonly database: string;
    readonly user: string;
    readonly password: string | undefined;
    /** AWS makes the admin password and keeps it in Secrets Manager. */
    readonly managedPassword: boolean;
    readonly port: number;
    readonly publiclyAccessible: boolean;
    readonly tags: readonly Tag[];
  };
  /** Undefined when no `[DWH] DWH_INGRESS_CIDR` is configured: the provisioner does not guess one. */
  readonly ingress: { readonly cidr: string; readonly port: number } | undefined;
}

export interface ObservedRole {
  readonly name: string;
  readonly arn: string;
  readonly trustPolicy: PolicyDocument | undefined;
  /** Our inline policy (`sparkify-s3-read`), if present. */
  readonly policy: PolicyDocument | undefined;
  /** Every inline policy name and attached managed policy ARN; only listed when observing for `down`. */
  readonly inlinePolicyNames: readonly string[];
  readonly attachedPolicyArns: readonly string[];
  /** Carries the `created-by=sparkify-provisioner` tag: only such a role is deleted by `down`. */
  readonly madeByProvisioner: boolean;
}

export interface ObservedSecurityGroup {
  readonly groupId: string;
  readonly vpcId: string | undefined;
}

export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

export interface ObservedCluster {
  readonly identifier: string;
  readonly status: string;
  readonly endpoint: Endpoint | undefined;
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

export interface ObservedNamespace {
  readonly name: string;
  /** `AVAILABLE`, `MODIFYING` or `DELETING` (API `Namespace.status`). */
  readonly status: string;
  readonly database: string | undefined;
  readonly user: string | undefined;
  readonly iamRoleArns: readonly string[];
  readonly defaultIamRoleArn: string | undefined;
  /** Set when AWS manages the admin password. */
  readonly adminPasswordSecretArn: string | undefined;
}

export interface ObservedWorkgroup {
  readonly name: string;
  /** `CREATING`, `AVAILABLE`, `MODIFYING` or `DELETING` (API `Workgroup.status`). */
  readonly status: string;
  readonly namespace: string | undefined;
  readonly endpoint: Endpoint | undefined;
  readonly baseCapacity: number | undefined;
  readonly publiclyAccessible: boolean;
  readonly securityGroupIds: readonly string[];
}

/** A TCP rule on a security group: `cidr` may reach ports `fromPort`–`toPort`. */
export interface IngressRule {
  readonly cidr: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/** The ingress rules that matter on one security group of the stack. */
export interface ObservedIngress {
  readonly groupId: string;
  /** The configured CIDR's access: `ours` carries the provisioner's description; `foreign` is the same access made by someone else. */
  readonly rule: 'ours' | 'foreign' | 'missing';
  /** The exact rule behind `ours`, as EC2 lists it (revoked as listed, so nothing is left open). */
  readonly ourRule?: IngressRule;
  /** Other rules carrying the provisioner's description (an earlier `DWH_INGRESS_CIDR` or port). */
  readonly staleRules: readonly IngressRule[];
}

export interface ObservedStack {
  readonly role: ObservedRole | undefined;
  readonly securityGroup: ObservedSecurityGroup | undefined;
  readonly cluster: ObservedCluster | undefined;
  readonly namespace: ObservedNamespace | undefined;
  readonly workgroup: ObservedWorkgroup | undefined;
  /** One entry per security group of the stack (ours, and any other the cluster or workgroup uses). */
  readonly ingress: readonly ObservedIngress[];
}

/** One thing `apply` does. Pure data: the plan can be printed, compared in tests, and executed. */
export type Action =
  | { readonly kind: 'create-role' }
  | { readonly kind: 'update-trust-policy' }
  | { readonly kind: 'put-role-policy' }
  | { readonly kind: 'create-security-group' }
  | { readonly kind: 'delete-security-group'; readonly groupId: string }
  | { readonly kind: 'create-cluster' }
  | { readonly kind: 'resume-cluster' }
  | { readonly kind: 'attach-role' }
  | { readonly kind: 'use-security-group' }
  | { readonly kind: 'wait-cluster-available' }
  | { readonly kind: 'wait-cluster-deleted' }
  | { readonly kind: 'delete-cluster'; readonly finalSnapshotId: string | undefined }
  | { readonly kind: 'create-namespace' }
  | { readonly kind: 'update-namespace-roles' }
  | { readonly kind: 'wait-namespace-available' }
  | { readonly kind: 'wait-namespace-deleted' }
  | { readonly kind: 'delete-namespace'; readonly finalSnapshotId: string | undefined }
  | { readonly kind: 'create-workgroup' }
  | { readonly kind: 'update-workgroup-security-group' }
  | { readonly kind: 'wait-workgroup-available' }
  | { readonly kind: 'wait-workgroup-deleted' }
  | { readonly kind: 'delete-workgroup' }
  /** `groupId` is undefined when the stack's security group does not exist yet: apply reads it once it is made. */
  | { readonly kind: 'authorize-ingress'; readonly groupId: string | undefined }
  | { readonly kind: 'revoke-ingress'; readonly groupId: string; readonly rule: IngressRule }
  | { readonly kind: 'delete-role-policy'; readonly policyName: string }
  | { readonly kind: 'detach-role-policy'; readonly policyArn: string }
  | { readonly kind: 'delete-role' };

export type Change = 'create' | 'update' | 'delete' | 'wait' | 'none' | 'skip' | 'blocked';

export type ResourceKind = 'iam-role' | 'role-policy' | 'security-group' | 'cluster' | 'namespace' | 'workgroup' | 'ingress';

export interface PlanStep {
  readonly resource: ResourceKind;
  /** Human name of the resource: `dwhRole`, `dwhcluster`, `203.0.113.7/32 → tcp/5439`. */
  readonly name: string;
  readonly change: Change;
  /** Why, in a few words. */
  readonly reason: string;
  /** Undefined for steps that only report (`none`, `skip`, `blocked`). */
  readonly action?: Action;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /** Differences `up` reports but does not change (node type, node count, …). */
  readonly notes: readonly string[];
}

/** How `down` ends a cluster or namespace: a final snapshot with this identifier, or none. */
export type SnapshotChoice = { readonly finalSnapshotId: string } | { readonly skipFinalSnapshot: true };

/** What a long run reports while it works; the CLI turns these into progress lines. */
export type InfraEvent =
  | { readonly type: 'retry'; readonly call: string; readonly code: string; readonly attempt: number; readonly maxAttempts: number; readonly delayMs: number }
  | { readonly type: 'wait'; readonly resource: string; readonly state: string; readonly elapsedMs: number; readonly timeoutMs: number }
  | { readonly type: 'step'; readonly step: PlanStep };

export type EventSink = (event: InfraEvent) => void;
