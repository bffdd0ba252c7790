// Must type-check: correct tables, columns and value types (compiled by type-checking.spec.ts).
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../index.js';

declare const dialect: PostgresDialect;
const db = new Kysely<Database>({ dialect });

export const plays = db
  .selectFrom('songplays')
  .innerJoin('users', 'users.user_id', 'songplays.user_id')
  .select(['songplays.songplay_id', 'songplays.start_time', 'users.level', 'songplays.song_id'])
  .where('songplays.session_id', '=', 139);

export const insert = db.insertInto('time').values({
  start_time: new Date(),
  hour: 21,
  day: 1,
  week: 44,
  month: 11,
  year: 2018,
  weekday: 4,
});

// Identity and defaulted columns may be left out; nullable ones may be null.
export const play = db.insertInto('songplays').values({
  start_time: '2018-11-01 21:01:46.796',
  user_id: 8,
  level: 'free',
  song_id: null,
  session_id: 139,
  item_in_session: 1,
});
export const ledger = db.insertInto('load_ledger').values({ file: 'log_data/x.json', bytes: 10n, content_hash: 'ab', rows: 1 });

export async function types(): Promise<void> {
  const row = await plays.executeTakeFirstOrThrow();
  const id: string = row.songplay_id;
  const at: Date = row.start_time;
  const song: string | null = row.song_id;
  void [id, at, song];
}
