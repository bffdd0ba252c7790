import type { InsertMeasure, Ratios, StepMeasure } from './report/types.js';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Rows per second; 0 when nothing was timed. */
export const perSecond = (rows: number, ms: number): number => (ms > 0 ? Math.round((rows * 1000) / ms) : 0);

export function stepMeasure(run: { ms: number; processMs: number; maxRssKb: number; rows: number }): StepMeasure {
  return {
    ms: round(run.ms),
    processMs: round(run.processMs),
    peakRssMb: round(run.maxRssKb / 1024),
    rows: run.rows,
    rowsPerSec: perSecond(run.rows, run.ms),
  };
}

/** a / b, two decimals; NaN when b was not measured (so a missing baseline cannot look like a result). */
export const ratio = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? round(a / b, 2) : Number.NaN);

export function ratios(
  stageMs: number,
  transformMs: number,
  copyMs: number,
  transformSqlMs: number,
  insert: InsertMeasure,
  /** The minimal SQL's time, our etl process's and DuckDB's process (0 when DuckDB was not run). */
  floors: { minimalSqlMs: number; etlMs: number; duckdbProcessMs: number },
): Ratios {
  return {
    stageVsCopy: ratio(stageMs, copyMs),
    transformVsSql: ratio(transformMs, transformSqlMs),
    stageVsInsert: ratio(stageMs, insert.projectedMs),
    transformVsMinimalSql: ratio(transformMs, floors.minimalSqlMs),
    etlVsDuckdb: ratio(floors.etlMs, floors.duckdbProcessMs),
  };
}

/**
 * The INSERT-per-record loader's projected time for every record: each table's measured rate applied to that
 * table's full row count (events and songs are inserted at different rates: one is a line, the other a file).
 */
export function projectInsert(
  measured: { eventRows: number; eventMs: number; songRows: number; songMs: number; capped: boolean; peakRssMb: number },
  totals: { events: number; songs: number },
): InsertMeasure {
  const eventMs = measured.eventRows > 0 ? (measured.eventMs / measured.eventRows) * totals.events : 0;
  const songMs = measured.songRows > 0 ? (measured.songMs / measured.songRows) * totals.songs : 0;
  const rows = measured.eventRows + measured.songRows;
  const ms = measured.eventMs + measured.songMs;
  return {
    rows,
    ms: round(ms),
    rowsPerSec: perSecond(rows, ms),
    peakRssMb: measured.peakRssMb,
    capped: measured.capped,
    projectedMs: round(eventMs + songMs),
  };
}
