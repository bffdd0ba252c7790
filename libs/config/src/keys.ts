import type { z } from 'zod';
import * as v from './values.js';

/** One setting: where it lives in dwh.cfg, which environment variables override it, how it is checked. */
export interface KeySpec {
  readonly section: string;
  readonly key: string;
  /** Our variable: SPARKIFY_<SECTION>_<KEY>, the section not repeated (DWH_PORT → SPARKIFY_DWH_PORT; [SPARKIFY] SCHEMA → SPARKIFY_SCHEMA). */
  readonly env: string;
  /** Well-known variables honoured too (lower precedence than `env`). */
  readonly aliases?: readonly string[];
  readonly secret?: boolean;
  readonly schema: z.ZodType<unknown, string>;
  readonly description: string;
}

const spec = (
  section: string,
  key: string,
  schema: z.ZodType<unknown, string>,
  description: string,
  extra: { env?: string; aliases?: string[]; secret?: boolean } = {},
): KeySpec => ({
  section,
  key,
  env: extra.env ?? ['SPARKIFY', section === 'SPARKIFY' ? '' : section, key.replace(new RegExp(`^${section}_`), '')].filter(Boolean).join('_'),
  schema,
  description,
  ...(extra.aliases ? { aliases: extra.aliases } : {}),
  ...(extra.secret ? { secret: true } : {}),
});

/** Every setting the toolkit reads, in the seed file's order, then ours. The README's table mirrors this list. */
export const KEYS = [
  spec('CLUSTER', 'HOST', v.text, 'Redshift endpoint; when set (and no database URL is), the target is Redshift'),
  spec('CLUSTER', 'DB_NAME', v.sqlIdentifier, 'Redshift database'),
  spec('CLUSTER', 'DB_USER', v.text, 'Redshift user'),
  spec('CLUSTER', 'DB_PASSWORD', v.text, 'Redshift password', { secret: true }),
  spec('CLUSTER', 'DB_PORT', v.port, 'Redshift port (default 5439)'),
  spec('IAM_ROLE', 'ARN', v.roleArn, "Role Redshift's COPY assumes to read S3"),
  spec('S3', 'LOG_DATA', v.s3Url, 'S3 prefix of the event logs'),
  spec('S3', 'LOG_JSONPATH', v.s3Url, 'S3 key of the JSONPaths file for the logs'),
  spec('S3', 'SONG_DATA', v.s3Url, 'S3 prefix of the song files'),
  spec('S3', 'MANIFEST_PREFIX', v.s3Url, 'Redshift: S3 prefix (yours, writable) for the COPY manifests of new files; makes runs incremental'),
  spec('S3', 'REGION', v.region, "Region of the data's bucket, sent as COPY's REGION (default us-west-2, the seed bucket udacity-dend's)"),
  spec('AWS', 'KEY', v.text, 'AWS access key id', { aliases: ['AWS_ACCESS_KEY_ID'], secret: true }),
  spec('AWS', 'SECRET', v.text, 'AWS secret access key', { aliases: ['AWS_SECRET_ACCESS_KEY'], secret: true }),
  spec('AWS', 'SESSION_TOKEN', v.text, 'AWS session token', { aliases: ['AWS_SESSION_TOKEN'], secret: true }),
  spec('AWS', 'REGION', v.region, 'AWS region', { aliases: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  spec('AWS', 'PROFILE', v.text, 'AWS shared-config profile', { aliases: ['AWS_PROFILE'] }),
  spec('DWH', 'DWH_KIND', v.dwhKind, 'provisioned (a cluster) or serverless (a namespace and workgroup) (default provisioned)'),
  spec('DWH', 'DWH_CLUSTER_TYPE', v.clusterType, 'single-node or multi-node (default multi-node)'),
  spec('DWH', 'DWH_NUM_NODES', v.wholeNumber(1, 100), 'Number of nodes, 1-100 (default 4)'),
  spec('DWH', 'DWH_NODE_TYPE', v.nodeType, 'Node type (default ra3.large; AWS no longer creates dc2.*)'),
  spec('DWH', 'DWH_CLUSTER_IDENTIFIER', v.clusterIdentifier, 'Cluster identifier (default dwhCluster)'),
  spec('DWH', 'DWH_DB', v.databaseName, 'Database created in the cluster or namespace, lower case (default dwh)'),
  spec('DWH', 'DWH_DB_USER', v.adminUser, 'Master (admin) user, lower case (default dwhuser)'),
  spec('DWH', 'DWH_DB_PASSWORD', v.text, 'Master (admin) password', { secret: true }),
  spec('DWH', 'DWH_MANAGED_PASSWORD', v.flag, 'Serverless: let AWS make and keep the admin password in Secrets Manager (default false)'),
  spec('DWH', 'DWH_PORT', v.port, 'Cluster or workgroup port (default 5439; RA3: 5431-5455 or 8191-8215)'),
  spec('DWH', 'DWH_NAMESPACE', v.serverlessName, 'Serverless namespace (default dwh-namespace)'),
  spec('DWH', 'DWH_WORKGROUP', v.serverlessName, 'Serverless workgroup (default dwh-workgroup)'),
  spec('DWH', 'DWH_BASE_CAPACITY', v.baseCapacity, 'Serverless base capacity in RPUs: 4, 8-512 in steps of 8, up to 1024 in steps of 32 (default 8)'),
  spec('DWH', 'DWH_IAM_ROLE_NAME', v.iamName, 'IAM role created for the cluster (default dwhRole)'),
  spec('DWH', 'DWH_INGRESS_CIDR', v.cidr, 'CIDR allowed to reach the cluster port (none by default)'),
  spec('DWH', 'DWH_ALLOW_OPEN_INGRESS', v.flag, 'Allow 0.0.0.0/0 as ingress CIDR (default false)'),
  spec('DWH', 'DWH_PUBLICLY_ACCESSIBLE', v.flag, 'Give the cluster a public address (default false)'),
  spec('DWH', 'DWH_OWNER', v.text, 'Value of the owner tag on every resource'),
  spec('SPARKIFY', 'DATABASE_URL', v.postgresUrl, 'PostgreSQL server to load into (selects the postgres target)', {
    aliases: ['DATABASE_URL'],
    secret: true,
  }),
  spec('SPARKIFY', 'SOURCE', v.text, 'Input: a folder or s3://bucket/prefix with song_data/ and log_data/'),
  spec('SPARKIFY', 'DATA_DIR', v.text, 'Folder of the embedded PostgreSQL (default .sparkify/pg)'),
  spec('SPARKIFY', 'DATABASE', v.sqlIdentifier, 'Database of the embedded PostgreSQL (default sparkify)'),
  spec('SPARKIFY', 'SCHEMA', v.sqlIdentifier, 'Schema the tables live in (default public)'),
  spec('SPARKIFY', 'MAX_ERRORS', v.wholeNumber(0), 'Bad records tolerated before a load fails (default 0)'),
  spec('SPARKIFY', 'CONCURRENCY', v.wholeNumber(1, 256), 'Files read at once (default 16)'),
] as const satisfies readonly KeySpec[];

export type SectionKey = `${(typeof KEYS)[number]['section']}.${(typeof KEYS)[number]['key']}`;

export const keyId = (k: { section: string; key: string }): string => `${k.section}.${k.key}`;
