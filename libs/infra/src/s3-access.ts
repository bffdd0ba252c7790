import type { Source } from '@sparkify/config';

/** The Udacity course's public data set, read when the config does not name S3 locations. */
export const DEFAULT_S3_LOCATIONS = [
  's3://udacity-dend/log_data',
  's3://udacity-dend/log_json_path.json',
  's3://udacity-dend/song_data',
] as const;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: Record<string, string | readonly string[]>;
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/**
 * The S3 locations the loader reads: `Config.source` when it is S3 (with `[S3] MANIFEST_PREFIX`, where COPY reads
 * the manifests of new files), else the Udacity defaults.
 */
export function s3LocationsOf(source: Source): readonly string[] {
  if (source.kind !== 's3') return DEFAULT_S3_LOCATIONS;
  return [source.logData, source.logJsonPath, source.songData, ...(source.manifestPrefix ? [source.manifestPrefix] : [])];
}

/** `s3://bucket/some/prefix` → `{ bucket, prefix }` (prefix without a leading slash; '' for a whole bucket). */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match?.[1]) throw new Error(`not an S3 location: ${url} (expected s3://bucket/prefix)`);
  return { bucket: match[1], prefix: match[2] ?? '' };
}

/**
 * Read-only access to exactly those locations: `s3:GetObject` on each prefix (a COPY prefix matches every key
 * that starts with it, hence `prefix*`), and `s3:ListBucket` on each bucket limited to those prefixes.
 */
export function s3ReadPolicy(locations: readonly string[]): PolicyDocument {
  const byBucket = new Map<string, Set<string>>();
  for (const location of locations) {
    const { bucket, prefix } = parseS3Url(location);
    const prefixes = byBucket.get(bucket) ?? new Set<string>();
    prefixes.add(prefix);
    byBucket.set(bucket, prefixes);
  }
  const statements: PolicyStatement[] = [];
  const objects = [...byBucket].flatMap(([bucket, prefixes]) => [...prefixes].sort().map((p) => `arn:aws:s3:::${bucket}/${p}*`));
  statements.push({ Sid: 'ReadObjects', Effect: 'Allow', Action: 's3:GetObject', Resource: objects });
  for (const [bucket, prefixes] of [...byBucket].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...prefixes].sort();
    const wholeBucket = sorted.includes('');
    statements.push({
      Sid: `List${bucket.replace(/[^A-Za-z0-9]/g, '')}`,
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${bucket}`,
      ...(wholeBucket ? {} : { Condition: { StringLike: { 's3:prefix': sorted.map((p) => `${p}*`) } } }),
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** Trust policy that lets Redshift assume the role (for COPY from S3). */
export const REDSHIFT_TRUST_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** Whether a trust policy (as IAM returns it, URL-encoded JSON) lets redshift.amazonaws.com assume the role. */
export function trustsRedshift(document: PolicyDocument | undefined): boolean {
  return (document?.Statement ?? []).some((s) => {
    const actions = ([] as string[]).concat(s.Action);
    const services = ([] as string[]).concat(s.Principal?.['Service'] ?? []);
    return s.Effect === 'Allow' && actions.includes('sts:AssumeRole') && services.includes('redshift.amazonaws.com');
  });
}

/** IAM returns policy documents URL-encoded; absent or unparsable → undefined. */
export function decodePolicy(text: string | undefined): PolicyDocument | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(decodeURIComponent(text)) as PolicyDocument;
  } catch {
    return undefined;
  }
}

/** Same permissions, whatever the key order or single-item arrays. */
export function samePolicy(a: PolicyDocument | undefined, b: PolicyDocument | undefined): boolean {
  return a !== undefined && b !== undefined && canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.length === 1 ? (items[0] ?? '') : `[${items.sort().join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
