/** The loader's exit codes (also in the README). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Data rejected over --max-errors, or data checks failed: the warehouse was left as it was. */
  dataRejected: 1,
  /** Bad flags or configuration. */
  usage: 2,
  /** Anything else: the warehouse cannot be reached, a file cannot be read, a bug. */
  failure: 3,
} as const;
