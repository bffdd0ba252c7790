// generate(): the song files and the event log, written side by side (the song files wait on the disk, the log on
// the CPU), plus the JSONPaths file.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Catalog } from './catalog.js';
import { writeEventLog, type EventLogReport } from './event-log.js';
import { LOG_JSON_PATH } from './log-json-path.js';
import { GenerateError, resolveOptions, type GenerateOptions } from './options.js';
import { writeSongFiles } from './song-files.js';
import { defaultUserCount } from './users.js';

export interface GenerateReport extends Omit<EventLogReport, 'files' | 'bytes'> {
  readonly out: string;
  readonly seed: number;
  readonly quirks: boolean;
  readonly startDate: string;
  readonly days: number;
  readonly songFormat: 'compact' | 'spaced';
  readonly songFiles: number;
  readonly songBytes: number;
  readonly logFiles: readonly string[];
  readonly logBytes: number;
  /** The match rate asked for … */
  readonly requestedMatchRate: number;
  /** … and the one written: matchedPlays / songPlays. */
  readonly matchRate: number;
  readonly elapsedMs: number;
}

const OUTPUTS = ['song_data', 'log_data', 'log_json_path.json'];

export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const o = resolveOptions(options);
  const out = resolve(o.out);
  const present = OUTPUTS.filter((name) => existsSync(join(out, name)));
  if (present.length > 0) {
    if (!o.overwrite) {
      throw new GenerateError(
        `${out} already has ${present.join(', ')}: choose an empty folder, or replace them with overwrite: true (--force)`,
      );
    }
    for (const name of present) await rm(join(out, name), { recursive: true, force: true });
  }
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'log_json_path.json'), LOG_JSON_PATH);

  const catalog = new Catalog({ seed: o.seed, songs: o.songs, quirks: o.quirks });
  const progress = options.onProgress;
  const [songs, log] = await Promise.all([
    writeSongFiles(out, catalog, o.songFormat, progress && ((done) => progress({ phase: 'songs', done, total: o.songs }))),
    writeEventLog({
      out,
      events: o.events,
      seed: o.seed,
      users: o.users ?? defaultUserCount(o.events),
      matchRate: o.matchRate,
      quirks: o.quirks,
      startMs: Date.parse(o.startDate + 'T00:00:00Z'),
      days: o.days,
      catalog,
      onEvents: progress && ((done) => progress({ phase: 'events', done, total: o.events })),
    }),
  ]);
  const { files, bytes, ...counts } = log;
  return {
    out,
    seed: o.seed,
    quirks: o.quirks,
    startDate: o.startDate,
    days: o.days,
    songFormat: o.songFormat,
    songFiles: songs.files,
    songBytes: songs.bytes,
    logFiles: files,
    logBytes: bytes,
    ...counts,
    requestedMatchRate: o.matchRate,
    matchRate: log.songPlays > 0 ? log.matchedPlays / log.songPlays : 0,
    elapsedMs: Math.round(performance.now() - started),
  };
}
