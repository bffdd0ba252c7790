import { describe, expect, it } from 'vitest';
import { AffinePermutation, Rng, zipfRank } from './random.js';

describe('seeded randomness', () => {
  it('repeats for the same keys and differs for others', () => {
    const a = new Rng(1, 2, 3);
    const b = new Rng(1, 2, 3);
    const c = new Rng(1, 2, 4);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('gives uniform-looking floats in [0, 1)', () => {
    const rng = new Rng(7);
    const xs = Array.from({ length: 100_000 }, () => rng.float());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 2);
  });

  it('permutes [0, n) without collisions', () => {
    for (const n of [1, 2, 26 ** 2, 1000, 4096, 9999]) {
      const p = new AffinePermutation(n, 42, n);
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(p.at(i));
      expect(seen.size).toBe(n);
      expect(Math.max(...seen)).toBe(n - 1);
    }
  });

  it('draws Zipf ranks in range, skewed to the top', () => {
    const rng = new Rng(3);
    const counts = new Array<number>(1000).fill(0);
    const ranks = Array.from({ length: 50_000 }, () => zipfRank(rng.float(), 1000, 0.6));
    expect(Math.min(...ranks)).toBe(0);
    expect(Math.max(...ranks)).toBeLessThan(1000);
    for (const r of ranks) counts[r] = (counts[r] ?? 0) + 1;
    expect(counts[0]).toBeGreaterThan((counts[500] ?? 0) * 5);
  });
});
