import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase } from '@sparkify/testing';
import { dataFolder, startEmbeddedServer } from '@sparkify/warehouse';
import type { BenchTarget } from './database.js';
import { serverVersion } from './server-version.js';

/**
 * The embedded PostgreSQL the warehouse's default target uses, started the same way (so it works wherever the
 * warehouse's does, root in a private folder included), in a temporary data folder deleted on close. Trust
 * authentication on 127.0.0.1 only, so that psql and the child processes connect with a URL that holds no password.
 */
export async function embeddedTarget(): Promise<BenchTarget> {
  const started = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'sparkify-bench-pg-'));
  // When we are root the server runs as the `postgres` user: let it in, so the cluster lives here and goes on close.
  await chmod(root, 0o755);
  const log: string[] = [];
  let server;
  try {
    server = await startEmbeddedServer(dataFolder(join(root, 'pg')), {
      onProgress: () => {},
      onServerLog: (line) => void log.push(line),
      auth: 'trust',
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`The embedded PostgreSQL did not start in ${root}: ${(error as Error).message}\n${log.slice(-10).join('\n')}`);
  }
  const adminUrl = `postgres://${server.user}@127.0.0.1:${server.port}/postgres`;
  const version = await serverVersion(adminUrl);
  const running = server;
  return {
    name: 'embedded',
    version,
    startupMs: performance.now() - started,
    createDatabase: (prefix) => createTempDatabase(adminUrl, prefix),
    async close() {
      try {
        await running.stop();
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}
