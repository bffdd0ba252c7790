// Run by driver-guard.spec.ts in a child process: installs the guard, throws the error named by argv[2] from a
// setImmediate (as postgres.js does), and prints what happened.
import { driverFailuresSwallowed, guardDriver } from '../src/driver-guard.js';

const unguard = guardDriver(() => console.log('driver failure seen'));
const error =
  process.argv[2] === 'driver'
    ? Object.assign(new TypeError("Cannot read properties of null (reading 'write')"), {
        stack: "TypeError: Cannot read properties of null (reading 'write')\n    at nextWrite (/x/node_modules/postgres/src/connection.js:255:22)",
      })
    : new TypeError("Cannot read properties of null (reading 'write')"); // same words, not from the driver
setImmediate(() => {
  throw error;
});
setTimeout(() => {
  console.log(`still running; swallowed ${driverFailuresSwallowed()}`);
  unguard();
}, 100);
