import type { TopLevelSpec } from 'vega-lite';
import type { Insights } from '@sparkify/analytics';
import { bucketize, pairedHistogramChart } from '../charts/bucket-charts.js';
import { pairedRankingChart, rankingChart } from '../charts/ranking-charts.js';
import { shareChart } from '../charts/share-charts.js';
import { colors, width } from '../charts/theme.js';
import { dailyChart, hourChart, weekdayChart } from '../charts/time-charts.js';
import * as answer from './answers.js';

/** One question of the report: its heading, its answer in words, and the chart that shows it. */
export interface ChartSection {
  /** Stable id: the HTML anchor, the PNG file name, and the key tests use. */
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly spec: TopLevelSpec;
  /** Bars (rect marks) the chart must draw: what the browser test counts. */
  readonly bars: number;
  /** Full width, or half (two sit side by side on a wide page). */
  readonly size: 'full' | 'half';
}

const white = '#ffffff';
const levelParts = [
  { name: 'Free', color: colors.free, textColor: white },
  { name: 'Paid', color: colors.paid, textColor: white },
];
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const named = (n: { name: string; plays: number }) => ({ label: n.name, plays: n.plays });
/** "Tampa-St. Petersburg-Clearwater, FL" → "Tampa, FL": the log's metro-area names are too long for an axis. */
export const principalCity = (location: string): string => location.replace(/^([^-,]+)-[^,]*,/, '$1,');
const genderLabel = (g: string): string => ({ F: 'Female', M: 'Male' })[g] ?? capitalised(g);

