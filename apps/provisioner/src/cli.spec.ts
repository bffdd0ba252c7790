import { manualClock } from '@sparkify/infra';
import { awsError, FakeControlPlane } from '@sparkify/infra/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Deps } from './cli.js';
import { textSink, type Io } from '@sparkify/cli';

const PASSWORD = 'Sup3rSecretPw';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const HOST = 'dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com';
/** The id the fake gives the stack's own security group (the second group after the VPC's default). */
const GROUP = 'sg-000000002';

/** The seed file's layout, filled in as a user would before the first `up`. */
const configText = (dwh: Record<string, string> = {}) =>
  [
    '# Sparkify warehouse: my notes stay here',
    '[CLUSTER]',
    '; filled in by: nx run provisioner:up --write-config',
    'HOST=',
    'DB_NAME=',
    'DB_USER=',
    'DB_PASSWORD=',
    'DB_PORT=',
    '[IAM_ROLE]',
    'ARN=',
    '[S3]',
    "LOG_DATA='s3://udacity-dend/log_data'",
    "LOG_JSONPATH='s3://udacity-dend/log_json_path.json'",
    "SONG_DATA='s3://udacity-dend/song_data'",
    '[AWS]',
    'KEY=AKIAIOSFODNN7EXAMPLE',
    `SECRET=${AWS_SECRET}`,
    'REGION=us-west-2',
    '[DWH]',
    'DWH_CLUSTER_TYPE=multi-node',
    'DWH_NUM_NODES=4',
    'DWH_NODE_TYPE=ra3.large',
    'DWH_CLUSTER_IDENTIFIER=dwhCluster',
    'DWH_DB=dwh',
    'DWH_DB_USER=dwhuser',
    `DWH_DB_PASSWORD=${PASSWORD}`,
    'DWH_PORT=5439',
    'DWH_IAM_ROLE_NAME=dwhRole',
    'DWH_INGRESS_CIDR=203.0.113.7/32',
    ...Object.entries(dwh).map(([k, v]) => `${k}=${v}`),
    '',
  ].join('\n');

let dir: string;
let file: string;
let fake: FakeControlPlane;
let installed: { restore(): void };
let out: string;
let err: string;
let deps: Deps;

const io = (): Io => ({ stdout: { write: (t: string) => (out += t) }, stderr: textSink((t) => (err += t)), env: {}, cwd: dir });
const run = (...argv: string[]) => main(argv, io(), deps);
const json = () => JSON.parse(out) as Record<string, unknown>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provisioner-'));
  file = join(dir, 'dwh.cfg');
  await writeFile(file, configText(), { mode: 0o600 });
  fake = new FakeControlPlane();
  installed = fake.install(mockClient);
  out = '';
  err = '';
  deps = { clock: manualClock(), retry: { random: () => 0.5 } };
});
afterEach(async () => {
  installed.restore();
  await rm(dir, { recursive: true, force: true });
  // Every test: no secret in anything printed.
  for (const secret of [PASSWORD, AWS_SECRET]) {
    expect(out).not.toContain(secret);
    expect(err).not.toContain(secret);
  }
});

describe('usage', () => {
  it('no command prints help and exits 2', async () => {
    expect(await run()).toBe(2);
    expect(err).toContain('Usage: provisioner');
  });

  it('an unknown option exits 2', async () => {
    expect(await run('up', '--bogus')).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
  });

  it('down without a snapshot choice exits 2 and makes no AWS call', async () => {
    expect(await run('down')).toBe(2);
    expect(err).toContain('--final-snapshot ID (keep a snapshot) or --skip-final-snapshot');
    expect(fake.calls).toEqual([]);
  });

  it('down with both choices, or a bad snapshot id, exits 2', async () => {
    expect(await run('down', '--final-snapshot', 'keep-1', '--skip-final-snapshot')).toBe(2);
    expect(await run('down', '--final-snapshot', '1-bad--id')).toBe(2);
    expect(err).toContain('a snapshot identifier is 1-255 letters');
    expect(fake.calls).toEqual([]);
  });

  it('a bad --timeout exits 2', async () => {
    expect(await run('up', '--timeout', 'soon')).toBe(2);
    expect(err).toContain('expected a number of minutes');
  });
});

