import type { TopLevelSpec } from 'vega-lite';
import { width } from './theme.js';

export interface SharePart {
  readonly name: string;
  readonly color: string;
  /** Colour of the percentage printed on this part (white on dark parts). */
  readonly textColor: string;
}

export interface ShareRow {
  /** The bar, e.g. "Users" or "Plays". */
  readonly row: string;
  /** The segment, one of `parts`. */
  readonly part: string;
  readonly value: number;
}

/**
 * 100 % stacked horizontal bars, one per row, with the share printed in each segment wide enough to hold it.
 * Shares are computed in the spec (joinaggregate), so rows with different totals compare fairly.
 */
export function shareChart(options: {
  title: string;
  rowTitle: string;
  /** Plot width in px (default: a full-width chart). */
  width?: number;
  rows: readonly ShareRow[];
  parts: readonly SharePart[];
}): TopLevelSpec {
  const { parts } = options;
  const order = Object.fromEntries(parts.map((p, i) => [p.name, i]));
  const rowNames = [...new Set(options.rows.map((r) => r.row))];
  return {
    title: options.title,
    width: options.width ?? width.full - 120,
    height: Math.max(1, rowNames.length) * 44,
    data: { values: options.rows.map((r) => ({ ...r, order: order[r.part] ?? parts.length })) },
    transform: [
      { joinaggregate: [{ op: 'sum', field: 'value', as: 'total' }], groupby: ['row'] },
      { calculate: 'datum.total > 0 ? datum.value / datum.total : 0', as: 'share' },
      { stack: 'share', groupby: ['row'], sort: [{ field: 'order' }], as: ['x0', 'x1'] },
      { calculate: '(datum.x0 + datum.x1) / 2', as: 'mid' },
    ],
    encoding: {
      y: {
        field: 'row',
        type: 'nominal',
        sort: rowNames,
        title: options.rowTitle,
        axis: {
          ticks: false,
          domain: false,
          labelPadding: 8,
          // Unrotated, above the row labels, like a table header.
          titleAngle: 0,
          titleAlign: 'right',
          titleBaseline: 'bottom',
          titleX: -8,
          titleY: -4,
        },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: 28 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: 'Share', scale: { domain: [0, 1] }, axis: { format: '%' } },
          x2: { field: 'x1' },
          color: {
            field: 'part',
            type: 'nominal',
            title: null,
            scale: { domain: parts.map((p) => p.name), range: parts.map((p) => p.color) },
          },
        },
      },
      {
        transform: [{ filter: 'datum.share >= 0.07' }],
        mark: { type: 'text', fontSize: 12, fontWeight: 600 },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'share', type: 'quantitative', format: '.0%' },
          color: {
            field: 'part',
            type: 'nominal',
            legend: null,
            scale: { domain: parts.map((p) => p.name), range: parts.map((p) => p.textColor) },
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
