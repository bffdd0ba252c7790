import type { ColumnDef, Database, TableDef } from '@sparkify/schema';
import { sql, type Kysely } from 'kysely';
import type { Check, FailingRows } from './check.js';

/** A table set declared like `@sparkify/schema`'s `tables` (ours, or any other pipeline's). */
export type DeclaredTables = Readonly<Record<string, TableDef>>;

// Tables and columns are known here only by name, so the queries are built on a database typed by names alone.
type ByName = Kysely<Record<string, Record<string, unknown>>>;
const byName = (db: Kysely<Database>) => db as unknown as ByName;
const failingRows = (query: unknown) => query as FailingRows;

const columnsOf = (def: TableDef) => Object.entries(def.columns) as [string, ColumnDef][];

/** The columns a person needs to find a failing row: the primary key, then the natural keys. */
const identifying = (def: TableDef): string[] => [...new Set([...(def.primaryKey ?? []), ...(def.unique ?? []).flat()])];

const unique = (table: string, columns: readonly string[]): Check => ({
  name: `unique_${table}_${columns.join('_')}`,
  description: `${table}.(${columns.join(', ')}) is unique`,
  failing: (db) =>
    failingRows(
      byName(db)
        .selectFrom(table)
        .select([...columns.map((c) => sql.ref(c).as(c)), sql<string>`count(*)`.as('copies')])
        .groupBy(columns.map((c) => sql.ref(c)))
        .having(sql<boolean>`count(*) > 1`),
    ),
});

const notNull = (table: string, column: string): Check => ({
  name: `not_null_${table}_${column}`,
  description: `${table}.${column} is never NULL`,
  failing: (db) => failingRows(byName(db).selectFrom(table).selectAll().where(sql.ref(column), 'is', null)),
});

/** dbt's `relationships`: a non-NULL child value with no parent row. The aliases follow dbt's macro. */
const relationship = (child: string, childDef: TableDef, column: string, parent: string, parentKey: string): Check => ({
  name: `relationships_${child}_${column}__${parent}`,
  description: `every non-NULL ${child}.${column} is in ${parent}`,
  failing: (db) =>
    failingRows(
      byName(db)
        .selectFrom(`${child} as child`)
        .leftJoin(`${parent} as parent`, (join) => join.on(sql.ref(`parent.${parentKey}`), '=', sql.ref(`child.${column}`)))
        .select([
          ...identifying(childDef)
            .filter((c) => c !== column)
            .map((c) => `child.${c}`),
          sql.ref(`child.${column}`).as(column),
        ])
        .where(sql.ref(`child.${column}`), 'is not', null)
        .where(sql.ref(`parent.${parentKey}`), 'is', null),
    ),
});

const spoken = (values: readonly string[]) => {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
};

/** dbt's `accepted_values`. NULL is no accepted value of a NOT NULL column; in a nullable one it is left to pass. */
const acceptedValues = (table: string, def: TableDef, column: string, values: readonly string[]): Check => ({
  name: `accepted_values_${table}_${column}`,
  description: `${table}.${column} is ${spoken(values)}`,
  failing: (db) => {
    const listed = values.map((v) => sql.lit(v));
    return failingRows(
      byName(db)
        .selectFrom(table)
        .select([...identifying(def).filter((c) => c !== column), column])
        .where((eb) =>
          def.columns[column]?.notNull ? eb.or([eb(column, 'is', null), eb(column, 'not in', listed)]) : eb(column, 'not in', listed),
        ),
    );
  },
});

/** unique per primary and natural key; not_null per primary-key column, then per NOT NULL `references` column. */
function keyChecks(table: string, def: TableDef): Check[] {
  const primaryKey = def.primaryKey ?? [];
  const referencing = columnsOf(def).filter(([name, c]) => c.references !== undefined && c.notNull && !primaryKey.includes(name));
  return [
    ...(primaryKey.length > 0 ? [unique(table, primaryKey), ...primaryKey.map((c) => notNull(table, c))] : []),
    ...(def.unique ?? []).map((key) => unique(table, key)),
    ...referencing.map(([name]) => notNull(table, name)),
  ];
}

/** relationships per `references`, by parent in declaration order (dimension order for the star). */
function relationshipChecks(declared: DeclaredTables, table: string, def: TableDef): Check[] {
  const order = Object.keys(declared);
  return columnsOf(def)
    .filter(([, c]) => c.references !== undefined)
    .map(([column, c]) => ({ column, parent: c.references as string }))
    .sort((a, b) => order.indexOf(a.parent) - order.indexOf(b.parent))
    .map(({ column, parent }) => {
      if (!declared[parent]) throw new Error(`${table}.${column} references ${parent}, which is not declared: declare it or fix the name`);
      const key = declared[parent].primaryKey ?? [];
      if (key.length !== 1) throw new Error(`${table}.${column} references ${parent}, whose primary key is not one column: give it one`);
      return relationship(table, def, column, parent, key[0] as string);
    });
}

function acceptedChecks(table: string, def: TableDef): Check[] {
  return columnsOf(def).flatMap(([column, c]) => {
    if (c.accepted === undefined) return [];
    if (c.accepted.length === 0) throw new Error(`${table}.${column} accepts no value: list at least one, or drop \`accepted\``);
    return [acceptedValues(table, def, column, c.accepted)];
  });
}

/**
 * The data tests a table declaration implies, as dbt derives them from a schema.yml: for each of `names` (in
 * order), unique and not_null for its keys; then every relationship; then every accepted-values list.
 */
export function derivedChecks(declared: DeclaredTables, names: readonly string[]): Check[] {
  const defs = names.map((table): [string, TableDef] => {
    const def = declared[table];
    if (!def) throw new Error(`no table ${table} is declared (declared: ${Object.keys(declared).join(', ')})`);
    return [table, def];
  });
  return [
    ...defs.flatMap(([table, def]) => keyChecks(table, def)),
    ...defs.flatMap(([table, def]) => relationshipChecks(declared, table, def)),
    ...defs.flatMap(([table, def]) => acceptedChecks(table, def)),
  ];
}
