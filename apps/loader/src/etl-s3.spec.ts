import { join } from 'node:path';
import { generate } from '@sparkify/datagen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../test/capture.js';
import { expectedCounts } from '../test/expected.js';
import { startS3 } from '../test/s3-server.js';

describe('etl from an s3:// source into the embedded PostgreSQL', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let s3: Awaited<ReturnType<typeof startS3>>;

  beforeAll(async () => {
    await generate({ out: data, songs: 40, events: 300, seed: 3, days: 2 });
    s3 = await startS3('sparkify-demo');
    await s3.upload(data);
  });
  afterAll(async () => {
    await s3?.close();
    dir.remove();
  });

  it('reads the files through the S3 API with the [AWS] settings, and never prints the secret key', async () => {
    const secret = 'S3RVER-secret-not-checked';
    const env = {
      PATH: process.env['PATH'],
      AWS_REGION: 'us-west-2',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: secret,
      SPARKIFY_S3_ENDPOINT: s3.endpoint,
    };
    const result = await run(['etl', '--source', 's3://sparkify-demo/', '--data-dir', join(dir.path, 'pg'), '--json'], { cwd: dir.path, env });
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    const expected = expectedCounts(data);
    const summary = JSON.parse(result.stdout) as { rows: Record<string, number>; steps: { stage: { source: string } } };
    expect(summary.rows['staging_songs']).toBe(expected.songFiles);
    expect(summary.rows['staging_events']).toBe(expected.events);
    expect(summary.rows['songplays']).toBe(expected.plays);
    expect(summary.steps.stage.source).toContain('s3://sparkify-demo/');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });
});
