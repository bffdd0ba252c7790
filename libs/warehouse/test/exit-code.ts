// Child process for the exit tests: opens the embedded warehouse, then either closes it and sets an exit code,
// or (`abandon`) prints the server's pid and calls process.exit(5) without closing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../src/index.js';
import { embeddedConfig } from './helpers.js';

const [dataDir = '', mode = 'close'] = process.argv.slice(2);
const wh = await connect(embeddedConfig(dataDir));
if (mode === 'abandon') {
  process.stdout.write(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0] + '\n');
  process.exit(5);
}
await wh.close();
process.exitCode = 7;
