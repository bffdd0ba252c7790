import type { BenchReport, RunResult } from './types.js';

const s = (ms: number) => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2)) + ' s';
const x = (r: number) => (Number.isFinite(r) ? r.toFixed(2) + '×' : 'n/a');
const k = (n: number) => (n >= 1e6 ? (n / 1e6).toFixed(2) + 'M' : n >= 1e4 ? Math.round(n / 1e3) + 'k' : String(n));
const mb = (n: number) => Math.round(n) + ' MB';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const peak = (r: RunResult) =>
  Math.max(r.ours.stage.peakRssMb, r.ours.transform.peakRssMb, r.ours.check.peakRssMb, r.endToEnd.peakRssMb);

/** The report as markdown: the main table, then detail tables (limits, INSERT baseline, files, slope). */
export function markdownReport(report: BenchReport): string {
  const m = report.machine;
  const parts: string[] = [];
  parts.push(`## Results (${report.mode}, ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC)`);
  parts.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}; ` +
      `server ${m.serverVersion}, embedded ${m.embeddedVersion}. ` +
      `Fastest of ${report.repeat} run(s) per step; 1-minute load average ${report.loadAverage.start} at the start, ${report.loadAverage.end} at the end.`,
  );
  parts.push(
    table(
      ['data set', 'target', 'events', 'songs', 'stage', 'transform', 'check', 'total', 'etl end to end', 'staged rows/s', 'peak RSS', 'stage ÷ psql \\copy', 'transform ÷ psql SQL', 'stage ÷ INSERT/record'],
      report.runs.map((r) => [
        r.dataset.name,
        r.target.name,
        k(r.dataset.events),
        k(r.dataset.songs),
        s(r.ours.stage.ms),
        s(r.ours.transform.ms),
        s(r.ours.check.ms),
        s(r.ours.totalMs),
        s(r.endToEnd.ms),
        k(r.ours.stage.rowsPerSec),
        mb(peak(r)),
        x(r.ratios.stageVsCopy),
        x(r.ratios.transformVsSql),
        x(r.ratios.stageVsInsert),
      ]),
    ),
  );
  parts.push('### Baselines on the same data and database');
  parts.push(
    table(
      ['data set', 'target', 'psql \\copy', 'psql transform SQL (statements)', 'same star rows', 'INSERT/record rows/s', 'INSERT/record projected', 'RSS stage / transform / check / etl'],
      report.runs.map((r) => [
        r.dataset.name,
        r.target.name,
        s(r.limit.copy.ms),
        `${s(r.limit.transformSql.ms)} (${r.limit.statements})`,
        r.limit.sameResult ? 'yes' : '**no**',
        k(r.insertPerRecord.rowsPerSec),
        s(r.insertPerRecord.projectedMs) + (r.insertPerRecord.capped ? ' (capped, extrapolated)' : ''),
        `${mb(r.ours.stage.peakRssMb)} / ${mb(r.ours.transform.peakRssMb)} / ${mb(r.ours.check.peakRssMb)} / ${mb(r.endToEnd.peakRssMb)}`,
      ]),
    ),
  );
  parts.push('### Floors and alternatives: minimal SQL and DuckDB (same counts checked)');
  parts.push(
    table(
      ['data set', 'target', 'our transform', 'minimal SQL', 'transform ÷ minimal SQL', 'our etl end to end', 'DuckDB process (work)', 'etl ÷ DuckDB', 'peak RSS etl / DuckDB', 'counts: plays / matched / users / artists / songs / time', 'same counts (minimal SQL, DuckDB)'],
      report.runs.map((r) => [
        r.dataset.name,
        r.target.name,
        s(r.ours.transform.ms),
        s(r.minimalSql.ms),
        x(r.ratios.transformVsMinimalSql),
        s(r.endToEnd.ms),
        r.duckdb ? `${s(r.duckdb.processMs)} (${s(r.duckdb.ms)})` : 'not run',
        x(r.ratios.etlVsDuckdb),
        `${mb(r.endToEnd.peakRssMb)} / ${r.duckdb ? mb(r.duckdb.peakRssMb) : '–'}`,
        [r.starCounts.plays, r.starCounts.matched, r.starCounts.users, r.starCounts.artists, r.starCounts.songs, r.starCounts.times].join(' / '),
        `${r.minimalSql.sameCounts ? 'yes' : '**no**'}, ${r.duckdb ? (r.duckdb.sameCounts ? 'yes' : '**no**') : '–'}`,
      ]),
    ),
  );
  if (report.fileReads.length > 0) {
    parts.push('### Many small files (warm page cache)');
    parts.push(
      table(
        ['data set', 'files', 'find -type f', 'our listing', 'list ÷ find', 'find -exec cat files/s', 'our song files/s (read+parse+COPY)', 'find+cat ÷ ours'],
        report.fileReads.map((f) => [
          f.dataset,
          k(f.files),
          s(f.findListMs),
          s(f.oursListMs),
          x(f.listRatio),
          k(f.findCatFilesPerSec),
          k(f.oursSongFilesPerSec),
          x(f.readRatio),
        ]),
      ),
    );
  }
  if (report.slopes.length > 0) {
    parts.push('### Growth with input (total time)');
    parts.push(
      table(
        ['target', 'from → to', 'size ×', 'time ×', 'time × ÷ size × (1 = linear)'],
        report.slopes.map((sl) => [sl.target, `${sl.from} → ${sl.to}`, sl.sizeRatio.toFixed(1), sl.timeRatio.toFixed(2), sl.linearity.toFixed(2)]),
      ),
    );
  }
  return parts.join('\n\n') + '\n';
}
