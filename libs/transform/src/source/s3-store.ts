import { GetObjectCommand, NoSuchKey, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { byKey, type FileKind, type FileStore, type SourceFile } from './file-store.js';
import { s3Url, SourceError, type ResolvedSource, type S3Location } from './source-location.js';

type S3Source = Extract<ResolvedSource, { kind: 's3' }>;

export interface S3StoreOptions {
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000); tests lower it to exercise paging. */
  readonly pageSize?: number;
}

/** Files under S3 prefixes. Listing pages through ListObjectsV2; the ETag fingerprints content without a read. */
export function s3Store(source: S3Source, client: S3Client, options: S3StoreOptions = {}): FileStore {
  const parse = (file: SourceFile): S3Location => {
    const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(file.key);
    return { bucket: m?.[1] ?? '', key: m?.[2] ?? '' };
  };
  const get = async (file: SourceFile) => {
    const at = parse(file);
    const out = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }));
    if (!out.Body) throw new SourceError(`${file.key} has no body`);
    return out.Body;
  };
  return {
    description: `s3://${source.songs.bucket} (${s3Url(source.songs)}, ${s3Url(source.logs)})`,
    async list(kind: FileKind) {
      const at = kind === 'songs' ? source.songs : source.logs;
      // `s3://b/song_data` means the folder: list `song_data/` so that `song_data_old/` is not swept in.
      const prefix = at.key === '' || at.key.endsWith('/') ? at.key : at.key + '/';
      const files: SourceFile[] = [];
      const pages = paginateListObjectsV2({ client, pageSize: options.pageSize ?? 1000 }, { Bucket: at.bucket, Prefix: prefix });
      for await (const page of pages) {
        for (const o of page.Contents ?? []) {
          if (!o.Key || !o.Key.endsWith('.json')) continue;
          files.push({ key: `s3://${at.bucket}/${o.Key}`, size: o.Size ?? 0, etag: (o.ETag ?? '').replace(/"/g, '') });
        }
      }
      if (files.length === 0) {
        // Redshift's COPY fails on an empty prefix too; a typo here would otherwise stage nothing, silently.
        throw new SourceError(`no .json files under s3://${at.bucket}/${prefix}: check the ${kind === 'songs' ? 'SONG_DATA' : 'LOG_DATA'} location`);
      }
      return files.sort(byKey);
    },
    async read(file) {
      const body = await get(file);
      return Buffer.from(await body.transformToByteArray());
    },
    async *stream(file) {
      yield* (await get(file)) as Readable;
    },
    async readJsonPaths() {
      try {
        const body = await client.send(new GetObjectCommand({ Bucket: source.jsonPaths.bucket, Key: source.jsonPaths.key }));
        return { text: (await body.Body?.transformToString('utf-8')) ?? '', where: s3Url(source.jsonPaths) };
      } catch (error) {
        if (error instanceof NoSuchKey) {
          throw new SourceError(`the JSONPaths file ${s3Url(source.jsonPaths)} does not exist (Redshift's COPY needs it too); upload log_json_path.json there`);
        }
        throw error;
      }
    },
  };
}
