import type { Config } from '@sparkify/config';
import { testConfig } from '@sparkify/config/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AwsCallError,
  createAwsClients,
  downStack,
  InfraConfigError,
  manualClock,
  planStack,
  s3ReadPolicy,
  StackStateError,
  stackStatus,
  upStack,
  WaitTimeoutError,
  type InfraEvent,
  type InfraOptions,
} from './index.js';
import { awsError, FakeControlPlane } from './testing/index.js';

const PASSWORD = 'Sup3rSecretPw';
const CIDR = '203.0.113.7/32';
const ARN = 'arn:aws:iam::123456789012:role/dwhRole';

function config(overrides: Partial<Config['cluster']> = {}, aws: Partial<Config['aws']> = {}): Config {
  return testConfig({
    aws: { region: 'us-west-2', accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'aws/secret+Example', ...aws },
    cluster: { password: PASSWORD, ingressCidr: CIDR, owner: 'ada', ...overrides },
  });
}

let fake: FakeControlPlane;
let installed: { restore(): void };
let clock: ReturnType<typeof manualClock>;
let events: InfraEvent[];

beforeEach(() => {
  fake = new FakeControlPlane();
  installed = fake.install(mockClient);
  clock = manualClock();
  events = [];
});
afterEach(() => installed.restore());

const opts = (extra: Partial<InfraOptions> = {}): InfraOptions => ({
  clock,
  onEvent: (e) => events.push(e),
  retry: { random: () => 0.5 },
  ...extra,
});

/** The stack's own security group. */
const SG = 'sg-0sparkifydwhc';

/** A complete stack, as `up` leaves it. */
function completeStack(): void {
  fake.addRole('dwhRole', { policy: s3ReadPolicy(['s3://udacity-dend/log_data', 's3://udacity-dend/log_json_path.json', 's3://udacity-dend/song_data']) });
  fake.addSecurityGroup('sparkify-dwhcluster', SG);
  fake.addCluster('dwhCluster', { roleArns: [ARN], securityGroupIds: [SG] });
  fake.addIngressRule(CIDR, 5439, undefined, SG);
}

