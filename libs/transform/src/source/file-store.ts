/** One source file, as listed (before it is read). */
export interface SourceFile {
  /** Stable name: `song_data/A/B/C/x.json` for a folder, `s3://bucket/key` for S3. Ledger key and source_file. */
  readonly key: string;
  readonly size: number;
  /** The S3 ETag (content fingerprint known without reading); undefined for local files (hashed when read). */
  readonly etag?: string;
}

export type FileKind = 'songs' | 'logs';

/** A place files are listed and read from; local folders and S3 implement it. */
export interface FileStore {
  /** e.g. `folder /data/sparkify` or `s3://bucket/prefix`. */
  readonly description: string;
  /** All `.json` files of that kind, sorted by key (so runs are deterministic). */
  list(kind: FileKind): Promise<SourceFile[]>;
  /** The whole file; for small files. */
  read(file: SourceFile): Promise<Buffer>;
  /** The file as a stream of chunks; for large files. */
  stream(file: SourceFile): AsyncIterable<Uint8Array>;
  /** The JSONPaths document's text and where it came from, or undefined when the source has none. */
  readJsonPaths(): Promise<{ readonly text: string; readonly where: string } | undefined>;
}

/** Keys compare by UTF-16 code units, the same on every machine (unlike localeCompare). */
export const byKey = (a: SourceFile, b: SourceFile): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
