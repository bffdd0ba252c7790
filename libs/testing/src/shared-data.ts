import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Requirement } from './requirement.js';

/** The workspace root: the nearest folder above this file that holds nx.json. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export type SharedDataSet = 'sparkify' | 'sparkify-small';

/** `../shared/data` beside the checkout (override with SPARKIFY_SHARED_DATA). */
export function sharedDataRoot(): string {
  return process.env['SPARKIFY_SHARED_DATA'] ?? resolve(workspaceRoot(), '..', 'shared', 'data');
}

/** One of the real Sparkify data sets, with song_data/, log_data/ and log_json_path.json. */
export function sharedData(set: SharedDataSet): Requirement<string> {
  const dir = join(sharedDataRoot(), set);
  const what = `the real data set ${set}`;
  const missing = ['song_data', 'log_data', 'log_json_path.json'].filter((p) => !existsSync(join(dir, p)));
  if (missing.length > 0) {
    return { available: false, what, reason: `${dir} lacks ${missing.join(', ')} (set SPARKIFY_SHARED_DATA)` };
  }
  return { available: true, value: dir, what };
}
