import { z } from 'zod';

/**
 * Zod schemas for one raw setting (always a non-blank string when present). The error messages complete the
 * sentence "expected …" so that a problem reads `[DWH] DWH_NUM_NODES: expected a whole number ≥ 1, got "four"`.
 */
export const text = z.string().min(1, 'a value');

export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, `a whole number ≥ ${min}`)
    .transform(Number)
    .pipe(z.number().min(min, `a whole number ≥ ${min}`).max(max, `a whole number from ${min} to ${max}`));

export const port = wholeNumber(1, 65535);

const truthy = ['true', 'yes', 'on', '1'];
const falsy = ['false', 'no', 'off', '0'];
export const flag = z
  .string()
  .transform((s) => s.toLowerCase())
  .refine((s) => truthy.includes(s) || falsy.includes(s), 'true or false (also yes/no, on/off, 1/0)')
  .transform((s) => truthy.includes(s));

export const s3Url = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'an S3 location like s3://bucket/prefix');

/** True when every %-escape in the URL's user, password and database decodes (decodeURIComponent would throw). */
function escapesDecode(s: string): boolean {
  if (!URL.canParse(s)) return true; // reported by the first check
  const { username, password, pathname } = new URL(s);
  try {
    for (const part of [username, password, pathname]) decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

export const postgresUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol), 'a URL like postgres://user:password@host:5432/database')
  .refine(escapesDecode, 'a URL whose %-escapes are valid: % then two hex digits (write a % in a password as %25)');

export const roleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'an IAM role ARN like arn:aws:iam::123456789012:role/dwhRole');

export const cidr = z.cidrv4('an IPv4 CIDR block like 203.0.113.7/32');

export const clusterType = z.enum(['single-node', 'multi-node'], '"single-node" or "multi-node"');

export const nodeType = z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/, 'a Redshift node type like ra3.large or ra3.xlplus');

export const dwhKind = z.enum(['provisioned', 'serverless'], '"provisioned" or "serverless"');

/** CreateCluster's DBName and CreateNamespace's dbName: lower-case letters, digits, _ or $; not starting with a digit. */
export const databaseName = z
  .string()
  .regex(/^[a-z_][a-z0-9_$]{0,63}$/, 'a database name of 1-64 lower-case letters, digits, _ or $, not starting with a digit (Redshift rule)');

/** CreateCluster's MasterUsername / CreateNamespace's adminUsername. */
export const adminUser = z
  .string()
  .regex(/^[a-z][a-z0-9_+.@-]{0,127}$/, 'a user name of 1-128 lower-case letters, digits or _+.@-, starting with a letter (Redshift rule)');

/** Redshift Serverless namespace and workgroup names. */
export const serverlessName = z
  .string()
  .regex(/^[a-z0-9-]{3,64}$/, 'a name of 3-64 lower-case letters, digits or hyphens (Redshift Serverless rule)');

/**
 * Base capacity of a Serverless workgroup in RPUs (Management Guide, "Compute capacity for Amazon Redshift
 * Serverless"): 4, or 8 to 512 in steps of 8, or 512 to 1024 in steps of 32 (above 512 only in some regions).
 */
export const baseCapacity = wholeNumber(4, 1024).refine(
  (n) => n === 4 || (n >= 8 && n <= 512 && n % 8 === 0) || (n > 512 && n % 32 === 0),
  'a base capacity of 4, 8 to 512 RPUs in steps of 8, or 512 to 1024 in steps of 32',
);

export const clusterIdentifier = z
  .string()
  .regex(
    /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/,
    'a cluster identifier: 1-63 letters, digits or hyphens, starting with a letter, no "--"',
  )
  .refine((s) => !s.endsWith('-'), 'a cluster identifier that does not end with a hyphen');

export const sqlIdentifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'an SQL name: letters, digits and _, not starting with a digit');

export const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name (letters, digits and +=,.@_-)');

export const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'an AWS region like us-west-2');
