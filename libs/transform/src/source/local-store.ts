import { createReadStream, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
      try {
        return { text: await readFile(source.jsonPaths, 'utf8'), where: source.jsonPaths };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

/**
 * Appends the `.json` files under `dir` to `out`, already in key order: each folder's entries are sorted by
 * name, a folder's name compared with a `/` after it, exactly as its files' keys compare with their siblings'.
 * Synchronous on purpose: for thousands of small cached directories and files it is many times faster than
 * the thread pool's round trips (and the walk is the only thing running while we list).
 */
function walk(dir: string, prefix: string, out: SourceFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() || (e.isFile() && e.name.endsWith('.json')))
    .map((e): [string, Dirent] => [e.isDirectory() ? e.name + '/' : e.name, e])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, entry] of entries) {
    const path = dir + sep + entry.name;
    if (entry.isDirectory()) walk(path, prefix + name, out);
    else out.push({ key: prefix + name, size: statSync(path).size });
  }
}
