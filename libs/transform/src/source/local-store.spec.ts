import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

describe('localStore with special files and links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparkify-special-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh source folder with song_data/ and log_data/, and its store. */
  const fresh = () => {
    const root = join(dir, `s${++n}`);
    mkdirSync(join(root, 'song_data'), { recursive: true });
    mkdirSync(join(root, 'log_data'), { recursive: true });
    const source = resolveSource(root);
    if (source.kind !== 'local') throw new Error('expected a local source');
    return { root, store: localStore(source) };
  };

  it('refuses a FIFO named log_json_path.json at once, naming it, instead of waiting forever for a writer', async () => {
    const { root, store } = fresh();
    execFileSync('mkfifo', [join(root, 'log_json_path.json')]);
    const error = await store.readJsonPaths().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      `${join(root, 'log_json_path.json')} is a FIFO (named pipe), not a regular file; the loader reads regular files only (or symlinks to them): replace it with the file`,
    );
  }, 5_000);

  it('refuses a folder named log_json_path.json, naming it', async () => {
    const { root, store } = fresh();
    mkdirSync(join(root, 'log_json_path.json'));
    await expect(store.readJsonPaths()).rejects.toThrow(new SourceError(
      `${join(root, 'log_json_path.json')} is a folder, not a regular file; the loader reads regular files only (or symlinks to them): replace it with the file`,
    ));
  });

  it('refuses a FIFO or a socket named *.json among the data files, naming it', async () => {
    const { root, store } = fresh();
    execFileSync('mkfifo', [join(root, 'log_data', 'pipe.json')]);
    await expect(store.list('logs')).rejects.toThrow(`${join(root, 'log_data', 'pipe.json')} is a FIFO (named pipe), not a regular file`);
    const other = fresh();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(other.root, 'song_data', 'sock.json'), resolve));
    try {
      await expect(other.store.list('songs')).rejects.toThrow(`${join(other.root, 'song_data', 'sock.json')} is a socket, not a regular file`);
    } finally {
      server.close();
    }
  });

  it('follows symlinks to files and folders, listing them under the link\'s name', async () => {
    const { root, store } = fresh();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(join(elsewhere, '2018'), { recursive: true });
    writeFileSync(join(elsewhere, 'day.json'), '{"a":1}\n');
    writeFileSync(join(elsewhere, '2018', 'nov.json'), '{}');
    writeFileSync(join(elsewhere, 'paths.json'), '{"jsonpaths": ["$.a"]}');
    symlinkSync(join(elsewhere, 'day.json'), join(root, 'log_data', 'linked.json'));
    symlinkSync(join(elsewhere, '2018'), join(root, 'log_data', 'year'));
    symlinkSync(join(elsewhere, 'paths.json'), join(root, 'log_json_path.json'));
    const files = await store.list('logs');
    expect(files).toEqual([
      { key: 'log_data/linked.json', size: 8 },
      { key: 'log_data/year/nov.json', size: 2 },
    ]);
    expect((await store.read(files[0] as (typeof files)[0])).toString()).toBe('{"a":1}\n');
    expect(await store.readJsonPaths()).toEqual({ text: '{"jsonpaths": ["$.a"]}', where: join(root, 'log_json_path.json') });
  });

  it('reports symlink loops and dangling links, naming them, instead of hanging', async () => {
    const loop = fresh();
    mkdirSync(join(loop.root, 'song_data', 'A'));
    symlinkSync(join(loop.root, 'song_data'), join(loop.root, 'song_data', 'A', 'up'));
    await expect(loop.store.list('songs')).rejects.toThrow(`${join(loop.root, 'song_data', 'A', 'up')} is a symlink loop`);

    const self = fresh();
    symlinkSync(join(self.root, 'log_data', 'me.json'), join(self.root, 'log_data', 'me.json'));
    await expect(self.store.list('logs')).rejects.toThrow(new SourceError(`${join(self.root, 'log_data', 'me.json')} is a symlink loop (a link that leads back to itself)`));

    const dangling = fresh();
    symlinkSync(join(dir, 'no-such-file'), join(dangling.root, 'log_json_path.json'));
    await expect(dangling.store.readJsonPaths()).rejects.toThrow(
      new SourceError(`${join(dangling.root, 'log_json_path.json')} is a symlink to nothing (its target does not exist)`),
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
