#!/usr/bin/env node
// Entry point of `npx nx run insights:report` (tsx apps/insights/src/main.ts report …).
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
