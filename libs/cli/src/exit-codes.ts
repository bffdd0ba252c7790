/** The exit codes of every Sparkify command line (the root README's table, checked by tools/workspace-checks). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Data rejected over --max-errors or data checks failed (nothing committed); for the provisioner: AWS refused. */
  dataRejected: 1,
  /** Bad flags, configuration or input. */
  usage: 2,
  /** Anything else: a clear message says what; DEBUG=sparkify adds the stack. */
  failure: 3,
  /** The target was unavailable (unreachable, or the connection was lost mid-run): a retry may help. */
  unavailable: 4,
  /** Another run held the warehouse longer than --wait: this one did not start. */
  busy: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