describe('config errors exit 2', () => {
  it('a missing region names the key and the variable', async () => {
    await writeFile(file, configText().replace('REGION=us-west-2\n', ''));
    expect(await run('plan', '--json')).toBe(2);
    expect(json()).toMatchObject({ command: 'plan', ok: false, exitCode: 2 });
    expect((json()['error'] as { message: string }).message).toMatch(/\[AWS\] REGION .*AWS_REGION/);
  });

  it('an invalid setting is reported by the config loader', async () => {
    await writeFile(file, configText().replace('DWH_NUM_NODES=4', 'DWH_NUM_NODES=four'));
    expect(await run('plan')).toBe(2);
    expect(err).toContain('DWH_NUM_NODES');
  });

  it('an open CIDR without DWH_ALLOW_OPEN_INGRESS is refused', async () => {
    await writeFile(file, configText().replace('DWH_INGRESS_CIDR=203.0.113.7/32', 'DWH_INGRESS_CIDR=0.0.0.0/0'));
    expect(await run('up')).toBe(2);
    expect(err).toContain('DWH_ALLOW_OPEN_INGRESS=true');
    expect(fake.calls).toEqual([]);
  });

  it('a plan that up could not carry out (no password) exits 2 and lists the problem', async () => {
    await writeFile(file, configText().replace(`DWH_DB_PASSWORD=${PASSWORD}`, 'DWH_DB_PASSWORD=...'));
    expect(await run('plan', '--json')).toBe(2);
    expect(json()).toMatchObject({ ok: false, problems: [expect.stringContaining('[DWH] DWH_DB_PASSWORD does not meet')] });
    out = '';
    expect(await run('up', '--dry-run')).toBe(2);
    expect(out).toContain('problem: [DWH] DWH_DB_PASSWORD');
    expect(fake.mutatingCommands()).toEqual([]);
  });
});

describe('a full session', () => {
  it('plan → up --write-config → status → up (no change) → down → down (nothing left)', async () => {
    expect(await run('plan')).toBe(0);
    expect(out).toContain('+ create  iam-role       dwhRole');
    expect(out).toContain('5 to create, 0 to update, 0 to delete, 0 unchanged.');
    expect(out).toContain('+ create  security-group sparkify-dwhcluster');
    expect(fake.mutatingCommands()).toEqual([]);

    out = '';
    expect(await run('up', '--write-config')).toBe(0);
    expect(out).toContain(`endpoint  ${HOST}:5439`);
    expect(out).toContain('role ARN  arn:aws:iam::123456789012:role/dwhRole');
    expect(err).toContain('cluster dwhcluster: creating');
    const written = await readFile(file, 'utf8');
    expect(written).toContain(`HOST=${HOST}\n`);
    expect(written).toContain(`DB_PASSWORD=${PASSWORD}\n`);
    expect(written).toContain('ARN=arn:aws:iam::123456789012:role/dwhRole\n');
    expect(written.startsWith('# Sparkify warehouse: my notes stay here\n[CLUSTER]\n; filled in by: nx run provisioner:up --write-config\nHOST=')).toBe(true);
    expect(written.split('\n').length).toBe(configText().split('\n').length);

    out = '';
    expect(await run('status', '--json')).toBe(0);
    expect(json()['resources']).toEqual([
      { resource: 'iam-role', name: 'dwhRole', state: 'present', detail: 'arn:aws:iam::123456789012:role/dwhRole' },
      { resource: 'role-policy', name: 'dwhRole/sparkify-s3-read', state: 'present', detail: 'read-only access to the configured S3 locations' },
      { resource: 'security-group', name: 'sparkify-dwhcluster', state: 'present', detail: `${GROUP} in vpc-0default` },
      { resource: 'cluster', name: 'dwhcluster', state: 'available', detail: `${HOST}:5439, 4 × ra3.large, encrypted, private, role attached` },
      { resource: 'ingress', name: '203.0.113.7/32 → tcp/5439', state: 'authorized', detail: `on ${GROUP}` },
    ]);

    out = '';
    const before = fake.mutatingCommands().length;
    expect(await run('up', '--json')).toBe(0);
    expect(json()).toMatchObject({ command: 'up', ok: true, changed: false, endpoint: { address: HOST, port: 5439 } });
    out = '';
    expect(await run('up')).toBe(0);
    expect(out).toContain('The config file already points nx run loader:etl at this cluster.');
    expect(fake.mutatingCommands().length).toBe(before);

    out = '';
    expect(await run('down', '--final-snapshot', 'dwh-final-1')).toBe(0);
    expect(out).toContain(
      'Deleted in us-west-2: ingress 203.0.113.7/32 → tcp/5439; cluster dwhcluster; security-group sparkify-dwhcluster; role-policy dwhRole/sparkify-s3-read; iam-role dwhRole.',
    );
    expect(fake.securityGroups.has(GROUP)).toBe(false);
    expect(fake.snapshots).toEqual(['dwh-final-1']);
    expect(fake.clusters.size + fake.roles.size).toBe(0);

    out = '';
    expect(await run('down', '--skip-final-snapshot', '--json')).toBe(0);
    expect(json()).toMatchObject({ command: 'down', ok: true, changed: false, steps: [] });
  });

  it('up --dry-run prints the plan and makes no mutating call', async () => {
    expect(await run('up', '--dry-run', '--json')).toBe(0);
    expect(json()).toMatchObject({ applied: false, changed: true });
    expect(fake.mutatingCommands()).toEqual([]);
  });
});

