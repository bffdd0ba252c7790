import { scrub } from '@sparkify/config';
import type { ExitCode } from './exit-codes.js';
import type { FailureKind } from './sparkify-error.js';
import { toSparkifyError } from './to-sparkify-error.js';

/** The one --json failure document of every command line. */
export interface FailureDocument {
  readonly command: string;
  readonly ok: false;
  readonly exitCode: ExitCode;
  readonly error: { readonly kind: FailureKind; readonly message: string; readonly retry: 'transient' | 'terminal' } & Readonly<Record<string, unknown>>;
}

export interface Failure {
  readonly exitCode: ExitCode;
  readonly kind: FailureKind;
  /** One paragraph for a person; the stack only when debugging. */
  readonly message: string;
  readonly document: FailureDocument;
}

/** Describes anything thrown by `command` as an exit code, one paragraph and the --json document, scrubbed of `secrets`. */
export function describeFailure(command: string, error: unknown, options: { debug?: boolean; secrets?: readonly string[] } = {}): Failure {
  const failure = toSparkifyError(error);
  const stack = options.debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const text =
    failure.kind === 'unexpected'
      ? `${error instanceof Error ? error.name : 'Error'}: ${failure.message}${stack || '\n(set DEBUG=sparkify to see where it happened)'}`
      : failure.message + stack;
  const message = scrub(text, options.secrets ?? []);
  const error_ = { kind: failure.kind, message, retry: failure.retry, ...failure.details };
  const document: FailureDocument = { command, ok: false, exitCode: failure.exitCode, error: error_ };
  return { exitCode: failure.exitCode, kind: failure.kind, message, document };
}

/**
 * Reports a failed command the one way: with --json the failure document on stdout; always one paragraph on
 * stderr (`<program> <command> failed: …`). Returns the exit code.
 */
export function reportFailure(
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
  program: string,
  command: string,
  error: unknown,
  options: { json?: boolean; debug?: boolean; secrets?: readonly string[] } = {},
): ExitCode {
  const failure = describeFailure(command, error, options);
  if (options.json) io.stdout.write(scrub(JSON.stringify(failure.document), options.secrets ?? []) + '\n');
  io.stderr.write(`${program} ${command} failed: ${failure.message}\n`);
  return failure.exitCode;
}