describe('up on a fresh account', () => {
  it('plan only reads, and lists role, policy, cluster and ingress as to be created', async () => {
    const { plan, problems } = await planStack(config(), opts());
    expect(fake.commands()).toEqual(['GetRole', 'DescribeSecurityGroups', 'DescribeClusters']);
    expect(fake.mutatingCommands()).toEqual([]);
    expect(problems).toEqual([]);
    expect(plan.steps.map((s) => `${s.resource}:${s.change}`)).toEqual([
      'iam-role:create',
      'role-policy:create',
      'security-group:create',
      'cluster:create',
      'cluster:wait',
      'ingress:create',
    ]);
  });

  it('creates role, scoped policy, own security group, encrypted tagged cluster and ingress, waits creating → available', async () => {
    const result = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateRole', 'PutRolePolicy', 'CreateSecurityGroup', 'CreateCluster', 'AuthorizeSecurityGroupIngress']);
    expect(fake.commands()).toEqual([
      'GetRole',
      'DescribeSecurityGroups',
      'DescribeClusters',
      'CreateRole',
      'PutRolePolicy',
      'DescribeVpcs',
      'CreateSecurityGroup',
      'CreateCluster',
      'DescribeClusters',
      'DescribeClusters',
      'AuthorizeSecurityGroupIngress',
      'GetRole',
      'GetRolePolicy',
      'DescribeSecurityGroups',
      'DescribeClusters',
      'DescribeSecurityGroups',
    ]);
    const groupId = fake.groupIdOf('sparkify-dwhcluster');
    expect(fake.callsOf('CreateSecurityGroup')[0]).toMatchObject({
      GroupName: 'sparkify-dwhcluster',
      VpcId: 'vpc-0default',
      TagSpecifications: [{ ResourceType: 'security-group', Tags: expect.arrayContaining([{ Key: 'created-by', Value: 'sparkify-provisioner' }]) }],
    });

    const [role] = fake.callsOf('CreateRole');
    expect(JSON.parse(String(role?.['AssumeRolePolicyDocument']))).toMatchObject({
      Statement: [{ Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const [policy] = fake.callsOf('PutRolePolicy');
    const document = JSON.parse(String(policy?.['PolicyDocument'])) as { Statement: Array<Record<string, unknown>> };
    expect(document.Statement).toEqual([
      {
        Sid: 'ReadObjects',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: ['arn:aws:s3:::udacity-dend/log_data*', 'arn:aws:s3:::udacity-dend/log_json_path.json*', 'arn:aws:s3:::udacity-dend/song_data*'],
      },
      {
        Sid: 'Listudacitydend',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::udacity-dend',
        Condition: { StringLike: { 's3:prefix': ['log_data*', 'log_json_path.json*', 'song_data*'] } },
      },
    ]);
    expect(JSON.stringify(document)).not.toContain('"s3:*"');

    const [cluster] = fake.callsOf('CreateCluster');
    expect(cluster).toMatchObject({
      ClusterIdentifier: 'dwhcluster',
      ClusterType: 'multi-node',
      NumberOfNodes: 4,
      NodeType: 'ra3.large',
      DBName: 'dwh',
      MasterUsername: 'dwhuser',
      MasterUserPassword: PASSWORD,
      Port: 5439,
      IamRoles: [ARN],
      DefaultIamRoleArn: ARN,
      VpcSecurityGroupIds: [groupId],
      Encrypted: true,
      PubliclyAccessible: false,
      Tags: [
        { Key: 'project', Value: 'sparkify' },
        { Key: 'owner', Value: 'ada' },
        { Key: 'created-by', Value: 'sparkify-provisioner' },
      ],
    });
    // U11: the rule goes on the stack's own group, never on the VPC's shared default group.
    expect(fake.rulesOf('sg-0default')).toEqual([]);
    expect(fake.callsOf('AuthorizeSecurityGroupIngress')[0]).toMatchObject({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5439, ToPort: 5439, IpRanges: [{ CidrIp: CIDR }] }],
    });

    const waits = events.flatMap((e) => (e.type === 'wait' ? [e.state] : []));
    expect(waits).toEqual(['creating', 'available']);
    expect(clock.slept).toEqual([15_000]);
    expect(result.endpoint).toEqual({ address: 'dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com', port: 5439 });
    expect(result.roleArn).toBe(ARN);
    expect(result.changed).toBe(true);
    expect(result.plan.notes).toEqual([expect.stringContaining('not publicly accessible, so 203.0.113.7/32 reaches it only through')]);
  });

  it('a single-node cluster is created without NumberOfNodes', async () => {
    await upStack(config({ clusterType: 'single-node', numNodes: 1 }), {}, opts());
    const [cluster] = fake.callsOf('CreateCluster');
    expect(cluster?.['ClusterType']).toBe('single-node');
    expect(cluster).not.toHaveProperty('NumberOfNodes');
  });

  it('scopes the policy to the S3 locations of Config.source', async () => {
    const cfg = testConfig({
      ...config(),
      source: { kind: 's3', logData: 's3://my-logs/events/2018', logJsonPath: 's3://my-logs/paths.json', songData: 's3://my-songs/song_data' },
    });
    await upStack({ ...config(), source: cfg.source }, {}, opts());
    const document = JSON.parse(String(fake.callsOf('PutRolePolicy')[0]?.['PolicyDocument'])) as { Statement: Array<{ Resource: unknown; Condition?: unknown }> };
    expect(document.Statement.map((s) => s.Resource)).toEqual([
      ['arn:aws:s3:::my-logs/events/2018*', 'arn:aws:s3:::my-logs/paths.json*', 'arn:aws:s3:::my-songs/song_data*'],
      'arn:aws:s3:::my-logs',
      'arn:aws:s3:::my-songs',
    ]);
    expect(document.Statement[2]?.Condition).toEqual({ StringLike: { 's3:prefix': ['song_data*'] } });
  });
});

describe('up is idempotent and convergent', () => {
  it('on a complete stack makes only read calls and reports no change', async () => {
    completeStack();
    const result = await upStack(config(), {}, opts());
    expect(fake.commands()).toEqual(['GetRole', 'GetRolePolicy', 'DescribeSecurityGroups', 'DescribeClusters', 'DescribeSecurityGroups']);
    expect(result.changed).toBe(false);
    expect(result.plan.steps.every((s) => s.change === 'none')).toBe(true);
    expect(result.endpoint?.address).toContain('dwhcluster');
  });

  it('a second up after a fresh one changes nothing', async () => {
    await upStack(config(), {}, opts());
    const before = fake.mutatingCommands().length;
    const again = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands().length).toBe(before);
    expect(again.changed).toBe(false);
  });

  it('role without policy: puts the policy and nothing else', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.inline.clear();
    const result = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['PutRolePolicy']);
    expect(result.plan.steps.find((s) => s.resource === 'role-policy')?.change).toBe('create');
  });

  it('role with a wider policy (all of S3): replaces it with the scoped one', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.inline.set('sparkify-s3-read', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['PutRolePolicy']);
  });

  it('role that Redshift cannot assume: updates the trust policy', async () => {
    completeStack();
    const role = fake.roles.get('dwhRole');
    if (role) role.trustPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['UpdateAssumeRolePolicy']);
  });

  it('cluster still creating: waits for it, adds the missing ingress, creates nothing else', async () => {
    completeStack();
    fake.securityGroups.get(SG)!.rules = [];
    fake.addCluster('dwhCluster', { status: 'creating', pollsLeft: 3, roleArns: [ARN], securityGroupIds: [SG] });
    const result = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['AuthorizeSecurityGroupIngress']);
    // The observation took one of the three 'creating' answers; the wait polls twice.
    expect(events.flatMap((e) => (e.type === 'wait' ? [e.state] : []))).toEqual(['creating', 'available']);
    expect(fake.mutatingCommands()).not.toContain('CreateCluster');
    expect(result.endpoint).toBeDefined();
  });

  it('ingress missing: authorizes it on the cluster security group', async () => {
    completeStack();
    fake.securityGroups.get(SG)!.rules = [];
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['AuthorizeSecurityGroupIngress']);
    expect(fake.rulesOf(SG)).toHaveLength(1);
  });

  it('an equivalent rule made by someone else counts as present', async () => {
    completeStack();
    fake.securityGroups.get(SG)!.rules = [];
    fake.addIngressRule(CIDR, 5439, 'office', SG);
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it('DWH_INGRESS_CIDR changed (a new home address): authorizes the new CIDR and revokes the old rule it made', async () => {
    completeStack();
    fake.addIngressRule('192.0.2.0/24', 5439, 'office', SG);
    const result = await upStack(config({ ingressCidr: '198.51.100.9/32' }), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['AuthorizeSecurityGroupIngress', 'RevokeSecurityGroupIngress']);
    expect(fake.callsOf('RevokeSecurityGroupIngress')[0]).toEqual({
      GroupId: SG,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5439, ToPort: 5439, IpRanges: [{ CidrIp: CIDR }] }],
    });
    expect(fake.rulesOf(SG)?.map((r) => r.cidr)).toEqual(['192.0.2.0/24', '198.51.100.9/32']);
    expect(result.plan.steps.find((s) => s.change === 'delete')?.name).toBe(`${CIDR} → tcp/5439`);
  });

  it('cluster without the role: attaches it and waits for the change', async () => {
    completeStack();
    fake.addCluster('dwhCluster', { roleArns: [], securityGroupIds: [SG] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['ModifyClusterIamRoles']);
    expect(fake.callsOf('ModifyClusterIamRoles')[0]).toEqual({ ClusterIdentifier: 'dwhcluster', AddIamRoles: [ARN], DefaultIamRoleArn: ARN });
    // The wait goes on while the role shows 'adding' (one more poll after the cluster is available again).
    expect(clock.slept).toEqual([15_000]);
  });

  it('role deleted while the cluster stayed: recreates role and policy, then attaches the new role', async () => {
    completeStack();
    fake.roles.clear();
    fake.addCluster('dwhCluster', { roleArns: [], securityGroupIds: [SG] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateRole', 'PutRolePolicy', 'ModifyClusterIamRoles']);
    expect(fake.clusters.get('dwhcluster')?.roleArns).toEqual([ARN]);
  });

  it('a role attachment still being applied (an interrupted run): waits until it is in sync', async () => {
    completeStack();
    const cluster = fake.clusters.get('dwhcluster');
    if (cluster) cluster.addingRoles = [ARN];
    const result = await upStack(config(), {}, opts());
    expect(result.plan.steps.find((s) => s.change === 'wait')?.reason).toBe('until its IAM roles are in sync');
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it('cluster being deleted: waits until it is gone, then creates it again', async () => {
    completeStack();
    fake.addCluster('dwhCluster', { status: 'deleting', pollsLeft: 2 });
    await upStack(config(), {}, opts());
    // The stack's own group outlives the cluster, and with it the ingress rule: only the cluster is made again.
    expect(fake.mutatingCommands()).toEqual(['CreateCluster']);
    expect(fake.callsOf('CreateCluster')[0]?.['VpcSecurityGroupIds']).toEqual([SG]);
    expect(fake.clusters.get('dwhcluster')?.status).toBe('available');
    expect(fake.rulesOf(SG)).toHaveLength(1);
  });

  it('a paused cluster is resumed and waited for', async () => {
    completeStack();
    fake.addCluster('dwhCluster', { status: 'paused', roleArns: [ARN], securityGroupIds: [SG] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['ResumeCluster']);
    expect(fake.clusters.get('dwhcluster')?.status).toBe('available');
  });

  it('a cluster in a state up cannot work from stops with exit code 1 before any change', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.inline.clear();
    fake.addCluster('dwhCluster', { status: 'incompatible-network', roleArns: [ARN], securityGroupIds: [SG] });
    const error = (await upStack(config(), {}, opts()).catch((e: unknown) => e)) as StackStateError;
    expect(error).toBeInstanceOf(StackStateError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain("cluster dwhcluster is in state 'incompatible-network', which up cannot work from");
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it('reports drift (node type) without changing it', async () => {
    completeStack();
    fake.addCluster('dwhCluster', { roleArns: [ARN], securityGroupIds: [SG], input: { NodeType: 'ra3.xlplus' } });
    const result = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(result.plan.notes.join('\n')).toContain('node type is ra3.xlplus, the config says ra3.large ([DWH] DWH_NODE_TYPE)');
  });

  it('dry run plans on a half-made stack without any mutating call', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.inline.clear();
    fake.securityGroups.get(SG)!.rules = [];
    const result = await upStack(config(), { dryRun: true }, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(result.applied).toBe(false);
    expect(result.plan.steps.filter((s) => s.action).map((s) => s.action?.kind)).toEqual(['put-role-policy', 'authorize-ingress']);
  });
});

describe('configuration guards', () => {
  it('refuses 0.0.0.0/0 unless DWH_ALLOW_OPEN_INGRESS is true', async () => {
    await expect(upStack(config({ ingressCidr: '0.0.0.0/0' }), {}, opts())).rejects.toThrow(/DWH_ALLOW_OPEN_INGRESS=true/);
    expect(fake.calls).toEqual([]);
    await upStack(config({ ingressCidr: '0.0.0.0/0', allowOpenIngress: true }), {}, opts());
    expect(fake.callsOf('AuthorizeSecurityGroupIngress')[0]).toMatchObject({ IpPermissions: [{ IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  });

  it('without a CIDR it adds no ingress rule and says why', async () => {
    const result = await upStack(config({ ingressCidr: undefined }), {}, opts());
    expect(fake.mutatingCommands()).not.toContain('AuthorizeSecurityGroupIngress');
    expect(result.plan.steps.find((s) => s.resource === 'ingress')).toMatchObject({ change: 'skip', reason: expect.stringContaining('DWH_INGRESS_CIDR') });
  });

  it('a missing region is a config error naming the key and the variable, before any call', async () => {
    const error = await upStack(config({}, { region: undefined }), {}, opts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraConfigError);
    expect((error as InfraConfigError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/\[AWS\] REGION.*AWS_REGION/);
    expect(fake.calls).toEqual([]);
  });

  it('a missing or weak password stops up before any mutating call, without echoing it', async () => {
    await expect(upStack(config({ password: undefined }), {}, opts())).rejects.toThrow(/\[DWH\] DWH_DB_PASSWORD is not set/);
    await expect(upStack(config({ password: 'weakpass' }), {}, opts())).rejects.toThrow(/an upper-case letter, a digit/);
    expect(fake.mutatingCommands()).toEqual([]);
    const { problems } = await planStack(config({ password: '...' }), opts());
    expect(problems.join()).toContain('DWH_DB_PASSWORD');
    expect(problems.join()).not.toContain('...');
  });

  it('only one of KEY and SECRET is a config error', () => {
    expect(() => createAwsClients({ region: 'us-west-2', profile: undefined, accessKeyId: 'AKIA', secretAccessKey: undefined, sessionToken: undefined })).toThrow(
      /\[AWS\] SECRET \(or AWS_SECRET_ACCESS_KEY\) is missing/,
    );
  });
});

describe('AWS errors', () => {
  it('throttling is retried with growing backoff, then succeeds', async () => {
    fake.failNext('CreateRole', awsError('Throttling', 'Rate exceeded'), 3);
    await upStack(config(), {}, opts());
    expect(fake.commands().filter((c) => c === 'CreateRole')).toHaveLength(4);
    const retries = events.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : []));
    expect(retries).toEqual([750, 1500, 3000]);
    expect(fake.roles.has('dwhRole')).toBe(true);
  });

  it('a 5xx that never clears stops after the bounded number of tries', async () => {
    fake.failNext('DescribeClusters', awsError('InternalFailure', 'We encountered an internal error', 500), 99);
    const error = (await planStack(config(), opts({ retry: { maxAttempts: 4, random: () => 0 } })).catch((e: unknown) => e)) as AwsCallError;
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toMatch(/^DescribeClusters on cluster dwhcluster failed \(after 4 tries\): InternalFailure/);
    expect(error.exitCode).toBe(1);
    expect(fake.commands().filter((c) => c === 'DescribeClusters')).toHaveLength(4);
  });

  it('InvalidClusterState while another change runs is retried with the slow backoff', async () => {
    completeStack();
    fake.addCluster('dwhCluster', { roleArns: [], securityGroupIds: [SG] });
    fake.failNext('ModifyClusterIamRoles', awsError('InvalidClusterStateFault', 'There is an operation running on the Cluster.'), 1);
    await upStack(config(), {}, opts());
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ call: 'ModifyClusterIamRoles', code: 'InvalidClusterStateFault', delayMs: 7_500 });
    expect(fake.clusters.get('dwhcluster')?.roleArns).toEqual([ARN]);
  });

  it('a role Redshift cannot see yet (IAM propagation) is retried when the role was just made', async () => {
    const notYet = 'The IAM role arn:aws:iam::123456789012:role/dwhRole is not valid. The IAM role must delegate access to an Amazon Redshift account.';
    fake.failNext('CreateCluster', awsError('InvalidParameterValue', notYet), 2);
    await upStack(config(), {}, opts());
    expect(fake.commands().filter((c) => c === 'CreateCluster')).toHaveLength(3);
    expect(fake.clusters.get('dwhcluster')?.status).toBe('available');
  });

  it('the same answer for a role that already existed is terminal', async () => {
    completeStack();
    fake.clusters.clear();
    fake.failNext('CreateCluster', awsError('InvalidParameterValue', 'The IAM role arn:aws:iam::123456789012:role/dwhRole is not valid.'), 5);
    await expect(upStack(config(), {}, opts())).rejects.toThrow(/^CreateCluster on cluster dwhcluster failed: InvalidParameterValue/);
    expect(fake.commands().filter((c) => c === 'CreateCluster')).toHaveLength(1);
  });

  it('access denied stops at once with which call, which resource and what to do', async () => {
    fake.failNext('CreateCluster', awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: redshift:CreateCluster', 403));
    const error = (await upStack(config(), {}, opts()).catch((e: unknown) => e)) as AwsCallError;
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/^CreateCluster on cluster dwhcluster failed: AccessDenied: User: .* grant it/);
    expect(fake.commands().filter((c) => c === 'CreateCluster')).toHaveLength(1);
    expect(error.message).not.toContain(PASSWORD);
  });

  it('quota exceeded is terminal and says what to do', async () => {
    fake.failNext('CreateCluster', awsError('ClusterQuotaExceededFault', 'The request would exceed the allowed number of clusters'));
    await expect(upStack(config(), {}, opts())).rejects.toThrow(/ClusterQuotaExceededFault.*Service Quotas/);
  });

  it('a region that does not exist fails on the first call, naming the region settings', async () => {
    const error = (await planStack(config({}, { region: 'eu-nowhere-1' }), opts()).catch((e: unknown) => e)) as AwsCallError;
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toMatch(/GetRole on IAM role dwhRole failed: ENOTFOUND.*\[AWS\] REGION \/ AWS_REGION \(now eu-nowhere-1\)/);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('status', () => {
  it('shows each resource and its state', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.inline.clear();
    const { rows } = await stackStatus(config(), opts());
    expect(rows.map((r) => [r.resource, r.state])).toEqual([
      ['iam-role', 'present'],
      ['role-policy', 'missing'],
      ['security-group', 'present'],
      ['cluster', 'available'],
      ['ingress', 'authorized'],
    ]);
    expect(fake.mutatingCommands()).toEqual([]);
  });
});

describe('down', () => {
  it('without snapshot: revokes ingress, deletes the cluster and waits, then policies and role', async () => {
    completeStack();
    fake.roles.get('dwhRole')?.attached.push('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).toEqual(['RevokeSecurityGroupIngress', 'DeleteCluster', 'DeleteSecurityGroup', 'DetachRolePolicy', 'DeleteRolePolicy', 'DeleteRole']);
    expect(fake.callsOf('DeleteSecurityGroup')).toEqual([{ GroupId: SG }]);
    expect(fake.securityGroups.has(SG)).toBe(false);
    expect(fake.callsOf('DeleteCluster')[0]).toEqual({ ClusterIdentifier: 'dwhcluster', SkipFinalClusterSnapshot: true });
    expect(fake.clusters.size + fake.roles.size).toBe(0);
    expect(fake.rulesOf(SG)).toEqual([]);
    expect(fake.snapshots).toEqual([]);
    expect(result.changed).toBe(true);
  });

  it('with a final snapshot', async () => {
    completeStack();
    await downStack(config(), { snapshot: { finalSnapshotId: 'dwh-final-1' } }, opts());
    expect(fake.callsOf('DeleteCluster')[0]).toEqual({ ClusterIdentifier: 'dwhcluster', SkipFinalClusterSnapshot: false, FinalClusterSnapshotIdentifier: 'dwh-final-1' });
    expect(fake.snapshots).toEqual(['dwh-final-1']);
  });

  it('leaves an ingress rule it did not make', async () => {
    completeStack();
    fake.securityGroups.get(SG)!.rules = [];
    fake.addIngressRule(CIDR, 5439, 'office', SG);
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).not.toContain('RevokeSecurityGroupIngress');
    expect(result.plan.notes.join()).toContain('not made by the provisioner');
  });

  it('revokes the rules it made even when no CIDR is configured any more', async () => {
    completeStack();
    await downStack(config({ ingressCidr: undefined }), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()[0]).toBe('RevokeSecurityGroupIngress');
    expect(fake.rulesOf(SG)).toEqual([]);
  });

  it('on nothing left is a success that changes nothing', async () => {
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(result.changed).toBe(false);
  });

  it('a cluster stuck deleting times out after the bound', async () => {
    completeStack();
    fake.deletePolls = Number.POSITIVE_INFINITY;
    const error = (await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts({ timeoutMs: 10 * 60_000 })).catch((e: unknown) => e)) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/cluster dwhcluster is still 'deleting' after 10m \(limit 10m\)/);
    // One observation, then a poll every 15 s from 0 to 10 minutes.
    expect(fake.commands().filter((c) => c === 'DescribeClusters').length).toBe(1 + 41);
    expect(fake.roles.has('dwhRole')).toBe(true);
  });
});

describe('up --write-config', () => {
  it('writes [CLUSTER] and [IAM_ROLE] into the seed-format file, keeping every other line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infra-up-'));
    try {
      const file = join(dir, 'dwh.cfg');
      await copyFile(join(import.meta.dirname, '__fixtures__', 'seed-dwh.cfg'), file);
      const seed = await readFile(file, 'utf8');
      const result = await upStack({ ...config(), file }, { writeConfig: true }, opts());
      expect(result.configWritten).toBe(file);
      const text = await readFile(file, 'utf8');
      expect(text).toBe(
        seed
          .replace('HOST=\n', 'HOST=dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com\n')
          .replace('DB_NAME=\n', 'DB_NAME=dwh\n')
          .replace('DB_USER=\n', 'DB_USER=dwhuser\n')
          .replace('DB_PASSWORD=\n', `DB_PASSWORD=${PASSWORD}\n`)
          .replace('DB_PORT=\n', 'DB_PORT=5439\n')
          .replace('ARN=\n', `ARN=${ARN}\n`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without a config file is a usage error before any call', async () => {
    await expect(upStack(config(), { writeConfig: true }, opts())).rejects.toThrow(/--write-config needs a config file/);
    expect(fake.calls).toEqual([]);
  });
});
