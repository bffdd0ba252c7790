import type { Database } from '@sparkify/schema';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import {
  artistsSource,
  songplaysSource,
  songRows,
  songRowsTable,
  songsSource,
  timeSource,
  usersSource,
  type RepairSql,
  type SourceDbs,
} from './sources.js';
import type { StarTable } from './star-table.js';
import { firstLoadStatements, incrementalStatements, type SyncSpec, type SyncStatement, type SyncTarget } from './sync-by-key.js';

/**
 * The star, table by table, in the order they are synced: `songs` before `songplays` (plays match the same song
 * rows), `time` last (its rows come from songplays). Keys, identity and updatable columns come from the schema.
 */
const starSyncs = (dbs: SourceDbs): SyncSpec[] => [
  { table: 'songs', source: songsSource(dbs) },
  { table: 'artists', source: artistsSource(dbs) },
  { table: 'users', source: usersSource(dbs) },
  { table: 'songplays', source: songplaysSource(dbs), insertOrder: ['start_time', 'session_id', 'item_in_session'] },
  { table: 'time', source: timeSource(dbs), update: false },
];

export interface TableSync {
  readonly table: StarTable;
  /** When the table is empty. */
  readonly firstLoad: readonly SyncStatement[];
  /** When it has rows (correct on an empty table too, only slower). */
  readonly incremental: readonly SyncStatement[];
}

export interface TransformPlan {
  /** Before any table: the song rows every song-based table reads, computed once into a session-local table. */
  readonly prepare: readonly SyncStatement[];
  readonly syncs: readonly TableSync[];
  /** After the last table: the session-local tables dropped. */
  readonly finish: readonly SyncStatement[];
}

export interface PlanTarget extends SyncTarget {
  /** Qualifies the staging and star tables with the schema. */
  readonly staged: Kysely<Database>;
  readonly repair?: RepairSql;
}

/** Every statement a transform may run, compiled; `transform` picks each table's path when it reaches it. */
export function transformPlan(target: PlanTarget): TransformPlan {
  const local = target.local;
  const dbs: SourceDbs = { staged: target.staged, local, ...(target.repair ? { repair: target.repair } : {}) };
  // Counted with songs, the first table that reads them.
  const prepare = (query: CompiledQuery): SyncStatement => ({ table: 'songs', kind: 'prepare', query });
  return {
    prepare: [
      prepare(sql`drop table if exists ${sql.id(songRowsTable)}`.compile(local)),
      prepare(local.schema.createTable(songRowsTable).temporary().as(songRows(dbs)).compile()),
      ...target.analyze(songRowsTable).map((text) => prepare(CompiledQuery.raw(text))),
    ],
    syncs: starSyncs(dbs).map((spec) => ({
      table: spec.table,
      firstLoad: firstLoadStatements(spec, target),
      incremental: incrementalStatements(spec, target),
    })),
    finish: [prepare(sql`drop table ${sql.id(songRowsTable)}`.compile(local))],
  };
}

/** The statements of one path through the plan, in order: every table first-loaded, or every table synced. */
export function planStatements(plan: TransformPlan, path: 'firstLoad' | 'incremental'): SyncStatement[] {
  return [...plan.prepare, ...plan.syncs.flatMap((s) => s[path]), ...plan.finish];
}
