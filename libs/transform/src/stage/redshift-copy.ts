import { quoteLiteral } from '@sparkify/warehouse';
import { qualified, quoteIdent } from './identifiers.js';

/** Redshift caps MAXERROR at 100,000 (DG copy-parameters-data-load.html). */
export const REDSHIFT_MAXERROR = 100_000;

export interface RedshiftCopySpec {
  readonly schema: string;
  readonly table: string;
  /** The columns the JSON fills, in order (source_file is left NULL: a server-side COPY cannot know it). */
  readonly columns: readonly string[];
  /** `s3://bucket/prefix` of the files. */
  readonly from: string;
  readonly iamRoleArn: string;
  /** `'auto'` (key = column name) or the `s3://…` of a JSONPaths file. */
  readonly json: 'auto' | string;
  /** The bucket's region (`[S3] REGION`), sent only when set: COPY assumes the cluster's own region otherwise. */
  readonly region?: string;
  /** The run's --max-errors: Redshift itself enforces it (audit D5), capped at Redshift's limit. */
  readonly maxErrors: number;
  /** `from` is a manifest listing the files to load rather than a prefix. */
  readonly manifest?: boolean;
}

const literal = quoteLiteral;

/**
 * The COPY Redshift runs to stage one table from S3, with the same conversion rules the local stager
 * reproduces: blanks and empty strings as NULL, JSONPaths by position, 'auto' by key name.
 */
export function redshiftCopySql(spec: RedshiftCopySpec): string {
  return [
    `COPY ${qualified(spec.schema, spec.table)} (${spec.columns.map(quoteIdent).join(', ')})`,
    `FROM ${literal(spec.from)}`,
    `IAM_ROLE ${literal(spec.iamRoleArn)}`,
    `FORMAT AS JSON ${spec.json === 'auto' ? "'auto'" : literal(spec.json)}`,
    ...(spec.region ? [`REGION ${literal(spec.region)}`] : []),
    'BLANKSASNULL EMPTYASNULL',
    ...(spec.manifest ? ['MANIFEST'] : []),
    `MAXERROR ${Math.min(Math.max(0, Math.trunc(spec.maxErrors)), REDSHIFT_MAXERROR)}`,
    // Staging tables are scratch space: skip the automatic compression analysis and statistics passes.
    'COMPUPDATE OFF STATUPDATE OFF',
  ].join('\n');
}
