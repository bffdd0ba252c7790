import { describe, expect, it } from 'vitest';
import { createTempDatabase, describeWith, postgresServer, sharedData } from './index.js';
import postgres from 'postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

describe('sharedData', () => {
  it('reports a missing folder with the reason', () => {
    const prev = process.env['SPARKIFY_SHARED_DATA'];
    process.env['SPARKIFY_SHARED_DATA'] = '/nonexistent/data';
    try {
      const req = sharedData('sparkify');
      expect(req.available).toBe(false);
      if (!req.available) expect(req.reason).toContain('/nonexistent/data/sparkify lacks song_data');
    } finally {
      if (prev === undefined) delete process.env['SPARKIFY_SHARED_DATA'];
      else process.env['SPARKIFY_SHARED_DATA'] = prev;
    }
  });
});

describeWith(sharedData('sparkify-small'), 'the small real data set', (dir) => {
  it('has log files', () => {
    expect(existsSync(join(dir, 'log_data', '2018', '11', '2018-11-01-events.json'))).toBe(true);
  });
});

describeWith(await postgresServer(), 'a temporary database on the server', (url) => {
  it('is created empty and dropped', async () => {
    const db = await createTempDatabase(url);
    const sql = postgres(db.url, { max: 1 });
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    expect(row?.n).toBe(0);
    await sql.end();
    await db.drop();
    const admin = postgres(url, { max: 1 });
    const gone = await admin`select 1 from pg_database where datname = ${db.name}`;
    await admin.end();
    expect(gone.length).toBe(0);
  });
});
