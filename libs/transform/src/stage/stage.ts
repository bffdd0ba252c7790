import type { Source } from '@sparkify/config';
import { localStore } from '../source/local-store.js';
import { s3Store } from '../source/s3-store.js';
import { resolveSource, SourceError } from '../source/source-location.js';
import { stageOnRedshift } from './stage-redshift.js';
import { stageByStreaming } from './stage-stream.js';
import type { StageOptions, StageReport, StageTx } from './stage-types.js';

/**
 * Extracts the source's song and log files and stages them in `staging_songs` / `staging_events`, inside the
 * caller's transaction. PostgreSQL targets stream the files with COPY FROM STDIN (skipping files the ledger
 * already holds); Redshift runs COPY FROM S3. Throws TooManyLoadErrors when more than `maxErrors` records are bad.
 */
export async function stage(tx: StageTx, source: Source | string, options: StageOptions = {}): Promise<StageReport> {
  const started = Date.now();
  const resolved = resolveSource(source);
  if (tx.dialect.staging === 'copy-from-s3') return stageOnRedshift(tx, resolved, options, started);
  if (resolved.kind === 'local') return stageByStreaming(tx, localStore(resolved), options, started);
  if (!options.s3) throw new SourceError('an S3 source needs an S3 client (options.s3): build one from the [AWS] settings');
  const pageSize = options.s3PageSize;
  return stageByStreaming(tx, s3Store(resolved, options.s3, pageSize ? { pageSize } : {}), options, started);
}
