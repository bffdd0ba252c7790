import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSchemaStatement, createTableStatements, type Database } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { seedStar } from './__fixtures__/star.js';
import {
  clientSplit,
  collectInsights,
  coverage,
  datasetFacts,
  genderSplit,
  levelSplit,
  loadErrorSummary,
  playsByHour,
  playsByWeekday,
  playsPerDay,
  sessionStats,
  topArtists,
  topLocations,
  topSongs,
} from './index.js';

describeWith(await postgresServer(), 'analytics queries on a hand-checked star', (serverUrl) => {
  let temp: TempDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    temp = await createTempDatabase(serverUrl);
    db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: postgres(temp.url, { max: 2, onnotice: () => {} }) }) });
    const raw = postgres(temp.url, { max: 1, onnotice: () => {} });
    try {
      for (const statement of createTableStatements('postgres')) await raw.unsafe(statement);
      // An empty copy of the tables in another schema, for the "nothing loaded yet" case.
      await raw.unsafe(createSchemaStatement('empty'));
      for (const statement of createTableStatements('postgres', { schema: 'empty' })) await raw.unsafe(statement);
    } finally {
      await raw.end();
    }
    await seedStar(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await temp?.drop();
  });

  it('counts plays by hour of day, all 24 hours', async () => {
    const hours = await playsByHour(db);
    expect(hours).toHaveLength(24);
    const nonZero = Object.fromEntries(hours.filter((h) => h.plays > 0).map((h) => [h.hour, h.plays]));
    expect(nonZero).toEqual({ 0: 2, 9: 5, 12: 3, 15: 1, 21: 1, 23: 1 });
  });

  it('counts plays by weekday, Sunday first', async () => {
    const days = await playsByWeekday(db);
    expect(days.map((d) => [d.name, d.plays])).toEqual([
      ['Sunday', 4], ['Monday', 6], ['Tuesday', 1], ['Wednesday', 0], ['Thursday', 0], ['Friday', 0], ['Saturday', 2],
    ]);
  });

  it('counts plays per day in date order', async () => {
    expect(await playsPerDay(db)).toEqual([
      { date: '2018-11-03', weekday: 'Saturday', plays: 2 },
      { date: '2018-11-04', weekday: 'Sunday', plays: 4 },
      { date: '2018-11-05', weekday: 'Monday', plays: 6 },
      { date: '2018-11-06', weekday: 'Tuesday', plays: 1 },
    ]);
  });

  it('splits plays by level at play time and users by latest level', async () => {
    expect(await levelSplit(db)).toEqual([
      { level: 'free', plays: 7, users: 2 },
      { level: 'paid', plays: 6, users: 2 },
    ]);
  });

  it('ranks matched songs, ties by title, and honours the limit', async () => {
    expect(await topSongs(db)).toEqual([
      { songId: 'SO1', title: 'One', artist: 'Alpha', plays: 4 },
      { songId: 'SO3', title: 'Three', artist: 'Beta', plays: 2 },
      { songId: 'SO2', title: 'Two', artist: 'Alpha', plays: 2 },
    ]);
    expect((await topSongs(db, { limit: 1 })).map((s) => s.songId)).toEqual(['SO1']);
    await expect(topSongs(db, { limit: 0 })).rejects.toThrow(/limit must be a whole number/);
  });

  it('ranks artists of matched plays with their distinct songs played', async () => {
    expect(await topArtists(db)).toEqual([
      { artistId: 'AR1', name: 'Alpha', plays: 6, songs: 2 },
      { artistId: 'AR2', name: 'Beta', plays: 2, songs: 1 },
    ]);
  });

  it('ranks locations, leaving out plays without one', async () => {
    expect(await topLocations(db)).toEqual([
      { location: 'Chicago, IL', plays: 5, users: 2 },
      { location: 'Austin, TX', plays: 4, users: 1 },
      { location: 'Boston, MA', plays: 3, users: 1 },
    ]);
  });

  it('groups user agents into browsers and operating systems', async () => {
    expect(await clientSplit(db)).toEqual({
      browsers: [
        { name: 'Firefox', plays: 5 },
        { name: 'Chrome', plays: 4 },
        { name: 'Safari', plays: 3 },
        { name: 'Unknown', plays: 1 },
      ],
      systems: [
        { name: 'Windows 7', plays: 4 },
        { name: 'macOS', plays: 3 },
        { name: 'Windows XP', plays: 3 },
        { name: 'Linux', plays: 2 },
        { name: 'Unknown', plays: 1 },
      ],
      agents: 4,
    });
  });

  it('splits users and their plays by gender, counting users who never played', async () => {
    expect(await genderSplit(db)).toEqual([
      { gender: 'F', users: 2, plays: 9 },
      { gender: 'M', users: 1, plays: 3 },
      { gender: 'unknown', users: 1, plays: 0 },
    ]);
  });

  it('describes sessions per user and plays per session', async () => {
    const s = await sessionStats(db);
    expect(s.playsPerSession).toEqual([
      { plays: 1, sessions: 2 },
      { plays: 2, sessions: 1 },
      { plays: 3, sessions: 3 },
    ]);
    expect(s.sessionsPerUser).toEqual([
      { sessions: 1, users: 2 },
      { sessions: 2, users: 2 },
    ]);
    expect([s.sessions, s.users, s.plays]).toEqual([6, 4, 13]);
    expect(s.meanPlaysPerSession).toBeCloseTo(13 / 6, 10);
    expect(s.medianPlaysPerSession).toBe(2.5);
    expect(s.meanSessionsPerUser).toBe(1.5);
    expect(s.medianSessionsPerUser).toBe(1.5);
  });

  it('measures how many plays the dimensions explain', async () => {
    expect(await coverage(db)).toEqual({
      plays: 13,
      withSong: 8,
      withArtist: 8,
      withUser: 12,
      withTime: 13,
      songShare: 8 / 13,
      artistShare: 8 / 13,
    });
  });

  it('states the data set facts, times in UTC', async () => {
    expect(await datasetFacts(db)).toEqual({
      plays: 13,
      users: 4,
      activeUsers: 4,
      songs: 4,
      artists: 3,
      firstPlay: '2018-11-03 00:00',
      lastPlay: '2018-11-06 15:30',
      filesLoaded: 2,
      bytesLoaded: 3345,
      lastLoadedAt: '2018-11-07 10:05',
    });
  });

  it('summarises load_errors by reason and file, with a sample in file/line order', async () => {
    const errors = await loadErrorSummary(db, { sample: 2 });
    expect(errors.total).toBe(3);
    expect(errors.byReason).toEqual([
      { reason: 'invalid JSON', count: 2 },
      { reason: 'ts is not a number', count: 1 },
    ]);
    expect(errors.byFile).toEqual([
      { file: 'log_data/2018/11/a.json', count: 2 },
      { file: 'log_data/2018/11/b.json', count: 1 },
    ]);
    expect(errors.sample).toEqual([
      { file: 'log_data/2018/11/a.json', line: 3, column: null, reason: 'invalid JSON', raw: '{bad' },
      { file: 'log_data/2018/11/a.json', line: 7, column: null, reason: 'invalid JSON', raw: '{"ts": 1' },
    ]);
  });

  it('answers with zeros and empty lists on an empty warehouse (another schema)', async () => {
    const all = await collectInsights(db.withSchema('empty'));
    expect(all.playsByHour.every((h) => h.plays === 0)).toBe(true);
    expect(all.playsPerDay).toEqual([]);
    expect(all.topSongs).toEqual([]);
    expect(all.facts).toMatchObject({ plays: 0, users: 0, firstPlay: null, lastPlay: null, filesLoaded: 0, bytesLoaded: 0 });
    expect(all.coverage).toMatchObject({ plays: 0, songShare: 0 });
    expect(all.sessions).toMatchObject({ sessions: 0, meanPlaysPerSession: 0, medianPlaysPerSession: 0 });
    expect(all.loadErrors.total).toBe(0);
  });

  it('collects every answer in one object', async () => {
    const all = await collectInsights(db, { top: 2 });
    expect(all.topSongs).toHaveLength(2);
    expect(all.topLocations.map((l) => l.location)).toEqual(['Chicago, IL', 'Austin, TX']);
    expect(all.facts.plays).toBe(13);
  });
});
