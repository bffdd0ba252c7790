import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { mapLimit } from './bounded.js';
import { byKey, type FileKind, type FileStore, type SourceFile } from './file-store.js';
import { SourceError, type ResolvedSource } from './source-location.js';

type LocalSource = Extract<ResolvedSource, { kind: 'local' }>;

/** A folder with song_data/ and log_data/. Keys are paths relative to it, with `/` on every OS. */
export function localStore(source: LocalSource, concurrency: number): FileStore {
  const path = (file: SourceFile) => join(source.dir, ...file.key.split('/'));
  return {
    description: `folder ${source.dir}`,
    async list(kind: FileKind) {
      const dir = kind === 'songs' ? source.songs : source.logs;
      let entries;
      try {
        entries = await readdir(dir, { recursive: true, withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          throw new SourceError(`${dir} is missing: a source folder needs song_data/ and log_data/ (the layout of the Udacity S3 bucket)`);
        }
        throw error;
      }
      const paths = entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => join(e.parentPath ?? e.path, e.name));
      const files = await mapLimit(paths, concurrency, async (p): Promise<SourceFile> => ({
        key: relative(source.dir, p).split(sep).join('/'),
        size: (await stat(p)).size,
      }));
      return files.sort(byKey);
    },
    read: (file) => readFile(path(file)),
    stream: (file) => createReadStream(path(file), { highWaterMark: 256 * 1024 }),
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
