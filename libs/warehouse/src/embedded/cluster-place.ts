import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WarehouseError } from '../errors.js';
import type { DataFolder } from './layout.js';
import { firstBlocked, type ServerUser } from './server-user.js';

/**
 * Where the cluster (PGDATA) lives. Normally `cluster/` inside the data folder. When we are root and the server's
 * user cannot enter the way to the data folder (a clone in /root or in a `mktemp -d` folder), the cluster lives in
 * a folder of its own in the temporary folder instead, named after the data folder, so that the same data folder
 * finds it again on the next run (until the temporary folder is cleared; then the next run starts afresh). The
 * password, the lock and run.json stay in the data folder.
 */
export function clusterPlace(folder: DataFolder, user: ServerUser | undefined, onProgress: (message: string) => void): DataFolder {
  if (!user) return folder;
  const blocked = firstBlocked(folder.root, user);
  if (!blocked) return folder;
  const home = join(tmpdir(), `sparkify-pg-${createHash('sha256').update(folder.root).digest('hex').slice(0, 16)}`);
  try {
    mkdirSync(home, { mode: 0o755 });
    chmodSync(home, 0o755);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const st = lstatSync(home);
  const trouble = !st.isDirectory() ? 'it is not a folder'
    : st.uid !== 0 ? `it belongs to uid ${st.uid}, not root`
    : (st.mode & 0o022) !== 0 ? 'others may write to it'
    : firstBlocked(home, user) ? `the ${user.name} user cannot enter it`
    : undefined;
  if (trouble) {
    throw new WarehouseError(
      `The embedded PostgreSQL cannot keep its data in ${folder.display}: PostgreSQL refuses to run as root, so it runs as ` +
        `the user ${user.name}, who cannot enter ${blocked}. Its data would live in ${home} instead, but ${trouble}. ` +
        `Remove ${home} if it is stale, point TMPDIR at a folder every user can enter, give --data-dir a folder others can enter, ` +
        'run as an ordinary user, or load into a PostgreSQL server with --database-url.',
      'terminal',
    );
  }
  onProgress(`the ${user.name} user cannot enter ${blocked}, so the embedded PostgreSQL keeps its data in ${home} (${folder.display} keeps its password and lock)`);
  return { ...folder, cluster: join(home, 'cluster') };
}
