import { errorCode, WarehouseError } from './errors.js';

/**
 * The connection to the warehouse broke while a command was using it (the server restarted or terminated the
 * session, the network dropped). The transaction that was open is rolled back by the server, so nothing of
 * the run is kept; running the command again once the target answers may well succeed.
 */
export class ConnectionLost extends WarehouseError {
  constructor(
    message: string,
    /** What was under way: `copying data (COPY)`, `committing`, `running a statement`… */
    readonly during: string,
    options?: { cause?: unknown },
  ) {
    super(message, 'transient', 'CONNECTION_LOST', options);
  }
}

// 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02 crash_shutdown, 57P05 idle session timeout,
// 08xxx connection exceptions; postgres.js and Node codes for a socket that closed or reset under us.
const lostSqlStates = /^(57P0[125]|08\d\d\d)$/;
const lostNodeCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True when `error` says the session is gone (not when a statement merely failed on a live connection). */
export function isConnectionLoss(error: unknown): boolean {
  return lossIn(error) !== undefined;
}

/** The error in `error`'s cause chain that says the session is gone (a library may have wrapped the driver's). */
export function lossIn(error: unknown): unknown {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ConnectionLost) return e;
    const code = errorCode(e);
    if (code !== undefined && (lostNodeCodes.has(code) || lostSqlStates.test(code))) return e;
  }
  return undefined;
}

/** What the statement that failed was doing, from the SQL postgres.js attaches to its errors. */
export function duringOf(error: unknown): string {
  const query = typeof error === 'object' && error !== null ? (error as { query?: unknown }).query : undefined;
  const text = typeof query === 'string' ? query.trim() : '';
  const sql = text.toLowerCase();
  if (sql.startsWith('copy')) return 'copying data (COPY)';
  if (sql.startsWith('commit')) return 'committing';
  if (sql.startsWith('rollback')) return 'rolling back';
  if (sql.startsWith('begin')) return 'starting the transaction';
  if (sql.startsWith('set ') || sql.startsWith('lock ')) return 'taking the run lock';
  const statement = /^(insert\s+into|update|delete\s+from|merge\s+into)\s+("[^"]*"(\."[^"]*")?|\S+)/i.exec(text);
  if (statement) return `running ${statement[1]!.replace(/\s+/, ' ').toUpperCase()} ${statement[2]}`;
  if (sql.startsWith('with')) return 'running a statement';
  if (/^(create|drop|alter)\b/.test(sql)) return 'creating tables';
  if (sql.startsWith('select')) return 'running a query';
  return "the run's transaction was open";
}

const happened = (error: unknown): string => {
  const code = errorCode(error);
  if (code === '57P01') return 'the server terminated the session (an administrator, a fast shutdown or a restart) [57P01]';
  if (code === '57P02') return 'the server crashed [57P02]';
  if (code === 'CONNECTION_CLOSED' || code === 'ECONNRESET' || code === 'EPIPE') return `the connection closed unexpectedly [${code}]`;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} [${code}]` : message;
};

/**
 * One paragraph for a person: the target, what was under way, what happened, that nothing was committed, and
 * that a retry may help. `during` overrides what the error itself tells (e.g. `committing`).
 */
export function connectionLost(target: string, error: unknown, options: { during?: string; inTransaction?: boolean } = {}): ConnectionLost {
  if (error instanceof ConnectionLost) return error;
  error = lossIn(error) ?? error;
  const during = options.during ?? duringOf(error);
  const kept =
    options.inTransaction === false
      ? ''
      : during === 'committing'
        ? ' The connection broke during COMMIT: check whether the run was committed (e.g. with the check command) before running it again.'
        : " The run's transaction was rolled back by the server: the warehouse is as it was before this run.";
  return new ConnectionLost(
    `Lost the connection to ${target} while ${during}: ${happened(error)}.${kept} ` +
      'The target was unavailable; running the command again once it answers may succeed.',
    during,
    { cause: error },
  );
}
