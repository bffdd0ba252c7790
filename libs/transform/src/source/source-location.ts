import { resolve } from 'node:path';
import type { Source } from '@sparkify/config';

export class SourceError extends Error {
  override readonly name: string = 'SourceError';
}

export interface S3Location {
  readonly bucket: string;
  /** Object key, or key prefix (may be ''). */
  readonly key: string;
}

/** Where the two kinds of files and the JSONPaths file are. */
export type ResolvedSource =
  | {
      readonly kind: 'local';
      readonly dir: string;
      readonly songs: string;
      readonly logs: string;
      /** Absent file → the built-in JSONPaths (identical to the Udacity one). */
      readonly jsonPaths: string;
    }
  | { readonly kind: 's3'; readonly songs: S3Location; readonly logs: S3Location; readonly jsonPaths: S3Location };

export const s3Url = (l: S3Location): string => `s3://${l.bucket}/${l.key}`;

export function parseS3Url(url: string, what = 'S3 location'): S3Location {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url.trim());
  if (!m || !m[1]) throw new SourceError(`${what} ${JSON.stringify(url)} is not an s3://bucket/key URL`);
  return { bucket: m[1], key: m[2] ?? '' };
}

const child = (l: S3Location, name: string): S3Location => ({
  bucket: l.bucket,
  key: l.key === '' || l.key.endsWith('/') ? l.key + name : `${l.key}/${name}`,
});

/**
 * Accepts the config's `Source`, a folder path, or `s3://bucket/prefix` holding `song_data/`, `log_data/`
 * and `log_json_path.json` (the layout of the Udacity bucket).
 */
export function resolveSource(source: Source | string): ResolvedSource {
  if (typeof source === 'string') {
    if (source.startsWith('s3://')) {
      const root = parseS3Url(source, 'source');
      return { kind: 's3', songs: child(root, 'song_data'), logs: child(root, 'log_data'), jsonPaths: child(root, 'log_json_path.json') };
    }
    return local(source);
  }
  if (source.kind === 'local') return local(source.dir);
  return {
    kind: 's3',
    songs: parseS3Url(source.songData, '[S3] SONG_DATA'),
    logs: parseS3Url(source.logData, '[S3] LOG_DATA'),
    jsonPaths: parseS3Url(source.logJsonPath, '[S3] LOG_JSONPATH'),
  };
}

function local(dir: string): ResolvedSource {
  const root = resolve(dir);
  return {
    kind: 'local',
    dir: root,
    songs: resolve(root, 'song_data'),
    logs: resolve(root, 'log_data'),
    jsonPaths: resolve(root, 'log_json_path.json'),
  };
}
