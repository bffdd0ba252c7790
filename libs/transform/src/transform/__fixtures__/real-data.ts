/**
 * Test-only reader and loader for the real data set: parses the files with JSON.parse and fills the staging
 * tables the way Redshift's COPY would (JSONPaths order for events, names for songs, "" → NULL).
 * Used by the transform tests until they run on the staging helper's `stage()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type postgres from 'postgres';

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

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export async function loadEvents(sql: postgres.Sql | postgres.TransactionSql, events: RawEvent[], schema = 'public'): Promise<void> {
  const rows = events.map((e) => ({
    artist: text(e.artist),
    auth: text(e.auth),
    first_name: text(e.firstName),
    gender: text(e.gender),
    item_in_session: e.itemInSession,
    last_name: text(e.lastName),
    length: e.length,
    level: text(e.level),
    location: text(e.location),
    method: text(e.method),
    page: text(e.page),
    registration: e.registration,
    session_id: e.sessionId,
    song: text(e.song),
    status: e.status,
    ts: e.ts,
    user_agent: text(e.userAgent),
    user_id: text(e.userId),
    source_file: e.file,
  }));
  for (let i = 0; i < rows.length; i += 2000) await sql`insert into ${sql(schema)}.staging_events ${sql(rows.slice(i, i + 2000))}`;
}

export async function loadSongs(sql: postgres.Sql | postgres.TransactionSql, songs: RawSong[], schema = 'public'): Promise<void> {
  const rows = songs.map((s) => ({
    num_songs: s.num_songs,
    artist_id: text(s.artist_id),
    artist_latitude: s.artist_latitude,
    artist_longitude: s.artist_longitude,
    artist_location: text(s.artist_location),
    artist_name: text(s.artist_name),
    song_id: text(s.song_id),
    title: text(s.title),
    duration: s.duration,
    year: s.year,
    source_file: s.file,
  }));
  for (let i = 0; i < rows.length; i += 2000) await sql`insert into ${sql(schema)}.staging_songs ${sql(rows.slice(i, i + 2000))}`;
}
