import { readFile, rm, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { WarehouseError } from '../errors.js';
import type { DataFolder } from './layout.js';
import { isAlive } from './processes.js';

interface Owner {
  readonly pid: number;
  readonly since: string;
}

async function readOwner(folder: DataFolder): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(folder.owner, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, since: String(owner.since ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder for this process, so that two runs never drive one cluster at once. proper-lockfile keeps
 * the lock fresh while we run; when the holder was killed (SIGKILL leaves the lock behind) the pid in run.json is
 * dead and the lock is taken over at once instead of after proper-lockfile's staleness delay.
 * Returns the function that releases it.
 */
export async function lockDataFolder(
  folder: DataFolder,
  onProgress: (message: string) => void,
): Promise<() => Promise<void>> {
  const take = () =>
    lockfile.lock(folder.root, {
      lockfilePath: folder.lock,
      realpath: false,
      retries: 0,
      stale: 15_000,
      // A lock that could not be refreshed (event loop blocked for > 15 s) is reported, not thrown from a timer.
      onCompromised: (error) => onProgress(`warning: the lock on ${folder.display} was compromised: ${error.message}`),
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    let owner = await readOwner(folder);
    if (owner && !isAlive(owner.pid)) {
      // A new holder may have just taken the lock and not yet replaced the dead run's run.json: look again.
      await new Promise((resolve) => setTimeout(resolve, 150));
      owner = await readOwner(folder);
    }
    if (owner && !isAlive(owner.pid)) {
      onProgress(`taking over ${folder.display}: the run that held it (pid ${owner.pid}) is gone`);
      await rm(folder.lock, { recursive: true, force: true });
      release = await take();
    } else if (owner?.pid === process.pid) {
      throw new WarehouseError(
        `This process (pid ${process.pid}) already has ${folder.display} open; close that Warehouse before connecting again.`,
        'terminal',
        'ELOCKED',
      );
    } else {
      const who = owner ? `pid ${owner.pid}, since ${owner.since}` : 'pid unknown';
      throw new WarehouseError(
        `Another sparkify run is using ${folder.display} (${who}). Wait for it to finish, or stop it ` +
          `(kill ${owner?.pid ?? '<pid>'}), or give this run another data folder with --data-dir.`,
        'terminal',
        // Busy, not broken: the CLIs report it like a held run lock (exit 5).
        'DATA_FOLDER_BUSY',
      );
    }
  }
  await writeFile(folder.owner, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }) + '\n');
  return async () => {
    await rm(folder.owner, { force: true });
    await release().catch(() => {}); // already released (e.g. compromised): nothing left to undo
  };
}