describe('AWS failures exit 1', () => {
  it('access denied: which call, which resource, what to do', async () => {
    fake.failNext('CreateRole', awsError('AccessDenied', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole', 403));
    expect(await run('up')).toBe(1);
    expect(err).toMatch(/CreateRole on IAM role dwhRole failed: AccessDenied: .*grant it/);
    fake.failNext('CreateRole', awsError('AccessDenied', 'not authorized', 403));
    expect(await run('up', '--json')).toBe(1);
    expect(json()).toEqual({
      command: 'up',
      ok: false,
      exitCode: 1,
      error: {
        kind: 'refused',
        retry: 'terminal',
        message: expect.stringContaining('CreateRole on IAM role dwhRole failed: AccessDenied'),
        aws: { call: 'CreateRole', resource: 'IAM role dwhRole', code: 'AccessDenied', errorClass: 'terminal' },
      },
    });
  });

  it('a cluster stuck deleting times out with --timeout', async () => {
    fake.addRole('dwhRole').addCluster('dwhCluster');
    fake.deletePolls = Number.POSITIVE_INFINITY;
    expect(await run('down', '--skip-final-snapshot', '--timeout', '2', '--json')).toBe(1);
    expect(json()).toMatchObject({ ok: false, exitCode: 1 });
    expect((json()['error'] as { message: string }).message).toContain("still 'deleting' after 2m (limit 2m)");
  });

  it('a secret that AWS echoes back is hidden', async () => {
    fake.failNext('CreateCluster', awsError('InvalidParameterValue', `The password ${PASSWORD} is not allowed; key ${AWS_SECRET}`));
    expect(await run('up')).toBe(1);
    expect(err).toContain('The password *** is not allowed; key ***');
  });
});

describe('an unexpected error exits 3', () => {
  it('names the error and prints the one failure document', async () => {
    // An environment that breaks when the config is read from it (DEBUG still answers): nothing the provisioner foresees.
    const env = new Proxy(
      {},
      {
        get: (_target, key) => {
          if (key === 'DEBUG') return undefined;
          throw new TypeError('environment unreadable');
        },
      },
    );
    const broken: Io = { ...io(), env };
    expect(await main(['plan', '--json'], broken, deps)).toBe(3);
    expect(json()).toEqual({ command: 'plan', ok: false, exitCode: 3, error: { kind: 'unexpected', retry: 'terminal', message: expect.stringMatching(/^TypeError: environment unreadable/) } });
    expect(err).toMatch(/^provisioner plan failed: TypeError: environment unreadable$/m);
  });
});
