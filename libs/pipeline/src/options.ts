import type { StageStep } from '@sparkify/transform';
import type { Warehouse } from '@sparkify/warehouse';

/** What a run reports as it goes: a line for a person, or how far a staging step is. */
export type PipelineEvent =
  | { readonly kind: 'message'; readonly message: string }
  | { readonly kind: 'stage'; readonly step: StageStep; readonly filesDone: number; readonly filesTotal: number; readonly rows: number };

export interface PipelineOptions {
  /** Called as the run advances (never with a secret). */
  readonly onProgress?: (event: PipelineEvent) => void;
  /** Aborting stops the run at the next file or step and rolls its transaction back; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Empty the staging tables, the ledger and load_errors first, then stage every file again. */
  readonly fullRefresh?: boolean;
  /** Bad records tolerated before the run fails (like COPY MAXERROR); overrides the config's `etl.maxErrors`. */
  readonly maxErrors?: number;
  /** Run on this open warehouse (left open) instead of connecting to the configured one and closing it after. */
  readonly warehouse?: Warehouse;
  /** `warehouse` records statements instead of running them (`dryRunWarehouse`): list no files, take no run lock. */
  readonly dryRun?: boolean;
  /**
   * Seconds a writing run waits while another run holds the warehouse (one run at a time per warehouse and schema)
   * before it fails with RunLockTimeout. Default 600; 0 fails at once.
   */
  readonly waitSeconds?: number;
  /** Shown in `pg_stat_activity`. Default `sparkify-pipeline`. */
  readonly applicationName?: string;
  /** The embedded server's own log lines; silent unless given. */
  readonly onServerLog?: (line: string) => void;
  /** Where `SPARKIFY_S3_ENDPOINT` is read (an S3-compatible server for s3:// sources). Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

export const messenger =
  (options: PipelineOptions) =>
  (message: string): void =>
    options.onProgress?.({ kind: 'message', message });

/** Throws the signal's reason (an AbortError by default) once it is aborted; a throw inside a transaction rolls it back. */
export function checkpoint(options: PipelineOptions): void {
  options.signal?.throwIfAborted();
}
