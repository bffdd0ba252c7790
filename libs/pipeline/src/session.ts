import type { Config } from '@sparkify/config';
import { connect, type Warehouse } from '@sparkify/warehouse';
import { messenger, type PipelineOptions } from './options.js';

/** Opens the configured warehouse for `body` and always closes it (which stops an embedded server); a given one is used as is. */
export async function withWarehouse<T>(config: Config, options: PipelineOptions, body: (wh: Warehouse) => Promise<T>): Promise<T> {
  if (options.warehouse) return body(options.warehouse);
  options.signal?.throwIfAborted();
  const wh = await connect(config, {
    applicationName: options.applicationName ?? 'sparkify-pipeline',
    onProgress: messenger(options),
    ...(options.onServerLog ? { onServerLog: options.onServerLog } : {}),
  });
  try {
    return await body(wh);
  } finally {
    await wh.close();
  }
}
