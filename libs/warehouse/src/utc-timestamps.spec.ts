import { createTempDatabase, describeWith, postgresServer } from '@sparkify/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import type { Warehouse } from './types.js';

// start_time is UTC without a zone. Whatever the machine's time zone, a Date written must be stored as that UTC
// instant, and the stored value must read back as the same instant.
describeWith(await postgresServer(), 'timestamps are UTC whatever the time zone of the machine', (url) => {
  const previousTz = process.env['TZ'];
  let wh: Warehouse;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    process.env['TZ'] = 'America/Los_Angeles';
    const db = await createTempDatabase(url);
    drop = db.drop;
    wh = await connect(urlConfig(db.url));
    await wh.sql`create table moments (at timestamp)`;
  });
  afterAll(async () => {
    await wh?.close();
    await drop?.();
    if (previousTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = previousTz;
  });

  it('stores and reads back the UTC instant, keeping milliseconds', async () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0); // the test really runs away from UTC
    const instant = new Date(Date.UTC(2018, 10, 1, 21, 1, 46, 796));
    await sql`insert into moments values (${instant})`.execute(wh.db);
    const [row] = await wh.sql<{ text: string; at: Date }[]>`select to_char(at, 'YYYY-MM-DD HH24:MI:SS.MS') as text, at from moments`;
    expect(row?.text).toBe('2018-11-01 21:01:46.796');
    expect(row?.at.toISOString()).toBe('2018-11-01T21:01:46.796Z');
  });
});

describeWith(await postgresServer(), 'PostgreSQL sessions the toolkit opens', (url) => {
  it('run in UTC, without JIT and without parallel workers (see connection-options.ts for the measurements)', async () => {
    const db = await createTempDatabase(url);
    const wh = await connect(urlConfig(db.url));
    try {
      const [row] = await wh.begin((tx) => tx.sql<{ tz: string; jit: string; workers: string }[]>`select current_setting('TimeZone') as tz, current_setting('jit') as jit, current_setting('max_parallel_workers_per_gather') as workers`);
      expect(row).toEqual({ tz: 'UTC', jit: 'off', workers: '0' });
    } finally {
      await wh.close();
      await db.drop();
    }
  });
});
