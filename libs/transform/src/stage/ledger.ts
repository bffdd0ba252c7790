import { createHash } from 'node:crypto';
import type { FileStore, SourceFile } from '../source/file-store.js';
import { mapLimit } from '../source/bounded.js';
import { qualified } from './identifiers.js';
import type { StageTx } from './stage-types.js';

/** One load_ledger row. */
export interface LedgerEntry {
  readonly file: string;
  readonly bytes: number;
  /** sha256 (hex) of a local file, or the S3 ETag. */
  readonly contentHash: string;
  readonly rows: number;
}

/** What to do with one kind of file: stage `todo` (new and changed files, in listing order); the rest are skipped. */
export interface FilePlan {
  readonly todo: readonly SourceFile[];
  /** Files never staged before. */
  readonly fresh: number;
  /** Keys of files staged before whose content changed (their old rows must go first). */
  readonly replaced: readonly string[];
  readonly skipped: number;
}

/** Files below this size are read whole (in parallel, ahead of use); larger ones are streamed. */
export const WHOLE_FILE_LIMIT = 1024 * 1024;

export async function readLedger(tx: StageTx): Promise<Map<string, LedgerEntry>> {
  const rows = await tx.sql.unsafe<{ file: string; bytes: string; content_hash: string; rows: number }[]>(
    `select "file", "bytes", "content_hash", "rows" from ${qualified(tx.schema, 'load_ledger')}`,
  );
  return new Map(rows.map((r) => [r.file, { file: r.file, bytes: Number(r.bytes), contentHash: r.content_hash, rows: r.rows }]));
}

/**
 * Decides per file: new (never staged), skip (same name and content), replace (same name, new content).
 * S3 files compare by ETag; local files by size, then sha256 — hashed here only when the size matches.
 * With an empty ledger (a first run) every file is new and the listing itself is the plan (no copy of it).
 */
export async function planFiles(
  files: readonly SourceFile[],
  ledger: ReadonlyMap<string, LedgerEntry>,
  store: FileStore,
  concurrency: number,
  onChecked: (count: number) => void,
): Promise<FilePlan> {
  if (ledger.size === 0) {
    onChecked(files.length);
    return { todo: files, fresh: files.length, replaced: [], skipped: 0 };
  }
  const actions = await mapLimit(files, concurrency, async (file): Promise<'new' | 'replace' | 'skip'> => {
    const prior = ledger.get(file.key);
    let action: 'new' | 'replace' | 'skip';
    if (!prior) action = 'new';
    else if (prior.bytes !== file.size) action = 'replace';
    else if (file.etag !== undefined) action = prior.contentHash === file.etag ? 'skip' : 'replace';
    else action = prior.contentHash === (await sha256Of(store, file)) ? 'skip' : 'replace';
    onChecked(1);
    return action;
  });
  const todo = files.filter((_, i) => actions[i] !== 'skip');
  const replaced = files.filter((_, i) => actions[i] === 'replace').map((f) => f.key);
  return { todo, fresh: todo.length - replaced.length, replaced, skipped: files.length - todo.length };
}

/**
 * Files the ledger holds that the source no longer lists (deleted or moved since they were staged). Their rows
 * stay staged, and their plays stay in the star tables, until a --full-refresh reloads only what exists.
 */
export interface GoneFiles {
  readonly count: number;
  /** The first few keys, in name order. */
  readonly sample: readonly string[];
}

export const NO_GONE_FILES: GoneFiles = { count: 0, sample: [] };

export function goneFiles(ledger: ReadonlyMap<string, unknown>, listings: readonly (readonly SourceFile[])[], sampleSize = 10): GoneFiles {
  if (ledger.size === 0) return NO_GONE_FILES;
  const listed = new Set<string>();
  for (const listing of listings) for (const file of listing) listed.add(file.key);
  const gone = [...ledger.keys()].filter((key) => !listed.has(key)).sort();
  return { count: gone.length, sample: gone.slice(0, sampleSize) };
}

export async function sha256Of(store: FileStore, file: SourceFile): Promise<string> {
  const hash = createHash('sha256');
  if (file.size <= WHOLE_FILE_LIMIT) hash.update(await store.read(file));
  else for await (const chunk of store.stream(file)) hash.update(chunk);
  return hash.digest('hex');
}
