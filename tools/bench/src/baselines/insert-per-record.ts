import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import postgres from 'postgres';

export interface InsertRun {
  readonly events: { readonly rows: number; readonly ms: number; readonly capped: boolean };
  readonly songs: { readonly rows: number; readonly ms: number; readonly capped: boolean };
}

/** JSON key → staging column: `firstName` → `first_name`. */
export const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Every `.json` file under a folder, sorted. */
export async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const cell = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The loader most existing Sparkify solutions ship: read each record, send one parameterised INSERT for it,
 * wait for the answer, go on (here inside one transaction, which is kinder to it than autocommit). Half of the
 * time cap goes to events and half to songs, so both rates are measured and the full load can be projected.
 */
export async function insertPerRecord(url: string, dataDir: string, capMs: number): Promise<InsertRun> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let events = { rows: 0, ms: 0, capped: false };
    let songs = { rows: 0, ms: 0, capped: false };
    await sql.begin(async (tx) => {
      events = await insertEvents(tx, dataDir, capMs / 2);
      songs = await insertSongs(tx, dataDir, capMs / 2);
    });
    return { events, songs };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

type Tx = postgres.TransactionSql;

async function insertEvents(tx: Tx, dataDir: string, capMs: number) {
  const started = performance.now();
  let rows = 0;
  for (const file of await jsonFiles(join(dataDir, 'log_data'))) {
    const key = relative(dataDir, file);
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      const keys = Object.keys(record);
      const columns = [...keys.map(snakeCase), 'source_file'];
      const values = [...keys.map((k) => cell(record[k])), key];
      await tx.unsafe(
        `insert into staging_events (${columns.map((c) => `"${c}"`).join(', ')}) values (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
        values,
      );
      rows++;
      if (performance.now() - started > capMs) {
        lines.close();
        return { rows, ms: performance.now() - started, capped: true };
      }
    }
  }
  return { rows, ms: performance.now() - started, capped: false };
}

async function insertSongs(tx: Tx, dataDir: string, capMs: number) {
  const started = performance.now();
  let rows = 0;
  for (const file of await jsonFiles(join(dataDir, 'song_data'))) {
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const keys = Object.keys(record);
    const values = [...keys.map((k) => cell(record[k])), relative(dataDir, file)];
    await tx.unsafe(
      `insert into staging_songs (${[...keys, 'source_file'].map((c) => `"${c}"`).join(', ')}) values (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
      values,
    );
    rows++;
    if (performance.now() - started > capMs) return { rows, ms: performance.now() - started, capped: true };
  }
  return { rows, ms: performance.now() - started, capped: false };
}
