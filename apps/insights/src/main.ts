#!/usr/bin/env node
// Entry point of `nx run insights:report` (node apps/insights/dist/main.js report …, built by `nx run insights:build`).
import module from 'node:module';
import { runCli } from './cli.js';

// Node ≥ 22.1 can keep V8's compiled code of the modules loaded after this line (the command's chunks) on disk and
// skip compiling them on the next run. Node 20 has no such cache: there the call is skipped.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

process.exitCode = await runCli(process.argv.slice(2));
