// An independent, deliberately naive reading of the source files: what staging must contain, row for row.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const eventKeys: Record<string, string> = {
  artist: 'artist', auth: 'auth', firstName: 'first_name', gender: 'gender', itemInSession: 'item_in_session',
  lastName: 'last_name', length: 'length', level: 'level', location: 'location', method: 'method', page: 'page',
  registration: 'registration', sessionId: 'session_id', song: 'song', status: 'status', ts: 'ts',
  userAgent: 'user_agent', userId: 'user_id',
};
const textColumns = new Set(['artist', 'auth', 'first_name', 'gender', 'last_name', 'level', 'location', 'method', 'page',
  'song', 'user_agent', 'artist_id', 'artist_location', 'artist_name', 'song_id', 'title']);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

function cell(column: string, v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (column === 'ts') return String(v); // BIGINT comes back from postgres.js as a string
  if (column === 'user_id') return Number(v); // "39" in the logs; an INTEGER column
  if (textColumns.has(column)) return String(v);
  return v;
}

export type Row = Record<string, unknown>;

export function expectedEvents(root: string): Row[] {
  return files(join(root, 'log_data')).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l.trim() !== '')
      .map(([l, line]) => {
        const o = JSON.parse(l) as Record<string, unknown>;
        const row: Row = {};
        for (const [key, column] of Object.entries(eventKeys)) row[column] = cell(column, o[key]);
        row['source_file'] = relative(root, f).split(sep).join('/');
        row['source_line'] = line;
        return row;
      }),
  );
}

export function expectedSongs(root: string): Row[] {
  return files(join(root, 'song_data')).map((f) => {
    const o = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
    const row: Row = {};
    for (const column of ['num_songs', 'artist_id', 'artist_latitude', 'artist_longitude', 'artist_location', 'artist_name', 'song_id', 'title', 'duration', 'year']) {
      row[column] = cell(column, o[column]);
    }
    row['source_file'] = relative(root, f).split(sep).join('/');
    row['source_line'] = 1;
    return row;
  });
}

/** Order-free comparison: rows as sorted JSON strings. */
export const canonical = (rows: readonly Row[]): string[] => rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
