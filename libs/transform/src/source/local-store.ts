import { createReadStream, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { type FileKind, type FileStore, type SourceFile } from './file-store.js';
import { SourceError, type ResolvedSource } from './source-location.js';

type LocalSource = Extract<ResolvedSource, { kind: 'local' }>;

const SYNC_READ_LIMIT = 64 * 1024;

/** A folder with song_data/ and log_data/. Keys are paths relative to it, with `/` on every OS. */
export function localStore(source: LocalSource): FileStore {
  const path = (file: SourceFile) => (sep === '/' ? `${source.dir}/${file.key}` : join(source.dir, ...file.key.split('/')));
  return {
    description: `folder ${source.dir}`,
    async list(kind: FileKind) {
      const dir = kind === 'songs' ? source.songs : source.logs;
      const files: SourceFile[] = [];
      try {
        walk(dir, relative(source.dir, dir).split(sep).join('/') + '/', files);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code === 'ENOENT' || code === 'ENOTDIR') && (error as NodeJS.ErrnoException).path === dir) {
          throw new SourceError(`${dir} is missing: a source folder needs song_data/ and log_data/ (the layout of the Udacity S3 bucket)`);
        }
        throw error;
      }
      return files;
    },
    // Small files (the song layout: one ~250-byte record each) are read synchronously: for thousands of tiny
    // cached files that is ~10x faster than the thread pool's round trips.
    read: async (file) => (file.size <= SYNC_READ_LIMIT ? readFileSync(path(file)) : readFile(path(file))),
    stream: (file) => createReadStream(path(file), { highWaterMark: 64 * 1024 }),
    async readJsonPaths() {
      // A FIFO would block the read forever (with the run's transaction open): look before reading.
      let found: Stats;
      try {
        found = await stat(source.jsonPaths);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !isDanglingLink(source.jsonPaths)) return undefined;
        throw unreadable(source.jsonPaths, error);
      }
      if (!found.isFile()) throw notAFile(source.jsonPaths, found);
      try {
        return { text: await readFile(source.jsonPaths, 'utf8'), where: source.jsonPaths };
      } catch (error) {
        throw unreadable(source.jsonPaths, error);
      }
    },
  };
}

/** What a non-regular file is, for messages. */
function kindOf(found: Stats): string {
  if (found.isDirectory()) return 'a folder';
  if (found.isFIFO()) return 'a FIFO (named pipe)';
  if (found.isSocket()) return 'a socket';
  if (found.isCharacterDevice() || found.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const notAFile = (path: string, found: Stats) =>
  new SourceError(`${path} is ${kindOf(found)}, not a regular file; the loader reads regular files only (or symlinks to them): replace it with the file`);

/** A link whose target is missing: stat says ENOENT, but the link itself is there. */
function isDanglingLink(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}

function unreadable(path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ELOOP' ? 'is a symlink loop (a link that leads back to itself)'
    : code === 'ENOENT' ? 'is a symlink to nothing (its target does not exist)'
    : code === 'EACCES' ? 'cannot be read (permission denied)'
    : `cannot be read (${code ?? (error as Error).message})`;
  return new SourceError(`${path} ${why}`);
}

/**
 * Appends the `.json` files under `dir` to `out`, already in key order: each folder's entries are sorted by
 * name, a folder's name compared with a `/` after it, exactly as its files' keys compare with their siblings'.
 * Synchronous on purpose: for thousands of small cached directories and files it is many times faster than
 * the thread pool's round trips (and the walk is the only thing running while we list).
 * Symlinks are followed (data folders are often assembled from links); `resolved` is the real path of `dir`
 * and `chain` those of the folders above it, so a link back to one of them is reported instead of walked forever.
 * Anything named `.json` that is not a regular file (FIFO, socket, device) is refused with its path: reading it
 * could block forever, and skipping it would lose data without a word.
 */
function walk(dir: string, prefix: string, out: SourceFile[], resolved?: string, chain: readonly string[] = []): void {
  const listed = readdirSync(dir, { withFileTypes: true }); // first, so a missing folder fails here, naming it
  const real = resolved ?? realpathSync(dir);
  const here = [...chain, real];
  const entries = listed
    .map((e): [string, Dirent, Stats | undefined] => {
      if (!e.isSymbolicLink()) return [e.isDirectory() ? e.name + '/' : e.name, e, undefined];
      const path = dir + sep + e.name;
      let target: Stats;
      try {
        target = statSync(path);
      } catch (error) {
        if (!e.name.endsWith('.json')) return ['', e, undefined]; // a broken link to something we would not read
        throw unreadable(path, error);
      }
      return [target.isDirectory() ? e.name + '/' : e.name, e, target];
    })
    .filter(([name, e, target]) => name !== '' && (name.endsWith('/') || name.endsWith('.json')) && (target !== undefined || e.isFile() || e.isDirectory() || refuse(dir, e)))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, entry, target] of entries) {
    const path = dir + sep + entry.name;
    if (name.endsWith('/')) {
      const inner = target ? realpathSync(path) : real + sep + entry.name;
      if (here.includes(inner)) {
        throw new SourceError(`${path} is a symlink loop: it leads back to ${inner}, a folder that contains it; remove the link`);
      }
      walk(path, prefix + name, out, inner, here);
    } else {
      const found = target ?? statSync(path);
      if (!found.isFile()) throw notAFile(path, found);
      out.push({ key: prefix + name, size: found.size });
    }
  }
}

/** A `.json` entry that is neither a file, a folder nor a link: a FIFO, socket or device. */
function refuse(dir: string, entry: Dirent): never {
  const path = dir + sep + entry.name;
  throw notAFile(path, statSync(path));
}
