import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { Config, Source, Target } from './config.js';
import { ConfigError } from './config-error.js';
import { KEYS, keyId, type KeySpec, type SectionKey } from './keys.js';
import { readConfigFile } from './read-config-file.js';

/**
 * A node type AWS creates today (DC2 was deprecated in April 2025). ra3.large takes 1 node (single-node) or
 * 2-16 (multi-node), so the seed's 4-node multi-node default fits it.
 */
export const DEFAULT_NODE_TYPE = 'ra3.large';

/** Values given on a command line; they win over the environment and the file. */
export interface ConfigOverrides {
  readonly databaseUrl?: string | undefined;
  readonly source?: string | undefined;
  readonly maxErrors?: number | string | undefined;
  readonly dataDir?: string | undefined;
  readonly schema?: string | undefined;
}

export interface LoadConfigOptions {
  /** Path of the config file; it must exist. Default: $SPARKIFY_CONFIG, else ./dwh.cfg if present. */
  readonly file?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly overrides?: ConfigOverrides;
}

const FLAG_OF: Partial<Record<SectionKey, [keyof ConfigOverrides, string]>> = {
  'SPARKIFY.DATABASE_URL': ['databaseUrl', '--database-url'],
  'SPARKIFY.SOURCE': ['source', '--source'],
  'SPARKIFY.MAX_ERRORS': ['maxErrors', '--max-errors'],
  'SPARKIFY.DATA_DIR': ['dataDir', '--data-dir'],
  'SPARKIFY.SCHEMA': ['schema', '--schema'],
};

interface Raw {
  readonly value: string;
  /** Where the value came from, as a person would look for it. */
  readonly origin: string;
  /** Folder that relative paths in this value are relative to. */
  readonly baseDir: string;
}

