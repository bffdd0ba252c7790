import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactConfig, scrub, secretsOf, type Config } from './index.js';

const fixture = (name: string) => join(import.meta.dirname, '__fixtures__', name);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sparkify-config-'));
});

/** Writes a config file with mode 0600 (so no permission warning) and returns its path. */
function cfg(text: string, mode = 0o600): string {
  const path = join(dir, 'dwh.cfg');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

function problemsOf(load: () => Config): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig with nothing configured', () => {
  it('selects the embedded PostgreSQL and the built-in demo data', () => {
    const config = loadConfig({ env: {}, cwd: dir });
    expect(config.target).toEqual({ kind: 'embedded', dataDir: join(dir, '.sparkify/pg'), database: 'sparkify' });
    expect(config.source).toEqual({ kind: 'local', dir: join(dir, '.sparkify/demo-data'), demo: true });
    expect(config.file).toBeUndefined();
    expect(config.etl).toEqual({ schema: 'public', maxErrors: 0, concurrency: 16 });
    expect(config.warnings).toEqual([]);
  });

  it('is immutable', () => {
    const config = loadConfig({ env: {}, cwd: dir });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.cluster)).toBe(true);
    expect(() => {
      (config.etl as { maxErrors: number }).maxErrors = 5;
    }).toThrow(TypeError);
  });
});

describe('the seed-format dwh.cfg', () => {
  it('reads the template with blanks as "not set"', () => {
    const file = join(dir, 'dwh.cfg');
    copyFileSync(fixture('seed-template.cfg'), file);
    chmodSync(file, 0o600);
    const config = loadConfig({ env: {}, cwd: dir });
    expect(config.file).toBe(file);
    expect(config.target.kind).toBe('embedded');
    expect(config.iamRoleArn).toBeUndefined();
    expect(config.source).toEqual({
      kind: 's3',
      logData: 's3://udacity-dend/log_data',
      logJsonPath: 's3://udacity-dend/log_json_path.json',
      songData: 's3://udacity-dend/song_data',
      region: 'us-west-2', // the seed bucket's region, whatever [AWS] REGION says (audit F3)
    });
    expect(config.cluster).toMatchObject({
      clusterType: 'multi-node',
      numNodes: 4,
      nodeType: 'dc2.large',
      clusterIdentifier: 'dwhCluster',
      database: 'dwh',
      user: 'dwhuser',
      password: '...',
      port: 5439,
      iamRoleName: 'dwhRole',
      ingressCidr: undefined,
      allowOpenIngress: false,
    });
    expect(config.aws.accessKeyId).toBeUndefined();
  });

  it('reads a filled file: Redshift target, quotes removed, case-insensitive names, # and ; kept in values', () => {
    const config = loadConfig({ file: cfg(readFixture('filled.cfg')), env: {}, cwd: dir });
    expect(config.target).toEqual({
      kind: 'redshift',
      host: 'dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com',
      port: 5439,
      database: 'dwh',
      user: 'dwhuser',
      password: 'Passw0rd#with;specials',
    });
    expect(config.iamRoleArn).toBe('arn:aws:iam::123456789012:role/dwhRole');
    expect(config.source).toMatchObject({ kind: 's3', logData: 's3://udacity-dend/log_data', songData: 's3://udacity-dend/song_data' });
    expect(config.aws).toMatchObject({ region: 'us-west-2', accessKeyId: 'AKIAEXAMPLEKEY123456' });
    expect(config.cluster).toMatchObject({ clusterType: 'single-node', numNodes: 1, ingressCidr: '203.0.113.7/32', owner: 'data-team' });
    expect(config.warnings).toEqual([]);
  });

  it('accepts double and single quotes alike', () => {
    const config = loadConfig({ file: cfg(`[SPARKIFY]\nSCHEMA="star"\nSOURCE='./data dir'\n`), env: {}, cwd: dir });
    expect(config.etl.schema).toBe('star');
    expect(config.source).toEqual({ kind: 'local', dir: join(dir, 'data dir'), demo: false });
  });

  it('warns, as ssh does, when a file holding secrets can be read by others', () => {
    const config = loadConfig({ file: cfg(`[CLUSTER]\nHOST=h\nDB_NAME=d\nDB_USER=u\nDB_PASSWORD=p\n[S3]\nLOG_DATA=s3://my-bucket/log_data\nSONG_DATA=s3://my-bucket/song_data\n`, 0o644), env: {}, cwd: dir });
    expect(config.warnings).toEqual([expect.stringContaining('holds secrets but other users can read it (mode 644); run: chmod 600')]);
  });

  it('does not warn about a readable file without secrets', () => {
    const config = loadConfig({ file: cfg(readFixture('seed-template.cfg').replace('DWH_DB_PASSWORD=...', 'DWH_DB_PASSWORD='), 0o644), env: {}, cwd: dir });
    expect(config.warnings).toEqual([]);
  });

  it('warns about keys it does not know, with the line', () => {
    const config = loadConfig({ file: cfg(`[DWH]\nDWH_NUM_NODE=4\n`), env: {}, cwd: dir });
    expect(config.warnings).toEqual(['dwh.cfg:2 [DWH] DWH_NUM_NODE is not a setting this toolkit reads; check its spelling'.replace('dwh.cfg', join(dir, 'dwh.cfg'))]);
  });
});

