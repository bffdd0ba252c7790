import type { Config } from '@sparkify/config';
import { connect, withRunLock, type Warehouse } from '@sparkify/warehouse';
import { messenger, type PipelineOptions } from './options.js';

/** How long a writing run waits for another to release the warehouse, unless told otherwise. */
export const defaultWaitSeconds = 600;

/**
 * Opens the configured warehouse for `body` and always closes it (which stops an embedded server); a given one is
 * used as is. A writing command (`lockFor`) holds the warehouse's run lock around the whole body, taken before any
 * table is created, so two runs at once never race (the second waits, up to `waitSeconds`).
 */
export async function withWarehouse<T>(
  config: Config,
  options: PipelineOptions,
  body: (wh: Warehouse) => Promise<T>,
  lockFor?: string,
): Promise<T> {
  const locked = (wh: Warehouse): Promise<T> =>
    lockFor === undefined || options.dryRun
      ? body(wh)
      : withRunLock(wh, { command: lockFor, waitSeconds: options.waitSeconds ?? defaultWaitSeconds, onWait: messenger(options) }, body);
  if (options.warehouse) return locked(options.warehouse);
  options.signal?.throwIfAborted();
  const wh = await connect(config, {
    applicationName: options.applicationName ?? 'sparkify-pipeline',
    onProgress: messenger(options),
    ...(options.onServerLog ? { onServerLog: options.onServerLog } : {}),
  });
  try {
    return await locked(wh);
  } finally {
    await wh.close();
  }
}
