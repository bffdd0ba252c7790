import type { Config } from 'vega-lite';

/** One palette for the whole report, so a colour means the same thing in every chart. */
export const colors = {
  plays: '#3b6ea5',
  peak: '#1d3f66',
  weekend: '#8fb3d9',
  free: '#e8913a',
  paid: '#3b6ea5',
  female: '#c05a8e',
  male: '#2f8f83',
  unknown: '#a9b4c2',
  matched: '#3b6ea5',
  unmatched: '#d6dde6',
  ink: '#1f2933',
  muted: '#52606d',
  grid: '#e4e9f0',
} as const;

export const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shared Vega-Lite config: quiet axes, left-aligned titles, readable 12 px labels. */
export const chartConfig: Config = {
  font: fontFamily,
  background: 'white',
  padding: { left: 4, right: 16, top: 4, bottom: 4 },
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: 600, color: colors.ink, anchor: 'start', offset: 12 },
  axis: {
    labelFontSize: 12,
    labelColor: colors.muted,
    titleFontSize: 12,
    titleFontWeight: 600,
    titleColor: colors.ink,
    titlePadding: 10,
    gridColor: colors.grid,
    domainColor: '#9aa5b1',
    tickColor: '#9aa5b1',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, titleColor: colors.ink, labelColor: colors.muted, orient: 'top' },
  bar: { color: colors.plays },
  text: { fontSize: 11, color: colors.muted },
  header: { labelFontSize: 13, labelColor: colors.ink },
  concat: { spacing: 48 },
};

/** Width of a full-width chart and of one half of a side-by-side pair, in px. */
export const width = { full: 880, half: 380 } as const;
