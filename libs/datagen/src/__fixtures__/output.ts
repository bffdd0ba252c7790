// Helpers for the spec files: read a generated (or real) data folder back.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under dir, as sorted relative paths. */
export function listFiles(dir: string, under = ''): string[] {
  const root = join(dir, under);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** sha256 over every file's path and bytes. */
export function folderHash(dir: string): string {
  const hash = createHash('sha256');
  for (const path of listFiles(dir)) hash.update(path + '\0').update(readFileSync(join(dir, path)));
  return hash.digest('hex');
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface LogLine {
  readonly file: string;
  readonly raw: string;
  readonly event: Record<string, Json>;
}

export function readLog(dir: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const file of listFiles(dir, 'log_data')) {
    for (const raw of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (raw !== '') lines.push({ file, raw, event: JSON.parse(raw) as Record<string, Json> });
    }
  }
  return lines;
}

export interface SongFile {
  readonly file: string;
  readonly raw: string;
  readonly song: Record<string, Json>;
}

export function readSongs(dir: string, every = 1): SongFile[] {
  return listFiles(dir, 'song_data')
    .filter((_, i) => i % every === 0)
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      return { file, raw, song: JSON.parse(raw) as Record<string, Json> };
    });
}

export const jsonType = (v: Json): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v;

/** key → set of JSON types seen. Integral floats count as int (as JSON.parse sees them). */
export function typesByKey(records: readonly Record<string, Json>[]): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      let set = types.get(k);
      if (!set) types.set(k, (set = new Set()));
      set.add(jsonType(v));
    }
  }
  return types;
}

/** Undoes a double UTF-8 encoding (the real logs' mojibake). */
export function repairTwice(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  const once = Buffer.from(value, 'latin1').toString('utf8');
  return Buffer.from(once, 'latin1').toString('utf8');
}
