import { CompiledQuery, sql, type Compilable, type Expression, type RawBuilder } from 'kysely';
import type { SourceDbs } from './sources.js';
import { anyOf, differs } from './sql-helpers.js';
import type { StarTable } from './star-table.js';
import { syncShape, type SyncShape } from './sync-shape.js';

/** One star table's sync: its rows as they should be (a query), and how new identity values are ordered. */
export interface SyncSpec {
  readonly table: StarTable;
  /** One row per key, named as the table's columns (the identity excepted). */
  readonly source: Expression<unknown>;
  /** Source columns that order new identity values (required when the table has an identity column). */
  readonly insertOrder?: readonly string[];
  /** false: the values are functions of the key (time), so a row never changes; only deletes and inserts. */
  readonly update?: false;
}

export type SyncStepKind = 'prepare' | 'delete' | 'update' | 'insert';

export interface SyncStatement {
  readonly table: StarTable;
  /** `prepare` statements build or drop the session's work tables; the others change the table and are counted. */
  readonly kind: SyncStepKind;
  readonly query: CompiledQuery;
}

export interface SyncTarget {
  /** Compiles statements; qualifies nothing itself (temporary tables take no schema). */
  readonly local: SourceDbs['local'];
  readonly schema: string;
  /** Statements that refresh the planner's statistics of a session-local table (none where the engine needs none). */
  readonly analyze: (table: string) => readonly string[];
}

/** The session-local table a sync computes its source rows into (incremental path). */
export const syncTableName = (table: StarTable) => `sparkify_sync_${table}`;

/** When the target table is empty: one insert straight from the source, numbering new rows from 1. */
export function firstLoadStatements(spec: SyncSpec, target: SyncTarget): SyncStatement[] {
  const shape = syncShape(spec.table);
  const s = (c: string) => sql.ref(`s.${c}`);
  const numbered = shape.identity ? [sql`${rowNumber(spec, shape)} as ${sql.id(shape.identity)}`] : [];
  const insert = sql`insert into ${sql.id(target.schema, spec.table)} (${insertColumns(shape)}) select ${sql.join([
    ...numbered,
    ...shape.columns.map(s),
  ])} from ${spec.source} as ${sql.id('s')}`;
  return [statement(spec.table, 'insert', insert, target)];
}

/**
 * When the target has rows: the source is computed once into a session-local table, then rows whose key is no longer
 * there are deleted, rows whose values changed are updated, and missing keys are inserted, numbered after the
 * largest identity so far. Only SQL both PostgreSQL and Redshift accept: UPDATE … FROM, DELETE … WHERE id IN
 * (uncorrelated subquery), LEFT JOIN anti-joins; no MERGE, ON CONFLICT or IS DISTINCT FROM.
 */
export function incrementalStatements(spec: SyncSpec, target: SyncTarget): SyncStatement[] {
  const shape = syncShape(spec.table);
  const { table } = spec;
  const work = syncTableName(table);
  const star = sql.id(target.schema, table);
  const on = (a: string, b: string) => sql.join(shape.key.map((k) => sql`${sql.ref(`${a}.${k}`)} = ${sql.ref(`${b}.${k}`)}`), sql` and `);
  const firstKey = shape.key[0] as string;
  const prepare = (query: Statementish) => statement(table, 'prepare', query, target);

  const steps: SyncStatement[] = [
    prepare(sql`drop table if exists ${sql.id(work)}`),
    prepare(target.local.schema.createTable(work).temporary().as(spec.source)),
    ...target.analyze(work).map(prepare),
    statement(
      table,
      'delete',
      sql`delete from ${star} where ${sql.ref(shape.rowId)} in (select ${sql.ref(`t.${shape.rowId}`)} from ${star} as ${sql.id('t')} left join ${sql.id(work)} as ${sql.id('s')} on ${on('s', 't')} where ${sql.ref(`s.${firstKey}`)} is null)`,
      target,
    ),
  ];
  if (spec.update !== false && shape.values.length > 0) {
    const set = sql.join(shape.values.map((c) => sql`${sql.id(c)} = ${sql.ref(`s.${c}`)}`));
    const changed = anyOf(shape.values.map((c) => differs(sql.ref(`${table}.${c}`), sql.ref(`s.${c}`), shape.text.has(c))));
    steps.push(
      statement(table, 'update', sql`update ${star} set ${set} from ${sql.id(work)} as ${sql.id('s')} where ${on('s', table)} and ${changed}`, target),
    );
  }
  const base = shape.identity
    ? sql` inner join (select coalesce(max(${sql.ref(`m.${shape.identity}`)}), 0) as ${sql.id('base')} from ${star} as ${sql.id('m')}) as ${sql.id('b')} on true`
    : sql``;
  // Computed, not generated: the same ids on every target (Redshift's IDENTITY is neither ordered nor dense, audit D2),
  // and new ids follow `insertOrder`, so loading day by day numbers plays as loading at once.
  const numbered = shape.identity ? [sql`${sql.ref('b.base')} + ${rowNumber(spec, shape)}`] : [];
  const values = sql.join([...numbered, ...shape.columns.map((c) => sql.ref(`s.${c}`))]);
  steps.push(
    statement(
      table,
      'insert',
      sql`insert into ${star} (${insertColumns(shape)}) select ${values} from ${sql.id(work)} as ${sql.id('s')} left join ${star} as ${sql.id('t')} on ${on('t', 's')}${base} where ${sql.ref(`t.${firstKey}`)} is null`,
      target,
    ),
    prepare(sql`drop table ${sql.id(work)}`),
  );
  return steps;
}

const insertColumns = (shape: SyncShape) => sql.join([...(shape.identity ? [shape.identity] : []), ...shape.columns].map((c) => sql.id(c)));

function rowNumber(spec: SyncSpec, shape: SyncShape): RawBuilder<number> {
  if (!spec.insertOrder || spec.insertOrder.length === 0) {
    throw new Error(`syncing "${spec.table}": its identity column ${shape.identity ?? ''} needs an insertOrder`);
  }
  return sql<number>`row_number() over (order by ${sql.join(spec.insertOrder.map((c) => sql.ref(`s.${c}`)))})`;
}

/** A statement as text (from the dialect), a builder, or a `sql` template, which compiles against `target.local`. */
type Statementish = RawBuilder<unknown> | Compilable | string;

function statement(table: StarTable, kind: SyncStepKind, query: Statementish, target: SyncTarget): SyncStatement {
  const compiled = typeof query === 'string' ? CompiledQuery.raw(query) : 'isRawBuilder' in query ? query.compile(target.local) : query.compile();
  if (compiled.parameters.length > 0) throw new Error(`a ${kind} statement of "${table}" has parameters; the transform inlines every value`);
  return { table, kind, query: compiled };
}
