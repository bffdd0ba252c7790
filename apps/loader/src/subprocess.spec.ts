import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeWith, sharedData } from '@sparkify/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/capture.js';
import { expectedCounts } from '../test/expected.js';
import { removeBuiltCli, spawnCli } from '../test/spawn-cli.js';

afterAll(removeBuiltCli);

describe('the CLI as a real process', () => {
  it('prints --help from the built JavaScript: exit 0, usage on stdout, nothing on stderr', async () => {
    const result = await spawnCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: sparkify-loader');
    expect(result.stderr).toBe('');
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    const result = await spawnCli(['etl', '--max-errors', '-1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  }, 60_000);
});

describeWith(sharedData('sparkify-small'), 'the CLI as a real process, on the small real data set', (source) => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('runs etl --json: exit 0, one JSON document on stdout, progress on stderr, the server stopped afterwards', async () => {
    const result = await spawnCli(['etl', '--json', '--source', source, '--data-dir', join(dir.path, 'pg')], dir.path);
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { ok: boolean; rows: Record<string, number> };
    expect(summary.ok).toBe(true);
    expect(summary.rows['staging_songs']).toBe(expectedCounts(source).songFiles);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('embedded PostgreSQL started');
    expect(existsSync(join(dir.path, 'pg', 'cluster', 'postmaster.pid'))).toBe(false); // the server was stopped
  }, 120_000);
});
