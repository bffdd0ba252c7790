import type { Kysely } from 'kysely';
import type { Database } from '@sparkify/schema';

/**
 * A deterministic, realistic-looking star (about 2,500 plays by 40 users over November 2018) for the report's
 * browser test and screenshot. Shapes follow the real Sparkify log: afternoon peak, mostly paid plays,
 * a minority of plays matched to a song, the real data set's User-Agents and metro-area locations.
 */
function random(seed: number): () => number {
  // mulberry32: tiny, fast, good enough for test data, and the same on every machine.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const agents = [
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2"',
  'Mozilla/5.0 (Windows NT 5.1; rv:31.0) Gecko/20100101 Firefox/31.0',
  '"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36"',
  '"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36"',
  '"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53"',
  'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko',
];
const places = [
  'San Francisco-Oakland-Hayward, CA', 'Portland-South Portland, ME', 'Lansing-East Lansing, MI',
  'Chicago-Naperville-Elgin, IL-IN-WI', 'Atlanta-Sandy Springs-Roswell, GA', 'Waterloo-Cedar Falls, IA',
  'Lake Havasu City-Kingman, AZ', 'Tampa-St. Petersburg-Clearwater, FL', 'New York-Newark-Jersey City, NY-NJ-PA',
  'Houston-The Woodlands-Sugar Land, TX', 'Birmingham-Hoover, AL', 'Red Bluff, CA',
];
const artistNames = [
  'The Quiet Harbors', 'Marisol Vega', 'Northern Lights Orchestra', 'DJ Parallax', 'Ana Sofía & The Tides',
  'Copper Fields', 'Kenji Mori', 'The Late Trains', 'Lumen', 'Bohdan Kral', 'Velvet Static', 'Ruby Okafor',
  'Hollow Pines', 'Señor Coconut Club', 'Mae & the Moonlight', 'Glass Animals of Ohio', 'Ferro', 'Ilse Janssen',
  'The Cartographers', 'Night Bus', 'Orla Quinn', 'Sundial', 'Brass Monkey Band', 'Élodie Marchand', 'Tundra',
];
const words = ['Blue', 'Hours', 'Gold', 'Rain', 'Satellite', 'Morning', 'Echo', 'Paper', 'Fire', 'Home', 'Silver', 'Lines', 'Dancing', 'Ocean', 'Slow'];
const firstNames = ['Ava', 'Liam', 'Mia', 'Noah', 'Emma', 'Lucas', 'Zoe', 'Ethan', 'Lily', 'Jacob', 'Chloe', 'Aiden', 'Sofia', 'Kevin', 'Layla', 'Ryan', 'Jayden', 'Tegan', 'Kate', 'Dylan'];
const lastNames = ['Arellano', 'Cuevas', 'Harrell', 'Summers', 'Robinson', 'Jones', 'Levine', 'Klein', 'Frye', 'Ali'];

/** Hour weights with an afternoon peak (UTC), like the real log. */
const hourWeight = (h: number): number => 0.35 + Math.exp(-((h - 16) ** 2) / 18);

interface PlayRow {
  start_time: string;
  user_id: number;
  level: string;
  song_id: string | null;
  artist_id: string | null;
  session_id: number;
  location: string | null;
  user_agent: string | null;
  item_in_session: number;
}

export interface SyntheticStar {
  readonly plays: number;
  readonly days: number;
  readonly users: number;
}

