import { loadConfig, type Config } from '@sparkify/config';
import { testConfig } from '@sparkify/config/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AwsCallError,
  downStack,
  InfraConfigError,
  manualClock,
  planStack,
  ROLE_PROPAGATION_WINDOW_MS,
  s3ReadPolicy,
  StackStateError,
  upStack,
  type InfraEvent,
  type InfraOptions,
} from './index.js';
import { awsError, FakeControlPlane } from './testing/index.js';

const PASSWORD = 'Sup3rSecretPw';
const CIDR = '203.0.113.7/32';
const ARN = 'arn:aws:iam::123456789012:role/dwhRole';
const SG = 'sg-0sparkifydwhc';
const POLICY = s3ReadPolicy(['s3://udacity-dend/log_data', 's3://udacity-dend/log_json_path.json', 's3://udacity-dend/song_data']);

function config(overrides: Partial<Config['cluster']> = {}): Config {
  return testConfig({
    aws: { region: 'us-west-2', accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'aws/secret+Example' },
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
const opts = (extra: Partial<InfraOptions> = {}): InfraOptions => ({ clock, onEvent: (e) => events.push(e), retry: { random: () => 0.5 }, ...extra });

function completeStack(status = 'available'): void {
  fake.addRole('dwhRole', { policy: POLICY });
  fake.addSecurityGroup('sparkify-dwhcluster', SG);
  fake.addCluster('dwhCluster', { status, roleArns: [ARN], securityGroupIds: [SG] });
  fake.addIngressRule(CIDR, 5439, undefined, SG);
}

describe('node type and CreateCluster rules (before any AWS call)', () => {
  it('the default config asks for a node type AWS creates, and the fake creates it', async () => {
    await upStack(config(), {}, opts());
    expect(fake.callsOf('CreateCluster')[0]).toMatchObject({ NodeType: 'ra3.large', ClusterType: 'multi-node', NumberOfNodes: 4, Port: 5439 });
  });

  it('a seed-format dwh.cfg saying dc2.large gets a message naming the key and what to use, and no call is made', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infra-seed-'));
    try {
      const file = join(dir, 'dwh.cfg');
      await copyFile(join(import.meta.dirname, '__fixtures__', 'seed-dwh.cfg'), file);
      await chmod(file, 0o600);
      const seed = loadConfig({ file, env: { AWS_REGION: 'us-west-2', SPARKIFY_DWH_DB_PASSWORD: PASSWORD }, cwd: dir });
      expect(seed.cluster.nodeType).toBe('dc2.large');
      for (const command of [() => planStack(seed, opts()), () => upStack(seed, {}, opts())]) {
        const error = (await command().catch((e: unknown) => e)) as InfraConfigError;
        expect(error).toBeInstanceOf(InfraConfigError);
        expect(error.exitCode).toBe(2);
        expect(error.message).toContain('[DWH] DWH_NODE_TYPE is dc2.large, which AWS no longer creates');
        expect(error.message).toContain('set DWH_NODE_TYPE=ra3.large');
      }
      expect(fake.calls).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the fake answers dc2 like AWS does now, so the check above is what stands between a user and that error', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    const clients = await import('./aws-clients.js');
    const c = clients.createAwsClients(config().aws);
    const { CreateClusterCommand } = await import('@aws-sdk/client-redshift');
    await expect(c.redshift.send(new CreateClusterCommand({ ClusterIdentifier: 'x', NodeType: 'dc2.large', MasterUsername: 'u', MasterUserPassword: PASSWORD }))).rejects.toThrow(
      'Invalid node type: dc2.large',
    );
    clients.destroyAwsClients(c);
  });

  it.each([
    [{ port: 6000 }, '[DWH] DWH_PORT is 6000, which an RA3 cluster does not accept: use 5439 (the default) or another port in 5431-5455 or 8191-8215.'],
    [{ numNodes: 20 }, '[DWH] DWH_NUM_NODES is 20, but a multi-node ra3.large cluster has 2 to 16 nodes.'],
    [{ nodeType: 'ra3.4xlarge', numNodes: 40 }, '[DWH] DWH_NUM_NODES is 40, but a multi-node ra3.4xlarge cluster has 2 to 32 nodes.'],
    [{ nodeType: 'ra3.16xlarge', clusterType: 'single-node' as const, numNodes: 1 }, '[DWH] DWH_CLUSTER_TYPE is single-node, but ra3.16xlarge clusters have 2 to 100 nodes'],
  ])('%o is refused before any call: %s', async (overrides, message) => {
    await expect(upStack(config(overrides), {}, opts())).rejects.toThrow(message);
    expect(fake.calls).toEqual([]);
  });

  it('RA3 ports inside the allowed ranges are accepted', async () => {
    await upStack(config({ port: 8192 }), {}, opts());
    expect(fake.callsOf('CreateCluster')[0]).toMatchObject({ Port: 8192 });
  });
});

describe('network (U11, D8)', () => {
  it('a cluster an earlier version put on the shared default group moves to its own group, and the old rule goes', async () => {
    fake.addRole('dwhRole', { policy: POLICY });
    fake.addCluster('dwhCluster', { roleArns: [ARN] });
    fake.addIngressRule(CIDR, 5439);
    await upStack(config(), {}, opts());
    const own = fake.groupIdOf('sparkify-dwhcluster');
    expect(fake.mutatingCommands()).toEqual(['CreateSecurityGroup', 'ModifyCluster', 'AuthorizeSecurityGroupIngress', 'RevokeSecurityGroupIngress']);
    expect(fake.callsOf('ModifyCluster')[0]).toEqual({ ClusterIdentifier: 'dwhcluster', VpcSecurityGroupIds: ['sg-0default', own] });
    expect(fake.rulesOf(own ?? '')).toMatchObject([{ cidr: CIDR, fromPort: 5439 }]);
    expect(fake.rulesOf('sg-0default')).toEqual([]);
  });

  it('a region without a default VPC stops with what to do', async () => {
    fake.defaultVpc = undefined;
    const error = (await upStack(config(), {}, opts()).catch((e: unknown) => e)) as StackStateError;
    expect(error).toBeInstanceOf(StackStateError);
    expect(error.message).toContain('region us-west-2 has no default VPC');
    expect(fake.mutatingCommands()).not.toContain('CreateCluster');
  });

  it('a revoke EC2 answers as "not revoked" (UnknownIpPermissions) fails down instead of passing for done', async () => {
    completeStack();
    const rule = { IpProtocol: 'tcp', FromPort: 5439, ToPort: 5439, IpRanges: [{ CidrIp: CIDR }] };
    fake.answerNext('RevokeSecurityGroupIngress', { Return: false, UnknownIpPermissions: [rule] });
    const error = (await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts()).catch((e: unknown) => e)) as StackStateError;
    expect(error).toBeInstanceOf(StackStateError);
    expect(error.message).toContain(`did not remove ${CIDR} → tcp/5439-5439`);
    expect(fake.mutatingCommands()).toEqual(['RevokeSecurityGroupIngress']);
  });

  it('the stack group is deleted after the cluster, retrying while its network interfaces go away', async () => {
    completeStack();
    fake.failNext('DeleteSecurityGroup', awsError('DependencyViolation', `resource ${SG} has a dependent object`), 2);
    await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.commands().filter((c) => c === 'DeleteSecurityGroup')).toHaveLength(3);
    expect(fake.securityGroups.has(SG)).toBe(false);
  });
});

describe('a role the provisioner did not make', () => {
  it('down takes back only the policy up put on it, and leaves the role with a note', async () => {
    fake.addRole('dwhRole', { policy: POLICY, attached: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], foreign: true });
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).toEqual(['DeleteRolePolicy']);
    expect(fake.roles.get('dwhRole')?.attached).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(result.plan.notes.join()).toContain('IAM role dwhRole has no created-by=sparkify-provisioner tag, so down leaves it');
  });
});

