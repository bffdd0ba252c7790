import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => join(d.parentPath, d.name));

/** Counts read straight from a source folder's files, to compare with what the loader put in the tables. */
export function expectedCounts(sourceDir: string) {
  const events = filesUnder(join(sourceDir, 'log_data')).flatMap((f) =>
    readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { page: string; userId: string; sessionId: number; itemInSession: number }),
  );
  const plays = events.filter((e) => e.page === 'NextSong');
  return {
    songFiles: filesUnder(join(sourceDir, 'song_data')).length,
    logFiles: filesUnder(join(sourceDir, 'log_data')).length,
    events: events.length,
    plays: plays.length,
    users: new Set(events.filter((e) => e.userId !== '').map((e) => e.userId)).size,
  };
}
