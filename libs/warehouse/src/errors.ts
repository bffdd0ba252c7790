/**
 * Errors classed the dlt way: `transient` ones (refused, timed out, server restarting) are worth retrying,
 * `terminal` ones (bad password, unknown database, data folder in use) are not.
 */
export type ErrorKind = 'transient' | 'terminal';

export class WarehouseError extends Error {
  override readonly name = 'WarehouseError';
  constructor(
    message: string,
    readonly kind: ErrorKind,
    /** The driver's or server's code, e.g. `ECONNREFUSED` or SQLSTATE `28P01`. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections,
// 08xxx connection exceptions, 40001/40P01 serialization failure/deadlock.
const transientSqlStates = /^(57P0[123]|53300|53400|08\d\d\d|40001|40P01)$/;
const transientNodeCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/** The error's code: a SQLSTATE for server errors, a Node/postgres.js code for network ones. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyError(error: unknown): ErrorKind {
  if (error instanceof WarehouseError) return error.kind;
  const code = errorCode(error);
  if (code !== undefined && (transientNodeCodes.has(code) || transientSqlStates.test(code))) return 'transient';
  return 'terminal';
}

export const isTransientError = (error: unknown): boolean => classifyError(error) === 'transient';

/** A short reason for a person: the driver's message, with the code it came with. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (nothing listens there)',
    CONNECT_TIMEOUT: 'timed out while connecting',
    ENOTFOUND: 'host name not found',
    '28P01': message,
    '3D000': message,
  };
  const text = (code && known[code]) || message || 'unknown error';
  return code && !text.includes(code) ? `${text} [${code}]` : text;
}

/** What a person can do about a failed connection, by error code. */
export function hintFor(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'Check that the server is running and that the host and port are right.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Check the host name.';
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'Check the host, the port and any firewall in between (for Redshift: the security group ingress rule).';
    case '28P01':
    case '28000':
      return 'Check the user name and password (DATABASE_URL, --database-url, or [CLUSTER] in dwh.cfg).';
    case '3D000':
      return 'Create that database first, or fix its name.';
    case '57P03':
      return 'The server is starting up or shutting down; try again in a moment.';
    default:
      return 'Check the connection settings.';
  }
}

/** Replaces every occurrence of each secret with `***`, so a message can never leak one. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short secrets would blank out ordinary words; our messages never include secrets in the first place.
    if (secret && secret.length >= 3) {
      out = out.split(secret).join('***');
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join('***');
    }
  }
  return out;
}
