import type { GenerateOptions } from './options.js';

/**
 * The zero-configuration demo data: small enough to make in about a second, with the real data's quirks and a
 * match rate high enough that the demo's songplays do find their songs, over a week of logs.
 */
export const DEMO_DATASET = {
  songs: 2_000,
  events: 10_000,
  seed: 42,
  matchRate: 0.3,
  quirks: true,
  startDate: '2018-11-01',
  days: 7,
} as const satisfies Omit<GenerateOptions, 'out'>;