/** Builds every section from the query results, in reading order. */
export function chartSections(insights: Insights): ChartSection[] {
  const { clients, sessions, coverage: c } = insights;
  const levels = insights.levels.flatMap((l) => [
    { row: 'Users', part: capitalised(l.level), value: l.users },
    { row: 'Plays', part: capitalised(l.level), value: l.plays },
  ]);
  const extraLevels = insights.levels
    .map((l) => capitalised(l.level))
    .filter((name) => !levelParts.some((p) => p.name === name))
    .map((name) => ({ name, color: colors.unknown, textColor: colors.ink }));
  const genderParts = [...new Set(insights.genders.map((g) => genderLabel(g.gender)))].map((name) => ({
    name,
    color: name === 'Female' ? colors.female : name === 'Male' ? colors.male : colors.unknown,
    textColor: name === 'Female' || name === 'Male' ? white : colors.ink,
  }));
  const genders = insights.genders.flatMap((g) => [
    { row: 'Users', part: genderLabel(g.gender), value: g.users },
    { row: 'Plays', part: genderLabel(g.gender), value: g.plays },
  ]);
  const matched = [
    { row: 'Song', part: 'Matched', value: c.withSong },
    { row: 'Song', part: 'Not matched', value: c.plays - c.withSong },
    { row: 'Artist', part: 'Matched', value: c.withArtist },
    { row: 'Artist', part: 'Not matched', value: c.plays - c.withArtist },
    { row: 'User', part: 'Matched', value: c.withUser },
    { row: 'User', part: 'Not matched', value: c.plays - c.withUser },
    { row: 'Time', part: 'Matched', value: c.withTime },
    { row: 'Time', part: 'Not matched', value: c.plays - c.withTime },
  ];
  const playsPerSession = bucketize(
    sessions.playsPerSession.map((r) => [r.plays, r.sessions] as const),
    [1, 2, 6, 11, 21, 51, 101],
  );
  const sessionsPerUser = bucketize(
    sessions.sessionsPerUser.map((r) => [r.sessions, r.users] as const),
    [1, 2, 3, 6, 11, 21, 51],
  );
  return [
    {
      id: 'hours',
      question: 'At what time of day do people listen?',
      answer: answer.hourAnswer(insights),
      spec: hourChart(insights.playsByHour),
      bars: insights.playsByHour.length,
      size: 'full',
    },
    {
      id: 'weekdays',
      question: 'Which days of the week are busiest?',
      answer: answer.weekdayAnswer(insights),
      spec: weekdayChart(insights.playsByWeekday),
      bars: insights.playsByWeekday.length,
      size: 'half',
    },
    {
      id: 'levels',
      question: 'Free or paid: who plays the music?',
      answer: answer.levelAnswer(insights),
      spec: shareChart({ title: 'Free vs paid: users and plays', rowTitle: 'Share of', width: width.half, rows: levels, parts: [...levelParts, ...extraLevels] }),
      bars: levels.length,
      size: 'half',
    },
    {
      id: 'days',
      question: 'How many songs are played each day?',
      answer: answer.dailyAnswer(insights),
      spec: dailyChart(insights.playsPerDay),
      bars: insights.playsPerDay.length,
      size: 'full',
    },
    {
      id: 'songs',
      question: 'Which songs are played most?',
      answer: answer.topSongsAnswer(insights),
      spec: rankingChart(
        insights.topSongs.map((s) => ({ label: s.artist ? `${s.title} — ${s.artist}` : s.title, plays: s.plays })),
        { title: `Top ${insights.topSongs.length} songs (matched plays)`, what: 'Song — artist', width: width.full - 420, labelLimit: 400 },
      ),
      bars: insights.topSongs.length,
      size: 'full',
    },
    {
      id: 'artists',
      question: 'Which artists are played most?',
      answer: answer.topArtistsAnswer(insights),
      spec: rankingChart(
        insights.topArtists.map((a) => ({ label: a.name, plays: a.plays })),
        { title: `Top ${insights.topArtists.length} artists (matched plays)`, what: 'Artist', width: width.half - 170, labelLimit: 250 },
      ),
      bars: insights.topArtists.length,
      size: 'half',
    },
    {
      id: 'locations',
      question: 'Where do listeners play from?',
      answer: answer.locationsAnswer(insights),
      spec: rankingChart(
        insights.topLocations.map((l) => ({ label: principalCity(l.location), plays: l.plays })),
        { title: `Top ${insights.topLocations.length} locations (metro areas by principal city)`, what: 'Location', width: width.half - 170, labelLimit: 250 },
      ),
      bars: insights.topLocations.length,
      size: 'half',
    },
    {
      id: 'clients',
      question: 'Which browsers and operating systems do listeners use?',
      answer: answer.clientsAnswer(insights),
      spec: pairedRankingChart(
        'Plays by browser and by operating system',
        { items: clients.browsers.map(named), what: 'Browser' },
        { items: clients.systems.map(named), what: 'Operating system' },
      ),
      bars: clients.browsers.length + clients.systems.length,
      size: 'full',
    },
    {
      id: 'sessions',
      question: 'How long are sessions, and how often do listeners come back?',
      answer: answer.sessionsAnswer(insights),
      spec: pairedHistogramChart(
        'Plays per session and sessions per user',
        { buckets: playsPerSession, x: 'Plays in the session', y: 'Sessions' },
        { buckets: sessionsPerUser, x: 'Sessions with plays', y: 'Users' },
      ),
      bars: playsPerSession.length + sessionsPerUser.length,
      size: 'full',
    },
    {
      id: 'genders',
      question: 'How do users and plays split by gender?',
      answer: answer.genderAnswer(insights),
      spec: shareChart({ title: 'Users and plays by gender', rowTitle: 'Share of', width: width.half, rows: genders, parts: genderParts }),
      bars: genders.length,
      size: 'half',
    },
    {
      id: 'coverage',
      question: 'How much of the listening could be matched to the catalogue?',
      answer: answer.coverageAnswer(insights),
      spec: shareChart({
        title: 'Plays with a known song, artist, user, time',
        rowTitle: 'Known',
        width: width.half - 60,
        rows: matched,
        parts: [
          { name: 'Matched', color: colors.matched, textColor: white },
          { name: 'Not matched', color: colors.unmatched, textColor: colors.ink },
        ],
      }),
      bars: matched.length,
      size: 'half',
    },
  ];
}