describe('environment and command line', () => {
  it('lets environment variables win over the file, and flags over both', () => {
    const file = cfg(`[SPARKIFY]\nSCHEMA=from_file\nMAX_ERRORS=1\n[DWH]\nDWH_NUM_NODES=4\n`);
    const env = { SPARKIFY_SCHEMA: 'from_env', SPARKIFY_MAX_ERRORS: '2', SPARKIFY_DWH_NUM_NODES: '8' };
    const config = loadConfig({ file, env, cwd: dir, overrides: { maxErrors: 3 } });
    expect(config.etl.schema).toBe('from_env');
    expect(config.etl.maxErrors).toBe(3);
    expect(config.cluster.numNodes).toBe(8);
  });

  it('honours DATABASE_URL and the AWS variables; SPARKIFY_* beats the well-known name', () => {
    const config = loadConfig({
      env: {
        DATABASE_URL: 'postgres://u:pw@db:5432/x',
        AWS_ACCESS_KEY_ID: 'AKIA1',
        AWS_SECRET_ACCESS_KEY: 'secret1',
        AWS_SESSION_TOKEN: 'token1',
        AWS_DEFAULT_REGION: 'eu-west-1',
        AWS_REGION: 'us-east-1',
        AWS_PROFILE: 'prod',
        SPARKIFY_AWS_KEY: 'AKIA2',
      },
      cwd: dir,
    });
    expect(config.target).toEqual({ kind: 'postgres', url: 'postgres://u:pw@db:5432/x' });
    expect(config.aws).toEqual({ region: 'us-east-1', profile: 'prod', accessKeyId: 'AKIA2', secretAccessKey: 'secret1', sessionToken: 'token1' });
  });

  it('prefers a database URL over [CLUSTER] HOST, and treats blank variables as not set', () => {
    const file = cfg(readFixture('filled.cfg'));
    expect(loadConfig({ file, env: { DATABASE_URL: 'postgresql://localhost/x' }, cwd: dir }).target.kind).toBe('postgres');
    expect(loadConfig({ file, env: { DATABASE_URL: '  ' }, cwd: dir }).target.kind).toBe('redshift');
  });

  it('reads the file named by SPARKIFY_CONFIG', () => {
    const file = cfg(`[SPARKIFY]\nSCHEMA=named\n`);
    expect(loadConfig({ env: { SPARKIFY_CONFIG: file }, cwd: '/' }).etl.schema).toBe('named');
  });

  it('turns --source into a local folder or an S3 prefix', () => {
    expect(loadConfig({ env: {}, cwd: dir, overrides: { source: 'data' } }).source).toEqual({ kind: 'local', dir: join(dir, 'data'), demo: false });
    expect(loadConfig({ env: {}, cwd: dir, overrides: { source: 's3://my-bucket/sparkify/' } }).source).toEqual({
      kind: 's3',
      logData: 's3://my-bucket/sparkify/log_data',
      songData: 's3://my-bucket/sparkify/song_data',
      logJsonPath: 's3://my-bucket/sparkify/log_json_path.json',
      region: 'us-west-2',
    });
  });

  it("takes the bucket's region from [S3] REGION, apart from the cluster's [AWS] REGION (audit F3)", () => {
    const config = loadConfig({ file: cfg('[AWS]\nREGION=eu-central-1\n[S3]\nREGION=us-east-2\nLOG_DATA=s3://bkt/log_data\nSONG_DATA=s3://bkt/song_data\n'), env: {}, cwd: dir });
    expect(config.source).toMatchObject({ kind: 's3', region: 'us-east-2' });
    expect(config.aws.region).toBe('eu-central-1');
    const bad = () => loadConfig({ file: cfg('[S3]\nREGION=Oregon\nLOG_DATA=s3://b/l\nSONG_DATA=s3://b/s\n'), env: {}, cwd: dir });
    expect(bad).toThrow(/\[S3\] REGION.*an AWS region like us-west-2, got "Oregon"/);
  });

  it('resolves paths in the file against the file, and paths on the command line against cwd', () => {
    const sub = join(dir, 'conf');
    mkdirSync(sub);
    const file = join(sub, 'dwh.cfg');
    writeFileSync(file, `[SPARKIFY]\nDATA_DIR=pgdata\n`);
    expect(loadConfig({ file, env: {}, cwd: dir }).target).toMatchObject({ dataDir: join(sub, 'pgdata') });
    expect(loadConfig({ file, env: {}, cwd: dir, overrides: { dataDir: 'x' } }).target).toMatchObject({ dataDir: join(dir, 'x') });
  });
});

