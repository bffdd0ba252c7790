import { storableRaw, type LoadError } from './load-error.js';
import { mayNeedEscapes } from './escapes.js';
import { mapRecord, type FieldMapping } from './record-mapping.js';
import { recordSplitter, type RawRecord, type RecordLayout } from './records.js';

export interface FileExtract {
  readonly rows: number;
  readonly rejected: number;
  /** True when the file held no record at all (loads nothing; not an error). */
  readonly empty: boolean;
}

/**
 * Streams one file's records into `onRow` (COPY cells, in column order) and bad records into `onReject`.
 * `onRow` may return a promise to apply backpressure; its `escape` is false when no cell can hold a character
 * that COPY text format escapes.
 */
export async function extractFile(
  file: string,
  chunks: AsyncIterable<Uint8Array> | readonly Uint8Array[],
  layout: RecordLayout,
  fields: readonly FieldMapping[],
  onRow: (cells: (string | null)[], escape: boolean, line: number) => void | Promise<void>,
  onReject: (error: LoadError) => void,
): Promise<FileExtract> {
  let rows = 0;
  let rejected = 0;
  let records = 0;
  const take = async (found: RawRecord[]) => {
    for (const rec of found) {
      records++;
      if ('error' in rec) {
        rejected++;
        onReject({ file, line: rec.line, column: null, reason: rec.error, raw: storableRaw(rec.raw) });
        continue;
      }
      const mapped = mapRecord(rec.text, fields);
      if (!mapped.ok) {
        rejected++;
        onReject({ file, line: rec.line, column: mapped.column, reason: storableRaw(mapped.reason), raw: storableRaw(rec.text) });
        continue;
      }
      rows++;
      const wait = onRow(mapped.cells, mapped.coerced || mayNeedEscapes(rec.text), rec.line);
      if (wait) await wait;
    }
  };
  const splitter = recordSplitter(layout);
  if (Array.isArray(chunks)) for (const chunk of chunks as Uint8Array[]) await take(splitter.push(chunk));
  else for await (const chunk of chunks) await take(splitter.push(chunk));
  await take(splitter.end());
  return { rows, rejected, empty: records === 0 };
}
