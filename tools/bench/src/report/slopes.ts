import type { RunResult, Slope } from './types.js';

/**
 * How our total time grows between consecutive generated sizes on each target: time ratio ÷ size ratio.
 * 1.0 is linear; well above 1 means something grows faster than the input (a sort, a nested loop, memory).
 */
export function slopes(runs: readonly RunResult[]): Slope[] {
  const out: Slope[] = [];
  const targets = [...new Set(runs.map((r) => r.target.name))];
  for (const target of targets) {
    const generated = runs
      .filter((r) => r.target.name === target && r.dataset.name.startsWith('generated'))
      .sort((a, b) => a.dataset.events - b.dataset.events);
    for (let i = 1; i < generated.length; i++) {
      const a = generated[i - 1] as RunResult;
      const b = generated[i] as RunResult;
      const sizeRatio = b.dataset.events / a.dataset.events;
      const timeRatio = b.ours.totalMs / a.ours.totalMs;
      out.push({
        target,
        from: a.dataset.name,
        to: b.dataset.name,
        sizeRatio: Math.round(sizeRatio * 100) / 100,
        timeRatio: Math.round(timeRatio * 100) / 100,
        linearity: Math.round((timeRatio / sizeRatio) * 100) / 100,
      });
    }
  }
  return out;
}