describe('validation', () => {
  it('lists every problem at once, each with file, line, section, key, expectation and the bad value', () => {
    const file = cfg(
      [
        '[DWH]',
        'DWH_CLUSTER_TYPE=many-node',
        'DWH_NUM_NODES=four',
        'DWH_NODE_TYPE=large',
        'DWH_CLUSTER_IDENTIFIER=1cluster',
        'DWH_PORT=70000',
        'DWH_INGRESS_CIDR=10.0.0.0/33',
        'DWH_ALLOW_OPEN_INGRESS=maybe',
        'DWH_IAM_ROLE_NAME=bad role',
        '[IAM_ROLE]',
        'ARN=arn:aws:iam::123:role/x',
        '[S3]',
        'LOG_DATA=http://bucket/log_data',
        'SONG_DATA=s3://my-bucket/song_data',
        '[AWS]',
        'REGION=Oregon',
        '[SPARKIFY]',
        'MAX_ERRORS=-1',
        'SCHEMA=star-schema',
        'DATABASE_URL=mysql://u:hunter2@h/db',
      ].join('\n'),
    );
    const problems = problemsOf(() => loadConfig({ file, env: {}, cwd: dir }));
    const at = (line: number, key: string) => `${file}:${line} ${key}: expected`;
    expect(problems).toEqual([
      `${at(11, '[IAM_ROLE] ARN')} an IAM role ARN like arn:aws:iam::123456789012:role/dwhRole, got "arn:aws:iam::123:role/x"`,
      `${at(13, '[S3] LOG_DATA')} an S3 location like s3://bucket/prefix, got "http://bucket/log_data"`,
      `${at(16, '[AWS] REGION')} an AWS region like us-west-2, got "Oregon"`,
      `${at(2, '[DWH] DWH_CLUSTER_TYPE')} "single-node" or "multi-node", got "many-node"`,
      `${at(3, '[DWH] DWH_NUM_NODES')} a whole number ≥ 1, got "four"`,
      `${at(4, '[DWH] DWH_NODE_TYPE')} a Redshift node type like ra3.large or ra3.xlplus, got "large"`,
      `${at(5, '[DWH] DWH_CLUSTER_IDENTIFIER')} a cluster identifier: 1-63 letters, digits or hyphens, starting with a letter, no "--", got "1cluster"`,
      `${at(6, '[DWH] DWH_PORT')} a whole number from 1 to 65535, got "70000"`,
      `${at(9, '[DWH] DWH_IAM_ROLE_NAME')} an IAM role name (letters, digits and +=,.@_-), got "bad role"`,
      `${at(7, '[DWH] DWH_INGRESS_CIDR')} an IPv4 CIDR block like 203.0.113.7/32, got "10.0.0.0/33"`,
      `${at(8, '[DWH] DWH_ALLOW_OPEN_INGRESS')} true or false (also yes/no, on/off, 1/0), got "maybe"`,
      `${at(20, '[SPARKIFY] DATABASE_URL')} a URL like postgres://user:password@host:5432/database, got a value not shown here because it is secret`,
      `${at(19, '[SPARKIFY] SCHEMA')} an SQL name: letters, digits and _, not starting with a digit, got "star-schema"`,
      `${at(18, '[SPARKIFY] MAX_ERRORS')} a whole number ≥ 0, got "-1"`,
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('names the environment variable when the bad value came from there', () => {
    expect(problemsOf(() => loadConfig({ env: { SPARKIFY_DWH_NUM_NODES: 'four' }, cwd: dir }))).toEqual([
      'environment variable SPARKIFY_DWH_NUM_NODES: expected a whole number ≥ 1, got "four"',
    ]);
  });

  it('names the flag when the bad value came from the command line', () => {
    expect(problemsOf(() => loadConfig({ env: {}, cwd: dir, overrides: { maxErrors: 'lots' } }))).toEqual([
      '--max-errors: expected a whole number ≥ 0, got "lots"',
    ]);
  });

  it('checks that node count and cluster type agree', () => {
    expect(problemsOf(() => loadConfig({ env: { SPARKIFY_DWH_NUM_NODES: '1' }, cwd: dir }))).toEqual([
      'environment variable SPARKIFY_DWH_NUM_NODES: expected at least 2 nodes for a multi-node cluster, got 1',
    ]);
    expect(problemsOf(() => loadConfig({ env: { SPARKIFY_DWH_CLUSTER_TYPE: 'single-node', SPARKIFY_DWH_NUM_NODES: '3' }, cwd: dir }))).toEqual([
      'environment variable SPARKIFY_DWH_NUM_NODES: a single-node cluster has exactly 1 node, got 3',
    ]);
  });

  it('requires the rest of [CLUSTER] once HOST selects Redshift, and an S3 source for it', () => {
    const file = cfg(`[CLUSTER]\nHOST=example.redshift.amazonaws.com\nDB_NAME=\nDB_PASSWORD=x\n`);
    expect(problemsOf(() => loadConfig({ file, env: {}, cwd: dir }))).toEqual([
      `[CLUSTER] DB_NAME: expected a value, because ${file}:2 [CLUSTER] HOST selects the Redshift target`,
      `[CLUSTER] DB_USER: expected a value, because ${file}:2 [CLUSTER] HOST selects the Redshift target`,
      `${file}:2 [CLUSTER] HOST selects Redshift, which loads from S3, but the source is the folder ${join(dir, '.sparkify/demo-data')}; set [S3] LOG_DATA, LOG_JSONPATH and SONG_DATA, or --source s3://bucket/prefix`,
    ]);
  });

  it('rejects lines that are not INI, keys outside a section, and keys set twice', () => {
    expect(problemsOf(() => loadConfig({ file: cfg(`[DWH]\nthis is not ini\n`), env: {}, cwd: dir }))).toEqual([
      `${join(dir, 'dwh.cfg')} line 2: expected [SECTION], KEY=value, or a comment starting with # or ;`,
    ]);
    expect(problemsOf(() => loadConfig({ file: cfg(`HOST=x\n[DWH]\nDWH_PORT=1\n[dwh]\ndwh_port=2\n`), env: {}, cwd: dir }))).toEqual([
      `${join(dir, 'dwh.cfg')} line 4: section [DWH] appears twice (first on line 2); merge the two into one`,
      `${join(dir, 'dwh.cfg')} line 5: [DWH] DWH_PORT is set twice (first on line 3); keep one`,
      `${join(dir, 'dwh.cfg')} line 1: HOST is outside any [SECTION]`,
    ]);
  });

  it('refuses a key set twice in one section, with the file and both lines, as configparser does', () => {
    const file = cfg(`[DWH]\nDWH_PORT=5439\n# the new one\ndwh_port = 5440\n[AWS]\nREGION=us-west-2\n`);
    expect(problemsOf(() => loadConfig({ file, env: {}, cwd: dir }))).toEqual([
      `${file} line 4: [DWH] DWH_PORT is set twice (first on line 2); keep one`,
    ]);
  });

  it('refuses a section that appears twice, even when its keys differ', () => {
    const file = cfg(`[DWH]\nDWH_PORT=5439\n[AWS]\nREGION=us-west-2\n[DWH]\nDWH_DB=dwh\n`);
    expect(problemsOf(() => loadConfig({ file, env: {}, cwd: dir }))).toEqual([
      `${file} line 5: section [DWH] appears twice (first on line 1); merge the two into one`,
    ]);
  });

  it('says so when the named file is missing or cannot be read', () => {
    expect(problemsOf(() => loadConfig({ file: 'nope.cfg', env: {}, cwd: dir }))).toEqual([
      'config file nope.cfg does not exist; pass --config PATH or set SPARKIFY_CONFIG to a readable file',
    ]);
    mkdirSync(join(dir, 'folder.cfg'));
    expect(problemsOf(() => loadConfig({ file: 'folder.cfg', env: {}, cwd: dir }))).toEqual([
      'config file folder.cfg is a folder, not a file; pass --config PATH or set SPARKIFY_CONFIG to a readable file',
    ]);
  });

  it.runIf(process.getuid?.() !== 0)('says so when permissions forbid reading the file (not run as root, who can read anything)', () => {
    const file = cfg('[DWH]\n', 0o000);
    expect(problemsOf(() => loadConfig({ file, env: {}, cwd: dir }))[0]).toContain('cannot be read (permission denied)');
  });
});

describe('redaction', () => {
  it('hides every secret and keeps the rest', () => {
    const config = loadConfig({
      file: cfg(readFixture('filled.cfg')),
      env: { AWS_SESSION_TOKEN: 'tok-secret' },
      cwd: dir,
    });
    const printed = JSON.stringify(redactConfig(config));
    for (const secret of ['Passw0rd#with;specials', 'Str0ngPassword', 'wJalrXUtnFEMI', 'AKIAEXAMPLEKEY123456', 'tok-secret']) {
      expect(printed).not.toContain(secret);
    }
    expect(redactConfig(config).target).toMatchObject({ kind: 'redshift', host: 'dwhcluster.abc123xyz.us-west-2.redshift.amazonaws.com', password: '***' });
    expect(redactConfig(config).aws).toMatchObject({ region: 'us-west-2', secretAccessKey: '***', accessKeyId: '***' });
  });

  it('hides the password of a database URL but keeps its host', () => {
    const config = loadConfig({ env: { DATABASE_URL: 'postgres://loader:s3cr3t@db.example:5432/dwh' }, cwd: dir });
    expect(redactConfig(config).target).toEqual({ kind: 'postgres', url: 'postgres://loader:***@db.example:5432/dwh' });
  });

  it('refuses a malformed %-escape in a database URL, naming the variable or flag but never the value', () => {
    const url = 'postgres://loader:pa%zzword99@db.example:5432/dwh';
    const expected = 'expected a URL whose %-escapes are valid: % then two hex digits (write a % in a password as %25), got a value not shown here because it is secret';
    const fromEnv = problemsOf(() => loadConfig({ env: { DATABASE_URL: url }, cwd: dir }));
    expect(fromEnv).toEqual([`environment variable DATABASE_URL: ${expected}`]);
    const fromFlag = problemsOf(() => loadConfig({ env: {}, cwd: dir, overrides: { databaseUrl: 'postgres://u:100%@h/db' } }));
    expect(fromFlag).toEqual([`--database-url: ${expected}`]);
    expect([...fromEnv, ...fromFlag].join('\n')).not.toMatch(/pa%zz|100%@/);
    // A URL whose escapes are fine still loads, and its decoded password is among the secrets to hide.
    const fine = loadConfig({ env: { DATABASE_URL: 'postgres://loader:100%25sure@db.example/dwh' }, cwd: dir });
    expect(secretsOf(fine)).toContain('100%sure');
  });
});

function readFixture(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

describe('secretsOf and scrub', () => {
  it('hide every secret of the config from a text, plain and URL-encoded', () => {
    const config = loadConfig({
      env: {
        DATABASE_URL: 'postgres://loader:p%40ss%2Fword@db:5432/dwh',
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
        SPARKIFY_DWH_DB_PASSWORD: 'Str0ngPassword',
      },
      cwd: dir,
    });
    const text = 'url postgres://loader:p%40ss%2Fword@db, password p@ss/word, key AKIAEXAMPLE/wJalrXUtnFEMI, dwh Str0ngPassword';
    expect(scrub(text, secretsOf(config))).toBe('url postgres://loader:***@db, password ***, key ***/***, dwh ***');
  });
});
