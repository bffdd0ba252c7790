import { describe, expect, it } from 'vitest';
import { perSecond, projectInsert, ratio } from './measure.js';
import { slopes } from './report/slopes.js';
import type { RunResult } from './report/types.js';

describe('measure', () => {
  it('computes rates and ratios, and refuses to invent a ratio against an unmeasured baseline', () => {
    expect(perSecond(1000, 500)).toBe(2000);
    expect(ratio(300, 200)).toBe(1.5);
    expect(ratio(300, 0)).toBeNaN();
  });

  it('projects the INSERT loader per table, from each table\'s own measured rate', () => {
    const p = projectInsert(
      { eventRows: 100, eventMs: 50, songRows: 10, songMs: 20, capped: true, peakRssMb: 90 },
      { events: 1000, songs: 100 },
    );
    expect(p.projectedMs).toBe(500 + 200);
    expect(p.rows).toBe(110);
    expect(p.rowsPerSec).toBe(Math.round((110 * 1000) / 70));
  });

  it('reports growth between generated sizes per target (1 = linear)', () => {
    const run = (events: number, totalMs: number) =>
      ({ dataset: { name: `generated ${events}`, events }, target: { name: 'server' }, ours: { totalMs } }) as unknown as RunResult;
    const [s] = slopes([run(1_000_000, 12_000), run(100_000, 1_000), { ...run(8000, 1), dataset: { name: 'real full set', events: 8000 } } as unknown as RunResult]);
    expect(s).toEqual({ target: 'server', from: 'generated 100000', to: 'generated 1000000', sizeRatio: 10, timeRatio: 12, linearity: 1.2 });
  });
});
