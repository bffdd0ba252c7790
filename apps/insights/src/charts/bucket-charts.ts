import type { TopLevelSpec } from 'vega-lite';
import { colors, width } from './theme.js';

export interface Bucket {
  readonly label: string;
  readonly count: number;
}

/** Histogram from (value, frequency) pairs into labelled ranges such as 1, 2–5, 6–10, 100+. */
export function bucketize(pairs: readonly (readonly [value: number, count: number])[], edges: readonly number[]): Bucket[] {
  const buckets = edges.map((low, i) => {
    const high = edges[i + 1];
    const label = high === undefined ? `${low}+` : high - 1 === low ? `${low}` : `${low}–${high - 1}`;
    return { low, high: high ?? Infinity, label, count: 0 };
  });
  for (const [value, count] of pairs) {
    const bucket = buckets.find((b) => value >= b.low && value < b.high);
    if (bucket) bucket.count += count;
  }
  return buckets.map(({ label, count }) => ({ label, count }));
}

interface Side {
  readonly buckets: readonly Bucket[];
  readonly x: string;
  readonly y: string;
}

const histogram = (side: Side) => ({
  width: width.half,
  height: 200,
  data: { values: side.buckets.map((b) => ({ label: b.label, count: b.count })) },
  mark: { type: 'bar' as const, cornerRadiusEnd: 2, color: colors.plays },
  encoding: {
    x: { field: 'label', type: 'ordinal' as const, sort: null, title: side.x, axis: { labelAngle: 0 } },
    y: { field: 'count', type: 'quantitative' as const, title: side.y },
  },
});

/** Two histograms side by side under one title. */
export function pairedHistogramChart(title: string, left: Side, right: Side): TopLevelSpec {
  return { title, hconcat: [histogram(left), histogram(right)] };
}
