import type { Config } from '@sparkify/config';
import postgres from 'postgres';
import { embeddedSpec, postgresUrlSpec, redshiftSpec, whereOf, type ConnectionSpec } from './connection-options.js';
import { dialectFor } from './dialect/dialect-for.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded/embedded-server.js';
import { dataFolder } from './embedded/layout.js';
import { classifyError, errorCode, hintFor, reasonOf, redact, WarehouseError } from './errors.js';
import { withRetry } from './retry.js';
import type { ConnectOptions, Warehouse } from './types.js';
import { createWarehouse } from './warehouse.js';

const targetNames = { embedded: 'the embedded PostgreSQL', postgres: 'the PostgreSQL server', redshift: 'Amazon Redshift' };

/**
 * Opens the configured warehouse: starts the embedded PostgreSQL (creating its database) or connects to a server
 * by URL or to Redshift. Transient failures are retried with backoff; the connection is proven with one query
 * before this returns. Errors name the target, host and port, never the password.
 */
export async function connect(config: Config, options: ConnectOptions = {}): Promise<Warehouse> {
  const settings = { applicationName: options.applicationName ?? 'sparkify', schema: dialectFor(config.target.kind).foldIdentifier(config.etl.schema) };
  const onProgress = options.onProgress ?? (() => {});
  const target = config.target;
  if (target.kind === 'postgres') return open(postgresUrlSpec(target.url, settings), settings.schema, options);
  if (target.kind === 'redshift') return open(redshiftSpec(target, settings), settings.schema, options);

  const folder = dataFolder(target.dataDir);
  const server = await startEmbeddedServer(folder, { onProgress, onServerLog: options.onServerLog });
  try {
    const admin = embeddedSpec(server, 'postgres', settings);
    await ensureDatabase(admin, target.database);
    return await open(embeddedSpec(server, target.database, settings), settings.schema, options, server, folder.display);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Creates the embedded cluster's database on first use. */
async function ensureDatabase(admin: ConnectionSpec, database: string): Promise<void> {
  const sql = postgres({ ...admin.options, max: 1 });
  try {
    const found = await sql`select 1 from pg_database where datname = ${database}`;
    if (found.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    throw connectionError(admin, error, 1);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

interface ServerVersion {
  readonly text: string;
  /** Like server_version_num: 150014 for 15.14 (Redshift reports 8.0). */
  readonly num: number;
}

function parseVersion(version: string): ServerVersion {
  const [, major = '0', minor = '0'] = /PostgreSQL (\d+)\.(\d+)/.exec(version) ?? [];
  return { text: `${major}.${minor}`, num: Number(major) * 10000 + Number(minor) };
}

async function open(
  spec: ConnectionSpec,
  schema: string,
  options: ConnectOptions,
  server?: EmbeddedServer,
  folderDisplay?: string,
): Promise<Warehouse> {
  const attempts = options.attempts ?? 4;
  const sql = spec.url ? postgres(spec.url, spec.options) : postgres(spec.options);
  let version: ServerVersion;
  try {
    version = await withRetry(
      async () => parseVersion((await sql<{ v: string }[]>`select version() as v`)[0]?.v ?? ''),
      {
        attempts,
        delayMs: options.retryDelayMs ?? 250,
        onRetry: (error, attempt, delay) =>
          options.onProgress?.(
            redact(
              `cannot reach ${targetNames[spec.endpoint.target]} at ${whereOf(spec.endpoint)} yet ` +
                `(${reasonOf(error)}); attempt ${attempt + 1} of ${attempts} in ${(delay / 1000).toFixed(2)} s`,
              spec.secrets,
            ),
          ),
      },
    );
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw connectionError(spec, error, attempts);
  }
  const e = spec.endpoint;
  const redshift = e.target === 'redshift';
  const description = redshift
    ? `Amazon Redshift at ${e.host}:${e.port} (database "${e.database}", user "${e.user}")`
    : e.target === 'embedded'
      ? `embedded PostgreSQL ${version.text} at ${e.host}:${e.port} (${folderDisplay})`
      : `PostgreSQL ${version.text} at ${e.host}:${e.port} (database "${e.database}", user "${e.user}")`;
  return createWarehouse({
    sql,
    dialect: dialectFor(e.target),
    schema,
    description,
    onClose: server ? () => server.stop() : undefined,
  });
}

function connectionError(spec: ConnectionSpec, error: unknown, attempts: number): WarehouseError {
  const code = errorCode(error);
  const kind = classifyError(error);
  const tries = kind === 'transient' && attempts > 1 ? ` after ${attempts} attempts` : '';
  const message =
    `Cannot connect to ${targetNames[spec.endpoint.target]} at ${whereOf(spec.endpoint)}${tries}: ` +
    `${reasonOf(error)}. ${hintFor(code)}`;
  return new WarehouseError(redact(message, spec.secrets), kind, code);
}
