// When sessions start. Activity follows the real logs' rhythm (UTC hour of day and day of week, measured on the
// real month) with some day-to-day variation, and start times are drawn already sorted, so the log can be written
// in time order without holding the sessions of a day in memory.
import type { Rng } from './random.js';

/** Events per UTC hour 0…23 in the real month. */
const HOURLY = [185, 201, 157, 130, 159, 206, 230, 219, 246, 311, 356, 391, 368, 415, 504, 577, 626, 572, 579, 431, 397, 326, 247, 223];
/** Events per weekday, Monday…Sunday, in the real month. */
const WEEKDAY = [1218, 1260, 1609, 1235, 1523, 711, 500];

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Every real timestamp (ts and registration) ends in 796 ms. */
export const TS_MILLIS = 796;

export class Timeline {
  private readonly cumulative: Float64Array;

  constructor(
    readonly startMs: number,
    readonly days: number,
    rng: Rng,
  ) {
    this.cumulative = new Float64Array(days * 24);
    let total = 0;
    for (let d = 0; d < days; d++) {
      const weekday = (new Date(startMs + d * DAY_MS).getUTCDay() + 6) % 7; // 0 = Monday
      const dayFactor = (WEEKDAY[weekday] ?? 1) * Math.exp(0.35 * rng.normal());
      for (let h = 0; h < 24; h++) {
        total += dayFactor * (HOURLY[h] ?? 1);
        this.cumulative[d * 24 + h] = total;
      }
    }
  }

  get endMs(): number {
    return this.startMs + this.days * DAY_MS;
  }

  /** The time (whole second + 796 ms) at quantile u of the activity over the period; monotone in u. */
  at(u: number): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 1;
    const target = u * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) <= target) lo = mid + 1;
      else hi = mid;
    }
    const before = lo === 0 ? 0 : (this.cumulative[lo - 1] ?? 0);
    const width = (this.cumulative[lo] ?? 1) - before;
    const frac = width > 0 ? Math.min(1, Math.max(0, (target - before) / width)) : 0;
    const ms = this.startMs + lo * HOUR_MS + frac * (HOUR_MS - 1000);
    return Math.floor(ms / 1000) * 1000 + TS_MILLIS;
  }
}

/** k uniform numbers in [0, 1), produced in increasing order one at a time (sequential order statistics). */
export class SortedUniforms {
  private x = 0;
  private i = 0;

  constructor(
    private readonly rng: Rng,
    private readonly k: number,
  ) {}

  next(): number {
    const remaining = this.k - this.i;
    if (remaining <= 0) throw new Error('no more sorted uniforms');
    this.x = 1 - (1 - this.x) * Math.pow(1 - this.rng.float(), 1 / remaining);
    this.i++;
    return Math.min(this.x, 1 - 1e-12);
  }
}
