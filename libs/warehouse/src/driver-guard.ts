/**
 * A guard against one known postgres.js 3.4.9 bug (porsager/postgres#1154, #1208): when a connection closes
 * under a pending write (the backend was terminated mid-COPY or mid-transaction), `connection.js` `nextWrite`
 * calls `socket.write` on a socket it already set to null, from a `setImmediate`, i.e. outside any promise. Node
 * would crash with `TypeError: Cannot read properties of null (reading 'write')` and exit 1. The operation that
 * was running is rejected by the driver anyway (its transaction races the connection's close), so the guard
 * only has to keep that one stray exception from killing the process; it records it so the error can say so.
 *
 * While at least one warehouse is open, the guard is the process's only `uncaughtException` listener: it
 * swallows exactly that driver failure and hands anything else to the listeners it displaced (a test runner's),
 * or, if there were none, rethrows it so Node crashes as it would have.
 */

type Listener = (error: Error, origin: NodeJS.UncaughtExceptionOrigin) => void;

let users = 0;
let displaced: Listener[] = [];
const seen = new Set<(error: Error) => void>();

/** True for exactly the driver's write-after-close failure, and only when it comes from postgres.js. */
export function isDriverWriteAfterClose(error: unknown): error is TypeError {
  return (
    error instanceof TypeError &&
    /^Cannot read properties of null \(reading 'write'\)$/.test(error.message) &&
    /[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(error.stack ?? '')
  );
}

let swallowed = 0;

/** How many driver failures the guard has kept from crashing this process (for tests and diagnostics). */
export const driverFailuresSwallowed = (): number => swallowed;

const listener: Listener = (error, origin) => {
  if (isDriverWriteAfterClose(error)) {
    swallowed++;
    for (const notify of seen) notify(error);
    return;
  }
  if (displaced.length > 0) {
    for (const other of displaced) other(error, origin);
    return;
  }
  // Nobody else handles it: stop guarding and let Node crash on it as it would have without us.
  process.removeListener('uncaughtException', listener);
  users = 0;
  process.nextTick(() => {
    throw error;
  });
};

/**
 * Installs the guard for one warehouse session; `onDriverFailure` hears of each swallowed driver failure.
 * Returns the function that uninstalls it (the last session restores the displaced listeners).
 */
export function guardDriver(onDriverFailure: (error: Error) => void): () => void {
  if (users++ === 0) {
    displaced = process.listeners('uncaughtException') as Listener[];
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', listener);
  }
  seen.add(onDriverFailure);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    seen.delete(onDriverFailure);
    if (--users > 0) return;
    users = 0;
    process.removeListener('uncaughtException', listener);
    for (const other of displaced) process.on('uncaughtException', other);
    displaced = [];
  };
}
