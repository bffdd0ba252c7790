import type { Database } from '@sparkify/schema';
import type { WarehouseTx } from '@sparkify/warehouse';
import { sql, type Kysely } from 'kysely';
import { repairCall, repairFunctionStatement } from '../text/repair-function.js';
import type { LoadError } from '../extract/load-error.js';
import { TooManyLoadErrors } from '../stage/too-many-load-errors.js';
import { setAsideRows, setAsideStatements } from './set-aside.js';
import { TransformError } from './transform-error.js';
import type { RepairSql } from './sources.js';
import type { StarTable } from './star-table.js';
import { transformPlan, type PlanTarget } from './star-syncs.js';
import type { SyncStatement } from './sync-by-key.js';

export interface TableTransformReport {
  readonly table: StarTable;
  /** Rows in the table after the run. */
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly ms: number;
}

export interface TransformReport {
  /** In execution order: songs, artists, users, songplays, time. */
  readonly tables: readonly TableTransformReport[];
  readonly songplays: {
    readonly total: number;
    /** Plays whose song was found by title, artist and duration. */
    readonly matched: number;
    /** matched / total (0 when there are no plays). */
    readonly matchRate: number;
    /** Staged NextSong events folded into another event with the same (session_id, item_in_session): one play per key. */
    readonly duplicateEvents: number;
  };
  /** Staged events that cannot become star rows, recorded in load_errors and removed from staging by this run. */
  readonly setAside: readonly LoadError[];
  readonly ms: number;
}

/** What a transform needs from the warehouse: a Kysely bound to the transaction and the schema. */
export type TransformTarget = Pick<WarehouseTx, 'db' | 'schema' | 'dialect'>;

export interface TransformOptions {
  /** Rejected records tolerated in the run, staging's and the transform's together (default 0, like MAXERROR). */
  readonly maxErrors?: number;
  /** The records staging rejected earlier in the same run: they count against maxErrors too. */
  readonly rejectedBefore?: readonly LoadError[];
}

/**
 * Staging → star, idempotent: run inside the caller's transaction (`warehouse.begin(tx => transform(tx))`), it
 * brings every star table to exactly what the staged rows imply. A second run changes nothing. Each table is
 * synced by its declared key (sync-by-key.ts); an empty table takes the first-load path, one insert.
 */
export async function transform(tx: TransformTarget, options: TransformOptions = {}): Promise<TransformReport> {
  const started = performance.now();
  const db = tx.db.withSchema(tx.schema);
  const setAside = await setAsideRejects(db, options);
  const tables = new Map<StarTable, { inserted: number; updated: number; deleted: number; ms: number }>();
  const counts = { delete: 'deleted', update: 'updated', insert: 'inserted' } as const;

  const run = async (statements: readonly string[]) => {
    for (const statement of statements) await sql.raw(statement).execute(tx.db);
  };
  // Fresh statistics where the engine wants them asked for (PostgreSQL's anti-joins plan well only with them).
  const analyze = (names: string[]) => run(tx.dialect.refreshStatistics(tx.schema, names));
  await analyze(['staging_events', 'staging_songs']);

  const udf = tx.dialect.textRepair === 'udf';
  if (udf) await run([repairFunctionStatement(tx.schema)]);
  const plan = transformPlan(planTarget(tx, udf ? repairCall(tx.schema) : undefined));
  const execute = async (statement: SyncStatement) => {
    const t0 = performance.now();
    const result = await tx.db.executeQuery(statement.query).catch((error: unknown) => {
      throw new TransformError(statement.table, statement.kind, error);
    });
    const entry = tables.get(statement.table) ?? { inserted: 0, updated: 0, deleted: 0, ms: 0 };
    if (statement.kind !== 'prepare') entry[counts[statement.kind]] += Number(result.numAffectedRows ?? 0n);
    entry.ms += performance.now() - t0;
    tables.set(statement.table, entry);
  };

  for (const statement of plan.prepare) await execute(statement);
  for (const sync of plan.syncs) {
    const path = (await isEmpty(tx, sync.table)) ? sync.firstLoad : sync.incremental;
    for (const statement of path) await execute(statement);
    // Later steps read this table (songplays → time, checks): refresh its statistics if it changed.
    const entry = tables.get(sync.table);
    if (entry && entry.inserted + entry.deleted > 0) await analyze([sync.table]);
  }
  for (const statement of plan.finish) await execute(statement);

  const sizes = await tableSizes(db);
  const report = [...tables].map(([table, e]) => ({ table, rows: sizes[table], ...e, ms: Math.round(e.ms) }));
  const matched = sizes.matched;
  return {
    tables: report,
    songplays: {
      total: sizes.songplays,
      matched,
      matchRate: sizes.songplays === 0 ? 0 : matched / sizes.songplays,
      duplicateEvents: sizes.nextSongEvents - sizes.songplays,
    },
    setAside,
    ms: Math.round(performance.now() - started),
  };
}

