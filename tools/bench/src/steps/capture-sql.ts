import type { Database } from '@sparkify/schema';
import { TransactionDialect, type WarehouseTx } from '@sparkify/warehouse';
import { Kysely } from 'kysely';
import type postgres from 'postgres';
import { inlineParams } from './inline-params.js';

export interface Capture {
  /** Statements in the order they were sent, parameters inlined. */
  readonly statements: string[];
  /** Uses of the transaction this capture cannot replay (nested savepoints, helper fragments). */
  readonly problems: string[];
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * Wraps a transaction so that every statement sent through it is recorded as runnable SQL text. It sits on
 * postgres.js (where Kysely's queries end up too, through the warehouse's TransactionDialect), and records a
 * statement when it is executed (awaited), not when it is built, so fragments nested in another query are not
 * recorded twice.
 */
export function capturingTx(tx: WarehouseTx, capture: Capture): WarehouseTx {
  const record = (query: unknown, text: () => string) => {
    if (!query || typeof query !== 'object') return query;
    const q = query as { then: AnyFn; execute?: AnyFn };
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      try {
        capture.statements.push(text());
      } catch (error) {
        capture.problems.push(error instanceof Error ? error.message : String(error));
      }
    };
    const then = q.then;
    q.then = function (this: unknown, ...args: unknown[]) {
      once();
      return then.apply(this, args);
    };
    if (typeof q.execute === 'function') {
      const execute = q.execute;
      q.execute = function (this: unknown, ...args: unknown[]) {
        once();
        return execute.apply(this, args);
      };
    }
    return query;
  };

  const sql = new Proxy(tx.sql, {
    apply(target, thisArg, args: unknown[]) {
      const result = Reflect.apply(target as unknown as AnyFn, thisArg, args);
      const strings = args[0];
      if (!Array.isArray(strings) || !('raw' in strings)) return result; // sql(identifier) helper, not a statement
      const values = args.slice(1);
      return record(result, () => {
        let text = strings[0] as string;
        values.forEach((v, k) => {
          if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
            throw new Error(`a tagged-template statement interpolates a postgres.js helper (${text.slice(0, 80)}…)`);
          }
          text += `$${k + 1}` + (strings[k + 1] as string);
        });
        return inlineParams(text, values);
      });
    },
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'unsafe' && typeof value === 'function') {
        return (text: string, params: unknown[] = [], ...rest: unknown[]) =>
          record((value as AnyFn).call(target, text, params, ...rest), () => inlineParams(text, params));
      }
      if (prop === 'savepoint') capture.problems.push('the transform uses savepoints; statements inside them are not captured');
      return value;
    },
  }) as postgres.TransactionSql;

  return { ...tx, sql, db: new Kysely<Database>({ dialect: new TransactionDialect(sql) }) };
}

/** The captured statements as one psql script. */
export function captureScript(capture: Capture): string {
  return capture.statements.map((s) => s.trim().replace(/;\s*$/, '') + ';\n').join('\n');
}
