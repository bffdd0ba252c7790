import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig } from '@sparkify/config/testing';
import { generate } from '@sparkify/datagen';
import { connect, countRows, existingTables } from '@sparkify/warehouse';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';
import { expectedCounts } from '../test/expected.js';

interface EtlSummary {
  command: string;
  ok: boolean;
  target: string;
  rows: Record<string, number>;
  rejected: { count: number; sample: { file: string; line: number; reason: string }[] };
  matchedSongRate: number;
  steps: { stage: { files: { staged: number; skipped: number }; ms: number }; transform: { ms: number }; check: { ms: number } };
  ms: number;
}

const parse = (stdout: string) => JSON.parse(stdout) as EtlSummary;

describeWith(sharedData('sparkify-small'), 'etl on the small real data set, embedded PostgreSQL', (source) => {
  const dir = tempDir();
  const args = ['etl', '--source', source, '--data-dir', join(dir.path, 'pg'), '--json'];
  const expected = expectedCounts(source);
  let first: EtlSummary;
  afterAll(() => dir.remove());

  it('loads every file into the star schema and prints one JSON summary', async () => {
    const result = await run(args, { cwd: dir.path });
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    first = parse(result.stdout);
    expect(first).toMatchObject({ command: 'etl', ok: true });
    expect(first.rows['staging_events']).toBe(expected.events);
    expect(first.rows['staging_songs']).toBe(expected.songFiles);
    expect(first.rows['songplays']).toBe(expected.plays);
    expect(first.rows['users']).toBe(expected.users);
    expect(first.rows['load_ledger']).toBe(expected.songFiles + expected.logFiles);
    expect(first.matchedSongRate).toBeGreaterThan(0);
    expect(first.steps.stage.files.staged).toBe(expected.songFiles + expected.logFiles);
    expect(result.stderr).toMatch(/staging events: \d+\/\d+ files/); // plain progress lines off a terminal
  });

  it('changes nothing on a second run: every file is already staged', async () => {
    const result = await run(args, { cwd: dir.path });
    expect(result.code).toBe(0);
    const second = parse(result.stdout);
    expect(second.rows).toEqual(first.rows);
    expect(second.steps.stage.files).toMatchObject({ staged: 0, skipped: expected.songFiles + expected.logFiles });
  });

  it('prints a readable summary: rows per table, rejected rows, matched-song rate, time per step', async () => {
    const result = await run(args.filter((a) => a !== '--json'), { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^target +embedded PostgreSQL/m);
    expect(result.stdout).toMatch(/^stage +\d+\.\d\d s/m);
    expect(result.stdout).toMatch(/^rejected +none/m);
    expect(result.stdout).toMatch(/^transform +\d+\.\d\d s/m);
    expect(result.stdout).toMatch(/^matched +\d+ of [\d,]+ plays found their song \(\d+\.\d %\)/m);
    expect(result.stdout).toMatch(/^check +\d+\.\d\d s/m);
    expect(result.stdout).toContain(`songplays ${expected.plays.toLocaleString('en-US')}`);
  });
});

describe('etl with rejected records', () => {
  const dir = tempDir();
  const source = join(dir.path, 'data');
  const dataDir = join(dir.path, 'pg');
  let expected: ReturnType<typeof expectedCounts>;

  beforeAll(async () => {
    await generate({ out: source, songs: 30, events: 400, seed: 7, days: 2, matchRate: 0.5 });
    expected = expectedCounts(source);
    const day = join(source, 'log_data', '2018', '11');
    const first = readdirSync(day).sort()[0] ?? '';
    appendFileSync(join(day, first), '\n{"artist": "broken", "ts": \n');
  });
  afterAll(() => dir.remove());

  it('exits 1 over --max-errors, names file and line, and commits nothing', async () => {
    const result = await run(['etl', '--source', source, '--data-dir', dataDir, '--json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string; rejected: { count: number; sample: { file: string; line: number }[] } } };
    expect(summary.ok).toBe(false);
    expect(summary.error.kind).toBe('data');
    expect(summary.error.rejected.count).toBe(1);
    expect(summary.error.rejected.sample[0]?.file).toMatch(/^log_data\/2018\/11\/2018-11-01-events\.json$/);
    expect(result.stderr).toMatch(/2018-11-01-events\.json line \d+/);
    // The run's one transaction, table creation included, left nothing behind: the warehouse is as it was.
    const wh = await connect(testConfig({ target: { kind: 'embedded', dataDir, database: 'sparkify' } }));
    try {
      expect(await existingTables(wh)).toEqual([]);
    } finally {
      await wh.close();
    }
  });

  it('loads the rest and reports the rejected record within --max-errors', async () => {
    const result = await run(['etl', '--source', source, '--data-dir', dataDir, '--max-errors', '5', '--json'], { cwd: dir.path });
    expect(result.code).toBe(0);
    const summary = parse(result.stdout);
    expect(summary.rejected.count).toBe(1);
    expect(summary.rows['staging_events']).toBe(expected.events);
    expect(summary.rows['load_errors']).toBe(1);
  });
});

describe('etl with data that fails a check', () => {
  const dir = tempDir();
  const source = join(dir.path, 'data');
  const dataDir = join(dir.path, 'pg');
  afterAll(() => dir.remove());

  const good = join(dir.path, 'good');

  beforeAll(async () => {
    await generate({ out: good, songs: 30, events: 300, seed: 11, days: 1 });
    await generate({ out: source, songs: 30, events: 300, seed: 11, days: 1 });
    // One play at a level the data tests do not accept: staging takes any text, the accepted_values check does not.
    const file = join(source, 'log_data', '2018', '11', '2018-11-01-events.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"NextSong"'));
    lines[at] = (lines[at] ?? '').replace(/("level":\s*)"(free|paid)"/, '$1"gold"');
    writeFileSync(file, lines.join('\n'));
  });

  it('exits 1, names the failed check with a sample, and leaves the previous warehouse intact', async () => {
    const before = await run(['etl', '--source', good, '--data-dir', dataDir, '--json'], { cwd: dir.path });
    expect(before.code).toBe(0);
    const rowsBefore = parse(before.stdout).rows;
    expect(rowsBefore['songplays']).toBeGreaterThan(0);

    const result = await run(['etl', '--source', source, '--full-refresh', '--data-dir', dataDir, '--json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string; checks: { name: string; failing: number; sample: { level: string }[] }[] } };
    expect(summary).toMatchObject({ ok: false, error: { kind: 'data' } });
    const failed = summary.error.checks.find((c) => c.name === 'accepted_values_songplays_level');
    expect(failed?.failing).toBe(1);
    expect(result.stderr).toMatch(/FAILED accepted_values_songplays_level .*: 1 row\(s\), e\.g\. .*"gold"/);
    const wh = await connect(testConfig({ target: { kind: 'embedded', dataDir, database: 'sparkify' } }));
    try {
      expect(await countRows(wh.db)).toEqual(rowsBefore); // the full refresh was rolled back with the rest
    } finally {
      await wh.close();
    }
  });
});

describe('etl with no configuration at all', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('generates the demo data set, then loads it into the embedded PostgreSQL under .sparkify/', async () => {
    const result = await run(['etl', '--json'], { cwd: dir.path });
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    expect(existsSync(join(dir.path, '.sparkify', 'demo-data', 'song_data'))).toBe(true);
    expect(existsSync(join(dir.path, '.sparkify', 'pg', 'cluster', 'PG_VERSION'))).toBe(true);
    const summary = parse(result.stdout);
    const expected = expectedCounts(join(dir.path, '.sparkify', 'demo-data'));
    expect(summary.rows['staging_events']).toBe(expected.events);
    expect(summary.rows['songplays']).toBe(expected.plays);
    expect(summary.matchedSongRate).toBeGreaterThan(0.1);
    expect(result.stderr).toContain('generating the demo data set');
  });
});

describeWith(await postgresServer(), 'etl on the PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
  });
  afterAll(async () => db?.drop());

  describeWith(sharedData('sparkify-small'), 'with the small real data set', (source) => {
    it('loads all of it', async () => {
      const small = await createTempDatabase(serverUrl);
      try {
        const expected = expectedCounts(source);
        const result = await run(['etl', '--source', source, '--database-url', small.url, '--json']);
        expect(result.code).toBe(0);
        const summary = parse(result.stdout);
        expect(summary.target).toMatch(/^PostgreSQL \d+\.\d+ at 127\.0\.0\.1:5432/);
        expect(summary.rows['staging_events']).toBe(expected.events);
        expect(summary.rows['songplays']).toBe(expected.plays);
        expect(summary.rows['users']).toBe(expected.users);
      } finally {
        await small.drop();
      }
    });
  });

  describeWith(sharedData('sparkify'), 'with the full real data set', (source) => {
    it('loads all of it', async () => {
      const expected = expectedCounts(source);
      const started = performance.now();
      const result = await run(['etl', '--source', source, '--database-url', db.url, '--json']);
      expect(result.stderr).not.toContain('failed');
      expect(result.code).toBe(0);
      const summary = parse(result.stdout);
      console.info(`etl, full real set on the server: ${((performance.now() - started) / 1000).toFixed(1)} s`, summary.steps);
      expect(summary.rows['staging_songs']).toBe(expected.songFiles);
      expect(summary.rows['staging_events']).toBe(expected.events);
      expect(summary.rows['songplays']).toBe(expected.plays);
      expect(summary.rows['users']).toBe(expected.users);
      expect(summary.matchedSongRate).toBeGreaterThan(0);
    }, 300_000);
  });
});
