import type postgres from 'postgres';

/** Where a connection goes, without the password: what error messages and descriptions show. */
export interface Endpoint {
  readonly target: 'embedded' | 'postgres' | 'redshift';
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

export interface ConnectionSpec {
  readonly endpoint: Endpoint;
  /** For a URL target the URL itself (it may carry TLS and other query settings); never printed. */
  readonly url?: string;
  readonly options: postgres.Options<Record<string, never>>;
  /** Secrets to scrub from any message, belt and braces. */
  readonly secrets: readonly string[];
}

export interface CommonSettings {
  readonly applicationName: string;
  readonly schema: string;
}

/** `search_path` value for one schema: quoted unless it is a plain lower-case identifier. */
export function searchPathFor(schema: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(schema) ? schema : `"${schema.replaceAll('"', '""')}"`;
}

/**
 * Warehouse timestamps are UTC without a zone (TIMESTAMP). postgres.js would read them as the machine's local
 * time; read them as UTC instead, and run every session in UTC so that a Date written is stored as UTC too.
 */
const utcTimestamp = {
  to: 1114,
  from: [1114],
  serialize: (value: Date | string) => (value instanceof Date ? value.toISOString() : value),
  parse: (text: string) => new Date(`${text.replace(' ', 'T')}Z`),
};

function common(settings: CommonSettings) {
  return {
    onnotice: () => {}, // NOTICEs such as "table exists, skipping" are not for the user's terminal
    types: { utcTimestamp } as unknown as Record<string, never>,
    connection: { application_name: settings.applicationName, search_path: searchPathFor(settings.schema) },
  } satisfies postgres.Options<Record<string, never>>;
}

/**
 * PostgreSQL sessions run in UTC (Redshift's sessions always do, and it is not a startup parameter there); without
 * JIT, which compiled the transform's long text-repair expressions for 3.5 s of a 20 s statement at 1M events and
 * made nothing faster; and without parallel workers: an etl writes and then reads millions of rows in one
 * transaction, and workers reading the rows their leader's open transaction wrote took over 150 s for a count that
 * takes 11 s without them at 5M events (tools/bench/results/profiles/2026-12-02-transform-1M-profile.md).
 */
const postgresSession = (settings: CommonSettings) => ({
  connection: { ...common(settings).connection, TimeZone: 'UTC', jit: 'off', max_parallel_workers_per_gather: '0' },
});

/** Any PostgreSQL server, by URL. */
export function postgresUrlSpec(url: string, settings: CommonSettings): ConnectionSpec {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || process.env['PGUSER'] || 'postgres';
  return {
    endpoint: {
      target: 'postgres',
      host: parsed.hostname || 'localhost',
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.slice(1)) || user,
      user,
    },
    url,
    options: { ...common(settings), ...postgresSession(settings), max: 4, connect_timeout: 10 },
    secrets: [decodeURIComponent(parsed.password)].filter((s) => s !== ''),
  };
}

/** The embedded server this process started: loopback only, password from the data folder. */
export function embeddedSpec(
  server: { port: number; user: string; password: string },
  database: string,
  settings: CommonSettings,
): ConnectionSpec {
  const endpoint = { target: 'embedded', host: '127.0.0.1', port: server.port, database, user: server.user } as const;
  return {
    endpoint,
    options: {
      ...common(settings),
      ...postgresSession(settings),
      host: endpoint.host,
      port: endpoint.port,
      database,
      username: server.user,
      password: server.password,
      max: 4,
      connect_timeout: 10,
    },
    secrets: [server.password],
  };
}

/**
 * Amazon Redshift: TLS with the certificate verified against the host name (Redshift's certificates are
 * publicly trusted); no type catalogue fetch (Redshift lacks the array types postgres.js asks for); unnamed
 * statements instead of prepared ones; a longer connect timeout for a cluster that is resuming.
 */
export function redshiftSpec(
  target: { host: string; port: number; database: string; user: string; password: string },
  settings: CommonSettings,
): ConnectionSpec {
  return {
    endpoint: { target: 'redshift', host: target.host, port: target.port, database: target.database, user: target.user },
    options: {
      ...common(settings),
      host: target.host,
      port: target.port,
      database: target.database,
      username: target.user,
      password: target.password,
      ssl: 'verify-full',
      fetch_types: false,
      prepare: false,
      max: 4,
      connect_timeout: 30,
      idle_timeout: 60,
    },
    secrets: [target.password],
  };
}

/** `host:port/database as user`, for messages. */
export const whereOf = (e: Endpoint): string => `${e.host}:${e.port} (database "${e.database}", user "${e.user}")`;