export async function seedSyntheticStar(db: Kysely<Database>, seed = 7): Promise<SyntheticStar> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const artists = artistNames.map((name, i) => ({
    artist_id: `AR${String(i + 1).padStart(16, '0')}`,
    name,
    location: i % 3 === 0 ? null : pick(places),
    latitude: null,
    longitude: null,
  }));
  const songs = Array.from({ length: 60 }, (_, i) => ({
    song_id: `SO${String(i + 1).padStart(16, '0')}`,
    title: `${pick(words)} ${pick(words)}${i % 4 === 0 ? ' (Live)' : ''}`,
    artist_id: artists[i % artists.length]!.artist_id,
    year: 1990 + (i % 25),
    duration: 150 + ((i * 37) % 180),
  }));
  const users = Array.from({ length: 40 }, (_, i) => ({
    user_id: i + 1,
    first_name: firstNames[i % firstNames.length]!,
    last_name: lastNames[i % lastNames.length]!,
    gender: i % 13 === 12 ? null : i % 5 < 3 ? 'F' : 'M',
    level: i % 10 < 3 ? 'paid' : 'free',
    last_seen: '2018-11-30 23:00:00',
    agent: agents[i % agents.length]!,
    location: places[i % places.length]!,
    activity: 0.2 + rnd() * (i % 10 < 3 ? 3 : 1),
  }));
  const hourTotal = Array.from({ length: 24 }, (_, h) => hourWeight(h)).reduce((a, b) => a + b, 0);
  const plays: PlayRow[] = [];
  let session = 100;
  for (let day = 1; day <= 30; day += 1) {
    const weekend = [3, 4].includes(day % 7); // Nov 3 2018 was a Saturday
    for (const user of users) {
      if (rnd() > user.activity * (weekend ? 0.35 : 0.5)) continue;
      // Pick the session's starting hour from the afternoon-heavy distribution.
      let r = rnd() * hourTotal;
      let hour = 0;
      while (hour < 23 && (r -= hourWeight(hour)) > 0) hour += 1;
      const length = 1 + Math.floor(rnd() ** 2 * 20);
      session += 1;
      for (let item = 0; item < length; item += 1) {
        const minute = Math.min(59, Math.floor(rnd() * 60));
        const matched = rnd() < 0.35;
        const song = matched ? songs[Math.floor(rnd() ** 2 * songs.length)]! : undefined;
        plays.push({
          start_time: `2018-11-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(item % 60).padStart(2, '0')}.${String(user.user_id).padStart(3, '0')}`,
          user_id: user.user_id,
          level: user.level === 'paid' && rnd() < 0.9 ? 'paid' : 'free',
          song_id: song?.song_id ?? null,
          artist_id: song?.artist_id ?? null,
          session_id: session,
          location: user.location,
          user_agent: user.agent,
          item_in_session: item,
        });
      }
    }
  }
  await db.insertInto('artists').values(artists).execute();
  await db.insertInto('songs').values(songs).execute();
  await db.insertInto('users').values(users.map(({ agent: _a, location: _l, activity: _x, ...u }) => u)).execute();
  for (let i = 0; i < plays.length; i += 1000) await db.insertInto('songplays').values(plays.slice(i, i + 1000)).execute();
  const times = [...new Set(plays.map((p) => p.start_time))].map((start) => {
    const d = new Date(start.replace(' ', 'T') + 'Z');
    return { start_time: start, hour: d.getUTCHours(), day: d.getUTCDate(), week: 44 + Math.floor((d.getUTCDate() + 3) / 7), month: 11, year: 2018, weekday: d.getUTCDay() };
  });
  for (let i = 0; i < times.length; i += 1000) await db.insertInto('time').values(times.slice(i, i + 1000)).execute();
  // The staged events behind the plays, so that the row-count data test (plays = NextSong events) holds.
  const events = plays.map((p) => ({
    page: 'NextSong',
    auth: 'Logged In',
    method: 'PUT',
    status: 200,
    ts: Date.parse(p.start_time.replace(' ', 'T') + 'Z'),
    user_id: p.user_id,
    level: p.level,
    session_id: p.session_id,
    item_in_session: p.item_in_session,
    location: p.location,
    user_agent: p.user_agent,
  }));
  for (let i = 0; i < events.length; i += 1000) await db.insertInto('staging_events').values(events.slice(i, i + 1000)).execute();
  await db
    .insertInto('load_ledger')
    .values(Array.from({ length: 30 }, (_, i) => ({
      file: `log_data/2018/11/2018-11-${String(i + 1).padStart(2, '0')}-events.json`,
      bytes: 200_000 + i * 1111,
      content_hash: `sha256-${i}`,
      rows: 300,
      loaded_at: '2018-12-01 08:00:00',
    })))
    .execute();
  await db
    .insertInto('load_errors')
    .values([
      { file: 'log_data/2018/11/2018-11-13-events.json', line: 41, reason: 'invalid JSON: unexpected end of input', raw: '{"artist":"Ferro","auth":"Logged In","firstN', column: null },
      { file: 'log_data/2018/11/2018-11-21-events.json', line: 7, reason: 'ts is not a number', raw: '{"ts":"yesterday","page":"NextSong"}', column: 'ts' },
    ])
    .execute();
  return { plays: plays.length, days: new Set(plays.map((p) => p.start_time.slice(0, 10))).size, users: new Set(plays.map((p) => p.user_id)).size };
}
