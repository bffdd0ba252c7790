import { ConfigError } from '@sparkify/config';
import { AwsCallError, InfraError, WaitTimeoutError } from '@sparkify/infra';
import { ChecksFailed, MissingTables } from '@sparkify/pipeline';
import { RedshiftCopyError, SourceError, TooManyLoadErrors, TransformError } from '@sparkify/transform';
import { connectionLost, isConnectionLoss, RunLockTimeout, WarehouseError } from '@sparkify/warehouse';
import { CommanderError } from 'commander';
import { SparkifyError } from './sparkify-error.js';

/**
 * The one mapping from anything a command throws to the shared vocabulary. The libraries keep their own error
 * classes (and no exit codes); this is the only place that knows which of them means what for a person.
 */
export function toSparkifyError(error: unknown): SparkifyError {
  if (error instanceof SparkifyError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const wrap = (kind: SparkifyError['kind'], retry: SparkifyError['retry'] = 'terminal', details: Record<string, unknown> = {}, text = message) =>
    new SparkifyError(text, kind, retry, details, { cause: error });

  if (error instanceof ConfigError || error instanceof MissingTables || error instanceof SourceError || error instanceof CommanderError) return wrap('usage');
  if (error instanceof TooManyLoadErrors) return wrap('data', 'terminal', { rejected: { count: error.rejected.length, sample: error.rejected.slice(0, 10) } });
  if (error instanceof ChecksFailed) return wrap('data', 'terminal', { checks: error.checks });
  if (error instanceof RunLockTimeout) return wrap('busy', 'transient');
  // The embedded server's data folder is held by another process: busy like a held run lock.
  if (error instanceof WarehouseError && error.code === 'DATA_FOLDER_BUSY') return wrap('busy', 'transient');
  // Lost mid-run, or not reachable after the retries: the target was unavailable, and a retry may help.
  if (error instanceof WarehouseError && error.kind === 'transient') return wrap('unavailable', 'transient');
  if (isConnectionLoss(error)) return wrap('unavailable', 'transient', {}, connectionLost('the warehouse', error, { inTransaction: false }).message);
  if (error instanceof WarehouseError || error instanceof RedshiftCopyError || error instanceof TransformError) return wrap('failed');
  if (error instanceof AwsCallError) {
    const aws = { call: error.call, resource: error.resource, code: error.code, errorClass: error.errorClass };
    return wrap('refused', error.errorClass, { aws });
  }
  // A wait that ran out may finish later (the command resumes where it stopped); a config or state problem will not.
  if (error instanceof WaitTimeoutError) return wrap('refused', 'transient');
  if (error instanceof InfraError) return wrap(error.exitCode === 2 ? 'usage' : 'refused');
  return wrap('unexpected');
}
