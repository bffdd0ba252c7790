// One listening session: its pages, songs and timestamps, decided in full when it starts (a session is at most a few
// hundred events) and then emitted event by event, interleaved with the other sessions in progress. Lines are
// formatted only when emitted, so the text is short-lived garbage and memory stays flat.
import type { Catalog, Play } from './catalog.js';
import { doubleEncode, jsonString, pyFloat } from './json-text.js';
import { firstPage, nextPage, PAGE_HTTP, type Page, type PageState } from './page-model.js';
import type { Rng } from './random.js';
import type { Listener, Listeners } from './users.js';
import type { HeapItem } from './heap.js';

export interface Session extends HeapItem {
  readonly user: Listener;
  readonly times: Float64Array;
  readonly states: PageState[];
  /** Level per event: 1 = paid. */
  readonly paid: Uint8Array;
  /** The song of each NextSong event (undefined for other pages). */
  readonly plays: (Play | undefined)[];
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
  const { rng, catalog, users, stats } = ctx;
  const u = users.choose(rng, startMs);
  const user = users.list[u];
  if (!user) throw new Error(`no user ${u}`);
  stats.activeUsers[u] = 1;

  const offsets = new Float64Array(length);
  const states: PageState[] = new Array<PageState>(length);
  const paidAt = new Uint8Array(length);
  const plays: (Play | undefined)[] = new Array<Play | undefined>(length);
  let state: PageState | undefined;
  let offset = 0;
  for (let item = 0; item < length; item++) {
    const paid = users.paid[u] === 1;
    state = state === undefined ? firstPage(rng, paid) : nextPage(rng, state, paid);
    const page = state.page;
    states[item] = state;
    paidAt[item] = paid ? 1 : 0;
    stats.pages.set(page, (stats.pages.get(page) ?? 0) + 1);
    if (!state.loggedIn) stats.loggedOut++;
    let seconds = 0;
    if (page === 'NextSong') {
      const play = catalog.pickPlay(rng, ctx.matchRate);
      plays[item] = play;
      seconds = play.length;
      stats.plays++;
      if (play.inSongFiles) stats.matchedPlays++;
    } else if (page === 'Submit Upgrade') {
      users.paid[u] = 1; // from the next event on; the Submit event itself still has the old level
      stats.upgrades++;
    } else if (page === 'Submit Downgrade') {
      users.paid[u] = 0;
      stats.downgrades++;
    }
    offsets[item] = offset;
    offset += gapAfter(rng, page, seconds);
  }

  // A session that would run past the end of the period is squeezed into it (listeners skip songs), so that every
  // event lands in one of the period's day files and the event count stays exact.
  const last = offsets[length - 1] ?? 0;
  const limit = Math.floor((ctx.endMs - 1 - startMs) / 1000);
  const scale = last > limit ? limit / last : 1;
  const times = new Float64Array(length);
  for (let item = 0; item < length; item++) times[item] = startMs + Math.floor((offsets[item] ?? 0) * scale) * 1000;
  users.busyUntil[u] = times[length - 1] ?? startMs;
  return { id: sessionId, ts: startMs, user, times, states, paid: paidAt, plays, next: 0 };
}

/** The log line of event `item` of a session; keys in the real files' (alphabetical) order. */
export function eventLine(session: Session, item: number, quirks: boolean): string {
  const state = session.states[item] as PageState;
  const { page, loggedIn } = state;
  const [method, status] = PAGE_HTTP[page];
  const level = session.paid[item] === 1 ? '"paid"' : '"free"';
  const ts = session.times[item] ?? 0;
  if (!loggedIn) {
    return (
      `{"artist":null,"auth":"Logged Out","firstName":null,"gender":null,"itemInSession":${item},"lastName":null,` +
      `"length":null,"level":${level},"location":null,"method":"${method}","page":"${page}","registration":null,` +
      `"sessionId":${session.id},"song":null,"status":${status},"ts":${ts},"userAgent":null,"userId":""}`
    );
  }
  const play = session.plays[item];
  const text = (value: string): string => jsonString(quirks ? doubleEncode(value) : value, true);
  const j = session.user.json;
  return (
    `{"artist":${play ? text(play.artist) : 'null'},"auth":"Logged In","firstName":${j.firstName},` +
    `"gender":${j.gender},"itemInSession":${item},"lastName":${j.lastName},` +
    `"length":${play ? pyFloat(play.length) : 'null'},"level":${level},"location":${j.location},` +
    `"method":"${method}","page":"${page}","registration":${j.registration},"sessionId":${session.id},` +
    `"song":${play ? text(play.title) : 'null'},"status":${status},"ts":${ts},"userAgent":${j.userAgent},` +
    `"userId":${j.userId}}`
  );
}