describe('every cluster state (D9)', () => {
  it.each(['available, prep-for-resize', 'available, resize-cleanup'])("'%s' counts as available: nothing to do, no wait", async (status) => {
    completeStack(status);
    const result = await upStack(config(), {}, opts());
    expect(result.changed).toBe(false);
    expect(result.plan.steps.filter((s) => s.resource === 'cluster').map((s) => s.change)).toEqual(['none']);
    expect(fake.mutatingCommands()).toEqual([]);
  });

  it("down during 'final-snapshot' waits for the deletion instead of deleting again", async () => {
    completeStack('final-snapshot');
    fake.clusters.get('dwhcluster')!.pollsLeft = 2;
    const result = await downStack(config(), { snapshot: { skipFinalSnapshot: true } }, opts());
    expect(fake.mutatingCommands()).not.toContain('DeleteCluster');
    expect(result.plan.notes.join()).toContain("already 'final-snapshot'");
    expect(fake.clusters.size).toBe(0);
  });

  it("up during 'final-snapshot' waits until the cluster is gone, then creates it", async () => {
    completeStack('final-snapshot');
    fake.clusters.get('dwhcluster')!.pollsLeft = 2;
    await upStack(config(), {}, opts());
    expect(fake.mutatingCommands()).toEqual(['CreateCluster']);
    expect(fake.clusters.get('dwhcluster')?.status).toBe('available');
  });

  it.each(['hardware-failure', 'storage-full', 'incompatible-hsm', 'a-state-from-the-future'])("'%s' blocks up before any change", async (status) => {
    completeStack(status);
    await expect(upStack(config(), {}, opts())).rejects.toThrow(`in state '${status}', which up cannot work from`);
    expect(fake.mutatingCommands()).toEqual([]);
  });
});

