// The event log: sessions start at sorted random times, each is built when it starts, and a heap of the sessions in
// progress yields the next event in time order, which goes straight to its day file. Memory holds only the sessions
// in progress, whatever the number of events.
import type { Catalog } from './catalog.js';
import { DayFiles } from './day-files.js';
import { MinHeap } from './heap.js';
import type { Page } from './page-model.js';
import { Rng } from './random.js';
import { buildSession, eventLine, sessionLength, type Session, type SessionStats } from './sessions.js';
import { SortedUniforms, Timeline } from './timeline.js';
import { Listeners } from './users.js';

const enum Stream {
  Lengths = 30,
  Arrivals = 31,
  Days = 32,
  Events = 33,
}

export interface EventLogOptions {
  readonly out: string;
  readonly events: number;
  readonly seed: number;
  readonly users: number;
  readonly matchRate: number;
  readonly quirks: boolean;
  readonly startMs: number;
  readonly days: number;
  readonly catalog: Catalog;
  readonly onEvents?: (done: number) => void;
}

export interface EventLogReport {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly events: number;
  readonly sessions: number;
  readonly users: number;
  readonly activeUsers: number;
  readonly pages: Readonly<Partial<Record<Page, number>>>;
  readonly songPlays: number;
  readonly matchedPlays: number;
  readonly loggedOutEvents: number;
  readonly upgrades: number;
  readonly downgrades: number;
}

/** Session lengths that add up to exactly `events` (the last one is cut short). */
function countSessions(seed: readonly [number, number], events: number): number {
  const rng = new Rng(seed[0], seed[1], Stream.Lengths);
  let sessions = 0;
  for (let sum = 0; sum < events; sessions++) sum += sessionLength(rng);
  return sessions;
}

export async function writeEventLog(options: EventLogOptions): Promise<EventLogReport> {
  const { events, startMs, days } = options;
  const seed = [options.seed >>> 0, Math.floor(options.seed / 0x1_0000_0000) >>> 0] as const;
  const users = new Listeners(options.seed, options.users, startMs, options.quirks);
  const timeline = new Timeline(startMs, days, new Rng(seed[0], seed[1], Stream.Days));
  const sessions = countSessions(seed, events);
  const lengths = new Rng(seed[0], seed[1], Stream.Lengths);
  const arrivals = new SortedUniforms(new Rng(seed[0], seed[1], Stream.Arrivals), sessions);
  const stats: SessionStats = {
    pages: new Map(),
    plays: 0,
    matchedPlays: 0,
    upgrades: 0,
    downgrades: 0,
    loggedOut: 0,
    activeUsers: new Uint8Array(users.count),
  };
  const context = {
    rng: new Rng(seed[0], seed[1], Stream.Events),
    catalog: options.catalog,
    users,
    matchRate: options.matchRate,
    quirks: options.quirks,
    endMs: timeline.endMs,
    stats,
  };
  const files = new DayFiles(options.out, startMs);
  const heap = new MinHeap<Session>();
  let started = 0;
  let remaining = events;
  let nextStart = sessions > 0 ? timeline.at(arrivals.next()) : Infinity;
  const step = Math.max(1, Math.floor(events / 200));
  try {
    for (let done = 0; done < events; done++) {
      // Start every session that begins before the earliest pending event.
      while (started < sessions && (heap.size === 0 || nextStart <= (heap.peek()?.ts ?? Infinity))) {
        const length = Math.min(sessionLength(lengths), remaining);
        remaining -= length;
        started++;
        heap.push(buildSession(context, started, nextStart, length));
        nextStart = started < sessions ? timeline.at(arrivals.next()) : Infinity;
      }
      const session = heap.peek();
      if (!session) throw new Error(`internal: no session left after ${done} of ${events} events`);
      const i = session.next++;
      await files.write(session.times[i] ?? 0, eventLine(session, i, options.quirks));
      if (session.next < session.times.length) {
        session.ts = session.times[session.next] ?? Infinity;
        heap.updateTop();
      } else {
        heap.pop();
      }
      if (done % step === 0) options.onEvents?.(done);
    }
  } finally {
    await files.close();
  }
  options.onEvents?.(events);
  let active = 0;
  for (const a of stats.activeUsers) active += a;
  return {
    files: files.files,
    bytes: files.bytes,
    events,
    sessions,
    users: users.count,
    activeUsers: active,
    pages: Object.fromEntries(stats.pages),
    songPlays: stats.plays,
    matchedPlays: stats.matchedPlays,
    loggedOutEvents: stats.loggedOut,
    upgrades: stats.upgrades,
    downgrades: stats.downgrades,
  };
}
