// Child process for the private-folder tests: opens the embedded warehouse in the data folder given (relative to
// the working directory), counts this run in a table, prints `RUNS <n>` and closes. Progress goes to stderr; a
// failure prints its message only (as the CLIs do) and exits 3.
import { connect } from '../src/index.js';
import { embeddedConfig } from './helpers.js';

try {
  const wh = await connect(embeddedConfig(process.argv[2] ?? '.sparkify/pg'), { onProgress: (m) => process.stderr.write(`${m}\n`) });
  await wh.sql`create table if not exists runs (n int)`;
  await wh.sql`insert into runs values (1)`;
  const [row] = await wh.sql<{ n: number }[]>`select count(*)::int as n from runs`;
  process.stdout.write(`RUNS ${row?.n}\n`);
  await wh.close();
} catch (error) {
  process.stderr.write(`FAILED: ${(error as Error).message}\n`);
  process.exitCode = 3;
}
