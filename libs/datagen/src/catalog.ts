// The music catalogue, rebuilt on demand from (seed, index): nothing is kept in memory, so the song files can be
// written and the log can refer to any song without holding 100,000 records. Two parts:
// - songs in the song files (index 0 … songs-1), each with an artist from the song-file artists;
// - songs that listeners play but that are absent from the song files (titles from the other half of the nouns;
//   as in the real data, many of them are by artists who do have song files).
import { jsonString, type TextOrNumber } from './json-text.js';
import { AffinePermutation, Rng, hashKeys, zipfRank } from './random.js';
import { artistName, artistVariant, songTitle } from './text-gen.js';
import { ACCENTED_PLACES, ARTIST_PLACES } from './words.js';

/** One song file's content, in the real files' field names. */
export interface SongRecord {
  readonly trackId: string;
  readonly artist_id: string;
  readonly artist_latitude: number | null;
  readonly artist_location: TextOrNumber | null;
  readonly artist_longitude: number | null;
  readonly artist_name: TextOrNumber;
  readonly duration: number;
  readonly num_songs: 1;
  readonly song_id: string;
  readonly title: TextOrNumber;
  readonly year: number;
}

/** What a NextSong event says about the song. */
export interface Play {
  readonly title: string;
  readonly artist: string;
  readonly length: number;
  readonly inSongFiles: boolean;
}

interface Artist {
  readonly id: string;
  readonly name: TextOrNumber;
  readonly location: TextOrNumber | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly severalNames: boolean;
}

const enum Stream {
  Artist = 1,
  Song = 2,
  Played = 3,
  ArtistIds = 4,
  SongIds = 5,
  TrackIds = 6,
  SongArtist = 7,
  Popular = 8,
  PopularPlayed = 9,
  PlayedArtist = 10,
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789ABCDEF';

/** Largest number of songs: song and track ids carry the song index in five letters (26^5). */
export const MAX_SONGS = 26 ** 5;
/** Popularity skew (Zipf exponent): with it the top song takes about 0.5 % of plays, as in the real logs. */
const ZIPF = 0.6;

function code(value: number, digits: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < digits; i++) {
    out = alphabet[value % alphabet.length] + out;
    value = Math.floor(value / alphabet.length);
  }
  return out;
}

const randomChars = (rng: Rng, n: number, alphabet: string): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
};

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Song length in seconds: log-normal around the real median (≈231 s), 5 decimals like the real files. */
const songDuration = (rng: Rng): number => round(Math.min(2700, Math.max(6.4, rng.logNormal(Math.log(231), 0.42))), 5);

export interface CatalogOptions {
  readonly seed: number;
  readonly songs: number;
  readonly quirks: boolean;
}

export class Catalog {
  readonly songCount: number;
  readonly artistCount: number;
  /** Songs that are played but have no song file. */
  readonly playedOnlyCount: number;
  private readonly seed: readonly [number, number];
  private readonly quirks: boolean;
  private readonly artistIds: AffinePermutation;
  private readonly songIds: AffinePermutation;
  private readonly trackIds: AffinePermutation;
  private readonly songArtist: AffinePermutation;
  private readonly popular: AffinePermutation;
  private readonly popularPlayed: AffinePermutation;
  private readonly trackLetters: number;
  private readonly artistCache = new Map<number, Artist>();

  constructor(options: CatalogOptions) {
    const { seed, songs, quirks } = options;
    if (!Number.isSafeInteger(songs) || songs < 1 || songs > MAX_SONGS) {
      throw new RangeError(`songs must be an integer from 1 to ${MAX_SONGS}, got ${songs}`);
    }
    this.seed = [seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0];
    this.quirks = quirks;
    this.songCount = songs;
    // The real set has about 0.64 artists per song and plays from a catalogue far larger than its song files.
    this.artistCount = Math.max(1, Math.round(songs * 0.64));
    this.playedOnlyCount = Math.max(2000, songs * 5);
    const [s0, s1] = this.seed;
    this.artistIds = new AffinePermutation(36 ** 5, s0, s1, Stream.ArtistIds);
    this.songIds = new AffinePermutation(MAX_SONGS, s0, s1, Stream.SongIds);
    // Like the real set (all under song_data/A/), track ids start with TRA while the songs fit in 26^4 ids.
    this.trackLetters = songs <= 26 ** 4 ? 4 : 5;
    this.trackIds = new AffinePermutation(26 ** this.trackLetters, s0, s1, Stream.TrackIds);
    this.songArtist = new AffinePermutation(this.artistCount, s0, s1, Stream.SongArtist);
    this.popular = new AffinePermutation(songs, s0, s1, Stream.Popular);
    this.popularPlayed = new AffinePermutation(this.playedOnlyCount, s0, s1, Stream.PopularPlayed);
  }

