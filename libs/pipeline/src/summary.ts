import type { TableName } from '@sparkify/schema';
import { formatLoadError, type CheckReport, type LoadError, type StageReport, type TransformReport } from '@sparkify/transform';

/** Rejected records: how many, and the first few (all of them are in the load_errors table). */
export interface RejectedSummary {
  readonly count: number;
  readonly sample: readonly LoadError[];
}

/** A stage report as printed and returned: the rejected records summed up instead of listed. */
export type StageSummary = Omit<StageReport, 'rejected'> & { readonly rejected: RejectedSummary };
/** The transform's report with its set-aside records as a count and a sample, like staging's rejections. */
export type TransformSummary = Omit<TransformReport, 'setAside'> & { readonly setAside: RejectedSummary };

/** What `runEtl` returns and `loader etl --json` prints (plus `command` and `ok`). Plain JSON data. */
export interface EtlSummary {
  readonly target: string;
  readonly source: string;
  readonly tablesCreated: readonly string[];
  readonly rows: Record<TableName, number>;
  readonly rejected: RejectedSummary;
  /** Share of plays that found their song (0..1). */
  readonly matchedSongRate: number;
  readonly steps: { readonly stage: StageSummary; readonly transform: TransformSummary; readonly check: CheckReport };
  readonly ms: number;
}

const SAMPLE = 10;
export const rejectedSummary = (rejected: readonly LoadError[]): RejectedSummary => ({ count: rejected.length, sample: rejected.slice(0, SAMPLE) });
export const stageSummary = (s: StageReport): StageSummary => ({ ...s, rejected: rejectedSummary(s.rejected) });
export const transformSummary = (t: TransformReport): TransformSummary => ({ ...t, setAside: rejectedSummary(t.setAside) });

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const SHOWN_REJECTS = 5;

export function stageLines(r: StageSummary): string[] {
  const f = r.files;
  const lines = [
    `stage      ${s(r.ms)}  from ${r.source}: ${n(f.staged)} file(s) staged, ${n(f.replaced)} replaced, ${n(f.skipped)} already staged` +
      (f.empty > 0 ? `, ${n(f.empty)} empty` : '') +
      `; +${n(r.rows.staging_events)} events, +${n(r.rows.staging_songs)} songs`,
  ];
  if (r.gone.count > 0) {
    lines.push(`gone       ${n(r.gone.count)} staged file(s) no longer in the source: ${r.gone.sample.slice(0, SHOWN_REJECTS).join(', ')}${r.gone.count > SHOWN_REJECTS ? ', …' : ''}`);
    lines.push('           their plays stay in the warehouse; --full-refresh empties staging and reloads only the files that exist');
  }
  if (r.rejected.count > 0) {
    lines.push(`rejected   ${n(r.rejected.count)} record(s), kept in load_errors:`);
    for (const e of r.rejected.sample.slice(0, SHOWN_REJECTS)) lines.push(`  ${formatLoadError(e)}`);
    if (r.rejected.count > SHOWN_REJECTS) lines.push(`  … and ${n(r.rejected.count - SHOWN_REJECTS)} more`);
  } else {
    lines.push('rejected   none');
  }
  return lines;
}

/** Events the transform set aside into load_errors (no star row can hold them); nothing when there were none. */
function setAsideLines(r: TransformReport | TransformSummary): string[] {
  const { count, sample } = Array.isArray(r.setAside) ? rejectedSummary(r.setAside) : (r.setAside as RejectedSummary);
  const first = sample[0];
  return count === 0 || !first ? [] : [`set aside  ${n(count)} event(s) no star row can hold, in load_errors; e.g. ${formatLoadError(first)}`];
}

export function transformLines(r: TransformReport | TransformSummary): string[] {
  const changes = r.tables.map((t) => `${t.table} +${n(t.inserted)}/~${n(t.updated)}/-${n(t.deleted)}`).join(', ');
  return [
    `transform  ${s(r.ms)}  ${changes}`,
    `matched    ${n(r.songplays.matched)} of ${n(r.songplays.total)} plays found their song (${pct(r.songplays.matchRate)})`,
    ...setAsideLines(r),
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

/** The summary as lines a person reads. */
export function summaryLines(r: EtlSummary): string[] {
  const order: TableName[] = ['songplays', 'users', 'songs', 'artists', 'time', 'staging_events', 'staging_songs', 'load_errors', 'load_ledger'];
  return [
    `target     ${r.target}`,
    ...(r.tablesCreated.length > 0 ? [`created    ${r.tablesCreated.join(', ')}`] : []),
    ...stageLines(r.steps.stage),
    ...transformLines(r.steps.transform),
    ...checkLines(r.steps.check),
    `rows       ${order.filter((t) => t in r.rows).map((t) => `${t} ${n(r.rows[t])}`).join(' · ')}`,
    `total      ${s(r.ms)}`,
  ];
}
