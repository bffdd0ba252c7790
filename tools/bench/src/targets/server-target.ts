import type { BenchTarget } from './database.js';
import { createTempDatabase } from '@sparkify/testing';
import { serverVersion } from './server-version.js';

/** The PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres, trust auth); SPARKIFY_BENCH_PG_URL overrides. */
export const defaultServerUrl = (): string =>
  process.env['SPARKIFY_BENCH_PG_URL'] ?? process.env['SPARKIFY_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function serverTarget(adminUrl = defaultServerUrl()): Promise<BenchTarget> {
  let version: string;
  try {
    version = await serverVersion(adminUrl);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The PostgreSQL server at ${new URL(adminUrl).host} does not answer (${reason}). ` +
        `Start it, set SPARKIFY_BENCH_PG_URL, or run with --targets embedded.`,
    );
  }
  return {
    name: 'server',
    version,
    startupMs: 0,
    createDatabase: (prefix) => createTempDatabase(adminUrl, prefix),
    close: async () => {},
  };
}
