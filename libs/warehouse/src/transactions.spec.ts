import { finished } from 'node:stream/promises';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedConfig, tempDir, urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import { createTables, existingTables } from './create-tables.js';
import type { Warehouse, WarehouseTx } from './types.js';

/** The same transaction behaviour is asserted on the embedded PostgreSQL and on the server. */
function transactionSuite(open: () => Promise<Warehouse>) {
  let wh: Warehouse;
  const count = async (db: Pick<WarehouseTx, 'db'>['db']) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from notes`.execute(db)).rows[0]?.n);

  beforeAll(async () => {
    wh = await open();
    await wh.sql`create table notes (id integer primary key, note text)`;
  });
  afterAll(async () => wh?.close());

  it('commits everything done through tx.db and tx.sql together', async () => {
    await wh.sql`truncate notes`;
    const seen = await wh.begin(async (tx) => {
      await tx.sql`insert into notes values (1, 'raw')`;
      await sql`insert into notes values (2, 'kysely')`.execute(tx.db);
      // Another connection must not see uncommitted rows; this transaction sees both.
      const outside = await wh.sql<{ n: number }[]>`select count(*)::int as n from notes`;
      return { inside: await count(tx.db), outside: outside[0]?.n };
    });
    expect(seen).toEqual({ inside: 2, outside: 0 });
    expect(await count(wh.db)).toBe(2);
  });

  it('rolls back on any error and rethrows it', async () => {
    await wh.sql`truncate notes`;
    await expect(
      wh.begin(async (tx) => {
        await sql`insert into notes values (1, 'gone')`.execute(tx.db);
        throw new Error('check failed');
      }),
    ).rejects.toThrow('check failed');
    expect(await count(wh.db)).toBe(0);
  });

  it('rolls back a COPY … FROM STDIN made inside the transaction', async () => {
    await wh.sql`truncate notes`;
    await expect(
      wh.begin(async (tx) => {
        const stream = await tx.sql`copy notes (id, note) from stdin`.writable();
        for (let i = 1; i <= 1000; i++) stream.write(`${i}\tline ${i}\n`);
        stream.end();
        await finished(stream);
        expect(await count(tx.db)).toBe(1000);
        throw new Error('reject the batch');
      }),
    ).rejects.toThrow('reject the batch');
    expect(await count(wh.db)).toBe(0);
  });

  it('commits a COPY … FROM STDIN', async () => {
    await wh.sql`truncate notes`;
    await wh.begin(async (tx) => {
      const stream = await tx.sql`copy notes (id, note) from stdin`.writable();
      stream.end('7\tseven\n8\t\\N\n');
      await finished(stream);
    });
    const rows = await sql<{ id: number; note: string | null }>`select id, note from notes order by id`.execute(wh.db);
    expect(rows.rows).toEqual([{ id: 7, note: 'seven' }, { id: 8, note: null }]);
  });

  it('runs typed queries on the declared tables, with affected-row counts and streaming', async () => {
    const result = await wh.begin(async (tx) => {
      await createTables(tx);
      const files = Array.from({ length: 25 }, (_, i) => ({ file: `f${String(i).padStart(2, '0')}.json`, bytes: 100 + i, content_hash: 'h' + i, rows: i }));
      await tx.db.insertInto('load_ledger').values(files).execute();
      const [updated] = await tx.db.updateTable('load_ledger').set({ content_hash: 'changed' }).where('rows', '<', 10).execute();
      const streamed: string[] = [];
      for await (const row of tx.db.selectFrom('load_ledger').select('file').orderBy('file').stream(7)) streamed.push(row.file);
      throw Object.assign(new Error('undo'), { result: { updated: updated?.numUpdatedRows, streamed } });
    }).catch((error: { result?: unknown }) => error.result);
    expect(result).toEqual({ updated: 10n, streamed: Array.from({ length: 25 }, (_, i) => `f${String(i).padStart(2, '0')}.json`) });
    expect(await existingTables(wh)).toEqual([]); // the DDL was rolled back with the rest
  });

  it('refuses a Kysely transaction nested in tx.db', async () => {
    await expect(wh.begin((tx) => tx.db.transaction().execute(async () => 1))).rejects.toThrow(/already inside a warehouse transaction/);
  });
}

describe('transactions on the embedded PostgreSQL', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  transactionSuite(() => connect(embeddedConfig(dir.path + '/pg')));
});

describeWith(await postgresServer(), 'transactions on the PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
  });
  afterAll(async () => db?.drop());
  transactionSuite(() => connect(urlConfig(db.url)));
});
