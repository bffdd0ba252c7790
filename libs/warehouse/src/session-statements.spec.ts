import { createTempDatabase, describeWith, postgresServer } from '@sparkify/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redshiftDialect } from './dialect/redshift/redshift-dialect.js';
import { countRows } from './row-counts.js';
import { createWarehouse } from './warehouse.js';
import type { Warehouse } from './types.js';

// Redshift's session statements are plain SQL PostgreSQL also runs, so a real server proves that every
// transaction really starts in the schema and in UTC, whatever the role's own settings say (audit D7, U3).
describeWith(await postgresServer(), "the Redshift dialect's session statements", (url) => {
  let wh: Warehouse;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTempDatabase(url);
    drop = db.drop;
    const sql = postgres(db.url, { onnotice: () => {}, connection: { TimeZone: 'America/Los_Angeles', search_path: 'public' } });
    await sql`create schema dwh`;
    wh = createWarehouse({ sql, dialect: redshiftDialect, schema: 'dwh', description: 'test' });
  });
  afterAll(async () => {
    await wh?.close();
    await drop?.();
  });

  it('sets search_path and timezone at the start of every transaction', async () => {
    const [row] = await wh.begin((tx) => tx.sql<{ path: string; tz: string }[]>`select current_setting('search_path') as path, current_setting('TimeZone') as tz`);
    expect(row).toEqual({ path: 'dwh', tz: 'UTC' });
  });

  it('counts rows with names typed as VARCHAR, so each count finds its table (audit U5)', async () => {
    await wh.sql`create table dwh.songs (id int)`;
    await wh.sql`insert into dwh.songs values (1), (2)`;
    const counts = await wh.begin((tx) => countRows(tx.db, ['songs']));
    expect(counts).toEqual({ songs: 2 });
  });
});
