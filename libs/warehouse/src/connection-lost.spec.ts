import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { finished } from 'node:stream/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlConfig } from '../test/helpers.js';
import { connect } from './connect.js';
import { ConnectionLost, connectionLost, duringOf, isConnectionLoss } from './connection-lost.js';
import { driverFailuresSwallowed } from './driver-guard.js';
import type { Warehouse, WarehouseTx } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('connectionLost (the paragraph)', () => {
  it('names the target, what was under way and what happened; says nothing was kept and that a retry may help', () => {
    const driver = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', query: 'insert into songplays select …' });
    const error = connectionLost('PostgreSQL 15.2 at db:5432 (database "dwh", user "etl")', driver);
    expect(error).toBeInstanceOf(ConnectionLost);
    expect(error).toMatchObject({ kind: 'transient', code: 'CONNECTION_LOST', during: 'running INSERT INTO songplays' });
    expect(error.message).toBe(
      'Lost the connection to PostgreSQL 15.2 at db:5432 (database "dwh", user "etl") while running INSERT INTO songplays: ' +
        'the server terminated the session (an administrator, a fast shutdown or a restart) [57P01]. ' +
        "The run's transaction was rolled back by the server: the warehouse is as it was before this run. " +
        'The target was unavailable; running the command again once it answers may succeed.',
    );
    expect(connectionLost('X', driver, { during: 'committing' }).message).toContain('check whether the run was committed');
  });

  it('tells a lost session from a failed statement, through wrapping causes too', () => {
    expect(isConnectionLoss(Object.assign(new Error('x'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isConnectionLoss(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '57P01' }) }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(new Error('plain'))).toBe(false);
    expect(duringOf(Object.assign(new Error(), { query: 'copy staging_events (a) from stdin' }))).toBe('copying data (COPY)');
    expect(duringOf(Object.assign(new Error(), { query: 'delete from "public"."songs" as t where …' }))).toBe('running DELETE FROM "public"."songs"');
    expect(duringOf(Object.assign(new Error(), { query: 'update\n  artists set name = 1' }))).toBe('running UPDATE artists');
  });
});

describeWith(await postgresServer(), 'a connection lost in the middle of a run, PostgreSQL server', (serverUrl) => {
  let db: TempDatabase;
  let wh: Warehouse;
  let admin: postgres.Sql;
  beforeAll(async () => {
    db = await createTempDatabase(serverUrl);
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    wh = await connect(urlConfig(db.url));
    await wh.sql`create table notes (id integer primary key, note text)`;
    await wh.sql`insert into notes select g, 'before' from generate_series(1, 100) g`;
  });
  afterAll(async () => {
    await wh?.close();
    await admin?.end({ timeout: 1 });
    await db?.drop();
  });

  const notes = async () => {
    const check = await connect(urlConfig(db.url));
    try {
      const [row] = await check.sql<{ n: number; before: number }[]>`select count(*)::int as n, count(*) filter (where note = 'before')::int as before from notes`;
      return row;
    } finally {
      await check.close();
    }
  };

  /** Runs `work` in a transaction and terminates its backend from another session after `afterMs`. */
  async function terminatedDuring(work: (tx: WarehouseTx) => Promise<void>, afterMs: number): Promise<unknown> {
    // A fresh warehouse each time: the one whose connection was killed is closed after.
    const run = await connect(urlConfig(db.url));
    try {
      let pid = 0;
      const pending = run.begin(async (tx) => {
        pid = (await tx.sql<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]?.pid ?? 0;
        await work(tx);
      });
      const outcome = pending.then(
        () => undefined,
        (e: unknown) => e,
      );
      await sleep(afterMs);
      expect(pid).toBeGreaterThan(0);
      await admin`select pg_terminate_backend(${pid})`;
      return await outcome;
    } finally {
      await run.close();
    }
  }

  it.each([1, 2, 3, 4, 5])('during COPY … FROM STDIN (try %i): ConnectionLost, and the table is as before', async () => {
    const error = await terminatedDuring(async (tx) => {
      const stream = await tx.sql`copy notes (id, note) from stdin`.writable();
      stream.on('error', () => {}); // as in a pipeline: the transaction's outcome is what is asserted
      // Keep writing until the stream breaks under us.
      for (let i = 1000; i < 5_000_000; i++) {
        if (!stream.write(`${i}\tduring\n`)) await new Promise((resolve) => stream.once('drain', resolve));
    if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the socket and timers run
        if (stream.destroyed) break;
      }
      stream.end();
      await finished(stream); // rejects, as the staging pipeline does, when the connection broke
    }, 150);
    expect(error).toBeInstanceOf(ConnectionLost);
    const message = (error as Error).message;
    expect(message).toMatch(/^Lost the connection to PostgreSQL \d+\.\d+ at 127\.0\.0\.1:5432 \(database "sparkify_test_\w+", user "postgres"\) while copying data \(COPY\): /);
    expect(message).toContain('as it was before this run');
    expect(message).toMatch(/: (the server terminated the session .*\[57P01\]|the connection closed unexpectedly \[(CONNECTION_CLOSED|ECONNRESET)\]|.*\[EPIPE\])\./);
    expect(await notes()).toEqual({ n: 100, before: 100 });
  });

  it.each([1, 2, 3, 4, 5])('during a long statement, as in the transform (try %i): ConnectionLost, and the table is as before', async () => {
    const error = await terminatedDuring(async (tx) => {
      await tx.sql`update notes set note = 'changed'`;
      await tx.sql`insert into notes select g, 'during' from generate_series(1000, 200000000) g`;
    }, 300);
    expect(error).toBeInstanceOf(ConnectionLost);
    expect((error as ConnectionLost).message).toMatch(/while running INSERT INTO notes: (the server terminated the session .*\[57P01\]|the connection closed unexpectedly \[CONNECTION_CLOSED\])\./);
    expect(await notes()).toEqual({ n: 100, before: 100 });
  });

  it('during a query, as in the checks: ConnectionLost naming it, and the table is as before', async () => {
    const error = await terminatedDuring(async (tx) => {
      await tx.sql`delete from notes`;
      await tx.sql`select count(*) from notes, pg_sleep(30)`;
    }, 300);
    expect(error).toBeInstanceOf(ConnectionLost);
    expect((error as Error).message).toMatch(/while running a query: (the server terminated the session|the connection closed unexpectedly)/);
    expect(await notes()).toEqual({ n: 100, before: 100 });
  });

  it('during COMMIT: ConnectionLost that says to check whether the run was committed', async () => {
    const run = await connect(urlConfig(db.url));
    try {
      const error = await run
        .begin(async (tx) => {
          await tx.sql`delete from notes`;
          const [row] = await tx.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
          // The last thing before postgres.js sends COMMIT: the session is gone when it does.
          await admin`select pg_terminate_backend(${row!.pid})`;
          await sleep(100);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ConnectionLost);
      expect(error).toMatchObject({ during: 'committing' });
      expect((error as Error).message).toContain('check whether the run was committed');
    } finally {
      await run.close();
    }
    expect(await notes()).toEqual({ n: 100, before: 100 });
  });

  it('the first warehouse still works after the others lost theirs', async () => {
    console.info(`postgres.js write-after-close failures kept from crashing the process: ${driverFailuresSwallowed()}`);
    expect((await wh.sql<{ n: number }[]>`select count(*)::int as n from notes`)[0]?.n).toBe(100);
  });
});
