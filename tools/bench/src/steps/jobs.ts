/** What a child process is asked to do, and what it answers. Passed as JSON on argv, answered on stdout. */

export type Job =
  | {
      readonly kind: 'stage';
      readonly url: string;
      readonly dataDir: string;
      /** Staging worker threads (default: the stage's own default). */
      readonly workers?: number | 'auto';
      /** Sample process.memoryUsage() this often and report the peaks per phase (stage-only runs). */
      readonly sampleMemoryMs?: number;
    }
  | { readonly kind: 'transform'; readonly url: string; readonly captureFile: string }
  | { readonly kind: 'check'; readonly url: string }
  | { readonly kind: 'insert'; readonly url: string; readonly dataDir: string; readonly capMs: number }
  | { readonly kind: 'duckdb'; readonly dataDir: string };

export interface JobResult {
  /** Wall time of the work, measured in the child around the work alone. */
  readonly ms: number;
  readonly rows: number;
  /** `process.resourceUsage().maxRSS` at exit, in KB (Linux reports kilobytes). */
  readonly maxRssKb: number;
  /** Job-specific numbers (e.g. rejected records, statements captured, whether a cap stopped it). */
  readonly extra: Readonly<Record<string, number | boolean | string>>;
}

/** The child prints exactly one line starting with this marker; everything else on stdout is ignored. */
export const RESULT_MARKER = 'BENCH_RESULT ';
