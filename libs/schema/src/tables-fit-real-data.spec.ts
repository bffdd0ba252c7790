import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWith, sharedData } from '@sparkify/testing';
import { expect, it } from 'vitest';
import { columnDef, type ColumnName } from './index.js';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

// JSON key → staging column (the log's camelCase keys become snake_case).
const eventColumn = (key: string) => key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()) as ColumnName<'staging_events'>;

interface Widest {
  bytes: number;
  value: string;
  file: string;
}

/** The widest UTF-8 value of each text field; numbers that land in text columns count as their text. */
function widest(records: Iterable<{ file: string; record: Record<string, unknown> }>, column: (k: string) => string) {
  const out = new Map<string, Widest>();
  for (const { file, record } of records) {
    for (const [key, value] of Object.entries(record)) {
      if (value === null || value === undefined) continue;
      const text = String(value);
      const bytes = Buffer.byteLength(text, 'utf8');
      const col = column(key);
      if ((out.get(col)?.bytes ?? -1) < bytes) out.set(col, { bytes, value: text, file });
    }
  }
  return out;
}

function* events(dir: string) {
  for (const file of walk(join(dir, 'log_data')).filter((f) => f.endsWith('.json'))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) yield { file, record: JSON.parse(line) };
  }
}
function* songs(dir: string) {
  for (const file of walk(join(dir, 'song_data')).filter((f) => f.endsWith('.json'))) yield { file, record: JSON.parse(readFileSync(file, 'utf8')) };
}

for (const set of ['sparkify', 'sparkify-small'] as const) {
  describeWith(sharedData(set), `column widths against the real data set ${set}`, (dir) => {
    it('every log text value fits its staging_events column in bytes', () => {
      const found = widest(events(dir), eventColumn);
      expect(found.size).toBe(18);
      for (const [col, w] of found) {
        const def = columnDef('staging_events', col as ColumnName<'staging_events'>);
        if (def.type !== 'varchar') continue;
        expect(w.bytes, `staging_events.${col}: ${w.bytes} bytes in ${w.file} ("${w.value.slice(0, 40)}…")`).toBeLessThanOrEqual(def.bytes ?? 0);
      }
    });

    it('every song text value fits its staging_songs column and its star column in bytes', () => {
      const found = widest(songs(dir), (k) => k);
      expect(found.size).toBe(10);
      const star: Record<string, [Parameters<typeof columnDef>[0], string]> = {
        title: ['songs', 'title'],
        artist_name: ['artists', 'name'],
        artist_location: ['artists', 'location'],
        song_id: ['songs', 'song_id'],
        artist_id: ['artists', 'artist_id'],
      };
      for (const [col, w] of found) {
        const defs = [columnDef('staging_songs', col as ColumnName<'staging_songs'>)];
        const s = star[col];
        if (s) defs.push(columnDef(s[0], s[1] as never));
        for (const def of defs.filter((d) => d.type === 'varchar')) {
          expect(w.bytes, `${col}: ${w.bytes} bytes in ${w.file}`).toBeLessThanOrEqual(def.bytes ?? 0);
        }
      }
    });
  });
}
