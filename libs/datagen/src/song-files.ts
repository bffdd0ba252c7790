// Writes song_data/A/B/C/TRABC….json, one small file per song, with a bounded number of writes in flight (many
// small files are limited by file-system calls, not bytes) and each directory created once.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { songFileText, type Catalog, type SongFormat } from './catalog.js';

export interface SongFilesReport {
  readonly files: number;
  readonly bytes: number;
}

export function songFilePath(trackId: string): string {
  return join('song_data', trackId[2] ?? 'A', trackId[3] ?? 'A', trackId[4] ?? 'A', `${trackId}.json`);
}

export async function writeSongFiles(
  out: string,
  catalog: Catalog,
  format: SongFormat,
  onSongs?: (done: number) => void,
  concurrency = 32,
): Promise<SongFilesReport> {
  const total = catalog.songCount;
  const directories = new Map<string, Promise<unknown>>();
  let next = 0;
  let done = 0;
  let bytes = 0;
  const step = Math.max(1, Math.floor(total / 200));

  async function worker(): Promise<void> {
    while (next < total) {
      const song = catalog.song(next++);
      const path = join(out, songFilePath(song.trackId));
      const dir = join(path, '..');
      let made = directories.get(dir);
      if (!made) {
        made = mkdir(dir, { recursive: true });
        directories.set(dir, made);
      }
      await made;
      const text = songFileText(song, format);
      await writeFile(path, text);
      bytes += Buffer.byteLength(text);
      if (++done % step === 0) onSongs?.(done);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, () => worker()));
  onSongs?.(total);
  return { files: total, bytes };
}
