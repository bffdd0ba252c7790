import { type Config } from '@sparkify/config';
import { testConfig } from '@sparkify/config/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AwsCallError,
  downStack,
  manualClock,
  planStack,
  s3ReadPolicy,
  StackStateError,
  stackStatus,
  upStack,
  type InfraEvent,
  type InfraOptions,
} from './index.js';
import { awsError, FakeControlPlane } from './testing/index.js';

const PASSWORD = 'Sup3rSecretPw';
const CIDR = '203.0.113.7/32';
const ARN = 'arn:aws:iam::123456789012:role/dwhRole';
const SG = 'sg-0sparkifydwhw';
const HOST = 'dwh-workgroup.123456789012.us-west-2.redshift-serverless.amazonaws.com';
const POLICY = s3ReadPolicy(['s3://udacity-dend/log_data', 's3://udacity-dend/log_json_path.json', 's3://udacity-dend/song_data']);
const TAGS = [
  { key: 'project', value: 'sparkify' },
  { key: 'owner', value: 'ada' },
  { key: 'created-by', value: 'sparkify-provisioner' },
];

function config(overrides: Partial<Config['cluster']> = {}): Config {
  return testConfig({
    aws: { region: 'us-west-2', accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'aws/secret+Example' },
    cluster: { kind: 'serverless', password: PASSWORD, ingressCidr: CIDR, owner: 'ada', ...overrides },
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
const opts = (extra: Partial<InfraOptions> = {}): InfraOptions => ({ clock, onEvent: (e) => events.push(e), retry: { random: () => 0.5 }, ...extra });
const waits = () => events.flatMap((e) => (e.type === 'wait' ? [`${e.resource}: ${e.state}`] : []));

/** A complete Serverless stack, as `up` leaves it. */
function completeStack(): void {
  fake.addRole('dwhRole', { policy: POLICY });
  fake.addSecurityGroup('sparkify-dwh-workgroup', SG);
  fake.addNamespace('dwh-namespace', { roleArns: [ARN], defaultRoleArn: ARN });
  fake.addWorkgroup('dwh-workgroup', { securityGroupIds: [SG] });
  fake.addIngressRule(CIDR, 5439, undefined, SG);
}

describe('Serverless up on a fresh account', () => {
  it('plan only reads and lists role, policy, security group, namespace, workgroup and ingress', async () => {
    const { plan, problems } = await planStack(config(), opts());
    expect(fake.commands()).toEqual(['GetRole', 'DescribeSecurityGroups', 'GetNamespace', 'GetWorkgroup']);
    expect(fake.mutatingCommands()).toEqual([]);
    expect(problems).toEqual([]);
    expect(plan.steps.map((s) => `${s.resource}:${s.change}`)).toEqual([
      'iam-role:create',
      'role-policy:create',
      'security-group:create',
      'namespace:create',
      'namespace:wait',
      'workgroup:create',
      'workgroup:wait',
      'ingress:create',
    ]);
  });

  it('creates the stack with the exact calls: default role, encrypted tagged namespace, private workgroup in its own group', async () => {
    fake.namespaceCreatePolls = 1;
    const result = await upStack(config(), {}, opts());
    expect(fake.commands()).toEqual([
      'GetRole',
      'DescribeSecurityGroups',
      'GetNamespace',
      'GetWorkgroup',
      'CreateRole',
      'PutRolePolicy',
      'DescribeVpcs',
      'CreateSecurityGroup',
      'CreateNamespace',
      'GetNamespace',
      'CreateWorkgroup',
      'GetWorkgroup',
      'GetWorkgroup',
      'AuthorizeSecurityGroupIngress',
      'GetRole',
      'GetRolePolicy',
      'DescribeSecurityGroups',
      'GetNamespace',
      'GetWorkgroup',
      'DescribeSecurityGroups',
    ]);
    const groupId = fake.groupIdOf('sparkify-dwh-workgroup');
    expect(fake.callsOf('CreateNamespace')).toEqual([
      { namespaceName: 'dwh-namespace', dbName: 'dwh', adminUsername: 'dwhuser', adminUserPassword: PASSWORD, iamRoles: [ARN], defaultIamRoleArn: ARN, tags: TAGS },
    ]);
    expect(fake.callsOf('CreateWorkgroup')).toEqual([
      { workgroupName: 'dwh-workgroup', namespaceName: 'dwh-namespace', baseCapacity: 8, port: 5439, publiclyAccessible: false, securityGroupIds: [groupId], tags: TAGS },
    ]);
    expect(fake.callsOf('AuthorizeSecurityGroupIngress')[0]).toMatchObject({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5439, ToPort: 5439, IpRanges: [{ CidrIp: CIDR }] }] });
    expect(fake.rulesOf('sg-0default')).toEqual([]);
    // The namespace goes MODIFYING → AVAILABLE, the workgroup CREATING → AVAILABLE.
    expect(waits()).toEqual(['namespace dwh-namespace: AVAILABLE', 'workgroup dwh-workgroup: CREATING', 'workgroup dwh-workgroup: AVAILABLE']);
    expect(result.endpoint).toEqual({ address: HOST, port: 5439 });
    expect(result.roleArn).toBe(ARN);
    expect(result.plan.notes).toEqual([expect.stringContaining('the workgroup is not publicly accessible')]);
  });

  it('with DWH_MANAGED_PASSWORD AWS keeps the password: none is sent, and none is needed', async () => {
    const result = await upStack(config({ managedPassword: true, password: undefined }), {}, opts());
    expect(fake.callsOf('CreateNamespace')[0]).toMatchObject({ manageAdminPassword: true });
    expect(fake.callsOf('CreateNamespace')[0]).not.toHaveProperty('adminUserPassword');
    expect(result.passwordSecretArn).toContain('arn:aws:secretsmanager:us-west-2:123456789012:secret:');
  });

  it('without a password and without DWH_MANAGED_PASSWORD, up stops before any mutating call', async () => {
    await expect(upStack(config({ password: undefined }), {}, opts())).rejects.toThrow('[DWH] DWH_DB_PASSWORD is not set');
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it('a base capacity above 512 RPUs is refused where AWS does not offer it', async () => {
    const cfg = { ...config({ baseCapacity: 1024 }), aws: { ...config().aws, region: 'ap-southeast-2' } };
    await expect(upStack(cfg, {}, opts())).rejects.toThrow('[DWH] DWH_BASE_CAPACITY is 1024, but in ap-southeast-2 a workgroup');
    expect(fake.calls).toEqual([]);
  });

  it('a port a workgroup does not accept is refused before any call', async () => {
    await expect(upStack(config({ port: 5500 }), {}, opts())).rejects.toThrow('[DWH] DWH_PORT is 5500, which a Serverless workgroup does not accept');
    expect(fake.calls).toEqual([]);
  });
});

describe('Serverless up converges', () => {
  it('on a complete stack makes only read calls and reports no change', async () => {
    completeStack();
    const result = await upStack(config(), {}, opts());
    expect(fake.commands()).toEqual(['GetRole', 'GetRolePolicy', 'DescribeSecurityGroups', 'GetNamespace', 'GetWorkgroup', 'DescribeSecurityGroups']);
    expect(result.changed).toBe(false);
    expect(result.endpoint?.address).toBe(HOST);
  });

  it('half-made: role and namespace only → security group, workgroup and ingress', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    fake.addNamespace('dwh-namespace', { roleArns: [ARN], defaultRoleArn: ARN });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateSecurityGroup', 'CreateWorkgroup', 'AuthorizeSecurityGroupIngress']);
  });

  it('half-made: namespace without our role as its default → UpdateNamespace keeps other roles and sets ours as default', async () => {
    completeStack();
    const other = 'arn:aws:iam::123456789012:role/analyst';
    fake.addNamespace('dwh-namespace', { roleArns: [other], defaultRoleArn: other });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['UpdateNamespace']);
    expect(fake.callsOf('UpdateNamespace')).toEqual([{ namespaceName: 'dwh-namespace', iamRoles: [other, ARN], defaultIamRoleArn: ARN }]);
  });

  it('half-made: workgroup on the shared default group → joins its own group, the rule goes there', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    fake.addNamespace('dwh-namespace', { roleArns: [ARN], defaultRoleArn: ARN });
    fake.addWorkgroup('dwh-workgroup');
    await upStack(config(), {}, opts());
    const own = fake.groupIdOf('sparkify-dwh-workgroup');
    expect(fake.mutatingCommands()).toEqual(['CreateSecurityGroup', 'UpdateWorkgroup', 'AuthorizeSecurityGroupIngress']);
    expect(fake.callsOf('UpdateWorkgroup')).toEqual([{ workgroupName: 'dwh-workgroup', securityGroupIds: ['sg-0default', own] }]);
  });

  it('half-made: ingress missing → authorized on the stack group only', async () => {
    completeStack();
    fake.securityGroups.get(SG)!.rules = [];
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['AuthorizeSecurityGroupIngress']);
  });

  it('plan and dry run on a half-made stack make no mutating call', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    fake.addNamespace('dwh-namespace', { roleArns: [] });
    const planned = await planStack(config(), opts());
    const dry = await upStack(config(), { dryRun: true }, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(dry.applied).toBe(false);
    expect(planned.plan.steps.filter((s) => s.action).map((s) => s.action?.kind)).toEqual([
      'create-security-group',
      'update-namespace-roles',
      'wait-namespace-available',
      'create-workgroup',
      'wait-workgroup-available',
      'authorize-ingress',
    ]);
  });

  it('a workgroup still CREATING is waited for, not created again', async () => {
    completeStack();
    fake.addWorkgroup('dwh-workgroup', { status: 'CREATING', pollsLeft: 3, securityGroupIds: [SG] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(waits()).toEqual(['workgroup dwh-workgroup: CREATING', 'workgroup dwh-workgroup: AVAILABLE']);
  });

  it('a workgroup being deleted is waited for, then made again', async () => {
    completeStack();
    fake.addWorkgroup('dwh-workgroup', { status: 'DELETING', pollsLeft: 2, securityGroupIds: [SG] });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateWorkgroup']);
    expect(fake.workgroups.get('dwh-workgroup')?.status).toBe('AVAILABLE');
  });

  it('a namespace being deleted is waited for, then made again with its workgroup', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    fake.addSecurityGroup('sparkify-dwh-workgroup', SG);
    fake.addIngressRule(CIDR, 5439, undefined, SG);
    fake.addNamespace('dwh-namespace', { status: 'DELETING', pollsLeft: 2 });
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateNamespace', 'CreateWorkgroup']);
  });

  it('an unknown workgroup state blocks up before any change', async () => {
    completeStack();
    fake.addWorkgroup('dwh-workgroup', { status: 'SOMETHING_NEW', securityGroupIds: [SG] });
    const error = (await upStack(config(), {}, opts()).catch((e: unknown) => e)) as StackStateError;
    expect(error).toBeInstanceOf(StackStateError);
    expect(error.message).toContain("workgroup dwh-workgroup is in state 'SOMETHING_NEW'");
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it('drift (base capacity) is reported, not changed', async () => {
    completeStack();
    fake.addWorkgroup('dwh-workgroup', { securityGroupIds: [SG], input: { baseCapacity: 32 } });
    const result = await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(result.plan.notes.join()).toContain('workgroup dwh-workgroup: base capacity is 32, the config says 8 ([DWH] DWH_BASE_CAPACITY)');
  });
});

describe('Serverless AWS errors', () => {
  it('throttling then success', async () => {
    fake.failNext('CreateWorkgroup', awsError('ThrottlingException', 'Rate exceeded'), 2);
    await upStack(config(), {}, opts());
    expect(fake.commands().filter((c) => c === 'CreateWorkgroup')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.delayMs : 0))).toEqual([750, 1500]);
  });

  it('access denied stops at once with the call, the resource and what to do', async () => {
    fake.failNext('CreateNamespace', awsError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: redshift-serverless:CreateNamespace', 403));
    const error = (await upStack(config(), {}, opts()).catch((e: unknown) => e)) as AwsCallError;
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toMatch(/^CreateNamespace on namespace dwh-namespace failed: AccessDeniedException: .* grant it/);
    expect(error.message).not.toContain(PASSWORD);
    expect(fake.commands().filter((c) => c === 'CreateNamespace')).toHaveLength(1);
  });

  it('quota exceeded is terminal and names what to lower', async () => {
    fake.failNext('CreateWorkgroup', awsError('ServiceQuotaExceededException', 'The service limit was exceeded.', 402));
    await expect(upStack(config(), {}, opts())).rejects.toThrow(/CreateWorkgroup on workgroup dwh-workgroup failed: ServiceQuotaExceededException.*DWH_BASE_CAPACITY/);
    expect(fake.commands().filter((c) => c === 'CreateWorkgroup')).toHaveLength(1);
  });
});

describe('Serverless status', () => {
  it('shows each resource and its state, read-only', async () => {
    completeStack();
    const { rows } = await stackStatus(config(), opts());
    expect(rows.map((r) => [r.resource, r.name, r.state])).toEqual([
      ['iam-role', 'dwhRole', 'present'],
      ['role-policy', 'dwhRole/sparkify-s3-read', 'present'],
      ['security-group', 'sparkify-dwh-workgroup', 'present'],
      ['namespace', 'dwh-namespace', 'AVAILABLE'],
      ['workgroup', 'dwh-workgroup', 'AVAILABLE'],
      ['ingress', `${CIDR} → tcp/5439`, 'authorized'],
    ]);
    expect(rows[3]?.detail).toBe('db dwh, admin dwhuser, encrypted, role is the default');
    expect(rows[4]?.detail).toBe(`${HOST}:5439, 8 RPUs, private`);
    expect(fake.mutatingCommands()).toEqual([]);
  });
});

describe('Serverless down', () => {
  it('without a snapshot: rule, workgroup (waited), namespace (waited), group, policy, role — in that order', async () => {
    completeStack();
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).toEqual(['RevokeSecurityGroupIngress', 'DeleteWorkgroup', 'DeleteNamespace', 'DeleteSecurityGroup', 'DeleteRolePolicy', 'DeleteRole']);
    expect(fake.callsOf('DeleteNamespace')).toEqual([{ namespaceName: 'dwh-namespace' }]);
    expect(fake.snapshots).toEqual([]);
    expect(fake.namespaces.size + fake.workgroups.size + fake.roles.size).toBe(0);
    expect(fake.securityGroups.has(SG)).toBe(false);
    expect(result.changed).toBe(true);
  });

  it('with a final snapshot of the namespace', async () => {
    completeStack();
    await downStack(config(), { snapshot: { finalSnapshotId: 'dwh-final-1' } }, opts());
    expect(fake.callsOf('DeleteNamespace')).toEqual([{ namespaceName: 'dwh-namespace', finalSnapshotName: 'dwh-final-1' }]);
    expect(fake.snapshots).toEqual(['dwh-final-1']);
  });

  it('a workgroup already DELETING is waited for, not deleted again', async () => {
    completeStack();
    fake.addWorkgroup('dwh-workgroup', { status: 'DELETING', pollsLeft: 2, securityGroupIds: [SG] });
    await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).not.toContain('DeleteWorkgroup');
    expect(fake.workgroups.size).toBe(0);
  });

  it('nothing left is a success that changes nothing', async () => {
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).toEqual([]);
    expect(result.changed).toBe(false);
  });
});

