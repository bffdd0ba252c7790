import type { Database } from '@sparkify/schema';
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

/**
 * Staged events that COPY accepts (each value fits its column) but that cannot become star rows: a rule over
 * several fields, which a column type cannot express. Before the star tables are synced, the transform records
 * each such row in load_errors (file, line, column, reason, the key fields) and deletes it from staging, so it
 * counts against --max-errors like a COPY rejection, is recorded once (the next run no longer sees it), and the
 * star tables and the data tests only ever see rows the rules can store.
 *
 * Rules, first match wins (one verdict per row):
 * - any event: `ts` outside years 1…9999 (epoch ms): no TIMESTAMP/time row can hold it on either target;
 * - NextSong: no `userId` (songplays.user_id is NOT NULL), no `ts`, no `level`, no `sessionId`, no `itemInSession`;
 * - any event with a `userId` but no `level` (users.level is NOT NULL).
 */
type Db = Kysely<Database>;

/** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in epoch milliseconds. */
export const MIN_TS_MS = -62135596800000n;
export const MAX_TS_MS = 253402300799999n;

/** Recorded when a server-side COPY (Redshift) staged the row: it keeps neither file nor line. */
export const UNKNOWN_FILE = "(staged by COPY from S3, which records no file; see the row's fields in raw)";

const bigint = (n: bigint) => sql<number>`cast(${sql.raw(n.toString())} as bigint)`;
const text = (s: string) => sql.lit(s);

interface Rule {
  readonly column: string;
  readonly when: RawBuilder<boolean>;
  readonly reason: RawBuilder<string>;
}

const nextSong = sql<boolean>`"page" = ${text('NextSong')}`;
const missing = (column: string, key: string, table: string): Rule => ({
  column,
  when: sql<boolean>`(${nextSong} and ${sql.ref(column)} is null)`,
  reason: sql<string>`${text(`a NextSong event needs ${/^[aeio]/i.test(key) ? 'an' : 'a'} ${key} (${table} is NOT NULL); this one has none`)}`,
});

const rules: readonly Rule[] = [
  {
    column: 'ts',
    when: sql<boolean>`("ts" < ${bigint(MIN_TS_MS)} or "ts" > ${bigint(MAX_TS_MS)})`,
    reason: sql<string>`${text('ts ')} || cast("ts" as varchar(20)) || ${text(' (epoch milliseconds) is not a time in the years 1 to 9999')}`,
  },
  missing('user_id', 'userId', 'songplays.user_id'),
  missing('ts', 'ts', 'songplays.start_time'),
  missing('level', 'level', 'songplays.level'),
  missing('session_id', 'sessionId', 'songplays.session_id'),
  missing('item_in_session', 'itemInSession', 'songplays.item_in_session'),
  {
    column: 'level',
    when: sql<boolean>`("user_id" is not null and "level" is null)`,
    reason: sql<string>`${text('an event with a userId needs a level (users.level is NOT NULL); this one has none')}`,
  },
];

const caseOf = (pick: (r: Rule) => RawBuilder<unknown>) =>
  sql`case ${sql.join(rules.map((r) => sql`when ${r.when} then ${pick(r)}`), sql` `)} end`;

/** The column whose value breaks a rule (NULL when the row is fine). */
const failingColumn = caseOf((r) => text(r.column));
const failingReason = caseOf((r) => r.reason);

/** The fields that identify an event, for load_errors.raw (a server-side COPY keeps no raw line). */
const shownFields: readonly [string, string][] = [
  ['page', 'page'],
  ['userId', 'user_id'],
  ['ts', 'ts'],
  ['sessionId', 'session_id'],
  ['itemInSession', 'item_in_session'],
  ['level', 'level'],
  ['song', 'song'],
];
const raw = sql<string>`${sql.join(
  shownFields.map(([key, column], i) => sql`${text(`${i === 0 ? '' : ' '}${key}=`)} || coalesce(cast(${sql.ref(column)} as varchar(512)), ${text('null')})`),
  sql` || `,
)}`;

/** The rows to set aside, as load_errors rows. */
export function setAsideRows(db: Db) {
  return db
    .selectFrom(
      db
        .selectFrom('staging_events')
        .select([
          sql<string>`coalesce("source_file", ${text(UNKNOWN_FILE)})`.as('file'),
          sql<number | null>`"source_line"`.as('line'),
          sql<string | null>`${failingColumn}`.as('column'),
          sql<string>`${failingReason}`.as('reason'),
          sql<string>`${raw}`.as('raw'),
        ])
        .as('judged'),
    )
    .where('judged.column', 'is not', null)
    .select(['judged.file', 'judged.line', 'judged.column', 'judged.reason', 'judged.raw']);
}

export interface SetAsideStatement {
  readonly kind: 'record' | 'delete';
  readonly query: Compilable;
}

/** Record the rows in load_errors, then delete them from staging (same predicate, same transaction). */
export function setAsideStatements(db: Db): SetAsideStatement[] {
  return [
    {
      kind: 'record',
      query: db.insertInto('load_errors').columns(['file', 'line', 'column', 'reason', 'raw']).expression(setAsideRows(db)),
    },
    { kind: 'delete', query: db.deleteFrom('staging_events').where(sql<boolean>`${failingColumn} is not null`) },
  ];
}
