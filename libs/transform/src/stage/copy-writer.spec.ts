import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { CopyWriter } from './copy-writer.js';

describeWith(await postgresServer(), 'CopyWriter on a real server', (url) => {
  let db: TempDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    db = await createTempDatabase(url, 'sparkify_copy');
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await sql`create table t (n integer, s varchar(64))`;
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('round-trips awkward text and keeps NULL apart from ""', async () => {
    const values = ['tab\there', 'new\nline', 'back\\slash', '\\N', 'cr\rlf', '"quoted", \'single\'', 'Beyoncé ♫', '', null];
    await sql.begin(async (tx) => {
      await CopyWriter.copyRows(tx, 'public', 't', ['n', 's'], values.map((v, i) => [String(i), v]));
    });
    const rows = await sql<{ s: string | null }[]>`select s from t order by n`;
    expect(rows.map((r) => r.s)).toEqual(values);
  });

  it('streams many rows with backpressure', async () => {
    const n = 100_000;
    await sql.begin(async (tx) => {
      const w = await CopyWriter.open(tx, 'public', 't', ['n', 's']);
      for (let i = 0; i < n; i++) {
        const wait = w.write([String(i), 'row ' + i]);
        if (wait) await wait;
      }
      expect(await w.end()).toBe(n);
      throw new Error('roll back');
    }).catch((e: Error) => expect(e.message).toBe('roll back'));
    const [row] = await sql`select count(*)::int as n from t where s like 'row %'`;
    expect(row).toEqual({ n: 0 });
  });

  it('surfaces an error the server raises after the last row instead of waiting forever', async () => {
    const error = await sql
      .begin(async (tx) => {
        const w = await CopyWriter.open(tx, 'public', 't', ['n', 's']);
        w.write(['not a number', 'x']);
        await w.end();
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/invalid input syntax for type integer: "not a number"/);
    expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
  });

  it('aborts a COPY so that the transaction rolls back and the connection stays usable', async () => {
    const error = await sql
      .begin(async (tx) => {
        const w = await CopyWriter.open(tx, 'public', 't', ['n', 's']);
        w.write(['1', 'kept?']);
        const stop = new Error('stopped by the caller');
        w.abort(stop);
        throw stop;
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('stopped by the caller');
    expect(await sql`select count(*)::int as n from t where s = 'kept?'`).toEqual([{ n: 0 }]);
  });
});