/** How the plan reaches the warehouse: schema-qualified staging and star tables, unqualified session-local ones. */
export function planTarget(tx: TransformTarget, repair?: RepairSql): PlanTarget {
  return {
    staged: tx.db.withSchema(tx.schema),
    local: tx.db as unknown as PlanTarget['local'],
    schema: tx.schema,
    analyze: (table) => tx.dialect.refreshStatistics(undefined, [table]),
    ...(repair ? { repair } : {}),
  };
}

/**
 * True only when the table is known to have no rows. A dry run answers no query, so it prints the incremental
 * path, which is correct for any table (LIMIT is a literal: audit U1).
 */
async function isEmpty(tx: TransformTarget, table: StarTable): Promise<boolean> {
  const probe = sql<{ n: string }>`select count(*) as ${sql.id('n')} from (select 1 as ${sql.id('one')} from ${sql.id(tx.schema, table)} limit 1) as ${sql.id('probe')}`;
  const { rows } = await probe.execute(tx.db);
  return rows[0] !== undefined && Number(rows[0].n) === 0;
}

/**
 * Sets aside the staged events no star row can hold (set-aside.ts), before any star table is touched. Past
 * maxErrors the run stops with TooManyLoadErrors (exit 1), naming the records; the caller's transaction rolls back.
 */
async function setAsideRejects(db: Kysely<Database>, options: TransformOptions): Promise<LoadError[]> {
  const rows = await setAsideRows(db).execute();
  // Nothing to set aside (the usual case): two more scans of staging would find nothing. A dry run answers no
  // query, so it skips them too; the loader's grammar spec checks their SQL directly.
  if (rows.length === 0) return [];
  for (const statement of setAsideStatements(db)) {
    await db.executeQuery(statement.query.compile()).catch((error: unknown) => {
      throw new TransformError('staging_events', statement.kind === 'record' ? 'insert' : 'delete', error);
    });
  }
  const setAside: LoadError[] = rows.map((r) => ({ file: r.file, line: Number(r.line ?? 0), column: r.column, reason: r.reason, raw: r.raw }));
  const before = options.rejectedBefore ?? [];
  const maxErrors = options.maxErrors ?? 0;
  if (setAside.length > 0 && before.length + setAside.length > maxErrors) {
    throw new TooManyLoadErrors([...before, ...setAside], maxErrors, 'transform');
  }
  return setAside;
}

type Sizes = Record<StarTable | 'matched' | 'nextSongEvents', number>;

async function tableSizes(db: Kysely<Database>): Promise<Sizes> {
  const count = (table: StarTable) => db.selectFrom(table).select(sql<string>`count(*)`.as('n'));
  const row = await db
    .selectNoFrom([
      count('songs').as('songs'),
      count('artists').as('artists'),
      count('users').as('users'),
      count('songplays').as('songplays'),
      count('time').as('time'),
      db.selectFrom('songplays').where('song_id', 'is not', null).select(sql<string>`count(*)`.as('n')).as('matched'),
      db.selectFrom('staging_events').where('page', '=', sql.lit('NextSong')).select(sql<string>`count(*)`.as('n')).as('nextSongEvents'),
    ])
    .executeTakeFirst();
  const keys = ['songs', 'artists', 'users', 'songplays', 'time', 'matched', 'nextSongEvents'] as const;
  return Object.fromEntries(keys.map((k) => [k, Number(row?.[k] ?? 0)])) as Sizes;
}
