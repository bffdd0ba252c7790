import type { StarCounts } from '../baselines/star-counts.js';
import { stepMeasure } from '../measure.js';
import type { DuckdbMeasure } from '../report/types.js';
import { runChild } from './run-child.js';

/** The DuckDB baseline in its own process (its peak RSS is its own); counts are checked by the caller. */
export async function runDuckdb(dataDir: string): Promise<Omit<DuckdbMeasure, 'sameCounts'>> {
  const run = await runChild({ kind: 'duckdb', dataDir });
  const m = stepMeasure(run);
  const x = run.extra;
  const counts: StarCounts = {
    plays: Number(x['plays']),
    matched: Number(x['matched']),
    users: Number(x['users']),
    artists: Number(x['artists']),
    songs: Number(x['songs']),
    times: Number(x['times']),
  };
  return { ms: m.ms, processMs: m.processMs, peakRssMb: m.peakRssMb, counts };
}
