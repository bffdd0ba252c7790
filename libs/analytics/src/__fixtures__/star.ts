import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';

/**
 * A hand-checked star: 4 users, 4 songs, 3 artists, 13 plays over Sat 2018-11-03 … Tue 2018-11-06 (UTC).
 * Every expected value in analytics.spec.ts was counted by hand from the rows below.
 */
export const ua = {
  chromeWin7:
    '"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  safariMac:
    '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2"',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:31.0) Gecko/20100101 Firefox/31.0',
  firefoxXp: 'Mozilla/5.0 (Windows NT 5.1; rv:31.0) Gecko/20100101 Firefox/31.0',
};

type Play = [start: string, user: number, level: string, song: string | null, artist: string | null,
  session: number, location: string | null, agent: string | null, item: number];

export const plays: Play[] = [
  ['2018-11-04 09:15:00.123', 1, 'paid', 'SO1', 'AR1', 10, 'Austin, TX', ua.chromeWin7, 0],
  ['2018-11-04 09:20:00', 1, 'paid', 'SO1', 'AR1', 10, 'Austin, TX', ua.chromeWin7, 1],
  ['2018-11-04 09:25:00', 1, 'paid', 'SO2', 'AR1', 10, 'Austin, TX', ua.chromeWin7, 2],
  ['2018-11-04 21:00:00', 1, 'paid', 'SO3', 'AR2', 11, 'Austin, TX', ua.chromeWin7, 0],
  ['2018-11-05 09:00:00', 2, 'free', 'SO1', 'AR1', 20, 'Boston, MA', ua.safariMac, 0],
  ['2018-11-05 09:05:00', 2, 'free', null, null, 20, 'Boston, MA', ua.safariMac, 1],
  ['2018-11-05 23:59:59.999', 2, 'free', null, null, 20, 'Boston, MA', ua.safariMac, 2],
  ['2018-11-03 00:00:00', 3, 'paid', 'SO3', 'AR2', 30, 'Chicago, IL', ua.firefoxLinux, 0],
  ['2018-11-03 00:01:00', 3, 'paid', null, null, 30, 'Chicago, IL', ua.firefoxLinux, 1],
  ['2018-11-05 12:00:00', 3, 'free', 'SO2', 'AR1', 31, 'Chicago, IL', ua.firefoxXp, 0],
  ['2018-11-05 12:04:00', 3, 'free', null, null, 31, null, ua.firefoxXp, 1],
  ['2018-11-05 12:08:00', 3, 'free', 'SO1', 'AR1', 31, 'Chicago, IL', ua.firefoxXp, 2],
  // User 9 is missing from `users`, and sent no User-Agent.
  ['2018-11-06 15:30:00', 9, 'free', null, null, 90, 'Chicago, IL', null, 0],
];

/** The time dimension as the transform derives it: parts of each distinct start_time (weekday 0 = Sunday). */
function timeRow(start: string) {
  const d = new Date(start.replace(' ', 'T') + 'Z');
  return {
    start_time: start,
    hour: d.getUTCHours(),
    day: d.getUTCDate(),
    week: 45,
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
    weekday: d.getUTCDay(),
  };
}

export async function seedStar(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('artists')
    .values([
      { artist_id: 'AR1', name: 'Alpha', location: 'Austin, TX', latitude: 30.27, longitude: -97.74 },
      { artist_id: 'AR2', name: 'Beta', location: null, latitude: null, longitude: null },
      { artist_id: 'AR3', name: 'Gamma', location: null, latitude: null, longitude: null },
    ])
    .execute();
  await db
    .insertInto('songs')
    .values([
      { song_id: 'SO1', title: 'One', artist_id: 'AR1', year: 2001, duration: 200.5 },
      { song_id: 'SO2', title: 'Two', artist_id: 'AR1', year: 0, duration: 180 },
      { song_id: 'SO3', title: 'Three', artist_id: 'AR2', year: 1999, duration: 240 },
      { song_id: 'SO4', title: 'Four', artist_id: 'AR3', year: null, duration: null },
    ])
    .execute();
  await db
    .insertInto('users')
    .values([
      { user_id: 1, first_name: 'Ann', last_name: 'A', gender: 'F', level: 'paid', last_seen: '2018-11-04 21:00:00' },
      { user_id: 2, first_name: 'Bob', last_name: 'B', gender: 'M', level: 'free', last_seen: '2018-11-05 23:59:59.999' },
      { user_id: 3, first_name: 'Cat', last_name: 'C', gender: 'F', level: 'paid', last_seen: '2018-11-05 13:00:00' },
      { user_id: 4, first_name: 'Dan', last_name: 'D', gender: null, level: 'free', last_seen: '2018-11-01 08:00:00' },
    ])
    .execute();
  await db
    .insertInto('songplays')
    .values(
      plays.map(([start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, item_in_session]) => ({
        start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, item_in_session,
      })),
    )
    .execute();
  await db.insertInto('time').values(plays.map(([start]) => timeRow(start))).execute();
  await db
    .insertInto('load_ledger')
    .values([
      { file: 'log_data/2018/11/a.json', bytes: 1000, content_hash: 'h1', rows: 10, loaded_at: '2018-11-07 10:00:00' },
      { file: 'log_data/2018/11/b.json', bytes: 2345, content_hash: 'h2', rows: 5, loaded_at: '2018-11-07 10:05:30' },
    ])
    .execute();
  await db
    .insertInto('load_errors')
    .values([
      { file: 'log_data/2018/11/a.json', line: 7, reason: 'invalid JSON', raw: '{"ts": 1', column: null },
      { file: 'log_data/2018/11/a.json', line: 3, reason: 'invalid JSON', raw: '{bad', column: null },
      { file: 'log_data/2018/11/b.json', line: 1, reason: 'ts is not a number', raw: '{"ts":"x"}', column: 'ts' },
    ])
    .execute();
}
