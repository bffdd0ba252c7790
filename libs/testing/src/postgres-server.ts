import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Requirement } from './requirement.js';

/** Admin URL of the PostgreSQL server the tests use (override with SPARKIFY_TEST_PG_URL). */
export const serverUrl = (): string =>
  process.env['SPARKIFY_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Probes the server once; the suite that needs it runs only when it answers. */
export async function postgresServer(): Promise<Requirement<string>> {
  const url = serverUrl();
  const what = 'the PostgreSQL server at ' + new URL(url).host;
  const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await sql`select 1`;
    return { available: true, value: url, what };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { available: false, what, reason: `${reason} (start it, or set SPARKIFY_TEST_PG_URL)` };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export interface TempDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the server, so that tests never see each other's tables. */
export async function createTempDatabase(adminUrl = serverUrl(), prefix = 'sparkify_test'): Promise<TempDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    name,
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}
