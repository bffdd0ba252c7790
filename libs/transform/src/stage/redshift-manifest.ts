import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SourceFile } from '../source/file-store.js';
import { parseS3Url } from '../source/source-location.js';

/**
 * A COPY manifest (DG loading-data-files-using-manifest.html): exactly these files, each mandatory, so a file
 * that vanished between listing and COPY fails the load instead of being skipped silently.
 */
export function manifestBody(files: readonly SourceFile[]): string {
  return JSON.stringify({ entries: files.map((f) => ({ url: f.key, mandatory: true, meta: { content_length: f.size } })) });
}

/** `s3://…/prefix/<run>-<table>.manifest`: one object per COPY, never reused, so reruns never read a stale list. */
export const manifestUrl = (prefix: string, run: string, table: string): string => `${prefix.replace(/\/+$/, '')}/${run}-${table}.manifest`;

export async function writeManifest(s3: S3Client, url: string, files: readonly SourceFile[]): Promise<void> {
  const { bucket, key } = parseS3Url(url);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: manifestBody(files), ContentType: 'application/json' }));
}
