import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, type GenerateOptions } from './index.js';
import { folderHash } from './__fixtures__/output.js';

describe('determinism', () => {
  const root = mkdtempSync(join(tmpdir(), 'datagen-det-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const base: Omit<GenerateOptions, 'out'> = { songs: 800, events: 6000, seed: 2024, quirks: true, matchRate: 0.2, days: 4 };

  it('gives byte-identical output for the same arguments, and different output for another seed', async () => {
    const a = await generate({ ...base, out: join(root, 'a') });
    const b = await generate({ ...base, out: join(root, 'b') });
    await generate({ ...base, seed: 2025, out: join(root, 'c') });
    const [ha, hb, hc] = [folderHash(join(root, 'a')), folderHash(join(root, 'b')), folderHash(join(root, 'c'))];
    expect(hb).toBe(ha);
    expect(hc).not.toBe(ha);
    const { elapsedMs: _a, out: _oa, ...ra } = a;
    const { elapsedMs: _b, out: _ob, ...rb } = b;
    expect(rb).toEqual(ra);
  });

  it('refuses to write over earlier output unless asked to', async () => {
    const out = join(root, 'again');
    await generate({ ...base, events: 100, songs: 10, out });
    await expect(generate({ ...base, events: 100, songs: 10, out })).rejects.toThrow(/already has song_data, log_data, log_json_path\.json.*overwrite: true/);
    await generate({ ...base, events: 100, songs: 10, out, overwrite: true });
    const fresh = join(root, 'fresh');
    await generate({ ...base, events: 100, songs: 10, out: fresh });
    expect(folderHash(out)).toBe(folderHash(fresh));
  });

  it('lists every bad option in one error', async () => {
    await expect(
      generate({ out: join(root, 'bad'), songs: 0, events: -1, seed: 1.5, startDate: '2018-02-30', matchRate: 2 }),
    ).rejects.toThrow(/songs:[\s\S]*events:[\s\S]*seed:[\s\S]*matchRate:[\s\S]*startDate: not a calendar date/);
  });
});
