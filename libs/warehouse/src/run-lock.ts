import type postgres from 'postgres';
import { connectionLost, isConnectionLoss } from './connection-lost.js';
import { WarehouseError } from './errors.js';
import type { Warehouse, WarehouseTx } from './types.js';

/** Thrown when another run still holds the warehouse after `waitSeconds`. Waiting longer (or later) may help. */
export class RunLockTimeout extends WarehouseError {
  constructor(
    message: string,
    /** Who held it, as far as the target can tell, e.g. `sparkify-loader etl (pid 4242 on 10.0.0.7)`. */
    readonly holder: string | undefined,
  ) {
    super(message, 'transient', 'RUN_LOCK_TIMEOUT');
  }
}

export interface RunLockOptions {
  /** The command taking the lock (shown to a run that waits for it), e.g. `etl`. */
  readonly command: string;
  /** How long to wait for another run to finish before giving up. 0: fail at once. */
  readonly waitSeconds: number;
  /** Called once when the lock is busy, and again if its holder changes: "another run has held … since …; waiting". */
  readonly onWait?: (message: string) => void;
  /** First delay between two tries in ms, doubled up to 2 s (tests make it short). Default 100. */
  readonly pollMs?: number;
}

/** The control table that serialises runs on Redshift, which has no advisory locks. */
export const runLockTable = 'sparkify_run_lock';

/**
 * Runs `body` while holding the warehouse's run lock, so that two writing commands never interleave (two first
 * runs would otherwise race on CREATE TABLE and fail on `pg_type_typname_nsp_index`). Take it before anything
 * is created or staged.
 *
 * - PostgreSQL: a session-level advisory lock keyed on the schema, held by a reserved connection for as long
 *   as `body` runs (a run killed with -9 loses its connection, and the server drops the lock with it).
 * - Redshift: `LOCK <schema>.sparkify_run_lock` at the start of every transaction `body` begins (the lock ends
 *   with the transaction), after writing who holds it and since when into that table's one row.
 */
export async function withRunLock<T>(wh: Warehouse, options: RunLockOptions, body: (wh: Warehouse) => Promise<T>): Promise<T> {
  try {
    if (wh.dialect.runLock === 'control-table') return await body(redshiftLocked(wh, options));
    const release = await acquireAdvisoryLock(wh, options);
    try {
      return await body(wh);
    } finally {
      await release();
    }
  } catch (error) {
    // A query outside the run's transaction (which reports its own) that found the connection gone.
    if (isConnectionLoss(error)) throw connectionLost(wh.description, error, { inTransaction: false });
    throw error;
  }
}

/** The two 32-bit keys of the advisory lock: a fixed one for sparkify, and a hash of the schema name. */
export function runLockKey(schema: string): readonly [number, number] {
  return [0x5a4b_0001, fnv1a32(schema)];
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0; // signed, as pg_advisory_lock(int, int) wants
}

interface Holder {
  readonly pid: number;
  readonly who: string;
  readonly since: Date | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timeOf = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'an unknown time');

async function acquireAdvisoryLock(wh: Warehouse, options: RunLockOptions): Promise<() => Promise<void>> {
  const [k1, k2] = runLockKey(wh.schema);
  const session = await wh.sql.reserve();
  let previous = '';
  try {
    const deadline = performance.now() + options.waitSeconds * 1000;
    let delay = options.pollMs ?? 100;
    let announced: number | undefined;
    for (;;) {
      const [row] = await session<{ ok: boolean }[]>`select pg_try_advisory_lock(${k1}::int, ${k2}::int) as ok`;
      if (row?.ok) break;
      const holder = await advisoryHolder(session, k1, k2);
      if (performance.now() >= deadline) throw timeout(wh, options, holder);
      if (holder && holder.pid !== announced) {
        announced = holder.pid;
        options.onWait?.(`another run has held the warehouse since ${timeOf(holder.since)} (${holder.who}); waiting up to ${options.waitSeconds} s`);
      }
      await sleep(Math.min(delay, Math.max(0, deadline - performance.now())));
      delay = Math.min(delay * 2, 2000);
    }
    // Shown in pg_stat_activity, and read by a run that waits: the lock's holder and, through state_change, since when.
    const label = `sparkify ${options.command} (run lock)`.slice(0, 63);
    const [row] = await session<{ previous: string }[]>`
      select current_setting('application_name') as previous, set_config('application_name', ${label}, false)`;
    previous = row?.previous ?? '';
  } catch (error) {
    session.release();
    throw error;
  }
  return async () => {
    try {
      // If the lock's session died, postgres.js 3.4.9 never settles a query sent on it (driver-guard.ts): give
      // the unlock a few seconds; the server dropped the lock with the session anyway.
      const unlock = session`select pg_advisory_unlock(${k1}::int, ${k2}::int), set_config('application_name', ${previous}, false)`;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([unlock, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]).finally(() => clearTimeout(timer));
    } catch {
      // The connection is gone, and the server dropped the lock with it.
    } finally {
      session.release();
    }
  };
}

