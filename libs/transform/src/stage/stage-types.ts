import type { S3Client } from '@aws-sdk/client-s3';
import type { WarehouseTx } from '@sparkify/warehouse';
import type { LoadError } from '../extract/load-error.js';
import type { GoneFiles } from './ledger.js';

/** What staging needs of a transaction (a `WarehouseTx` has it; tests can pass a narrower fake). */
export type StageTx = Pick<WarehouseTx, 'sql' | 'dialect' | 'schema'>;

export type StageStep = 'listing' | 'checking' | 'staging_songs' | 'staging_events' | 'recording';

/** Called as work advances: files done of the step's total, and rows staged so far in the whole run. */
export type StageProgress = (step: StageStep, filesDone: number, filesTotal: number, rows: number) => void;

export interface StageOptions {
  /** Rejected records tolerated (Redshift's MAXERROR); above it, TooManyLoadErrors. Default 0. */
  readonly maxErrors?: number;
  /** Empty the staging tables, the ledger and load_errors first, then stage every file. */
  readonly fullRefresh?: boolean;
  /** Files read at once. Default 16. */
  readonly concurrency?: number;
  /**
   * PostgreSQL targets: worker threads that parse the JSON and encode the COPY text while the main thread reads
   * files and streams the one COPY (same rows, same order). 'auto': the cores but one, at least 1, at most 4.
   * Default 0: the main thread alone (see the README for why it is not on by default yet).
   */
  readonly workers?: number | 'auto';
  /** Required for S3 sources (on PostgreSQL targets, which read S3 themselves). */
  readonly s3?: S3Client;
  readonly onProgress?: StageProgress;
  /** Redshift targets: the role COPY assumes to read S3 (`[IAM_ROLE] ARN`). */
  readonly iamRoleArn?: string;
  /** Redshift targets: the bucket's region, when it differs from the cluster's. */
  readonly region?: string;
  /**
   * Redshift targets: `s3://bucket/prefix` where each run writes the COPY manifest of the files not yet in
   * load_ledger (`[S3] MANIFEST_PREFIX`; needs `s3`). Without it, every run stages the configured prefixes in full.
   */
  readonly manifestPrefix?: string;
  /** Plan without writing anything outside the transaction (no manifest is written, nothing is listed). */
  readonly dryRun?: boolean;
  /** S3 ListObjectsV2 page size (tests use a small one). */
  readonly s3PageSize?: number;
}

export interface StageReport {
  readonly files: {
    /** Files staged for the first time. */
    readonly staged: number;
    /** Files left alone: already staged with the same content. */
    readonly skipped: number;
    /** Files staged again because their content changed (their old rows were deleted first). */
    readonly replaced: number;
    /** Of the staged and replaced files, those holding no record: they load nothing, and that is not an error. */
    readonly empty: number;
  };
  /** The empty files' keys (listed so a report can say which). */
  readonly emptyFiles: readonly string[];
  /** Files in load_ledger that the source no longer lists: their plays stay until --full-refresh. */
  readonly gone: GoneFiles;
  /** Rows added this run, per staging table. */
  readonly rows: { readonly staging_events: number; readonly staging_songs: number };
  /** Records rejected this run (within maxErrors); also written to load_errors. */
  readonly rejected: readonly LoadError[];
  readonly ms: number;
  /** Where the files came from, e.g. `folder /data/sparkify`. */
  readonly source: string;
}
