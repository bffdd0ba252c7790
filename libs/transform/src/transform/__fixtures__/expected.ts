/**
 * The warehouse's semantics computed independently in plain JS from the raw files, for the tests to compare
 * the SQL results against.
 */
import { repairMojibake } from '../../text/repair-mojibake.js';
import type { RawEvent, RawSong } from './real-data.js';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** `2018-11-01 21:01:46.796` — how PostgreSQL prints a TIMESTAMP (ms kept, trailing zeros dropped). */
export function pgTimestampText(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2018-11-01T21:01:46.796Z
  const [date, time] = iso.slice(0, -1).split('T') as [string, string];
  return `${date} ${time.replace(/\.?0+$/, '').replace(/\.$/, '')}`;
}

export interface ExpectedPlay {
  key: string;
  startTime: string;
  userId: number;
  level: string;
  songId: string | null;
  artistId: string | null;
  rawHadMojibake: boolean;
}

export function expectedPlays(events: RawEvent[], songs: RawSong[]): ExpectedPlay[] {
  const candidates = new Map<string, RawSong[]>();
  for (const s of songs) {
    const key = repairMojibake(text(s.title)) + '\u0000' + repairMojibake(text(s.artist_name));
    candidates.set(key, [...(candidates.get(key) ?? []), s]);
  }
  return events
    .filter((e) => e.page === 'NextSong' && e.userId !== '')
    .map((e) => {
      const found = (candidates.get(repairMojibake(text(e.song)) + '\u0000' + repairMojibake(text(e.artist))) ?? [])
        .map((s) => ({ s, d: Math.abs(s.duration - (e.length ?? NaN)) }))
        .sort((a, b) => a.d - b.d || (a.s.song_id < b.s.song_id ? -1 : 1))[0]?.s;
      return {
        key: `${e.sessionId}/${e.itemInSession}`,
        startTime: pgTimestampText(e.ts),
        userId: Number(e.userId),
        level: e.level,
        songId: found?.song_id ?? null,
        artistId: found?.artist_id ?? null,
        rawHadMojibake: /[\u00c2\u00c3]/.test(text(e.song) + text(e.artist)),
      };
    });
}

export interface ExpectedUser {
  user_id: number;
  first_name: string | null;
  last_name: string | null;
  gender: string | null;
  level: string;
  last_seen: string;
}

/** Each user as of their latest event: greatest ts, then session_id, then item_in_session. */
export function expectedUsers(events: RawEvent[]): ExpectedUser[] {
  const latest = new Map<number, RawEvent>();
  const later = (a: RawEvent, b: RawEvent) =>
    a.ts !== b.ts ? a.ts > b.ts : a.sessionId !== b.sessionId ? a.sessionId > b.sessionId : a.itemInSession > b.itemInSession;
  for (const e of events) {
    if (e.userId === '') continue;
    const id = Number(e.userId);
    const seen = latest.get(id);
    if (!seen || later(e, seen)) latest.set(id, e);
  }
  return [...latest.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, e]) => ({
      user_id: id,
      first_name: e.firstName === null ? null : repairMojibake(e.firstName),
      last_name: e.lastName === null ? null : repairMojibake(e.lastName),
      gender: e.gender,
      level: e.level,
      last_seen: pgTimestampText(e.ts),
    }));
}

/** ISO 8601 week number of a UTC date. */
export function isoWeek(ms: number): number {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const firstThursday = new Date(thursday);
  const jan1 = Date.UTC(firstThursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday - jan1) / (7 * 86_400_000));
}