async function advisoryHolder(session: postgres.ReservedSql, k1: number, k2: number): Promise<Holder | undefined> {
  const [row] = await session<{ pid: number; app: string | null; addr: string | null; since: Date | null }[]>`
    select a.pid, a.application_name as app, host(a.client_addr) as addr, coalesce(a.state_change, a.backend_start) as since
    from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.granted and l.classid = (${k1}::int)::oid and l.objid = (${k2}::int)::oid and l.objsubid = 2
    limit 1`;
  if (!row) return undefined;
  const where = row.addr ? ` on ${row.addr}` : '';
  return { pid: row.pid, who: `${row.app || 'a session'}, pid ${row.pid}${where}`, since: row.since };
}

function timeout(wh: Warehouse, options: RunLockOptions, holder: Holder | undefined): RunLockTimeout {
  const by = holder ? ` by ${holder.who} since ${timeOf(holder.since)}` : '';
  return new RunLockTimeout(
    `The warehouse (${wh.description}) is still held${by} by another run, after waiting ${options.waitSeconds} s; ` +
      `this ${options.command} did not start and changed nothing. Let that run finish, then try again, or wait longer with --wait <seconds>.`,
    holder?.who,
  );
}

// Redshift ------------------------------------------------------------------------------------------------------

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The statements that take the run lock on Redshift, in order, inside the run's transaction. Plain SQL that
 * Redshift documents (LOCK: DG `r_LOCK.html`: ACCESS EXCLUSIVE, held until the transaction ends; it has no
 * NOWAIT, so the wait is bounded with `statement_timeout`, in ms). The row written says who took it and when;
 * it becomes visible when the run commits, so it names the last run, while STV_LOCKS names a live holder.
 */
export function redshiftRunLockStatements(schema: string, command: string, waitSeconds: number): readonly string[] {
  const table = `${q(schema)}.${runLockTable}`;
  const label = `sparkify ${command}`.replaceAll("'", "''");
  return [
    `set statement_timeout to ${Math.max(1, Math.round(waitSeconds * 1000))}`,
    `lock ${table}`,
    'set statement_timeout to 0',
    `delete from ${table}`,
    `insert into ${table} (holder, since) values ('${label} (pid ' || pg_backend_pid() || ')', getdate())`,
  ];
}

/** Made once, outside the run's transaction (so two first runs do not race on it inside theirs). */
export const redshiftRunLockTableStatement = (schema: string): string =>
  `create table if not exists ${q(schema)}.${runLockTable} (holder varchar(256) not null, since timestamp not null)`;

/** A live holder of the control table's lock other than this session (STV_LOCKS: DG `r_STV_LOCKS.html`). */
export const redshiftRunLockHolderQuery = (schema: string): string =>
  `select l.lock_owner_pid as pid, l.last_update as since from stv_locks as l ` +
  `inner join pg_class as c on l.table_id = c.oid inner join pg_namespace as n on c.relnamespace = n.oid ` +
  `where c.relname = '${runLockTable}' and n.nspname = '${schema.replaceAll("'", "''")}' ` +
  `and l.lock_owner_pid <> pg_backend_pid() order by l.last_update limit 1`;

function redshiftLocked(wh: Warehouse, options: RunLockOptions): Warehouse {
  const [setTimeoutSql, lockSql, ...rest] = redshiftRunLockStatements(wh.schema, options.command, options.waitSeconds);
  let made: Promise<unknown> | undefined;
  const take = async (tx: WarehouseTx) => {
    const [holder] = await tx.sql.unsafe<{ pid: number; since: Date | null }[]>(redshiftRunLockHolderQuery(wh.schema));
    const who = holder ? `pid ${holder.pid}` : undefined;
    if (holder) options.onWait?.(`another run has held the warehouse since ${timeOf(holder.since)} (${who}); waiting up to ${options.waitSeconds} s`);
    await tx.sql.unsafe(setTimeoutSql!);
    try {
      await tx.sql.unsafe(lockSql!);
    } catch (error) {
      // Canceled by statement_timeout: another transaction held the lock all that time.
      if ((error as { code?: string }).code !== '57014' && !/statement timeout|cancel/i.test(String(error))) throw error;
      throw timeout(wh, options, holder ? { pid: holder.pid, who: who!, since: holder.since } : undefined);
    }
    for (const statement of rest) await tx.sql.unsafe(statement);
  };
  return {
    ...wh,
    begin: async (work) => {
      made ??= wh.sql.unsafe(redshiftRunLockTableStatement(wh.schema)).catch((error: unknown) => {
        // Another first run made it at the same moment: fine.
        if (!/already exists/i.test(String(error))) throw error;
      });
      await made;
      return wh.begin(async (tx) => {
        await take(tx);
        return work(tx);
      });
    },
    close: () => wh.close(),
  };
}
