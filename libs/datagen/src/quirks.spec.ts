// --quirks puts the real data's oddities into the song files on purpose; without it the catalogue is clean.
import { describe, expect, it } from 'vitest';
import { Catalog, type SongRecord } from './catalog.js';

const songs = (quirks: boolean, n = 20_000): SongRecord[] => {
  const catalog = new Catalog({ seed: 8, songs: n, quirks });
  return Array.from({ length: n }, (_, i) => catalog.song(i));
};

const nonAscii = (v: unknown): boolean => typeof v === 'string' && /[^\u0000-\u007f]/.test(v);

describe('quirks in the song files', () => {
  const quirky = songs(true);

  it('has null coordinates, empty locations and year 0 at about the real rates', () => {
    const rate = (f: (s: SongRecord) => boolean): number => quirky.filter(f).length / quirky.length;
    expect(rate((s) => s.artist_latitude === null && s.artist_longitude === null)).toBeGreaterThan(0.5); // real: 0.65
    expect(rate((s) => s.artist_location === '')).toBeGreaterThan(0.35); // real: 0.45
    expect(rate((s) => s.year === 0)).toBeGreaterThan(0.25); // real: 0.32
  });

  it('has numbers where text is expected, and a null location', () => {
    expect(quirky.some((s) => typeof s.artist_name === 'number')).toBe(true);
    expect(quirky.some((s) => typeof s.title === 'number' && Number.isInteger(s.title))).toBe(true);
    expect(quirky.some((s) => typeof s.title === 'number' && !Number.isInteger(s.title))).toBe(true);
    expect(quirky.some((s) => typeof s.artist_location === 'number')).toBe(true);
    expect(quirky.some((s) => s.artist_location === null)).toBe(true);
  });

  it('gives one artist id several names and places', () => {
    const names = new Map<string, Set<string>>();
    const places = new Map<string, Set<string>>();
    for (const s of quirky) {
      names.set(s.artist_id, (names.get(s.artist_id) ?? new Set()).add(String(s.artist_name)));
      places.set(s.artist_id, (places.get(s.artist_id) ?? new Set()).add(String(s.artist_location)));
    }
    expect([...names.values()].filter((n) => n.size > 1).length).toBeGreaterThan(10);
    expect([...places.values()].filter((n) => n.size > 1).length).toBeGreaterThan(10);
  });

  it('has non-ASCII names, titles and locations, some with U+FFFD', () => {
    expect(quirky.some((s) => nonAscii(s.artist_name))).toBe(true);
    expect(quirky.some((s) => nonAscii(s.title))).toBe(true);
    expect(quirky.some((s) => nonAscii(s.artist_location))).toBe(true);
    expect(quirky.some((s) => String(s.artist_location).includes('\ufffd'))).toBe(true);
  });

  it('has other versions of a song: same title and artist, another duration and song id', () => {
    const seen = new Map<string, SongRecord>();
    const versions = quirky.filter((s) => {
      const key = `${String(s.title)}|${String(s.artist_name)}|${s.artist_id}`;
      const other = seen.get(key);
      seen.set(key, s);
      return other !== undefined && other.song_id !== s.song_id && other.duration !== s.duration;
    });
    expect(versions.length).toBeGreaterThan(5);
  });

  it('keeps song, track and artist ids unique and well-formed', () => {
    expect(new Set(quirky.map((s) => s.song_id)).size).toBe(quirky.length);
    expect(new Set(quirky.map((s) => s.trackId)).size).toBe(quirky.length);
    expect(quirky.every((s) => /^SO[A-Z]{5}[0-9A-F]{11}$/.test(s.song_id))).toBe(true);
    expect(quirky.every((s) => /^TRA[A-Z]{4}[0-9A-F]{11}$/.test(s.trackId))).toBe(true);
    expect(quirky.every((s) => /^AR[0-9A-Z]{5}[0-9A-F]{11}$/.test(s.artist_id))).toBe(true);
  });
});

describe('without quirks', () => {
  it('writes clean songs: coordinates, locations, real years, ASCII text, strings only', () => {
    const clean = songs(false, 5000);
    const dirty = clean.filter(
      (s) =>
        s.artist_latitude === null || s.artist_location === '' || s.year === 0 ||
        typeof s.artist_name !== 'string' || typeof s.title !== 'string' || typeof s.artist_location !== 'string' ||
        nonAscii(s.artist_name) || nonAscii(s.title) || nonAscii(s.artist_location),
    );
    expect(dirty).toEqual([]);
  });
});