/**
 * Turns dwh.cfg (the original project's INI format, optional) plus the environment plus command-line overrides
 * into one validated, immutable Config. Precedence: command line > SPARKIFY_* variable > well-known variable
 * (DATABASE_URL, AWS_*) > file > default. Throws ConfigError listing every problem at once.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const problems: string[] = [];
  const warnings: string[] = [];

  const explicit = options.file ?? blankToUndefined(env['SPARKIFY_CONFIG']);
  const file = explicit ? resolve(cwd, explicit) : existsSync(resolve(cwd, 'dwh.cfg')) ? resolve(cwd, 'dwh.cfg') : undefined;
  const fileValues = new Map<string, Raw>();
  if (file) {
    const name = explicit ? explicit : basename(file);
    try {
      const contents = readConfigFile(file);
      problems.push(...contents.problems.map((p) => `${name} ${p}`));
      const known = new Set(KEYS.map(keyId));
      for (const [id, { value, line }] of contents.values) {
        const [section, key] = id.split('.');
        if (!known.has(id)) warnings.push(`${name}:${line ?? '?'} [${section}] ${key} is not a setting this toolkit reads; check its spelling`);
        if (value !== '') fileValues.set(id, { value, origin: `${name}:${line ?? '?'} [${section}] ${key}`, baseDir: dirname(file) });
      }
      const holdsSecret = KEYS.some((k) => 'secret' in k && fileValues.has(keyId(k)));
      if (holdsSecret && (contents.mode & 0o077) !== 0) {
        warnings.push(
          `${name} holds secrets but other users can read it (mode ${contents.mode.toString(8)}); run: chmod 600 ${name}`,
        );
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)'
        : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`;
      problems.push(`config file ${name} ${why}; pass --config PATH or set SPARKIFY_CONFIG to a readable file`);
    }
  }

  const rawOf = (spec: KeySpec): Raw | undefined => {
    const id = keyId(spec) as SectionKey;
    const flag = FLAG_OF[id];
    const flagValue = flag ? options.overrides?.[flag[0]] : undefined;
    if (flagValue !== undefined && String(flagValue).trim() !== '') {
      return { value: String(flagValue).trim(), origin: flag![1], baseDir: cwd };
    }
    for (const name of [spec.env, ...(spec.aliases ?? [])]) {
      const value = blankToUndefined(env[name]);
      if (value !== undefined) return { value, origin: `environment variable ${name}`, baseDir: cwd };
    }
    return fileValues.get(id);
  };

  const settings = new Map<string, { value: unknown; raw: Raw }>();
  const invalid = new Set<string>();
  for (const spec of KEYS) {
    const raw = rawOf(spec);
    if (!raw) continue;
    const result = spec.schema.safeParse(raw.value);
    if (result.success) {
      settings.set(keyId(spec), { value: result.data, raw });
    } else {
      invalid.add(keyId(spec));
      const shown = 'secret' in spec ? 'a value not shown here because it is secret' : JSON.stringify(raw.value);
      problems.push(`${raw.origin}: expected ${result.error.issues[0]?.message ?? 'a valid value'}, got ${shown}`);
    }
  }

  const get = <T>(id: SectionKey): T | undefined => settings.get(id)?.value as T | undefined;
  const path = (id: SectionKey, fallback: string): string => {
    const s = settings.get(id);
    if (!s) return resolve(cwd, fallback);
    return isAbsolute(s.raw.value) ? s.raw.value : resolve(s.raw.baseDir, s.raw.value);
  };
  const originOf = (id: SectionKey): string => settings.get(id)?.raw.origin ?? `[${id.replace('.', '] ')}`;

  /** Settings that are required here but absent (an invalid value was already reported, so it is not absent). */
  const absent = (ids: readonly SectionKey[]) => ids.filter((id) => !settings.has(id) && !invalid.has(id));
  const context: Context = { get, path, originOf, absent, problems, cwd };
  const target = resolveTarget(context);
  const source = resolveSource(context);
  if (target.kind === 'redshift' && source.kind === 'local') {
    problems.push(
      `${originOf('CLUSTER.HOST')} selects Redshift, which loads from S3, but the source is the folder ${source.dir}; ` +
        'set [S3] LOG_DATA, LOG_JSONPATH and SONG_DATA, or --source s3://bucket/prefix',
    );
  }
  const clusterType = get<'single-node' | 'multi-node'>('DWH.DWH_CLUSTER_TYPE') ?? 'multi-node';
  const numNodes = get<number>('DWH.DWH_NUM_NODES') ?? (clusterType === 'single-node' ? 1 : 4);
  if (clusterType === 'multi-node' && numNodes < 2) {
    problems.push(`${originOf('DWH.DWH_NUM_NODES')}: expected at least 2 nodes for a multi-node cluster, got ${numNodes}`);
  }
  if (clusterType === 'single-node' && numNodes !== 1) {
    problems.push(`${originOf('DWH.DWH_NUM_NODES')}: a single-node cluster has exactly 1 node, got ${numNodes}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return deepFreeze<Config>({
    target,
    source,
    iamRoleArn: get('IAM_ROLE.ARN'),
    aws: {
      region: get('AWS.REGION'),
      profile: get('AWS.PROFILE'),
      accessKeyId: get('AWS.KEY'),
      secretAccessKey: get('AWS.SECRET'),
      sessionToken: get('AWS.SESSION_TOKEN'),
    },
    cluster: {
      kind: get('DWH.DWH_KIND') ?? 'provisioned',
      clusterType,
      numNodes,
      nodeType: get('DWH.DWH_NODE_TYPE') ?? DEFAULT_NODE_TYPE,
      clusterIdentifier: get('DWH.DWH_CLUSTER_IDENTIFIER') ?? 'dwhCluster',
      database: get('DWH.DWH_DB') ?? 'dwh',
      user: get('DWH.DWH_DB_USER') ?? 'dwhuser',
      password: get('DWH.DWH_DB_PASSWORD'),
      managedPassword: get('DWH.DWH_MANAGED_PASSWORD') ?? false,
      port: get('DWH.DWH_PORT') ?? 5439,
      namespace: get('DWH.DWH_NAMESPACE') ?? 'dwh-namespace',
      workgroup: get('DWH.DWH_WORKGROUP') ?? 'dwh-workgroup',
      baseCapacity: get('DWH.DWH_BASE_CAPACITY') ?? 8,
      iamRoleName: get('DWH.DWH_IAM_ROLE_NAME') ?? 'dwhRole',
      ingressCidr: get('DWH.DWH_INGRESS_CIDR'),
      allowOpenIngress: get('DWH.DWH_ALLOW_OPEN_INGRESS') ?? false,
      publiclyAccessible: get('DWH.DWH_PUBLICLY_ACCESSIBLE') ?? false,
      owner: get('DWH.DWH_OWNER'),
    },
    etl: {
      schema: get('SPARKIFY.SCHEMA') ?? 'public',
      maxErrors: get('SPARKIFY.MAX_ERRORS') ?? 0,
      concurrency: get('SPARKIFY.CONCURRENCY') ?? 16,
    },
    file,
    warnings,
  });
}

interface Context {
  readonly get: <T>(id: SectionKey) => T | undefined;
  /** A path setting resolved against the folder of whatever set it, or the fallback against cwd. */
  readonly path: (id: SectionKey, fallback: string) => string;
  readonly originOf: (id: SectionKey) => string;
  readonly absent: (ids: readonly SectionKey[]) => SectionKey[];
  readonly problems: string[];
  readonly cwd: string;
}

function resolveTarget({ get, path, originOf, absent, problems }: Context): Target {
  const url = get<string>('SPARKIFY.DATABASE_URL');
  if (url) return { kind: 'postgres', url };
  const host = get<string>('CLUSTER.HOST');
  if (host) {
    for (const id of absent(['CLUSTER.DB_NAME', 'CLUSTER.DB_USER', 'CLUSTER.DB_PASSWORD'])) {
      problems.push(`${originOf(id)}: expected a value, because ${originOf('CLUSTER.HOST')} selects the Redshift target`);
    }
    return {
      kind: 'redshift',
      host,
      port: get('CLUSTER.DB_PORT') ?? 5439,
      database: get('CLUSTER.DB_NAME') ?? '',
      user: get('CLUSTER.DB_USER') ?? '',
      password: get('CLUSTER.DB_PASSWORD') ?? '',
    };
  }
  return { kind: 'embedded', dataDir: path('SPARKIFY.DATA_DIR', '.sparkify/pg'), database: get('SPARKIFY.DATABASE') ?? 'sparkify' };
}

function resolveSource({ get, path, originOf, absent, problems, cwd }: Context): Source {
  const given = get<string>('SPARKIFY.SOURCE');
  // The seed data's bucket (udacity-dend) is in us-west-2; COPY needs the bucket's region, not the cluster's (audit F3).
  const bucketRegion = get<string>('S3.REGION') ?? 'us-west-2';
  const manifestPrefix = get<string>('S3.MANIFEST_PREFIX')?.replace(/\/+$/, '');
  const extra = { region: bucketRegion, ...(manifestPrefix ? { manifestPrefix } : {}) };
  if (given?.startsWith('s3://')) {
    const prefix = given.replace(/\/+$/, '');
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(prefix)) {
      problems.push(`${originOf('SPARKIFY.SOURCE')}: expected an S3 location like s3://bucket/prefix, got ${JSON.stringify(given)}`);
    }
    return { kind: 's3', logData: `${prefix}/log_data`, songData: `${prefix}/song_data`, logJsonPath: `${prefix}/log_json_path.json`, ...extra };
  }
  if (given) return { kind: 'local', dir: path('SPARKIFY.SOURCE', '.'), demo: false };
  const logData = get<string>('S3.LOG_DATA');
  const songData = get<string>('S3.SONG_DATA');
  if (logData || songData) {
    for (const id of absent(['S3.LOG_DATA', 'S3.SONG_DATA'])) problems.push(`${originOf(id)}: expected an S3 location, because the other [S3] keys are set`);
    const base = (logData ?? '').replace(/\/+$/, '').replace(/\/[^/]*$/, '');
    return {
      kind: 's3',
      logData: logData ?? '',
      songData: songData ?? '',
      logJsonPath: get<string>('S3.LOG_JSONPATH') ?? `${base}/log_json_path.json`,
      ...extra,
    };
  }
  return { kind: 'local', dir: resolve(cwd, '.sparkify', 'demo-data'), demo: true };
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
