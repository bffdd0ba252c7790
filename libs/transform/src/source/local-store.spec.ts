import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localStore } from './local-store.js';
import { parseS3Url, resolveSource, SourceError } from './source-location.js';

describe('localStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparkify-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('lists only .json files, sorted by their key relative to the folder, with sizes', async () => {
    put('song_data/B/b.json', '{}');
    put('song_data/A/Z/z.json', '{"a":1}');
    put('song_data/A/notes.txt', 'x');
    put('log_data/2018/11/x.json', '');
    const source = resolveSource(dir);
    if (source.kind !== 'local') throw new Error('expected a local source');
    const store = localStore(source);
    expect(await store.list('songs')).toEqual([
      { key: 'song_data/A/Z/z.json', size: 7 },
      { key: 'song_data/B/b.json', size: 2 },
    ]);
    expect((await store.list('logs')).map((f) => f.key)).toEqual(['log_data/2018/11/x.json']);
    expect((await store.read({ key: 'song_data/A/Z/z.json', size: 7 })).toString()).toBe('{"a":1}');
    expect(await store.readJsonPaths()).toBeUndefined();
  });

  it('lists in exact key order where a folder and a file share a name prefix', async () => {
    const root = join(dir, 'order');
    for (const key of ['song_data/A/x.json', 'song_data/A.json', 'song_data/A-b.json', 'song_data/A0/y.json', 'song_data/a.json', 'log_data/l.json']) {
      put(join('order', key), '{}');
    }
    const source = resolveSource(root);
    if (source.kind !== 'local') throw new Error('expected a local source');
    const keys = (await localStore(source).list('songs')).map((f) => f.key);
    expect(keys).toEqual(['song_data/A-b.json', 'song_data/A.json', 'song_data/A/x.json', 'song_data/A0/y.json', 'song_data/a.json']);
  });

  it('says what a source folder needs when song_data/ is missing', async () => {
    const source = resolveSource(join(dir, 'nowhere'));
    if (source.kind !== 'local') throw new Error('expected a local source');
    await expect(localStore(source).list('songs')).rejects.toThrow(
      new SourceError(`${join(dir, 'nowhere', 'song_data')} is missing: a source folder needs song_data/ and log_data/ (the layout of the Udacity S3 bucket)`),
    );
  });
});

describe('resolveSource', () => {
  it('reads s3://bucket/prefix as the Udacity layout', () => {
    expect(resolveSource('s3://udacity-dend')).toEqual({
      kind: 's3',
      songs: { bucket: 'udacity-dend', key: 'song_data' },
      logs: { bucket: 'udacity-dend', key: 'log_data' },
      jsonPaths: { bucket: 'udacity-dend', key: 'log_json_path.json' },
    });
    expect(resolveSource('s3://b/some/prefix/')).toMatchObject({ songs: { bucket: 'b', key: 'some/prefix/song_data' } });
  });

  it('refuses a malformed S3 URL, naming the setting', () => {
    expect(() => parseS3Url('s3:/nope', '[S3] LOG_DATA')).toThrow('[S3] LOG_DATA "s3:/nope" is not an s3://bucket/key URL');
    expect(() => resolveSource({ kind: 's3', songData: 's3://b/s', logData: 'http://x', logJsonPath: 's3://b/p.json' })).toThrow(/\[S3\] LOG_DATA/);
  });
});
