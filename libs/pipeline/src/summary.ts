import type { TableName } from '@sparkify/schema';
import { formatLoadError, type CheckReport, type StageReport, type TransformReport } from '@sparkify/transform';

export interface RunSummary {
  readonly target: string;
  readonly source: string;
  readonly tablesCreated: readonly string[];
  readonly staged: StageReport;
  readonly transformed: TransformReport;
  readonly checks: CheckReport;
  readonly rows: Record<TableName, number>;
  readonly ms: number;
}

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const SHOWN_REJECTS = 5;

export function stageLines(r: StageReport): string[] {
  const f = r.files;
  const lines = [
    `stage      ${s(r.ms)}  from ${r.source}: ${n(f.staged)} file(s) staged, ${n(f.replaced)} replaced, ${n(f.skipped)} already staged` +
      (f.empty > 0 ? `, ${n(f.empty)} empty` : '') +
      `; +${n(r.rows.staging_events)} events, +${n(r.rows.staging_songs)} songs`,
  ];
  if (r.rejected.length > 0) {
    lines.push(`rejected   ${n(r.rejected.length)} record(s), kept in load_errors:`);
    for (const e of r.rejected.slice(0, SHOWN_REJECTS)) lines.push(`  ${formatLoadError(e)}`);
    if (r.rejected.length > SHOWN_REJECTS) lines.push(`  … and ${n(r.rejected.length - SHOWN_REJECTS)} more`);
  } else {
    lines.push('rejected   none');
  }
  return lines;
}

export function transformLines(r: TransformReport): string[] {
  const changes = r.tables.map((t) => `${t.table} +${n(t.inserted)}/~${n(t.updated)}/-${n(t.deleted)}`).join(', ');
  return [
    `transform  ${s(r.ms)}  ${changes}`,
    `matched    ${n(r.songplays.matched)} of ${n(r.songplays.total)} plays found their song (${pct(r.songplays.matchRate)})`,
  ];
}

export function checkLines(r: CheckReport): string[] {
  const lines = [`check      ${s(r.ms)}  ${r.results.length - r.failed} of ${r.results.length} data tests passed`];
  for (const c of r.results.filter((x) => !x.passed)) {
    lines.push(`  FAILED ${c.name} (${c.description}): ${n(c.failing)} row(s)${c.sample[0] ? `, e.g. ${JSON.stringify(c.sample[0])}` : ''}`);
  }
  return lines;
}

export function checksFailedMessage(r: CheckReport): string {
  return [`${r.failed} data test(s) failed; nothing was committed (rolled back).`, ...checkLines(r).slice(1)].join('\n');
}

export function summaryLines(r: RunSummary): string[] {
  const order: TableName[] = ['songplays', 'users', 'songs', 'artists', 'time', 'staging_events', 'staging_songs', 'load_errors', 'load_ledger'];
  return [
    `target     ${r.target}`,
    ...(r.tablesCreated.length > 0 ? [`created    ${r.tablesCreated.join(', ')}`] : []),
    ...stageLines(r.staged),
    ...transformLines(r.transformed),
    ...checkLines(r.checks),
    `rows       ${order.filter((t) => t in r.rows).map((t) => `${t} ${n(r.rows[t])}`).join(' · ')}`,
    `total      ${s(r.ms)}`,
  ];
}
