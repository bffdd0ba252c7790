import type { Config } from '@sparkify/config';
import { InfraConfigError } from './errors.js';
import { REDSHIFT_TRUST_POLICY, s3LocationsOf, s3ReadPolicy, type PolicyDocument } from './s3-access.js';

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** Name of the inline policy the provisioner puts on the role. */
export const ROLE_POLICY_NAME = 'sparkify-s3-read';
/** Description put on the ingress rule; `down` revokes only rules that carry it. */
export const INGRESS_DESCRIPTION = 'sparkify-provisioner: Redshift access';

/** What `up` converges to, derived from the config alone (no AWS call). */
export interface DesiredStack {
  readonly region: string;
  readonly role: {
    readonly name: string;
    readonly trustPolicy: PolicyDocument;
    readonly policyName: string;
    readonly policy: PolicyDocument;
    readonly tags: readonly Tag[];
  };
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
  /** Undefined when no `[DWH] DWH_INGRESS_CIDR` is configured: the provisioner does not guess one. */
  readonly ingress: { readonly cidr: string; readonly port: number } | undefined;
}

/**
 * The desired stack. Throws `InfraConfigError` for settings no command may act on (a missing region,
 * `0.0.0.0/0` without `DWH_ALLOW_OPEN_INGRESS=true`).
 */
export function desiredStack(config: Config, options: { defaultOwner?: string } = {}): DesiredStack {
  const { cluster, aws } = config;
  if (!aws.region) {
    throw new InfraConfigError(
      'No AWS region: set [AWS] REGION in the config file or the AWS_REGION environment variable (e.g. us-west-2, where s3://udacity-dend is).',
    );
  }
  const cidr = cluster.ingressCidr;
  if (cidr !== undefined && isOpenCidr(cidr) && !cluster.allowOpenIngress) {
    throw new InfraConfigError(
      `[DWH] DWH_INGRESS_CIDR is ${cidr}, which opens port ${cluster.port} to the whole internet: set your own address (e.g. 203.0.113.7/32), or set [DWH] DWH_ALLOW_OPEN_INGRESS=true to accept that.`,
    );
  }
  const tags: Tag[] = [
    { Key: 'project', Value: 'sparkify' },
    { Key: 'owner', Value: cluster.owner ?? options.defaultOwner ?? 'unknown' },
    { Key: 'created-by', Value: 'sparkify-provisioner' },
  ];
  return {
    region: aws.region,
    role: {
      name: cluster.iamRoleName,
      trustPolicy: REDSHIFT_TRUST_POLICY,
      policyName: ROLE_POLICY_NAME,
      policy: s3ReadPolicy(s3LocationsOf(config.source)),
      tags,
    },
    cluster: {
      identifier: cluster.clusterIdentifier.toLowerCase(),
      clusterType: cluster.clusterType,
      numNodes: cluster.clusterType === 'single-node' ? 1 : cluster.numNodes,
      nodeType: cluster.nodeType,
      database: cluster.database,
      user: cluster.user,
      password: cluster.password,
      port: cluster.port,
      publiclyAccessible: cluster.publiclyAccessible,
      encrypted: true,
      tags,
    },
    ingress: cidr === undefined ? undefined : { cidr, port: cluster.port },
  };
}

function isOpenCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/**
 * Redshift's master password rules, checked before any call so the error names the key instead of echoing AWS.
 * Returns the problem, or undefined when the password is acceptable. Never includes the password itself.
 */
export function passwordProblem(password: string | undefined): string | undefined {
  const key = '[DWH] DWH_DB_PASSWORD';
  if (password === undefined || password === '') return `${key} is not set: the cluster's master password is needed to create it and to write [CLUSTER] DB_PASSWORD.`;
  const rules: string[] = [];
  if (password.length < 8 || password.length > 64) rules.push('8 to 64 characters');
  if (!/[A-Z]/.test(password)) rules.push('an upper-case letter');
  if (!/[a-z]/.test(password)) rules.push('a lower-case letter');
  if (!/[0-9]/.test(password)) rules.push('a digit');
  if (/[^\x21-\x7e]|['"\\/@]/.test(password)) rules.push("only printable ASCII without spaces, ', \", \\, / or @");
  return rules.length ? `${key} does not meet Redshift's rules: it needs ${rules.join(', ')}.` : undefined;
}
