// The generated log has the real data's shape: page mix, sessions, level changes, the asked-for match rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWith, sharedData } from '@sparkify/testing';
import { generate, type GenerateReport } from './generate.js';
import { readLog, readSongs, repairTwice, type LogLine } from './__fixtures__/output.js';
import { DAY_MS } from './timeline.js';

const MATCH_RATE = 0.2;
let out = '';
let report: GenerateReport;
let log: LogLine[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'datagen-shape-'));
  report = await generate({ out, songs: 2000, events: 20_000, seed: 99, quirks: true, matchRate: MATCH_RATE, days: 10 });
  log = readLog(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const share = (lines: readonly LogLine[], page: string): number =>
  lines.filter((l) => l.event['page'] === page).length / lines.length;

describe('the generated log', () => {
  it('has exactly the events asked for, in time order, each in its own day file', () => {
    expect(log.length).toBe(20_000);
    expect(report.events).toBe(20_000);
    const start = Date.parse('2018-11-01T00:00:00Z');
    let previous = 0;
    const wrong: string[] = [];
    for (const { file, event } of log) {
      const ts = Number(event['ts']);
      const day = new Date(start + Math.floor((ts - start) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
      if (ts < previous || ts % 1000 !== 796 || file !== `log_data/2018/11/${day}-events.json`) wrong.push(`${file}: ${ts}`);
      previous = ts;
    }
    expect(wrong).toEqual([]);
  });

  it('numbers sessions so that (sessionId, itemInSession) is unique and items count up from 0 in time order', () => {
    const bySession = new Map<number, { item: number; ts: number; user: string }[]>();
    expect(log.every((l) => Number.isInteger(l.event['sessionId']) && Number.isInteger(l.event['itemInSession']))).toBe(true);
    for (const { event } of log) {
      const id = event['sessionId'] as number;
      const list = bySession.get(id) ?? [];
      list.push({ item: event['itemInSession'] as number, ts: event['ts'] as number, user: String(event['userId']) });
      bySession.set(id, list);
    }
    expect(bySession.size).toBe(report.sessions);
    const wrong = [...bySession].filter(
      ([, events]) =>
        events.some((e, i) => e.item !== i) || new Set(events.map((e) => e.user).filter((u) => u !== '')).size > 1,
    );
    expect(wrong.map(([id]) => id)).toEqual([]);
    expect([...bySession.values()].some((e) => e.length >= 50)).toBe(true);
  });

  it('has users who upgrade from free to paid and some who go back', () => {
    const levels = new Map<string, string[]>();
    for (const { event } of log) {
      if (event['userId'] === '') continue;
      const list = levels.get(String(event['userId'])) ?? [];
      list.push(String(event['level']));
      levels.set(String(event['userId']), list);
    }
    const changes = (from: string, to: string): number =>
      [...levels.values()].filter((l) => l.some((v, i) => i > 0 && l[i - 1] === from && v === to)).length;
    expect(changes('free', 'paid')).toBeGreaterThan(0);
    expect(changes('paid', 'free')).toBeGreaterThan(0);
    // The level changes right after the Submit page, never at another moment, and a user's sessions never overlap.
    const byUser = new Map<string, LogLine['event'][]>();
    for (const { event } of log) {
      if (event['userId'] !== '') byUser.set(String(event['userId']), [...(byUser.get(String(event['userId'])) ?? []), event]);
    }
    const stray: string[] = [];
    for (const [user, events] of byUser) {
      events.forEach((e, i) => {
        const before = events[i - 1];
        if (!before) return;
        if (before['level'] !== e['level'] && !String(before['page']).startsWith('Submit ')) stray.push(`${user} at ${String(e['ts'])}`);
        if (before['sessionId'] !== e['sessionId'] && (before['sessionId'] as number) > (e['sessionId'] as number)) {
          stray.push(`${user}: session ${String(e['sessionId'])} interleaves with ${String(before['sessionId'])}`);
        }
      });
    }
    expect(stray).toEqual([]);
  });

  it('leaves user fields null on logged-out events, whose userId is ""', () => {
    const out = log.filter((l) => l.event['auth'] === 'Logged Out');
    expect(out.length).toBeGreaterThan(0);
    const keys = ['firstName', 'lastName', 'gender', 'location', 'registration', 'userAgent', 'song', 'artist'];
    const wrong = out.filter(
      ({ event }) =>
        event['userId'] !== '' || keys.some((k) => event[k] !== null) || !['Home', 'Login', 'About', 'Help'].includes(String(event['page'])),
    );
    expect(wrong.map((l) => l.raw)).toEqual([]);
  });

  it('plays songs from the song files at the asked-for rate (matched by title and artist after repairing mojibake)', () => {
    const known = new Map<string, number[]>();
    for (const { song } of readSongs(out)) {
      const key = `${String(song['title'])}\u0000${String(song['artist_name'])}`;
      known.set(key, [...(known.get(key) ?? []), song['duration'] as number]);
    }
    const plays = log.filter((l) => l.event['page'] === 'NextSong');
    const matched = plays.filter((l) => {
      const durations = known.get(`${repairTwice(String(l.event['song']))}\u0000${repairTwice(String(l.event['artist']))}`);
      return durations?.includes(l.event['length'] as number) ?? false;
    });
    expect(matched.length).toBe(report.matchedPlays);
    expect(Math.abs(matched.length / plays.length - MATCH_RATE)).toBeLessThan(0.02);
    // Popularity is skewed: the top song is played far more often than the median one.
    const tally = new Map<string, number>();
    for (const p of plays) {
      const key = `${String(p.event['song'])}|${String(p.event['artist'])}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const sorted = [...tally.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThanOrEqual(10 * (sorted[Math.floor(sorted.length / 2)] ?? 1));
  });

  it('has mojibake (double UTF-8) in the quirky log and nowhere else in ASCII-only text', () => {
    const moji = log.filter((l) => /\\u00c3\\u0083\\u00c2/.test(l.raw));
    expect(moji.length).toBeGreaterThan(0);
    expect(log.every((l) => !/[^\u0000-\u007f]/.test(l.raw))).toBe(true);
  });
});

describeWith(sharedData('sparkify'), 'the generated page mix against the real one', (real) => {
  it('stays within a few points of the real share for every page', () => {
    const realLog = readLog(real);
    for (const page of new Set(realLog.map((l) => String(l.event['page'])))) {
      const want = share(realLog, page);
      const got = share(log, page);
      expect(Math.abs(got - want), `${page}: generated ${got.toFixed(4)}, real ${want.toFixed(4)}`).toBeLessThan(
        Math.max(0.02, want * 0.5),
      );
      expect(got, page).toBeGreaterThan(0);
    }
    expect(Math.abs(share(log, 'NextSong') - share(realLog, 'NextSong'))).toBeLessThan(0.03);
  });
});
