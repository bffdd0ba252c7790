// One listening session: its pages, songs and timestamps, built in full when it starts (a session is at most a few
// hundred events) and then emitted event by event, interleaved with the other sessions in progress.
import type { Catalog } from './catalog.js';
import { doubleEncode, jsonString, pyFloat } from './json-text.js';
import { firstPage, nextPage, PAGE_HTTP, type Page, type PageState } from './page-model.js';
import type { Rng } from './random.js';
import type { Listeners } from './users.js';
import type { HeapItem } from './heap.js';

export interface Session extends HeapItem {
  readonly times: number[];
  readonly lines: string[];
  next: number;
}

export interface SessionStats {
  readonly pages: Map<Page, number>;
  plays: number;
  matchedPlays: number;
  upgrades: number;
  downgrades: number;
  loggedOut: number;
  readonly activeUsers: Uint8Array;
}

export interface SessionContext {
  readonly rng: Rng;
  readonly catalog: Catalog;
  readonly users: Listeners;
  readonly matchRate: number;
  readonly quirks: boolean;
  readonly endMs: number;
  readonly stats: SessionStats;
}

/** Session length in events: the real distribution (1: 34 %, 2: 21 %, 3: 10 %, 4: 7 %, 5: 4 %, then a long tail). */
export function sessionLength(rng: Rng): number {
  const x = rng.float() * 941;
  if (x < 316) return 1;
  if (x < 512) return 2;
  if (x < 610) return 3;
  if (x < 674) return 4;
  if (x < 712) return 5;
  return 6 + Math.floor(rng.exponential(22.9));
}

/** Seconds until the listener's next event. */
function gapAfter(rng: Rng, page: Page, length: number): number {
  if (page === 'NextSong') {
    // Most songs play to the end; some are skipped.
    return rng.chance(0.9) ? Math.round(length) : rng.range(1, Math.max(1, Math.floor(length)));
  }
  return Math.min(3600, Math.round(rng.logNormal(Math.log(60), 1.6)));
}

export function buildSession(ctx: SessionContext, sessionId: number, startMs: number, length: number): Session {
  const { rng, catalog, users, stats, quirks } = ctx;
  const u = users.choose(rng, startMs);
  const user = users.list[u];
  if (!user) throw new Error(`no user ${u}`);
  stats.activeUsers[u] = 1;
  const text = (value: string): string => jsonString(quirks ? doubleEncode(value) : value, true);

  const offsets: number[] = new Array<number>(length);
  const bodies: string[] = new Array<string>(length);
  const loggedInAt: boolean[] = new Array<boolean>(length);
  let state: PageState | undefined;
  let offset = 0;
  for (let item = 0; item < length; item++) {
    const paid = users.paid[u] === 1;
    state = state === undefined ? firstPage(rng, paid) : nextPage(rng, state, paid);
    const { page, loggedIn } = state;
    stats.pages.set(page, (stats.pages.get(page) ?? 0) + 1);
    const level = paid ? '"paid"' : '"free"';
    let artist = 'null';
    let song = 'null';
    let songLength = 'null';
    let seconds = 0;
    if (page === 'NextSong') {
      const play = catalog.pickPlay(rng, ctx.matchRate);
      artist = text(play.artist);
      song = text(play.title);
      songLength = pyFloat(play.length);
      seconds = play.length;
      stats.plays++;
      if (play.inSongFiles) stats.matchedPlays++;
    }
    if (page === 'Submit Upgrade') {
      users.paid[u] = 1; // from the next event on
      stats.upgrades++;
    } else if (page === 'Submit Downgrade') {
      users.paid[u] = 0;
      stats.downgrades++;
    }
    const [method, status] = PAGE_HTTP[page];
    const j = user.json;
    if (!loggedIn) stats.loggedOut++;
    // The line minus "ts"; keys in the real files' (alphabetical) order.
    bodies[item] = loggedIn
      ? `{"artist":${artist},"auth":"Logged In","firstName":${j.firstName},"gender":${j.gender},"itemInSession":${item},` +
        `"lastName":${j.lastName},"length":${songLength},"level":${level},"location":${j.location},"method":"${method}",` +
        `"page":"${page}","registration":${j.registration},"sessionId":${sessionId},"song":${song},"status":${status},"ts":`
      : `{"artist":null,"auth":"Logged Out","firstName":null,"gender":null,"itemInSession":${item},"lastName":null,` +
        `"length":null,"level":${level},"location":null,"method":"${method}","page":"${page}","registration":null,` +
        `"sessionId":${sessionId},"song":null,"status":${status},"ts":`;
    loggedInAt[item] = loggedIn;
    offsets[item] = offset;
    offset += gapAfter(rng, page, seconds);
  }

  // A session that would run past the end of the period is squeezed into it (listeners skip songs), so that every
  // event lands in one of the period's day files and the event count stays exact.
  const last = offsets[length - 1] ?? 0;
  const limit = Math.floor((ctx.endMs - 1 - startMs) / 1000);
  const scale = last > limit ? limit / last : 1;

  const times: number[] = new Array<number>(length);
  const lines: string[] = new Array<string>(length);
  for (let item = 0; item < length; item++) {
    const ts = startMs + Math.floor((offsets[item] ?? 0) * scale) * 1000;
    times[item] = ts;
    const j = user.json;
    const tail = loggedInAt[item] ? `,"userAgent":${j.userAgent},"userId":${j.userId}}` : `,"userAgent":null,"userId":""}`;
    lines[item] = (bodies[item] ?? '') + ts + tail;
  }
  users.busyUntil[u] = times[length - 1] ?? startMs;
  return { id: sessionId, ts: startMs, times, lines, next: 0 };
}
