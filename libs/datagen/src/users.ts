// The listeners. A few heavy users produce most of the events (as in the real logs, where the median user played
// 15 songs and the top one 689); paid users are the heavy ones more often. A user's fixed fields are written once
// as JSON fragments, since they repeat on every one of the user's events.
import { doubleEncode, jsonString, pyFloat } from './json-text.js';
import { Rng } from './random.js';
import { accentOnce } from './text-gen.js';
import { FEMALE_NAMES, LAST_NAMES, LISTENER_METROS, MALE_NAMES, USER_AGENTS } from './words.js';

export interface Listener {
  readonly userId: string;
  /** JSON values, ready to paste into a log line. */
  readonly json: {
    readonly firstName: string;
    readonly gender: string;
    readonly lastName: string;
    readonly location: string;
    readonly registration: string;
    readonly userAgent: string;
    readonly userId: string;
  };
}

const USERS_STREAM = 20;

/** How many listeners a log of `events` events has: about 80 events each, like the real month (97 users, 8,056). */
export const defaultUserCount = (events: number): number => Math.min(50_000, Math.max(5, Math.round(events / 80)));

export class Listeners {
  readonly list: readonly Listener[];
  /** Current level; flips on Submit Upgrade / Submit Downgrade. */
  readonly paid: Uint8Array;
  /** Until when (ms) a user is in a session, so that one user's sessions do not overlap. */
  readonly busyUntil: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(seed: number, count: number, startMs: number, quirks: boolean) {
    const list: Listener[] = [];
    this.paid = new Uint8Array(count);
    this.busyUntil = new Float64Array(count);
    this.cumulative = new Float64Array(count);
    let total = 0;
    for (let u = 0; u < count; u++) {
      const rng = new Rng(seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0, USERS_STREAM, u);
      const female = rng.chance(0.55);
      let first: string = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
      let last: string = rng.pick(LAST_NAMES);
      if (quirks && rng.chance(0.03)) first = accentOnce(rng, first);
      if (quirks && rng.chance(0.02)) last = accentOnce(rng, last);
      // Metro areas: the big ones host more listeners (rank-skewed pick).
      const metro = LISTENER_METROS[Math.floor(LISTENER_METROS.length * rng.float() ** 1.7)] ?? LISTENER_METROS[0];
      const agent = USER_AGENTS[Math.floor(USER_AGENTS.length * rng.float() ** 1.5)] ?? USER_AGENTS[0];
      // Registered up to 40 days before the period, to the second; every real timestamp ends in 796 ms.
      const registration = Math.floor((startMs - rng.range(3_600, 40 * 86_400) * 1000) / 1000) * 1000 + 796;
      const paid = rng.chance(0.15);
      this.paid[u] = paid ? 1 : 0;
      // Pareto activity (alpha 0.9), capped; paid users listen about eight times as much (tuned to the real month).
      const weight = Math.min(120, (1 - rng.float()) ** (-1 / 0.9)) * (paid ? 8 : 1);
      total += weight;
      this.cumulative[u] = total;
      const text = (value: string): string => jsonString(quirks ? doubleEncode(value) : value, true);
      const userId = String(u + 1);
      list.push({
        userId,
        json: {
          firstName: text(first),
          gender: female ? '"F"' : '"M"',
          lastName: text(last),
          location: text(metro),
          registration: pyFloat(registration),
          userAgent: text(agent),
          userId: `"${userId}"`,
        },
      });
    }
    this.list = list;
  }

  get count(): number {
    return this.list.length;
  }

  /** A user for a session starting at `atMs`, by activity weight, avoiding users who are still in a session. */
  choose(rng: Rng, atMs: number): number {
    let u = 0;
    for (let attempt = 0; attempt < 12; attempt++) {
      u = this.byWeight(rng.float());
      if ((this.busyUntil[u] ?? 0) < atMs) return u;
    }
    // Rarely all heavy users are busy: take the next free user in id order (all busy: overlap is unavoidable).
    for (let step = 1; step < this.count; step++) {
      const v = (u + step) % this.count;
      if ((this.busyUntil[v] ?? 0) < atMs) return v;
    }
    return u;
  }

  private byWeight(x: number): number {
    const target = x * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
