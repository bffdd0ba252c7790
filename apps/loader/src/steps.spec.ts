import { join } from 'node:path';
import { describeWith, sharedData } from '@sparkify/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';
import { expectedCounts } from '../test/expected.js';

describe('a step alone on a warehouse without tables', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('exits 2 and says to create the tables first', async () => {
    const result = await run(['transform', '--data-dir', join(dir.path, 'pg')], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lacks staging_events, .* Create them first: nx run loader:create-tables/);
  });
});

describeWith(sharedData('sparkify-small'), 'stage, transform and check one at a time, embedded PostgreSQL', (source) => {
  const dir = tempDir();
  const common = ['--data-dir', join(dir.path, 'pg'), '--json'];
  const expected = expectedCounts(source);
  const files = expected.songFiles + expected.logFiles;
  afterAll(() => dir.remove());
  const json = async (args: string[]) => {
    const result = await run([...args, ...common], { cwd: dir.path });
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, never>;
  };

  it('stage stages every file once', async () => {
    await json(['create-tables']);
    const first = await json(['stage', '--source', source]);
    expect(first['stage']).toMatchObject({ files: { staged: files, skipped: 0 }, rows: { staging_events: expected.events, staging_songs: expected.songFiles } });
    const second = await json(['stage', '--source', source]);
    expect(second['stage']).toMatchObject({ files: { staged: 0, skipped: files }, rows: { staging_events: 0, staging_songs: 0 } });
  });

  it('stage --full-refresh stages everything again, without duplicates', async () => {
    const again = await json(['stage', '--source', source, '--full-refresh']);
    expect(again['stage']).toMatchObject({ files: { staged: files }, rows: { staging_events: expected.events } });
  });

  it('transform builds the star tables from what is staged', async () => {
    const summary = await json(['transform']);
    expect(summary['transform']).toMatchObject({ songplays: { total: expected.plays } });
  });

  it('check passes on them', async () => {
    const summary = await json(['check']);
    expect(summary).toMatchObject({ command: 'check', ok: true });
  });
});
