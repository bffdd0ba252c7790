import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith, postgresServer } from '@sparkify/testing';
import { LedgerSpool } from './ledger-spool.js';
import { stage } from './stage.js';
import { event, song, sourceFolder, type SourceFolder } from './__fixtures__/source-folder.js';
import { testWarehouse, type TestWarehouse } from './__fixtures__/test-warehouse.js';

// A temporary folder of this file's own: the other spec files, run in parallel, spool into the shared one, and a
// count of spools there would see theirs come and go. (os.tmpdir() reads TMPDIR at each call; vitest runs each file
// in a process of its own.)
const ownTmp = mkdtempSync(join(tmpdir(), 'sparkify-ledger-spool-spec-'));
process.env['TMPDIR'] = ownTmp;
afterAll(() => rmSync(ownTmp, { recursive: true, force: true }));
const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith('sparkify-ledger-'));

// Ledger rows go to a temporary file while the staging COPY runs, then into load_ledger in one COPY.
describeWith(await postgresServer(), 'the ledger spool', (url) => {
  let t: TestWarehouse;
  let src: SourceFolder;

  beforeAll(async () => {
    t = await testWarehouse(url);
    src = sourceFolder();
    for (const id of ['1', '2', '3']) src.write(`song_data/A/TR${id}.json`, song(id));
    src.write('log_data/2018/11/a-events.json', [event(0), event(1)].join('\n'));
    src.write('log_data/2018/11/b\\tab-events.json', [event(2), '{"ts": "never"}', event(3)].join('\n'));
  });
  afterAll(async () => {
    await t?.close();
    src?.remove();
  });

  it('copies many rows across read chunks exactly, escaping included, and removes its file', async () => {
    const before = spools();
    const spool = LedgerSpool.open();
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ file: `f\\${i}\t.json`, bytes: i, contentHash: 'h'.repeat(64), rows: i % 7 }));
    for (const e of entries) spool.add(e);
    const copied = await t.warehouse.begin(async (tx) => {
      await tx.sql`delete from load_ledger`;
      const n = await spool.copyInto(tx);
      const [row] = await tx.sql<{ n: number; bytes: string; rows: number; last: string }[]>`
        select count(*)::int as n, sum(bytes)::text as bytes, sum(rows)::int as rows, max(file) filter (where bytes = 19999) as last from load_ledger`;
      await tx.sql`delete from load_ledger`;
      return { n, row };
    });
    spool.dispose();
    expect(copied.n).toBe(20_000);
    expect(copied.row).toEqual({ n: 20_000, bytes: String((19_999 * 20_000) / 2), rows: entries.reduce((a, e) => a + e.rows, 0), last: 'f\\19999\t.json' });
    expect(spools()).toEqual(before);
  });

  it('records every staged file with its rows and leaves no temporary file behind', async () => {
    const before = spools();
    const report = await t.warehouse.begin((tx) => stage(tx, src.dir, { maxErrors: 1 }));
    expect(report.files).toEqual({ staged: 5, skipped: 0, replaced: 0, empty: 0 });
    const ledger = await t.warehouse.sql<{ file: string; rows: number }[]>`select file, rows from load_ledger order by file`;
    expect(ledger.map((r) => [r.file, r.rows])).toEqual([
      ['log_data/2018/11/a-events.json', 2],
      ['log_data/2018/11/b\\tab-events.json', 2],
      ...['1', '2', '3'].map((id) => [`song_data/A/TR${id}.json`, 1]),
    ]);
    expect(await t.count('staging_events')).toBe(4);
    expect(spools()).toEqual(before);
  });

  it('removes its file when staging fails', async () => {
    const before = spools();
    await expect(t.warehouse.begin((tx) => stage(tx, src.dir, { fullRefresh: true }))).rejects.toThrow(/more than max errors = 0/);
    expect(spools()).toEqual(before);
    expect(existsSync(src.dir)).toBe(true);
  });
});
