// Seeded pseudo-random numbers. Everything the generator writes comes from here, so the same seed gives the same
// bytes: no Math.random, no clock. Per-record generators are derived from (seed, stream, index) so that a song or a
// user can be rebuilt on demand instead of being kept in memory.

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash step. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes several 32-bit keys into one (order matters). */
export function hashKeys(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    h = mix32((h ^ mix32((k >>> 0) + 0x7f4a7c15)) + Math.imul(h, 5));
  }
  return h;
}

/** Splits a safe integer seed into two 32-bit words so that seeds above 2^32 stay distinct. */
export function seedWords(seed: number): [number, number] {
  return [seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): fast, 128-bit state, passes PractRand. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...keys: number[]) {
    const h = hashKeys(...keys);
    this.a = mix32(h ^ 0x243f6a88);
    this.b = mix32(h ^ 0x85a308d3);
    this.c = mix32(h ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller; one of the pair is dropped to keep the state simple). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Log-normal: exp(N(mu, sigma)). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }
}

/**
 * Rank in [0, n) from a Zipf-like power law with exponent s in (0, 1): rank 0 is the most popular. Inverse of the
 * continuous CDF, so one draw costs one pow() however large n is.
 */
export function zipfRank(u: number, n: number, s: number): number {
  const e = 1 - s;
  const x = Math.pow((Math.pow(n + 1, e) - 1) * u + 1, 1 / e);
  return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A seeded bijection of [0, n): i ↦ (a·i + b) mod n with gcd(a, n) = 1. Used to scatter popularity ranks over the
 * catalogue and to turn record indexes into unique ids. a < 2^20 keeps a·i exact in a double for n < 2^33.
 */
export class AffinePermutation {
  private readonly a: number;
  private readonly b: number;

  constructor(
    readonly n: number,
    ...keys: number[]
  ) {
    const rng = new Rng(...keys);
    let a = (rng.next() % 0xf_ffff) | 1;
    while (n > 1 && gcd(a, n) !== 1) a += 2;
    this.a = n > 1 ? a % n || 1 : 1;
    this.b = n > 0 ? rng.next() % n : 0;
  }

  at(i: number): number {
    return (this.a * i + this.b) % this.n;
  }
}
