import { join } from 'node:path';
import { findCat } from './baselines/find-cat.js';
import { perSecond, ratio } from './measure.js';
import type { DatasetInfo, FileReadResult, StageDetail } from './report/types.js';

/** Times the bare tools on a data set's files (run before the ETL, which then also finds a warm page cache). */
export const timeFindCat = (dataset: DatasetInfo) => findCat([join(dataset.dir, 'song_data'), join(dataset.dir, 'log_data')]);

export function fileReadResult(
  dataset: DatasetInfo,
  bare: { listMs: number; listAndReadMs: number },
  ours: StageDetail,
): FileReadResult {
  const files = dataset.songFiles + dataset.logFiles;
  // Ratios are computed from the same rounded numbers the report shows.
  const listMs = Math.round(bare.listMs);
  const oursListMs = Math.round(ours.listingMs);
  const findCatFilesPerSec = perSecond(files, bare.listAndReadMs);
  const oursSongFilesPerSec = perSecond(dataset.songFiles, ours.songsMs);
  return {
    dataset: dataset.name,
    files,
    songFiles: dataset.songFiles,
    bytes: dataset.bytes,
    findListMs: listMs,
    findCatMs: Math.round(bare.listAndReadMs),
    oursListMs,
    oursSongsMs: Math.round(ours.songsMs),
    findCatFilesPerSec,
    oursSongFilesPerSec,
    listRatio: ratio(oursListMs, listMs),
    readRatio: ratio(findCatFilesPerSec, oursSongFilesPerSec),
  };
}