describe('Serverless up --write-config', () => {
  it('writes the workgroup endpoint into the keys the loader reads ([CLUSTER] HOST, DB_PORT 5439, …)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infra-sls-'));
    try {
      const file = join(dir, 'dwh.cfg');
      await copyFile(join(import.meta.dirname, '__fixtures__', 'seed-dwh.cfg'), file);
      const seed = await readFile(file, 'utf8');
      const result = await upStack({ ...config(), file }, { writeConfig: true }, opts());
      expect(result.configWritten).toBe(file);
      expect(await readFile(file, 'utf8')).toBe(
        seed
          .replace('HOST=\n', `HOST=${HOST}\n`)
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
});

describe('Serverless up --write-config with an AWS-managed password', () => {
  it('writes the endpoint and leaves DB_PASSWORD as it was: the password stays in Secrets Manager', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infra-sls-'));
    try {
      const file = join(dir, 'dwh.cfg');
      await copyFile(join(import.meta.dirname, '__fixtures__', 'seed-dwh.cfg'), file);
      const result = await upStack({ ...config({ managedPassword: true, password: undefined }), file }, { writeConfig: true }, opts());
      const text = await readFile(file, 'utf8');
      expect(text).toContain(`HOST=${HOST}\n`);
      expect(text).toContain('DB_PASSWORD=\n');
      expect(result.passwordSecretArn).toMatch(/^arn:aws:secretsmanager:/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('two Serverless up runs at once', () => {
  it('converge to one namespace, one workgroup, one group, one rule', async () => {
    const [a, b] = await Promise.all([upStack(config(), {}, opts()), upStack(config(), {}, opts())]);
    expect(fake.namespaces.size).toBe(1);
    expect(fake.workgroups.size).toBe(1);
    expect([...fake.securityGroups.values()].filter((g) => g.name === 'sparkify-dwh-workgroup')).toHaveLength(1);
    expect(fake.rulesOf(fake.groupIdOf('sparkify-dwh-workgroup') ?? '')).toHaveLength(1);
    expect(a.endpoint).toEqual({ address: HOST, port: 5439 });
    expect(b.endpoint).toEqual(a.endpoint);
  });
});
