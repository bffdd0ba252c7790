/**
 * Test-only reader of the real data set (plain JSON.parse), so that tests can compute the expected warehouse
 * contents independently of the staging code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface RawEvent {
  artist: string | null;
  auth: string;
  firstName: string | null;
  gender: string | null;
  itemInSession: number;
  lastName: string | null;
  length: number | null;
  level: string;
  location: string | null;
  method: string;
  page: string;
  registration: number | null;
  sessionId: number;
  song: string | null;
  status: number;
  ts: number;
  userAgent: string | null;
  userId: string;
  file: string;
}

export interface RawSong {
  num_songs: number;
  artist_id: string;
  artist_latitude: number | null;
  artist_longitude: number | null;
  artist_location: string | number | null;
  artist_name: string | number;
  song_id: string;
  title: string | number;
  duration: number;
  year: number;
  file: string;
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();

export const logFiles = (dir: string): string[] => walk(join(dir, 'log_data')).filter((f) => f.endsWith('.json'));

export function readEvents(dir: string, files = logFiles(dir)): RawEvent[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => ({ ...(JSON.parse(l) as RawEvent), file: relative(dir, file) })),
  );
}

export function readSongs(dir: string): RawSong[] {
  return walk(join(dir, 'song_data'))
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as RawSong), file: relative(dir, file) }));
}
