import type { TopLevelSpec } from 'vega-lite';
// Vega-Lite exports its finer spec types only under types_unstable; they are types, so nothing breaks at run time.
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import { colors, width } from './theme.js';

export interface RankedItem {
  readonly label: string;
  readonly plays: number;
}

export interface RankingOptions {
  readonly title: string;
  /** The y axis: what is ranked. */
  readonly what: string;
  readonly width?: number;
  readonly color?: string;
  /** Widest label in px before it is cut with an ellipsis. */
  readonly labelLimit?: number;
}

/** Horizontal bars, most played on top, each with its count at the end of the bar. */
export function rankingLayer(items: readonly RankedItem[], options: RankingOptions): LayerSpec<Field> & { title: string; width: number; height: number } {
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    title: options.what,
    // The category title sits above the labels, unrotated, so it reads like a table header.
    axis: {
      labelLimit: options.labelLimit ?? 320,
      ticks: false,
      domain: false,
      labelPadding: 6,
      titleAngle: 0,
      titleAlign: 'right',
      titleBaseline: 'bottom',
      titleX: -6,
      titleY: -6,
    },
  } as const;
  const bar: UnitSpec<Field> = {
    mark: { type: 'bar', cornerRadiusEnd: 2, color: options.color ?? colors.plays },
    encoding: { y, x: { field: 'plays', type: 'quantitative', title: 'Plays' } },
  };
  const label: UnitSpec<Field> = {
    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 },
    encoding: { y, x: { field: 'plays', type: 'quantitative' }, text: { field: 'plays', type: 'quantitative', format: ',' } },
  };
  return {
    title: options.title,
    width: options.width ?? width.full - 320,
    height: Math.max(1, items.length) * 24,
    data: { values: items.map((i) => ({ label: i.label, plays: i.plays })) },
    layer: [bar, label],
  };
}

export function rankingChart(items: readonly RankedItem[], options: RankingOptions): TopLevelSpec {
  return rankingLayer(items, options);
}

/** Two rankings side by side under one title (e.g. browsers | operating systems). */
export function pairedRankingChart(
  title: string,
  left: { items: readonly RankedItem[]; what: string },
  right: { items: readonly RankedItem[]; what: string },
): TopLevelSpec {
  const half = (side: { items: readonly RankedItem[]; what: string }) => {
    const { title: _untitled, ...layer } = rankingLayer(side.items, { title: '', what: side.what, width: width.half - 140 });
    return layer;
  };
  return { title, hconcat: [half(left), half(right)] };
}
