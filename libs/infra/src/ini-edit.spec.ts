import { loadConfig } from '@sparkify/config';
import { chmod, copyFile, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editIniText, writeIniValues } from './ini-edit.js';

const SEED = join(import.meta.dirname, '__fixtures__', 'seed-dwh.cfg');
const HOST = 'dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com';
const VALUES = {
  CLUSTER: { HOST, DB_NAME: 'dwh', DB_USER: 'dwhuser', DB_PASSWORD: 'Sup3r#Secret;Pw', DB_PORT: '5439' },
  IAM_ROLE: { ARN: 'arn:aws:iam::123456789012:role/dwhRole' },
};

describe('editIniText', () => {
  it('fills the seed file in place and changes no other line', async () => {
    const seed = await readFile(SEED, 'utf8');
    const edited = editIniText(seed, VALUES);
    const before = seed.split('\n');
    const after = edited.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
    expect(changed).toEqual([`HOST=${HOST}`, 'DB_NAME=dwh', 'DB_USER=dwhuser', 'DB_PASSWORD=Sup3r#Secret;Pw', 'DB_PORT=5439', 'ARN=arn:aws:iam::123456789012:role/dwhRole']);
  });

  it('keeps comments, blank lines, spacing, key case, quotes and CRLF endings', () => {
    const text = [
      '; written by hand',
      '[cluster]',
      '# the endpoint, filled by the provisioner',
      'host = old.example.com',
      '',
      "db_name = 'olddb'",
      '',
      '[S3]',
      "LOG_DATA='s3://udacity-dend/log_data'",
      '',
    ].join('\r\n');
    const edited = editIniText(text, { CLUSTER: { HOST, DB_NAME: 'dwh', DB_PORT: '5439' } });
    expect(edited).toBe(
      [
        '; written by hand',
        '[cluster]',
        '# the endpoint, filled by the provisioner',
        `host = ${HOST}`,
        '',
        "db_name = 'dwh'",
        'DB_PORT=5439',
        '',
        '[S3]',
        "LOG_DATA='s3://udacity-dend/log_data'",
        '',
      ].join('\r\n'),
    );
  });

  it('adds a missing section at the end, after a blank line', () => {
    const edited = editIniText('[DWH]\nDWH_DB=dwh', { IAM_ROLE: { ARN: 'arn:x' } });
    expect(edited).toBe('[DWH]\nDWH_DB=dwh\n\n[IAM_ROLE]\nARN=arn:x\n');
  });

  it('adds a missing key of a section that is followed by another section', () => {
    expect(editIniText('[CLUSTER]\nHOST=\n[IAM_ROLE]\nARN=\n', { CLUSTER: { DB_PORT: '5439' }, IAM_ROLE: { ARN: 'a' } })).toBe(
      '[CLUSTER]\nHOST=\nDB_PORT=5439\n[IAM_ROLE]\nARN=a\n',
    );
  });

  it('refuses a value with a line break (it would inject keys)', () => {
    expect(() => editIniText('[A]\n', { A: { K: 'x\n[B]' } })).toThrow('[A] K: a value cannot span lines');
  });
});

describe('writeIniValues', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'infra-ini-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rewrites the seed file atomically, keeps its mode, and loadConfig reads the new target back', async () => {
    const file = join(dir, 'dwh.cfg');
    await copyFile(SEED, file);
    await chmod(file, 0o600);
    await writeIniValues(file, VALUES);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['dwh.cfg']);
    const text = await readFile(file, 'utf8');
    expect(text).toContain("LOG_DATA='s3://udacity-dend/log_data'");
    const config = loadConfig({ file, env: {}, cwd: dir });
    expect(config.target).toEqual({ kind: 'redshift', host: HOST, port: 5439, database: 'dwh', user: 'dwhuser', password: 'Sup3r#Secret;Pw' });
    expect(config.iamRoleArn).toBe('arn:aws:iam::123456789012:role/dwhRole');
  });

  it('follows a symlink and rewrites its target', async () => {
    const real = join(dir, 'real.cfg');
    const link = join(dir, 'dwh.cfg');
    await writeFile(real, '[CLUSTER]\nHOST=\n', { mode: 0o640 });
    await symlink(real, link);
    await writeIniValues(link, { CLUSTER: { HOST } });
    expect(await readFile(real, 'utf8')).toBe(`[CLUSTER]\nHOST=${HOST}\n`);
    expect((await stat(real)).mode & 0o777).toBe(0o640);
  });
});