  private rng(stream: Stream, index: number): Rng {
    return new Rng(this.seed[0], this.seed[1], stream, index);
  }

  /** The artist of song i: every artist has at least one song, the rest are spread at random. */
  private artistOf(i: number): number {
    if (i < this.artistCount) return this.songArtist.at(i);
    return hashKeys(this.seed[0], this.seed[1], Stream.SongArtist, i) % this.artistCount;
  }

  artist(k: number): Artist {
    const cached = this.artistCache.get(k);
    if (cached) return cached;
    const rng = this.rng(Stream.Artist, k);
    const q = this.quirks;
    const id = 'AR' + code(this.artistIds.at(k), 5, ALNUM) + rng.pick(['1187B9', '1187FB', '11C8A4', '12298', '12086C', '11F4C8', '1187B']);
    const fullId = id + randomChars(rng, 18 - id.length, HEX);
    const numericName = q && rng.chance(0.0015);
    const name: TextOrNumber = numericName ? rng.range(2, 9999) : artistName(rng, q && rng.chance(0.05));
    let location: TextOrNumber | null;
    let latitude: number | null = null;
    let longitude: number | null = null;
    const r = rng.float();
    if (q && r < 0.45) {
      location = '';
    } else if (q && r < 0.48) {
      const [text, lat, lon] = rng.pick(ACCENTED_PLACES);
      // A few real locations lost a character to U+FFFD on the way (e.g. "\ufffdebro, Sweden").
      location = rng.chance(0.15) ? text.replace(/[^\u0000-\u007f]/, '\ufffd') : text;
      [latitude, longitude] = [lat, lon];
    } else if (q && r < 0.4815) {
      location = rng.range(1, 200); // numbers where text is expected
    } else if (q && r < 0.48165) {
      location = null;
    } else {
      const [texts, lat, lon] = rng.pick(ARTIST_PLACES);
      location = rng.pick(texts);
      [latitude, longitude] = [lat, lon];
    }
    // In the real files coordinates are missing far more often than the location text.
    if (q && location !== '' && rng.chance(0.36)) [latitude, longitude] = [null, null];
    if (location === '') [latitude, longitude] = [null, null];
    const artist: Artist = {
      id: fullId,
      name,
      location,
      latitude,
      longitude,
      severalNames: q && !numericName && rng.chance(0.04),
    };
    if (this.artistCache.size > 50_000) this.artistCache.clear(); // bounded: a cache, not a store
    this.artistCache.set(k, artist);
    return artist;
  }

