import { testConfig } from '@sparkify/config/testing';
import { createTableStatements } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { connect, type Warehouse } from '@sparkify/warehouse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runChecks } from '../check/run-checks.js';
import { repairMojibake } from '../text/repair-mojibake.js';
import { expectedPlays, expectedUsers, isoWeek } from './__fixtures__/expected.js';
import { readEvents, readSongs, type RawEvent, type RawSong } from './__fixtures__/real-data.js';
import { stage } from '../stage/stage.js';
import { transform, type TransformReport } from './transform.js';
import { dumpStar } from './__fixtures__/dump.js';

const server = await postgresServer();
const data = sharedData('sparkify');

describeWith(server.available && !data.available ? data : server, 'transform on the full real data set (PostgreSQL server)', (url) => {
  let temp: TempDatabase;
  let wh: Warehouse;
  let events: RawEvent[];
  let songs: RawSong[];
  let first: TransformReport;

  beforeAll(async () => {
    if (!data.available) throw new Error(data.reason);
    events = readEvents(data.value);
    songs = readSongs(data.value);
    temp = await createTempDatabase(url);
    wh = await connect(testConfig({ target: { kind: 'postgres', url: temp.url } }));
    for (const statement of createTableStatements('postgres')) await wh.sql.unsafe(statement);
    const dir = data.value;
    const staged = await wh.begin((tx) => stage(tx, dir));
    expect(staged.rows).toEqual({ staging_events: events.length, staging_songs: songs.length });
    first = await wh.begin((tx) => transform(tx));
  }, 120_000);
  afterAll(async () => {
    await wh?.close();
    await temp?.drop();
  });

  it('makes one play per NextSong event (6,820) and reports what it inserted', () => {
    const nextSong = events.filter((e) => e.page === 'NextSong').length;
    expect(nextSong).toBe(6820);
    expect(first.songplays.total).toBe(nextSong);
    const byTable = Object.fromEntries(first.tables.map((t) => [t.table, t]));
    expect(Object.keys(byTable)).toEqual(['songs', 'artists', 'users', 'songplays', 'time']);
    for (const t of first.tables) {
      expect(t.inserted, t.table).toBe(t.rows);
      expect([t.updated, t.deleted], t.table).toEqual([0, 0]);
    }
    expect(byTable['songs']?.rows).toBe(new Set(songs.map((s) => s.song_id)).size);
    expect(byTable['artists']?.rows).toBe(new Set(songs.map((s) => s.artist_id)).size);
  });

  it('keeps milliseconds of every start_time (UTC) and matches songs exactly as computed from the files', async () => {
    const expected = expectedPlays(events, songs);
    const rows = await wh.sql<{ key: string; start_time: string; user_id: number; level: string; song_id: string | null; artist_id: string | null }[]>`
      select session_id || '/' || item_in_session as key, start_time::text as start_time, user_id, level, song_id, artist_id from songplays`;
    const actual = new Map(rows.map((r) => [r.key, r]));
    expect(actual.size).toBe(expected.length);
    for (const e of expected) {
      expect(actual.get(e.key), e.key).toEqual({
        key: e.key,
        start_time: e.startTime,
        user_id: e.userId,
        level: e.level,
        song_id: e.songId,
        artist_id: e.artistId,
      });
    }
    const matched = expected.filter((e) => e.songId !== null);
    expect(first.songplays.matched).toBe(matched.length);
    expect(matched.length).toBeGreaterThan(300);
    expect(first.songplays.matchRate).toBeCloseTo(matched.length / expected.length, 6);
    // Some matches exist only because the doubly-encoded log text was repaired first.
    expect(matched.filter((e) => e.rawHadMojibake).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.start_time.endsWith(':00') && /\.\d+$/.test(r.start_time)).length).toBeGreaterThan(6000);
  });

  it('gives each user the name, gender and level of their latest event', async () => {
    const users = await wh.sql`select user_id, first_name, last_name, gender, level, last_seen::text as last_seen from users order by user_id`;
    const expected = expectedUsers(events);
    expect(users.map((u) => ({ ...u }))).toEqual(expected);
    // The rule matters here: some users changed level over the month.
    const levels = new Map<string, Set<string>>();
    for (const e of events.filter((e) => e.userId)) levels.set(e.userId, (levels.get(e.userId) ?? new Set()).add(e.level));
    expect([...levels.values()].filter((l) => l.size > 1).length).toBeGreaterThan(5);
  });

  it('stores repaired text: no mojibake left in the star tables', async () => {
    const [left] = await wh.sql<{ n: number }[]>`
      select (select count(*) from songplays where location like '%Ã%' or location like '%Â%')
           + (select count(*) from users where first_name like '%Ã%' or last_name like '%Ã%')
           + (select count(*) from songs where title like '%Ã%' or title like '%Â%')
           + (select count(*) from artists where name like '%Ã%' or name like '%Â%') as n`;
    expect(Number(left?.n)).toBe(0);
    const beyonce = events.find((e) => e.artist?.startsWith('Beyonc\u00c3'));
    expect(repairMojibake(beyonce?.artist ?? '')).toBe('Beyoncé');
    const [artist] = await wh.sql<{ name: string }[]>`select name from artists where name = 'Beyoncé'`;
    expect(artist?.name).toBe('Beyoncé');
  });

  it('builds songs with unknown years as NULL and artists by the documented rule', async () => {
    const [zeroYears] = await wh.sql<{ n: number }[]>`select count(*)::int as n from songs where year = 0`;
    expect(zeroYears?.n).toBe(0);
    const [nullYears] = await wh.sql<{ n: number }[]>`select count(*)::int as n from songs where year is null`;
    expect(nullYears?.n).toBe(songs.filter((s) => s.year === 0).length);

    // Name: the non-empty name on the most songs, ties to the name of the lowest song_id.
    const byArtist = new Map<string, RawSong[]>();
    for (const s of songs) byArtist.set(s.artist_id, [...(byArtist.get(s.artist_id) ?? []), s]);
    const expectedName = (rows: RawSong[]) => {
      const counts = new Map<string, { n: number; first: string }>();
      for (const s of rows) {
        const name = String(s.artist_name).trim() === '' ? '' : repairMojibake(String(s.artist_name)); // blanks load as NULL
        const c = counts.get(name);
        counts.set(name, { n: (c?.n ?? 0) + 1, first: c && c.first < s.song_id ? c.first : s.song_id });
      }
      return [...counts].sort(([an, a], [bn, b]) => Number(an === '') - Number(bn === '') || b.n - a.n || (a.first < b.first ? -1 : 1))[0]?.[0];
    };
    const artists = await wh.sql<{ artist_id: string; name: string; location: string | null; latitude: number | null; longitude: number | null }[]>`
      select artist_id, name, location, latitude, longitude from artists`;
    const disagreeing = artists.filter((a) => new Set(byArtist.get(a.artist_id)?.map((s) => String(s.artist_name))).size > 1);
    expect(disagreeing.length).toBeGreaterThan(10);
    for (const a of artists) {
      const rows = byArtist.get(a.artist_id) ?? [];
      expect(a.name, a.artist_id).toBe(expectedName(rows));
      // Location and coordinates come together from one of the artist's song rows.
      const blank = (v: unknown) => v === null || String(v).trim() === ''; // COPY's BLANKSASNULL
      const place = (s: RawSong) => [blank(s.artist_location) ? null : repairMojibake(String(s.artist_location)), s.artist_latitude, s.artist_longitude];
      expect(rows.map(place), a.artist_id).toContainEqual([a.location, a.latitude, a.longitude]);
      if (a.location === null) expect(rows.every((s) => blank(s.artist_location)), a.artist_id).toBe(true);
    }
  });

  it('builds time with hour, day, ISO week, month, year and weekday (0 = Sunday) in UTC', async () => {
    const rows = await wh.sql<{ ms: string; hour: number; day: number; week: number; month: number; year: number; weekday: number }[]>`
      select (extract(epoch from start_time) * 1000)::bigint::text as ms, hour, day, week, month, year, weekday from time`;
    expect(rows.length).toBe(new Set(events.filter((e) => e.page === 'NextSong').map((e) => e.ts)).size);
    for (const r of rows) {
      const d = new Date(Number(r.ms));
      expect({ ...r }, r.ms).toEqual({
        ms: r.ms,
        hour: d.getUTCHours(),
        day: d.getUTCDate(),
        week: isoWeek(d.getTime()),
        month: d.getUTCMonth() + 1,
        year: d.getUTCFullYear(),
        weekday: d.getUTCDay(),
      });
    }
  });

  it('passes every data check', async () => {
    const report = await runChecks(wh.db);
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.results.length).toBe(20);
  });

  it('changes nothing on a second run', async () => {
    const before = await dumpStar(wh.sql);
    const second = await wh.begin((tx) => transform(tx));
    for (const t of second.tables) expect([t.table, t.inserted, t.updated, t.deleted]).toEqual([t.table, 0, 0, 0]);
    expect(await dumpStar(wh.sql)).toEqual(before);
  }, 60_000);
});
