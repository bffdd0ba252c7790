import { ConfigError } from '@sparkify/config';
import { JsonPathsError, SourceError, TooManyLoadErrors, type CheckReport } from '@sparkify/transform';
import { connectionLost, isConnectionLoss, RunLockTimeout, WarehouseError } from '@sparkify/warehouse';
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';

/** Data checks failed; thrown inside the run's transaction so that nothing is committed. */
export class ChecksFailed extends Error {
  override readonly name = 'ChecksFailed';
  constructor(
    message: string,
    readonly report: CheckReport,
  ) {
    super(message);
  }
  /** The failed checks, for the --json error document. */
  get checks() {
    return this.report.results.filter((r) => !r.passed).map(({ name, failing, sample }) => ({ name, failing, sample }));
  }
}

/** A bad command-line value found after parsing (e.g. a flag that needs another). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Failure {
  readonly exitCode: number;
  /** One paragraph for a person; the stack only with DEBUG=sparkify. */
  readonly message: string;
  readonly kind: string;
}

/** Maps anything thrown by a command to an exit code and a message a person can act on. */
export function describeFailure(error: unknown, debug: boolean): Failure {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof SourceError || error instanceof CommanderError) {
    return { exitCode: EXIT.usage, message: text + stack, kind: 'usage' };
  }
  if (error instanceof TooManyLoadErrors || error instanceof ChecksFailed) {
    return { exitCode: EXIT.dataRejected, message: text + stack, kind: 'data' };
  }
  if (error instanceof RunLockTimeout) return { exitCode: EXIT.busy, message: text + stack, kind: 'warehouse-busy' };
  // Lost mid-run, or not reachable after the retries: the target was unavailable, and a retry may help.
  if ((error instanceof WarehouseError && error.kind === 'transient') || isConnectionLoss(error)) {
    const message = error instanceof WarehouseError ? text : connectionLost('the warehouse', error, { inTransaction: false }).message;
    return { exitCode: EXIT.unavailable, message: message + stack, kind: 'warehouse-unavailable' };
  }
  if (error instanceof WarehouseError) {
    return { exitCode: EXIT.failure, message: text + stack, kind: `warehouse-${error.kind}` };
  }
  if (error instanceof JsonPathsError) return { exitCode: EXIT.failure, message: text + stack, kind: 'source' };
  const name = error instanceof Error ? error.name : 'Error';
  return {
    exitCode: EXIT.failure,
    message: `${name}: ${text}${stack || '\n(set DEBUG=sparkify to see where it happened)'}`,
    kind: 'unexpected',
  };
}
