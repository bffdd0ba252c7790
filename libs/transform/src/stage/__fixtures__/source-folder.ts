// Builds throw-away source folders (song_data/, log_data/) in the OS temp dir for tests.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface SourceFolder {
  readonly dir: string;
  write(relativePath: string, content: string | Buffer): void;
  remove(): void;
}

/** An empty source folder, or a copy of `from` (a real data set; copied to /tmp, never into the repo). */
export function sourceFolder(from?: string): SourceFolder {
  const dir = mkdtempSync(join(tmpdir(), 'sparkify-source-'));
  if (from) cpSync(from, dir, { recursive: true });
  mkdirSync(join(dir, 'song_data'), { recursive: true });
  mkdirSync(join(dir, 'log_data'), { recursive: true });
  return {
    dir,
    write(relativePath, content) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content, { mode: 0o644 });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One song record as the Udacity files write it. */
export const song = (id: string, overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    num_songs: 1, artist_id: `AR${id}`, artist_latitude: null, artist_longitude: null, artist_location: '',
    artist_name: `Artist ${id}`, song_id: `SO${id}`, title: `Title ${id}`, duration: 200.5, year: 2001, ...overrides,
  });

/** One log event line. */
export const event = (n: number, overrides: Record<string, unknown> = {}): string =>
  JSON.stringify({
    artist: 'A', auth: 'Logged In', firstName: 'F', gender: 'F', itemInSession: n, lastName: 'L', length: 1.5,
    level: 'free', location: 'Here', method: 'PUT', page: 'NextSong', registration: 1540919166796.0, sessionId: 1,
    song: 'S', status: 200, ts: 1541105830796 + n, userAgent: 'UA', userId: '7', ...overrides,
  });