  /** The song file for song i (0 ≤ i < songs). */
  song(i: number): SongRecord {
    const rng = this.rng(Stream.Song, i);
    const q = this.quirks;
    // Quirk: another version of an earlier song (same title and artist, another duration and song id), which makes
    // "the closest duration wins" matter.
    let base = i;
    while (q && base > 0 && new Rng(this.seed[0], this.seed[1], Stream.Song, base, 1).chance(0.005)) {
      base = hashKeys(this.seed[0], this.seed[1], Stream.Song, base) % base;
    }
    const titleRng = base === i ? rng : this.rng(Stream.Song, base);
    const numericTitle = q && titleRng.chance(0.0012);
    const title: TextOrNumber = numericTitle
      ? titleRng.chance(0.9) ? titleRng.range(1, 100) : titleRng.range(11, 99) / 10
      : songTitle(titleRng, 0, q && titleRng.chance(0.05));
    const artist = this.artist(this.artistOf(base));
    let artistName = artist.name;
    let { location, latitude, longitude } = artist;
    if (artist.severalNames && typeof artistName === 'string') {
      const variant = new Rng(this.seed[0], this.seed[1], Stream.Song, base, 2);
      if (variant.chance(0.5)) artistName = artistVariant(variant, artistName);
      if (variant.chance(0.3)) {
        const [texts, lat, lon] = variant.pick(ARTIST_PLACES);
        [location, latitude, longitude] = [variant.pick(texts), lat, lon];
      }
    }
    const year = q && rng.chance(0.32) ? 0 : Math.max(1927, 2010 - Math.floor(rng.exponential(9)));
    const songId = 'SO' + code(this.songIds.at(i), 5, LETTERS) + '12A' + rng.pick(['8C', 'B0', 'F7', '6D', '58', '67', '81']);
    const trackPrefix = 'TR' + (this.trackLetters === 4 ? 'A' : '') + code(this.trackIds.at(i), this.trackLetters, LETTERS);
    return {
      trackId: trackPrefix + rng.pick(['128F4', '128F9', '12903', '128F1', '128E0', '128EF']) + randomChars(rng, 6, HEX),
      artist_id: artist.id,
      artist_latitude: latitude,
      artist_location: location,
      artist_longitude: longitude,
      artist_name: artistName,
      duration: songDuration(rng),
      num_songs: 1,
      song_id: songId + randomChars(rng, 18 - songId.length, HEX),
      title,
      year,
    };
  }

  /** A song that is played but has no song file (0 ≤ o < playedOnlyCount). */
  playedOnly(o: number): Play {
    const rng = this.rng(Stream.Played, o);
    const q = this.quirks;
    const title = songTitle(rng, 1, q && rng.chance(0.05));
    let artist: string;
    if (rng.chance(0.65)) {
      artist = String(this.artist(rng.int(this.artistCount)).name);
    } else {
      // Artists without any song file: indexes past the song-file artists.
      artist = artistName(this.rng(Stream.PlayedArtist, rng.int(Math.max(1, this.playedOnlyCount >> 1))), q && rng.chance(0.05));
    }
    return { title, artist, length: songDuration(rng), inSongFiles: false };
  }

  /** What a listener plays next: a song file's song with probability matchRate, popularity skewed either way. */
  pickPlay(rng: Rng, matchRate: number): Play {
    if (rng.float() < matchRate) {
      const song = this.song(this.popular.at(zipfRank(rng.float(), this.songCount, ZIPF)));
      return { title: String(song.title), artist: String(song.artist_name), length: song.duration, inSongFiles: true };
    }
    return this.playedOnly(this.popularPlayed.at(zipfRank(rng.float(), this.playedOnlyCount, ZIPF)));
  }
}

export type SongFormat = 'compact' | 'spaced';

/** One song file's bytes. `compact`: the full S3 set (sorted keys, `\/`); `spaced`: the small set (json.dumps). */
export function songFileText(song: SongRecord, format: SongFormat): string {
  const num = (v: number | null): string => (v === null ? 'null' : String(v));
  const text = (v: TextOrNumber | null, slash: boolean): string =>
    v === null ? 'null' : typeof v === 'number' ? String(v) : jsonString(v, slash);
  const duration = Number.isInteger(song.duration) ? song.duration.toFixed(1) : String(song.duration);
  if (format === 'compact') {
    return (
      `{"artist_id":"${song.artist_id}","artist_latitude":${num(song.artist_latitude)},` +
      `"artist_location":${text(song.artist_location, true)},"artist_longitude":${num(song.artist_longitude)},` +
      `"artist_name":${text(song.artist_name, true)},"duration":${duration},"num_songs":1,` +
      `"song_id":"${song.song_id}","title":${text(song.title, true)},"year":${song.year}}`
    );
  }
  return (
    `{"num_songs": 1, "artist_id": "${song.artist_id}", "artist_latitude": ${num(song.artist_latitude)}, ` +
    `"artist_longitude": ${num(song.artist_longitude)}, "artist_location": ${text(song.artist_location, false)}, ` +
    `"artist_name": ${text(song.artist_name, false)}, "song_id": "${song.song_id}", ` +
    `"title": ${text(song.title, false)}, "duration": ${duration}, "year": ${song.year}}`
  );
}
