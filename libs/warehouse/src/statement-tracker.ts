import type postgres from 'postgres';

/**
 * Wraps a transaction's postgres.js handle to remember the last statement sent through it (tagged template or
 * `unsafe`, which Kysely uses), so that a connection lost while e.g. a COPY stream was being written can say so:
 * the socket error the stream gets carries no query.
 */
export function trackStatements(txSql: postgres.TransactionSql): { sql: postgres.TransactionSql; last: () => string | undefined } {
  let last: string | undefined;
  const isTemplate = (a: unknown): a is TemplateStringsArray => Array.isArray(a) && 'raw' in a;
  const sql = new Proxy(txSql, {
    apply(target, thisArg, args: unknown[]) {
      if (isTemplate(args[0])) last = args[0].join('?');
      return Reflect.apply(target as unknown as (...a: unknown[]) => unknown, thisArg, args);
    },
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key !== 'unsafe' || typeof value !== 'function') return value;
      return (text: string, ...rest: unknown[]) => {
        last = text;
        return (value as (...a: unknown[]) => unknown)(text, ...rest);
      };
    },
  });
  return { sql, last: () => last };
}
