/**
 * The root README's "Redshift Serverless, from an empty account" walkthrough, step by step, against the stateful
 * fake of the AWS control plane (no AWS account is touched). Keep the two in step: each `run(...)` here is a
 * command there.
 */
import { loadConfig } from '@sparkify/config';
import { manualClock } from '@sparkify/infra';
import { FakeControlPlane } from '@sparkify/infra/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from './cli.js';
import { textSink, type Io } from '@sparkify/cli';

const PASSWORD = 'Sup3rSecretPw';
const HOST = 'dwh-workgroup.123456789012.us-west-2.redshift-serverless.amazonaws.com';

/** The config file of the walkthrough: the seed's [S3] and [AWS] sections, and [DWH] for Serverless. */
const walkthroughConfig = [
  '[CLUSTER]',
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
  'REGION=us-west-2',
  '[DWH]',
  'DWH_KIND=serverless',
  'DWH_NAMESPACE=dwh-namespace',
  'DWH_WORKGROUP=dwh-workgroup',
  'DWH_BASE_CAPACITY=8',
  'DWH_DB=dwh',
  'DWH_DB_USER=dwhuser',
  `DWH_DB_PASSWORD=${PASSWORD}`,
  'DWH_INGRESS_CIDR=203.0.113.7/32',
  'DWH_PUBLICLY_ACCESSIBLE=true',
  '',
].join('\n');

let dir: string;
let file: string;
let fake: FakeControlPlane;
let installed: { restore(): void };
let out = '';
let err = '';
const io = (): Io => ({ stdout: { write: (t: string) => (out += t) }, stderr: textSink((t) => (err += t)), env: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret/Example' }, cwd: dir });
const run = async (...argv: string[]) => {
  out = '';
  err = '';
  return main(argv, io(), { clock: manualClock(), retry: { random: () => 0.5 } });
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'walkthrough-'));
  file = join(dir, 'dwh.cfg');
  await writeFile(file, walkthroughConfig, { mode: 0o600 });
  fake = new FakeControlPlane();
  installed = fake.install(mockClient);
});
afterEach(async () => {
  installed.restore();
  await rm(dir, { recursive: true, force: true });
  expect(out + err).not.toContain(PASSWORD);
});

it('empty account → plan → up --write-config → status → the loader config → down', async () => {
  expect(await run('plan')).toBe(0);
  expect(out).toContain('+ create  namespace      dwh-namespace');
  expect(out).toContain('+ create  workgroup      dwh-workgroup');
  expect(out).toContain('6 to create, 0 to update, 0 to delete, 0 unchanged.');
  expect(fake.mutatingCommands()).toEqual([]);

  expect(await run('up', '--write-config')).toBe(0);
  expect(out).toContain(`endpoint  ${HOST}:5439`);
  expect(out).toContain('nx run loader:etl now loads into this workgroup.');
  expect(err).toContain('workgroup dwh-workgroup: CREATING');

  expect(await run('status')).toBe(0);
  expect(out).toMatch(/workgroup\s+dwh-workgroup\s+AVAILABLE\s+dwh-workgroup\.123456789012/);

  // What `nx run loader:etl` reads next: the Redshift target on the workgroup endpoint, port 5439.
  const loaded = loadConfig({ file, env: {}, cwd: dir });
  expect(loaded.target).toEqual({ kind: 'redshift', host: HOST, port: 5439, database: 'dwh', user: 'dwhuser', password: PASSWORD });
  expect(loaded.iamRoleArn).toBe('arn:aws:iam::123456789012:role/dwhRole');
  expect(await readFile(file, 'utf8')).toContain('DWH_KIND=serverless\n');

  expect(await run('down')).toBe(2);
  expect(err).toContain('--final-snapshot ID (keep a snapshot) or --skip-final-snapshot');
  expect(await run('down', '--final-snapshot', 'dwh-final-1')).toBe(0);
  expect(out).toContain('workgroup dwh-workgroup; namespace dwh-namespace; security-group sparkify-dwh-workgroup');
  expect(fake.snapshots).toEqual(['dwh-final-1']);
  expect(fake.namespaces.size + fake.workgroups.size + fake.roles.size).toBe(0);
});