describe('retries (D10, U12)', () => {
  it.each(['DependentServiceUnavailableFault', 'DependentServiceRequestThrottlingFault'])('%s from CreateCluster is retried, then the cluster is made', async (code) => {
    fake.failNext('CreateCluster', awsError(code, 'A dependent service is unavailable. Wait and retry the request.'), 2);
    await upStack(config(), {}, opts());
    expect(fake.commands().filter((c) => c === 'CreateCluster')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.code : ''))).toEqual([code, code]);
  });

  it('an "invalid IAM role" answer is retried only while a just-made role can still be propagating', async () => {
    const notYet = `The IAM role ${ARN} is not valid. The IAM role must delegate access to an Amazon Redshift account.`;
    fake.failNext('CreateCluster', awsError('InvalidParameterValue', notYet), 99);
    const error = (await upStack(config(), {}, opts({ retry: { maxAttempts: 50, random: () => 0.5 } })).catch((e: unknown) => e)) as AwsCallError;
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.code).toBe('InvalidParameterValue');
    const waited = events.flatMap((e) => (e.type === 'retry' ? [e.delayMs] : [])).reduce((a, b) => a + b, 0);
    // Bounded by the propagation window (plus the one pause begun inside it), not by the 50 tries allowed.
    expect(waited).toBeGreaterThan(ROLE_PROPAGATION_WINDOW_MS / 2);
    expect(waited).toBeLessThan(ROLE_PROPAGATION_WINDOW_MS + 20_000);
    expect(fake.commands().filter((c) => c === 'CreateCluster').length).toBeLessThan(15);
  });
});

describe('two up runs at once (two CI jobs)', () => {
  it('converge to one stack: one role, one group, one cluster, one rule; the second joins the first', async () => {
    const [a, b] = await Promise.all([upStack(config(), {}, opts()), upStack(config(), {}, opts())]);
    expect(fake.roles.size).toBe(1);
    expect([...fake.securityGroups.values()].filter((g) => g.name === 'sparkify-dwhcluster')).toHaveLength(1);
    expect(fake.clusters.size).toBe(1);
    expect(fake.rulesOf(fake.groupIdOf('sparkify-dwhcluster') ?? '')).toHaveLength(1);
    expect(a.endpoint).toEqual(b.endpoint);
    expect(fake.commands().filter((c) => c === 'CreateCluster').length).toBeLessThanOrEqual(2);
  });
});
