import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { columnsOf } from '@sparkify/schema';

const TABLES = ['staging_songs', 'staging_events', 'load_ledger', 'load_errors'] as const;
/** Every column but the load time, which differs from run to run by nature. */
const compared = (table: (typeof TABLES)[number]) => columnsOf(table).filter((c) => c !== 'loaded_at').map((c) => `"${c}"`).join(', ');

/** md5 of what psql's `\copy … to stdout` prints (postgres.js's COPY TO stream never ended on an empty table). */
function copyDigest(url: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    const child = spawn('psql', ['--no-psqlrc', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => hash.update(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(hash.digest('hex').slice(0, 12)) : reject(new Error(`psql ${command} exited ${code}`))));
  });
}

/**
 * An md5 per table of its rows as COPY text, in heap order (= the order COPY wrote them into fresh tables), so
 * two stage runs can be shown to have written exactly the same rows in the same order.
 */
export async function stagedDigest(url: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) out[table] = await copyDigest(url, `\\copy "${table}" (${compared(table)}) to stdout`);
  return out;
}
