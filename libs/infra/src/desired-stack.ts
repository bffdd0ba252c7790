import type { Config } from '@sparkify/config';
import { InfraConfigError } from './errors.js';
import { REDSHIFT_TRUST_POLICY, s3LocationsOf, s3ReadPolicy } from './s3-access.js';
import type { DesiredStack, Tag } from './stack-model.js';

/** Name of the inline policy the provisioner puts on the role. */
export const ROLE_POLICY_NAME = 'sparkify-s3-read';
/** Description put on the ingress rule; `down` revokes only rules that carry it. */
export const INGRESS_DESCRIPTION = 'sparkify-provisioner: Redshift access';

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
  const identifier = cluster.clusterIdentifier.toLowerCase();
  const stackName = cluster.kind === 'serverless' ? cluster.workgroup : identifier;
  return {
    region: aws.region,
    kind: cluster.kind,
    role: {
      name: cluster.iamRoleName,
      trustPolicy: REDSHIFT_TRUST_POLICY,
      policyName: ROLE_POLICY_NAME,
      policy: s3ReadPolicy(s3LocationsOf(config.source)),
      tags,
    },
    securityGroup: {
      name: `sparkify-${stackName}`,
      description: `Access to the Sparkify warehouse ${stackName} (made by sparkify-provisioner)`,
      tags: [...tags, { Key: 'Name', Value: `sparkify-${stackName}` }],
    },
    cluster: {
      identifier,
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
    serverless: {
      namespace: cluster.namespace,
      workgroup: cluster.workgroup,
      baseCapacity: cluster.baseCapacity,
      database: cluster.database,
      user: cluster.user,
      password: cluster.managedPassword ? undefined : cluster.password,
      managedPassword: cluster.managedPassword,
      port: cluster.port,
      publiclyAccessible: cluster.publiclyAccessible,
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
