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

export type FilePlan =
  | { readonly file: SourceFile; readonly action: 'new' }
  | { readonly file: SourceFile; readonly action: 'replace' }
  | { readonly file: SourceFile; readonly action: 'skip' };

/** Files below this size are read whole (in parallel, ahead of use); larger ones are streamed. */
export const WHOLE_FILE_LIMIT = 1024 * 1024;

export async function readLedger(tx: StageTx): Promise<Map<string, LedgerEntry>> {
  const rows = await tx.sql.unsafe<{ file: string; bytes: string; content_hash: string; rows: number }[]>(
    `select file, bytes, content_hash, rows from ${qualified(tx.schema, 'load_ledger')}`,
  );
  return new Map(rows.map((r) => [r.file, { file: r.file, bytes: Number(r.bytes), contentHash: r.content_hash, rows: r.rows }]));
}

/**
 * Decides per file: new (never staged), skip (same name and content), replace (same name, new content).
 * S3 files compare by ETag; local files by size, then sha256 — hashed here only when the size matches.
 */
export async function planFiles(
  files: readonly SourceFile[],
  ledger: ReadonlyMap<string, LedgerEntry>,
  store: FileStore,
  concurrency: number,
  onChecked: (done: number) => void,
): Promise<FilePlan[]> {
  let done = 0;
  return mapLimit(files, concurrency, async (file): Promise<FilePlan> => {
    const prior = ledger.get(file.key);
    let action: FilePlan['action'];
    if (!prior) action = 'new';
    else if (prior.bytes !== file.size) action = 'replace';
    else if (file.etag !== undefined) action = prior.contentHash === file.etag ? 'skip' : 'replace';
    else action = prior.contentHash === (await sha256Of(store, file)) ? 'skip' : 'replace';
    onChecked(++done);
    return { file, action };
  });
}

export async function sha256Of(store: FileStore, file: SourceFile): Promise<string> {
  const hash = createHash('sha256');
  if (file.size <= WHOLE_FILE_LIMIT) hash.update(await store.read(file));
  else for await (const chunk of store.stream(file)) hash.update(chunk);
  return hash.digest('hex');
}
