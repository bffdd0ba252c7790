// Child process for the lock and killed-run tests: holds the embedded warehouse open until killed.
import { connect } from '../src/index.js';
import { embeddedConfig } from './helpers.js';

const wh = await connect(embeddedConfig(process.argv[2] ?? ''));
const [row] = await wh.sql<{ port: string }[]>`select current_setting('port') as port`;
process.stdout.write(`READY ${row?.port}\n`);
setInterval(() => {}, 1000);
