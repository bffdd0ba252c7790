import type { TopLevelSpec } from 'vega-lite';
import type { DayCount, HourCount, WeekdayCount } from '@sparkify/analytics';
import { colors, width } from './theme.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 24 bars, the busiest hour darker. */
export function hourChart(hours: readonly HourCount[]): TopLevelSpec {
  const peak = Math.max(0, ...hours.map((h) => h.plays));
  return {
    title: 'Plays by hour of day (UTC)',
    width: width.full,
    height: 220,
    data: { values: hours.map((h) => ({ hour: pad2(h.hour), plays: h.plays, peak: peak > 0 && h.plays === peak })) },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      x: { field: 'hour', type: 'ordinal', sort: null, title: 'Hour of day (UTC)', axis: { labelAngle: 0 } },
      y: { field: 'plays', type: 'quantitative', title: 'Plays' },
      color: { condition: { test: 'datum.peak', value: colors.peak }, value: colors.plays },
    },
  };
}

/** Seven bars, Sunday first as in the time dimension (weekday 0 = Sunday); weekend lighter. */
export function weekdayChart(days: readonly WeekdayCount[]): TopLevelSpec {
  return {
    title: 'Plays by day of week (UTC)',
    width: width.half,
    height: 220,
    data: {
      values: days.map((d) => ({ day: d.name, plays: d.plays, kind: d.weekday === 0 || d.weekday === 6 ? 'Weekend' : 'Weekday' })),
    },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      x: { field: 'day', type: 'nominal', sort: null, title: 'Day of week', axis: { labelAngle: 0, labelExpr: 'slice(datum.label, 0, 3)' } },
      y: { field: 'plays', type: 'quantitative', title: 'Plays' },
      color: {
        field: 'kind',
        type: 'nominal',
        title: null,
        scale: { domain: ['Weekday', 'Weekend'], range: [colors.plays, colors.weekend] },
      },
    },
  };
}

/** One bar per day that had plays. */
export function dailyChart(days: readonly DayCount[]): TopLevelSpec {
  return {
    title: 'Plays per day (UTC)',
    width: width.full,
    height: 220,
    data: {
      values: days.map((d) => ({
        date: d.date,
        plays: d.plays,
        kind: d.weekday === 'Saturday' || d.weekday === 'Sunday' ? 'Weekend' : 'Weekday',
      })),
    },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      x: {
        field: 'date',
        type: 'ordinal',
        sort: null,
        title: 'Day (UTC)',
        // utcFormat, not timeFormat: a date-only string is UTC midnight, and the reader's zone must not shift it.
        axis: { labelExpr: "utcFormat(toDate(datum.value), '%b %-d')", labelAngle: -45, labelOverlap: true },
      },
      y: { field: 'plays', type: 'quantitative', title: 'Plays' },
      color: {
        field: 'kind',
        type: 'nominal',
        title: null,
        scale: { domain: ['Weekday', 'Weekend'], range: [colors.plays, colors.weekend] },
      },
    },
  };
}
