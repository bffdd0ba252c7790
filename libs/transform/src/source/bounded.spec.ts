import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapLimit, mapOrdered } from './bounded.js';

describe('mapOrdered', () => {
  it('keeps input order while running at most `limit` calls at once', async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 1, 15, 2];
    const out = await mapLimit(delays, 3, async (ms, i) => {
      peak = Math.max(peak, ++running);
      await sleep(ms);
      running--;
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('re-throws a failure when its turn comes, without unhandled rejections', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const v of mapOrdered([1, 2, 3, 4], 4, async (n) => (n === 3 ? Promise.reject(new Error('three')) : n))) seen.push(v);
    };
    await expect(run()).rejects.toThrow('three');
    expect(seen).toEqual([1, 2]);
  });
});
