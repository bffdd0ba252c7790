import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WarehouseError } from '../errors.js';
import type { DataFolder } from './layout.js';
import { commandLine, isAlive, waitForExit } from './processes.js';

/** The first lines of PGDATA/postmaster.pid: pid, data directory, start time, port. */
async function readPostmasterPid(cluster: string): Promise<{ pid: number; port: number } | undefined> {
  try {
    const [pid, , , port] = (await readFile(join(cluster, 'postmaster.pid'), 'utf8')).split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, port: Number(port) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Called with the data folder locked, before starting the server. A run killed with SIGKILL cannot stop its
 * server: the postmaster keeps running (orphaned), or, if it died too, its postmaster.pid stays behind. We hold
 * the lock, so no live run owns that server: stop it (fast shutdown, then harder) or delete the stale pid file.
 */
export async function recoverStaleServer(folder: DataFolder, onProgress: (message: string) => void): Promise<void> {
  const stale = await readPostmasterPid(folder.cluster);
  if (!stale) return;
  const cmd = await commandLine(stale.pid);
  const ours = isAlive(stale.pid) && (cmd === undefined || (cmd.includes('postgres') && cmd.includes(folder.cluster)));
  if (!ours) {
    onProgress(`removing a stale postmaster.pid in ${folder.display} (pid ${stale.pid} is not running)`);
    await rm(join(folder.cluster, 'postmaster.pid'), { force: true });
    return;
  }
  onProgress(`stopping an orphaned embedded PostgreSQL (pid ${stale.pid}, port ${stale.port}) left by a killed run`);
  // SIGINT = fast shutdown (roll back open transactions, checkpoint); SIGQUIT = immediate; SIGKILL as a last resort.
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(stale.pid, signal);
    } catch {
      return; // already gone
    }
    if (await waitForExit(stale.pid, waitMs)) {
      if (signal === 'SIGKILL') await rm(join(folder.cluster, 'postmaster.pid'), { force: true });
      return;
    }
  }
  throw new WarehouseError(
    `An orphaned PostgreSQL (pid ${stale.pid}) still runs on ${folder.display} and does not stop. ` +
      `Stop it by hand (kill -9 ${stale.pid}), then run again.`,
    'terminal',
  );
}
