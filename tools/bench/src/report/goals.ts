import type { BenchReport } from './types.js';

export interface GoalResult {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The issue's targets, judged from the measured numbers (only those the run has data for). */
export function judgeGoals(report: BenchReport): GoalResult[] {
  const out: GoalResult[] = [];
  const real = report.runs.find((r) => r.target.name === 'server' && r.dataset.name === 'real full set');
  if (real) {
    out.push({ goal: 'real full set: stage + transform + check < 5 s (server)', measured: `${(real.ours.totalMs / 1000).toFixed(2)} s`, met: real.ours.totalMs < 5000 });
    out.push({ goal: 'real full set: `loader etl` process end to end < 2.5 s (server)', measured: `${(real.endToEnd.ms / 1000).toFixed(2)} s`, met: real.endToEnd.ms < 2500 });
  }
  for (const r of report.runs.filter((r) => r.dataset.events === 1_000_000)) {
    out.push({ goal: `1M staging ≤ 2× psql \\copy (${r.target.name})`, measured: `${r.ratios.stageVsCopy.toFixed(2)}×`, met: r.ratios.stageVsCopy <= 2 });
    out.push({ goal: `1M transform ≤ 1.5× the minimal SQL (${r.target.name})`, measured: `${r.ratios.transformVsMinimalSql.toFixed(2)}×`, met: r.ratios.transformVsMinimalSql <= 1.5 });
    if (r.target.name === 'server') out.push({ goal: '1M `etl` end to end ≤ 15 s (server)', measured: `${(r.endToEnd.ms / 1000).toFixed(1)} s`, met: r.endToEnd.ms <= 15_000 });
  }
  for (const r of report.runs) {
    out.push({
      goal: `transform ≤ 1.2× the same SQL via psql (${r.dataset.name}, ${r.target.name})`,
      measured: `${r.ratios.transformVsSql.toFixed(2)}×`,
      met: r.ratios.transformVsSql <= 1.2,
    });
  }
  const differ = report.runs.filter((r) => !r.minimalSql.sameCounts || r.duckdb?.sameCounts === false);
  if (report.runs.length > 0) {
    out.push({
      goal: 'minimal SQL and DuckDB give our counts (plays, matched, users, artists, songs, time)',
      measured: differ.length === 0 ? 'all runs' : `differ: ${differ.map((r) => `${r.dataset.name} ${r.target.name}`).join(', ')}`,
      met: differ.length === 0,
    });
  }
  const peak = Math.max(...report.runs.flatMap((r) => [r.ours.stage.peakRssMb, r.ours.transform.peakRssMb, r.ours.check.peakRssMb, r.endToEnd.peakRssMb]));
  if (report.runs.length > 0) out.push({ goal: 'peak RSS < 300 MB at every size', measured: `${Math.round(peak)} MB`, met: peak < 300 });
  for (const sl of report.slopes) {
    out.push({ goal: `linear growth ${sl.from} → ${sl.to} (${sl.target})`, measured: `${sl.linearity.toFixed(2)} (time × ÷ size ×)`, met: sl.linearity <= 1.25 });
  }
  return out;
}

export function goalsMarkdown(goals: readonly GoalResult[]): string {
  if (goals.length === 0) return '';
  const rows = goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'met' : '**missed**'} |`);
  return ['### Targets', '| target | measured | |', '| --- | ---: | --- |', ...rows].join('\n') + '\n';
}
