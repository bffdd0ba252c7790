import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * What a person must do about a failure; each kind has one exit code (`KIND_EXIT`).
 * - `usage`: fix the command, the configuration or the input (2)
 * - `data`: fix the data; nothing was committed (1)
 * - `refused`: AWS refused the request or a wait ran out (1, the provisioner's long-standing code)
 * - `failed`: a known failure the message explains, e.g. the warehouse refused the login (3)
 * - `unexpected`: a bug or an unforeseen error (3)
 * - `unavailable`: the target could not be reached or the connection was lost (4)
 * - `busy`: another run held the warehouse past --wait (5)
 */
export type FailureKind = 'usage' | 'data' | 'refused' | 'failed' | 'unexpected' | 'unavailable' | 'busy';

export const KIND_EXIT: Readonly<Record<FailureKind, ExitCode>> = {
  usage: EXIT.usage,
  data: EXIT.dataRejected,
  refused: EXIT.dataRejected,
  failed: EXIT.failure,
  unexpected: EXIT.failure,
  unavailable: EXIT.unavailable,
  busy: EXIT.busy,
};

/** Whether waiting and running again may help. */
export type Retry = 'transient' | 'terminal';

/**
 * Every error a Sparkify command line reports on purpose. The libraries' own errors (ConfigError, SourceError,
 * WarehouseError, InfraError, …) are mapped onto it by `toSparkifyError`, so the libraries need no CLI concern.
 */
export class SparkifyError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly retry: Retry = 'terminal',
    /** Machine-readable facts for the --json failure document (rejected records, failed checks, the AWS call). */
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  get exitCode(): ExitCode {
    return KIND_EXIT[this.kind];
  }
}

/** A bad command-line value found after parsing (e.g. a flag that needs another). */
export class UsageError extends SparkifyError {
  constructor(message: string) {
    super(message, 'usage');
  }
}
