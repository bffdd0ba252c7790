import { describe, expect, it } from 'vitest';
import { s3LocationsOf, s3ReadPolicy } from './s3-access.js';

describe("the cluster role's S3 read access", () => {
  const source = { kind: 's3', logData: 's3://udacity-dend/log_data', logJsonPath: 's3://udacity-dend/log_json_path.json', songData: 's3://udacity-dend/song_data' } as const;

  it('adds [S3] MANIFEST_PREFIX, where Redshift COPY reads the manifests of new files', () => {
    expect(s3LocationsOf(source)).toEqual([source.logData, source.logJsonPath, source.songData]);
    const withManifests = s3LocationsOf({ ...source, manifestPrefix: 's3://my-bucket/sparkify/manifests' });
    expect(withManifests.at(-1)).toBe('s3://my-bucket/sparkify/manifests');
    const policy = s3ReadPolicy(withManifests);
    expect(policy.Statement[0]?.Resource).toContain('arn:aws:s3:::my-bucket/sparkify/manifests*');
    expect(policy.Statement.find((s) => s.Resource === 'arn:aws:s3:::my-bucket')?.Condition).toEqual({
      StringLike: { 's3:prefix': ['sparkify/manifests*'] },
    });
  });
});
