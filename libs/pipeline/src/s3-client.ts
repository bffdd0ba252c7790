import { S3Client } from '@aws-sdk/client-s3';
import type { AwsSettings } from '@sparkify/config';

/**
 * The S3 client staging needs when a PostgreSQL target reads an s3:// source (Redshift reads S3 itself).
 * Built from the [AWS] settings; no call is made here. SPARKIFY_S3_ENDPOINT points it at an S3-compatible
 * server (path-style), e.g. a local test server.
 */
export function s3ClientFor(aws: AwsSettings, env: NodeJS.ProcessEnv): S3Client {
  const endpoint = env['SPARKIFY_S3_ENDPOINT'];
  return new S3Client({
    region: aws.region ?? 'us-west-2',
    ...(aws.accessKeyId && aws.secretAccessKey
      ? { credentials: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {}) } }
      : {}),
    ...(aws.profile && !aws.accessKeyId ? { profile: aws.profile } : {}),
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
