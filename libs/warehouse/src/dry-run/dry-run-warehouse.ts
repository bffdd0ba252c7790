import { Writable } from 'node:stream';
import type { Config } from '@sparkify/config';
import { tableNames, type Database } from '@sparkify/schema';
import { Kysely } from 'kysely';
import type postgres from 'postgres';
import { dialectFor } from '../dialect/dialect-for.js';
import { quoteIdent } from '../dialect/quote.js';
import { TransactionDialect } from '../tx-dialect.js';
import type { Warehouse, WarehouseTx } from '../types.js';
import { inlineParameters, sqlLiteral } from './inline-parameters.js';

/** A warehouse that connects to nothing and records every statement a run would send, parameters inlined. */
export interface DryRunWarehouse extends Warehouse {
  /** The statements so far, in order, without a trailing `;`. */
  statements(): readonly string[];
}

/** A postgres.js helper value, `sql(name)` or `sql([…])`, rendered into the template it is used in. */
class Helper {
  constructor(readonly value: unknown) {}
  render(): string {
    return Array.isArray(this.value) ? `(${this.value.map(sqlLiteral).join(', ')})` : quoteIdent(String(this.value));
  }
}

/**
 * What a dry run answers: the catalogue says every declared table (and the schema) exists, so the commands
 * proceed as on a prepared warehouse; every other query returns no rows.
 */
function answer(text: string): Record<string, unknown>[] {
  if (/from information_schema\.tables/i.test(text)) return tableNames.map((name) => ({ name }));
  if (/from information_schema\.schemata/i.test(text)) return [{ '?column?': 1 }];
  return [];
}

function result(text: string): unknown[] & { command: string; count: number } {
  const command = (/^\s*(\w+)/.exec(text)?.[1] ?? '').toUpperCase();
  return Object.assign(answer(text), { command, count: 0 });
}

/** The parts of postgres.js the toolkit uses, recording instead of sending. */
function recordingSql(record: (text: string) => void): postgres.Sql {
  const query = (text: string) => {
    record(text);
    const settled = Promise.resolve(result(text));
    // COPY … FROM STDIN: the rows would be streamed; a dry run reads the files and drops the rows.
    return Object.assign(settled, {
      writable: async () => new Writable({ write: (_chunk, _encoding, done) => done() }),
      reject: (_e: Error) => {},
      cursor: async function* () {},
    });
  };
  const sql = (first: unknown, ...values: unknown[]) => {
    if (!Array.isArray(first) || !('raw' in first)) return new Helper(first);
    const strings = first as unknown as TemplateStringsArray;
    const params: unknown[] = [];
    let text = strings[0] ?? '';
    values.forEach((value, i) => {
      if (value instanceof Helper) text += value.render();
      else {
        params.push(value);
        text += `$${params.length}`;
      }
      text += strings[i + 1] ?? '';
    });
    return query(inlineParameters(text, params));
  };
  return Object.assign(sql, {
    unsafe: (text: string, params: readonly unknown[] = []) => query(inlineParameters(text, params)),
    begin: async (work: (tx: postgres.TransactionSql) => Promise<unknown>) => {
      record('begin');
      const out = await work(sql as unknown as postgres.TransactionSql);
      record('commit');
      return out;
    },
    end: async () => {},
  }) as unknown as postgres.Sql;
}

/**
 * The configured target's dialect and schema, without a connection: what `--dry-run` runs the commands against.
 * Every statement is recorded in order, transaction boundaries included, with parameters inlined as literals.
 */
export function dryRunWarehouse(config: Config): DryRunWarehouse {
  const dialect = dialectFor(config.target.kind);
  const schema = dialect.foldIdentifier(config.etl.schema);
  const statements: string[] = [];
  const sql = recordingSql((text) => statements.push(text.trim()));
  const db = new Kysely<Database>({ dialect: new TransactionDialect(sql as unknown as postgres.TransactionSql) });
  return {
    db,
    sql,
    dialect,
    schema,
    description: `dry run for ${dialect.label} (nothing is sent)`,
    async begin<T>(work: (tx: WarehouseTx) => Promise<T>): Promise<T> {
      return (await sql.begin(async (txSql) => {
        for (const statement of dialect.sessionStatements(schema)) await txSql.unsafe(statement);
        return work({ db, sql: txSql, dialect, schema });
      })) as T;
    },
    close: async () => {},
    statements: () => [...statements],
  };
}

/** Statements as a script: each ends with `;` (and a blank line between them, for reading). */
export const asScript = (statements: readonly string[]): string => statements.map((s) => `${s};\n`).join('\n');
