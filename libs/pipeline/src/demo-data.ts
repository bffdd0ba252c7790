import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_DATASET, generate } from '@sparkify/datagen';

/**
 * Makes the built-in demo data set in `dir` unless it is there. It is generated beside the folder and renamed
 * into place, so an interrupted run never leaves half a data set that later runs would take for whole.
 * Returns true when it was generated now.
 */
export async function ensureDemoData(dir: string, log: (message: string) => void): Promise<boolean> {
  if (['song_data', 'log_data', 'log_json_path.json'].every((p) => existsSync(join(dir, p)))) return false;
  const partial = `${dir}.partial-${process.pid}`;
  log(`generating the demo data set in ${dir} (${DEMO_DATASET.songs} songs, ${DEMO_DATASET.events} events, seed ${DEMO_DATASET.seed})`);
  try {
    await generate({ ...DEMO_DATASET, out: partial, overwrite: true });
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return true;
}
