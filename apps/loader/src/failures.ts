import { ConfigError } from '@sparkify/config';
import { ChecksFailed, MissingTables } from '@sparkify/pipeline';
import { SourceError, TooManyLoadErrors } from '@sparkify/transform';
import { connectionLost, isConnectionLoss, RunLockTimeout, WarehouseError } from '@sparkify/warehouse';
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';

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
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof MissingTables || error instanceof SourceError || error instanceof CommanderError) {
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
  const name = error instanceof Error ? error.name : 'Error';
  return {
    exitCode: EXIT.failure,
    message: `${name}: ${text}${stack || '\n(set DEBUG=sparkify to see where it happened)'}`,
    kind: 'unexpected',
  };
}
