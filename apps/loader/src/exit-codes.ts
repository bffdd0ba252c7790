/** The loader's exit codes (also in the README). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Data rejected over --max-errors, or data checks failed: the warehouse was left as it was. */
  dataRejected: 1,
  /** Bad flags or configuration. */
  usage: 2,
  /** Anything else: a file cannot be read, the warehouse refused the login, a bug. */
  failure: 3,
  /** The target was unavailable (unreachable, or the connection was lost mid-run; nothing was kept): a retry may help. */
  unavailable: 4,
  /** Another run held the warehouse longer than --wait: this one did not start. */
  busy: 5,
} as const;
