import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.js';

const wait = (state: string, elapsedMs: number) => ({ type: 'wait' as const, resource: 'cluster c', state, elapsedMs, timeoutMs: 600_000 });

describe('progressReporter', () => {
  it('off a terminal: a line per state change and once a minute', () => {
    let text = '';
    const p = progressReporter((t) => (text += t), false);
    for (let ms = 0; ms <= 90_000; ms += 15_000) p.onEvent(wait('creating', ms));
    p.onEvent(wait('available', 105_000));
    p.done();
    expect(text.split('\n').filter(Boolean)).toEqual([
      '  cluster c: creating (0s of at most 10m)',
      '  cluster c: creating (1m of at most 10m)',
      '  cluster c: available (1m45s of at most 10m)',
    ]);
  });

  it('on a terminal: one line rewritten in place, closed before the next message', () => {
    let text = '';
    const p = progressReporter((t) => (text += t), true);
    p.onEvent(wait('creating', 0));
    p.onEvent(wait('creating', 15_000));
    p.onEvent({ type: 'retry', call: 'DescribeClusters', code: 'Throttling', attempt: 1, maxAttempts: 8, delayMs: 1000 });
    expect(text).toBe(
      '\r\x1b[K  cluster c: creating (0s of at most 10m)\r\x1b[K  cluster c: creating (15s of at most 10m)\n  Throttling from DescribeClusters: retry 2/8 in 1s\n',
    );
  });
});
