// The generated files must be indistinguishable in format from the real ones: same keys in the same order, the
// same JSON types, the same escaping and layout.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, sharedData } from '@sparkify/testing';
import { generate } from './generate.js';
import { readLog, readSongs, typesByKey, type LogLine, type SongFile } from './__fixtures__/output.js';

const keyOrders = (records: readonly { raw: string }[]): Set<string> =>
  new Set(records.map((r) => Object.keys(JSON.parse(r.raw) as object).join(',')));

const sorted = (set: Set<string> | undefined): string[] => [...(set ?? [])].sort();

function expectSongLayout(songs: readonly SongFile[]): void {
  for (const { file, raw } of songs) {
    const name = basename(file, '.json');
    expect(file).toMatch(/^song_data\/[A-Z]\/[A-Z]\/[A-Z]\/TR[A-Z]{5}[0-9A-F]{11}\.json$/);
    expect(dirname(file)).toBe(`song_data/${name[2]}/${name[3]}/${name[4]}`);
    expect(raw.endsWith('}')).toBe(true); // no newline at the end, as in both real sets
    expect(raw).not.toMatch(/[^\u0000-\u007f]/); // non-ASCII only as \uXXXX escapes
  }
}

describeWith(sharedData('sparkify'), 'generated files against the full real set (sparkify)', (real) => {
  let out = '';
  let gen: { songs: SongFile[]; log: LogLine[] };
  let realData: { songs: SongFile[]; log: LogLine[] };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'datagen-format-'));
    await generate({ out, songs: 3000, events: 8000, seed: 11, quirks: true, matchRate: 0.1, days: 5 });
    gen = { songs: readSongs(out), log: readLog(out) };
    realData = { songs: readSongs(real, 7), log: readLog(real) };
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes log_json_path.json byte for byte', () => {
    expect(readFileSync(join(out, 'log_json_path.json'))).toEqual(readFileSync(join(real, 'log_json_path.json')));
  });

  it('gives song files the real keys in the real order, compact, with the real types', () => {
    expect(keyOrders(gen.songs)).toEqual(keyOrders(realData.songs));
    expect(gen.songs.every((s) => !s.raw.includes('": ') && !s.raw.includes(', "'))).toBe(true);
    const want = typesByKey(realData.songs.map((s) => s.song));
    const got = typesByKey(gen.songs.map((s) => s.song));
    for (const [key, types] of want) {
      // Every generated type is one the real files use, and the common ones all appear.
      for (const t of got.get(key) ?? []) expect([...types], `${key}: ${t}`).toContain(t);
    }
    expect(sorted(got.get('artist_latitude'))).toEqual(['float', 'null']);
    expect(sorted(got.get('year'))).toEqual(['int']);
    expectSongLayout(gen.songs);
    // `/` escaped as `\/`, as in the real S3 song files.
    const slashed = gen.songs.filter((s) => s.raw.includes('/'));
    expect(slashed.length).toBeGreaterThan(0);
    expect(slashed.every((s) => !/[^\\]\//.test(s.raw))).toBe(true);
  });

  it('writes log lines with the real keys, order, types and escaping', () => {
    expect(keyOrders(gen.log)).toEqual(keyOrders(realData.log));
    expect(typesByKey(gen.log.map((l) => l.event))).toEqual(typesByKey(realData.log.map((l) => l.event)));
    for (const { raw, event } of gen.log) {
      expect(raw).not.toMatch(/[^\u0000-\u007f]/);
      if (event['registration'] !== null) expect(raw).toMatch(/"registration":\d{13}\.0,/);
      expect(raw).toMatch(/"ts":\d{13},/);
      if (event['userAgent'] !== null) {
        expect(raw).toMatch(/"userAgent":"\\"Mozilla\\\/5\.0 /); // quoted, with \/ escapes
      }
    }
    expect(gen.log.every((l) => l.event['userId'] === '' || /^\d+$/.test(String(l.event['userId'])))).toBe(true);
  });

  it('names and ends the day files like the real ones', () => {
    const files = [...new Set(gen.log.map((l) => l.file))];
    expect(files).toEqual([1, 2, 3, 4, 5].map((d) => `log_data/2018/11/2018-11-0${d}-events.json`));
    for (const file of files) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text.endsWith('}')).toBe(true);
      expect(text.includes('\n\n')).toBe(false);
    }
  });
});

describeWith(sharedData('sparkify-small'), 'generated files against the small real set (sparkify-small)', (real) => {
  let out = '';
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'datagen-small-'));
    await generate({ out, songs: 300, events: 500, seed: 5, quirks: true, songFormat: 'spaced' });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes song files in the small set’s Python style: its key order, ", " and ": ", / unescaped', () => {
    const gen = readSongs(out);
    const realSongs = readSongs(real);
    expect(keyOrders(gen)).toEqual(keyOrders(realSongs));
    const shape = (raw: string): string => raw.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|null/g, 'v');
    expect(new Set(gen.map((s) => shape(s.raw)))).toEqual(new Set(realSongs.map((s) => shape(s.raw))));
    expect(gen.some((s) => s.raw.includes('/') && !s.raw.includes('\\/'))).toBe(true);
    expectSongLayout(gen);
  });

  it('writes log lines with the same keys and order as the small set', () => {
    expect(keyOrders(readLog(out))).toEqual(keyOrders(readLog(real)));
  });
});
