import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { WarehouseError } from '../errors.js';

/** The user the PostgreSQL server runs as when we are root (PostgreSQL refuses to run as root). */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

const NAME = 'postgres';

function lookup(): ServerUser | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { name: NAME, uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * undefined when this process is not root: the server then runs as us. As root, the `postgres` user, made (as a
 * system user without a home or login) when the machine has none; where that fails, one paragraph says what to do.
 */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', '-r', NAME], { stdio: 'ignore' });
    execFileSync('useradd', ['-r', '-g', NAME, '-M', '-s', '/usr/sbin/nologin', NAME], { stdio: 'ignore' });
  } catch (error) {
    throw new WarehouseError(
      `PostgreSQL refuses to run as root, so when you run as root the embedded PostgreSQL runs as the user ${NAME}. ` +
        `This machine has no such user and it could not be made (${(error as Error).message.split('\n')[0]}). ` +
        `Create it (useradd -r ${NAME}), run as an ordinary user, or load into a PostgreSQL server with --database-url.`,
      'terminal',
    );
  }
  const made = lookup();
  if (!made) throw new WarehouseError(`The user ${NAME} was created but cannot be looked up (id -u ${NAME}); check the system's user database.`, 'terminal');
  return made;
}

/**
 * The first folder on the way to `path` (itself included, if it exists) that `user` may not enter (no x bit for
 * it as owner, group or other), or undefined when the whole way is open. Symlinks are resolved first: the server
 * walks the real path. Only the primary group counts: a server started with a uid and gid has no other groups.
 */
export function firstBlocked(path: string, user: ServerUser): string | undefined {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = realpathSync(existing);
  const parts = real.split(sep).filter((p) => p !== '');
  let at: string = sep;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) at = join(at, parts[i - 1] as string);
    const st = statSync(at);
    if (!st.isDirectory()) continue;
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return at;
  }
  return undefined;
}
