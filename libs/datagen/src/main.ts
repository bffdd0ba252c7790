// Entry point of `nx run datagen:generate -- --out DIR --songs N --events M --seed S …`.
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
