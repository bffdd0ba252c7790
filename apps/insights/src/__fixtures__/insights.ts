import { weekdayNames, type Insights } from '@sparkify/analytics';

/** Insights of an empty warehouse (nothing loaded yet). */
export function emptyInsights(): Insights {
  return {
    facts: { plays: 0, users: 0, activeUsers: 0, songs: 0, artists: 0, firstPlay: null, lastPlay: null, filesLoaded: 0, bytesLoaded: 0, lastLoadedAt: null },
    playsByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, plays: 0 })),
    playsByWeekday: weekdayNames.map((name, weekday) => ({ weekday, name, plays: 0 })),
    playsPerDay: [],
    levels: [],
    topSongs: [],
    topArtists: [],
    topLocations: [],
    clients: { browsers: [], systems: [], agents: 0 },
    genders: [],
    sessions: {
      playsPerSession: [], sessionsPerUser: [], sessions: 0, users: 0, plays: 0,
      meanPlaysPerSession: 0, medianPlaysPerSession: 0, meanSessionsPerUser: 0, medianSessionsPerUser: 0,
    },
    coverage: { plays: 0, withSong: 0, withArtist: 0, withUser: 0, withTime: 0, songShare: 0, artistShare: 0 },
    loadErrors: { total: 0, byReason: [], byFile: [], sample: [] },
  };
}

/** A small, hand-made result: 10 plays by 3 listeners on two days (numbers consistent with each other). */
export function sampleInsights(): Insights {
  const hours = emptyInsights().playsByHour.map((h) => ({ ...h, plays: h.hour === 16 ? 6 : h.hour === 9 ? 3 : h.hour === 2 ? 1 : 0 }));
  return {
    ...emptyInsights(),
    facts: {
      plays: 10, users: 4, activeUsers: 3, songs: 5, artists: 2, firstPlay: '2018-11-04 02:10', lastPlay: '2018-11-05 16:59',
      filesLoaded: 3, bytesLoaded: 5 * 1024 * 1024, lastLoadedAt: '2018-11-06 08:00',
    },
    playsByHour: hours,
    playsByWeekday: weekdayNames.map((name, weekday) => ({ weekday, name, plays: weekday === 0 ? 4 : weekday === 1 ? 6 : 0 })),
    playsPerDay: [
      { date: '2018-11-04', weekday: 'Sunday', plays: 4 },
      { date: '2018-11-05', weekday: 'Monday', plays: 6 },
    ],
    levels: [
      { level: 'free', plays: 2, users: 3 },
      { level: 'paid', plays: 8, users: 1 },
    ],
    topSongs: [
      { songId: 'SO1', title: 'Undo <live>', artist: 'Björk & Friends', plays: 3 },
      { songId: 'SO2', title: 'Intro', artist: null, plays: 1 },
    ],
    topArtists: [
      { artistId: 'AR1', name: 'Björk & Friends', plays: 3, songs: 1 },
      { artistId: 'AR2', name: 'Nobody', plays: 1, songs: 1 },
    ],
    topLocations: [
      { location: 'San Francisco-Oakland-Hayward, CA', plays: 7, users: 2 },
      { location: 'Red Bluff, CA', plays: 3, users: 1 },
    ],
    clients: {
      browsers: [{ name: 'Chrome', plays: 7 }, { name: 'Firefox', plays: 3 }],
      systems: [{ name: 'macOS', plays: 6 }, { name: 'Windows 7', plays: 4 }],
      agents: 3,
    },
    genders: [
      { gender: 'F', users: 2, plays: 8 },
      { gender: 'M', users: 1, plays: 2 },
      { gender: 'unknown', users: 1, plays: 0 },
    ],
    sessions: {
      playsPerSession: [{ plays: 1, sessions: 2 }, { plays: 8, sessions: 1 }],
      sessionsPerUser: [{ sessions: 1, users: 3 }],
      sessions: 3, users: 3, plays: 10,
      meanPlaysPerSession: 10 / 3, medianPlaysPerSession: 1, meanSessionsPerUser: 1, medianSessionsPerUser: 1,
    },
    coverage: { plays: 10, withSong: 4, withArtist: 4, withUser: 9, withTime: 10, songShare: 0.4, artistShare: 0.4 },
    loadErrors: {
      total: 1,
      byReason: [{ reason: 'invalid JSON', count: 1 }],
      byFile: [{ file: 'log_data/2018/11/x.json', count: 1 }],
      sample: [{ file: 'log_data/2018/11/x.json', line: 4, column: null, reason: 'invalid JSON', raw: '<script>alert(1)</script>' }],
    },
  };
}
