import { join, relative, resolve, isAbsolute } from 'node:path';

/**
 * What lives in the embedded target's data folder (`.sparkify/pg` by default):
 * - `cluster/`   the PostgreSQL data directory (PGDATA), owned by the `postgres` user when we run as root;
 * - `password`   the random password of the cluster's superuser (mode 0600), made on first use;
 * - `run.lock/`  the proper-lockfile lock held while a run uses the cluster;
 * - `run.json`   who holds the lock (pid, start time), for the "in use" message and stale-lock recovery.
 */
export interface DataFolder {
  readonly root: string;
  readonly cluster: string;
  readonly password: string;
  readonly lock: string;
  readonly owner: string;
  /** The folder as the user should read it: relative to the working directory when inside it. */
  readonly display: string;
}

export function dataFolder(dataDir: string, cwd = process.cwd()): DataFolder {
  const root = resolve(cwd, dataDir);
  const rel = relative(cwd, root);
  return {
    root,
    cluster: join(root, 'cluster'),
    password: join(root, 'password'),
    lock: join(root, 'run.lock'),
    owner: join(root, 'run.json'),
    display: rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? root : rel,
  };
}
