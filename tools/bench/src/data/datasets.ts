import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { generate } from '@sparkify/datagen';
import type { DatasetInfo } from '../report/types.js';

/** The workspace root: the nearest folder above this file that holds nx.json. */
export function workspaceRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`nx.json not found above ${import.meta.dirname}`);
    dir = parent;
  }
  return dir;
}

/** The real full set: `../shared/data/sparkify` beside the checkout (SPARKIFY_SHARED_DATA overrides the parent). */
export function realDatasetDir(): string {
  const root = process.env['SPARKIFY_SHARED_DATA'] ?? resolve(workspaceRoot(), '..', 'shared', 'data');
  return join(root, 'sparkify');
}

/** Counts files, bytes and newline-terminated records of a data set folder (streaming; no whole-file reads). */
export async function describeDataset(name: string, dir: string): Promise<DatasetInfo> {
  if (!existsSync(join(dir, 'song_data')) || !existsSync(join(dir, 'log_data'))) {
    throw new Error(`${dir} is not a data set: it needs song_data/ and log_data/ (see /work/shared/data/README.md)`);
  }
  const songs = await filesUnder(join(dir, 'song_data'));
  const logs = await filesUnder(join(dir, 'log_data'));
  let bytes = 0;
  for (const f of [...songs, ...logs]) bytes += (await stat(f)).size;
  let events = 0;
  for (const f of logs) events += await countLines(f);
  return { name, dir, events, songs: songs.length, logFiles: logs.length, songFiles: songs.length, bytes };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name));
}

/** Non-empty lines (a last line without a newline counts too). */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  return last === 10 ? lines : lines + 1;
}

/** `100k`, `1M`, `5M` → events. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a size: write e.g. 100k, 1M, 5M or 2500`);
  const factor = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2] as string] ?? 1;
  return Math.round(Number(m[1]) * factor);
}

export const sizeLabel = (events: number): string =>
  events >= 1e6 && events % 1e5 === 0 ? `${events / 1e6}M` : events >= 1e3 && events % 100 === 0 ? `${events / 1e3}k` : String(events);

const MARKER = 'bench-dataset.json';
/** Fixed, so that every run of the benchmark measures the same bytes. */
const SEED = 8;

/**
 * A generated set of `events` log events and 10% as many song files (one record per file, like the real
 * layout; the log spans 30 days, one file per day, like the real layout). Kept in `root/<size>` and reused
 * when its marker file says it was finished with the same parameters.
 */
export async function generatedDataset(events: number, root: string, log: (line: string) => void): Promise<DatasetInfo> {
  const name = `generated ${sizeLabel(events)}`;
  const dir = join(root, sizeLabel(events));
  const songs = Math.max(1, Math.round(events / 10));
  const wanted = { seed: SEED, events, songs, days: 30, quirks: true };
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const saved = JSON.parse(await readFile(marker, 'utf8')) as { params: typeof wanted; info: DatasetInfo };
    if (JSON.stringify(saved.params) === JSON.stringify(wanted)) return { ...saved.info, name, dir };
  }
  log(`generating ${name} (${songs} song files) in ${dir}`);
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  await generate({ out: dir, ...wanted, overwrite: true });
  log(`generated ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const info = await describeDataset(name, dir);
  await writeFile(marker, JSON.stringify({ params: wanted, info }, null, 2));
  return info;
}

export const datasetLabel = (info: DatasetInfo): string => info.name || basename(info.dir);
