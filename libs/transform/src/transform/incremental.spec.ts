import { testConfig } from '@sparkify/config/testing';
import { createTableStatements } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { connect, type Warehouse } from '@sparkify/warehouse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runChecks } from '../check/run-checks.js';
import { dumpStar } from './__fixtures__/dump.js';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stage } from '../stage/stage.js';
import { logFiles, type RawSong } from './__fixtures__/real-data.js';
import { transform } from './transform.js';
import { TransformError } from './transform-error.js';

const server = await postgresServer();
const data = sharedData('sparkify-small');

describeWith(server.available && !data.available ? data : server, 'transform, run after each day of logs (small real data set)', (url) => {
  const temps: TempDatabase[] = [];
  const warehouses: Warehouse[] = [];
  let dir: string;
  let scratch: string;

  const open = async () => {
    const temp = await createTempDatabase(url);
    temps.push(temp);
    const wh = await connect(testConfig({ target: { kind: 'postgres', url: temp.url } }));
    warehouses.push(wh);
    for (const statement of createTableStatements('postgres')) await wh.sql.unsafe(statement);
    return wh;
  };

  /** A source folder outside the repository: the real songs and JSONPaths, and the given log files. */
  const sourceFolder = (name: string, logs: string[]) => {
    const folder = join(scratch, name);
    cpSync(join(dir, 'song_data'), join(folder, 'song_data'), { recursive: true });
    cpSync(join(dir, 'log_json_path.json'), join(folder, 'log_json_path.json'));
    mkdirSync(join(folder, 'log_data', '2018', '11'), { recursive: true });
    for (const log of logs) addLog(folder, log);
    return folder;
  };
  const addLog = (folder: string, log: string) => cpSync(log, join(folder, 'log_data', '2018', '11', basename(log)));
  /** Stage what is new in the folder (the ledger skips files already staged), then transform, in one transaction. */
  const load = (wh: Warehouse, folder: string) =>
    wh.begin(async (tx) => {
      await stage(tx, folder);
      return transform(tx);
    });

  beforeAll(() => {
    if (!data.available) throw new Error(data.reason);
    dir = data.value;
    scratch = mkdtempSync(join(tmpdir(), 'sparkify-transform-'));
  });
  afterAll(async () => {
    for (const wh of warehouses) await wh.close();
    for (const t of temps) await t.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('ends, one day at a time, in exactly the tables of loading everything at once (ids included)', async () => {
    const files = logFiles(dir);
    expect(files).toHaveLength(30);
    const all = await open();
    await load(all, dir); // the real folder itself: every file at once

    const daily = await open();
    const folder = sourceFolder('daily', []);
    let levelChanges = 0;
    for (const file of files) {
      addLog(folder, file);
      const report = await load(daily, folder);
      levelChanges += report.tables.find((t) => t.table === 'users')?.updated ?? 0;
    }
    // Later days changed users loaded earlier (their latest level, name or last_seen).
    expect(levelChanges).toBeGreaterThan(0);
    expect(await dumpStar(daily.sql)).toEqual(await dumpStar(all.sql));
    expect((await runChecks(daily.db)).passed).toBe(true);
  }, 120_000);

  it('updates the song match of existing plays when songs arrive later, keeping their songplay_id', async () => {
    const wh = await open();
    const folder = sourceFolder('late', logFiles(dir));
    await load(wh, folder);
    const [play] = await wh.sql<{ songplay_id: string; session_id: number; item_in_session: number; title: string; artist: string; length: number }[]>`
      select sp.songplay_id, sp.session_id, sp.item_in_session, e.song as title, e.artist, e.length
      from songplays sp join staging_events e on e.session_id = sp.session_id and e.item_in_session = sp.item_in_session
      where sp.song_id is null and e.song not like '%Ã%' and e.artist not like '%Ã%'
      order by sp.songplay_id limit 1`;
    if (!play) throw new Error('no unmatched play');

    // Two candidate songs with the play's title and artist: the closer duration must win.
    const song = (id: string, duration: number): RawSong => ({
      num_songs: 1, artist_id: 'ARLATE00000000001', artist_latitude: null, artist_longitude: null, artist_location: '',
      artist_name: play.artist, song_id: id, title: play.title, duration, year: 2001, file: `late/${id}.json`,
    });
    mkdirSync(join(folder, 'song_data', 'Z', 'Z', 'Z'), { recursive: true });
    for (const s of [song('SOLATE0000000FAR1', play.length + 30), song('SOLATE000000NEAR2', play.length - 0.5)]) {
      const { file: _file, ...record } = s;
      writeFileSync(join(folder, 'song_data', 'Z', 'Z', 'Z', `${s.song_id}.json`), JSON.stringify(record));
    }
    const report = await load(wh, folder);
    const plays = report.tables.find((t) => t.table === 'songplays');
    expect(plays).toMatchObject({ inserted: 0, updated: 1, deleted: 0 });
    expect(report.tables.find((t) => t.table === 'songs')).toMatchObject({ inserted: 2, updated: 0 });
    const [after] = await wh.sql`select songplay_id, song_id, artist_id from songplays where session_id = ${play.session_id} and item_in_session = ${play.item_in_session}`;
    expect({ ...after }).toEqual({ songplay_id: play.songplay_id, song_id: 'SOLATE000000NEAR2', artist_id: 'ARLATE00000000001' });
  }, 60_000);

  it('reports failing checks by name, with a count and a sample of at most 5 rows', async () => {
    const wh = warehouses[0] as Warehouse;
    // Break the data inside a transaction that is rolled back.
    const broken = await wh
      .begin(async (tx) => {
        await tx.sql`update songplays set level = 'gold' where songplay_id in (select songplay_id from songplays order by songplay_id limit 7)`;
        await tx.sql`delete from users where user_id = (select min(user_id) from songplays)`;
        await tx.sql`delete from staging_events where ctid in (select ctid from staging_events where page = 'NextSong' limit 1)`;
        const report = await runChecks(tx.db);
        throw Object.assign(new Error('rollback'), { report });
      })
      .catch((e: { report?: Awaited<ReturnType<typeof runChecks>> }) => e.report);
    if (!broken) throw new Error('no report');
    const byName = Object.fromEntries(broken.results.map((r) => [r.name, r]));
    expect(broken.passed).toBe(false);
    expect(broken.failed).toBe(3);
    expect(byName['accepted_values_songplays_level']).toMatchObject({ passed: false, failing: 7 });
    expect(byName['accepted_values_songplays_level']?.sample).toHaveLength(5);
    expect(byName['accepted_values_songplays_level']?.sample[0]).toMatchObject({ level: 'gold' });
    expect(byName['relationships_songplays_user_id__users']?.failing).toBeGreaterThan(0);
    expect(byName['row_count_songplays__staged_next_song_keys']?.sample).toEqual([{ songplays: '6820', next_song_keys: '6819' }]);
    expect((await runChecks(wh.db)).passed).toBe(true);
  });

  it('fails with an error naming the table and what to do, and commits nothing', async () => {
    const wh = await open();
    // A userId like "x17" is now rejected by staging (file and line; see verdict.spec.ts). A statement can still
    // fail for reasons outside the data, e.g. a constraint someone added to a star table:
    await wh.sql`alter table users add constraint only_m check (gender = 'M')`;
    const folder = sourceFolder('bad', logFiles(dir).slice(0, 1));
    const error = await load(wh, folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransformError);
    expect(error).toMatchObject({ table: 'users' });
    expect(String((error as Error).message)).toMatch(/table "users": new row for relation "users" violates check constraint "only_m".*\. Nothing was committed/);
    const [left] = await wh.sql<{ n: number }[]>`select (select count(*) from songs) + (select count(*) from staging_events) as n`;
    expect(Number(left?.n)).toBe(0);
  });
});
