import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { RedshiftServerlessClient } from '@aws-sdk/client-redshift-serverless';
import type { AwsSettings } from '@sparkify/config';
import { InfraConfigError } from './errors.js';

/** The control-plane clients the provisioner talks to, all in one region. */
export interface AwsClients {
  readonly region: string;
  readonly iam: IAMClient;
  readonly redshift: RedshiftClient;
  readonly ec2: EC2Client;
  readonly serverless: RedshiftServerlessClient;
}

/**
 * Builds the clients from `Config.aws`. Credentials: `[AWS] KEY`/`SECRET` (and `SESSION_TOKEN`) when given,
 * else the named profile, else the SDK's standard provider chain. SDK retries are off: `callAws` retries.
 */
export function createAwsClients(aws: AwsSettings): AwsClients {
  const region = requireRegion(aws);
  if ((aws.accessKeyId === undefined) !== (aws.secretAccessKey === undefined)) {
    const missing = aws.accessKeyId === undefined ? '[AWS] KEY (or AWS_ACCESS_KEY_ID)' : '[AWS] SECRET (or AWS_SECRET_ACCESS_KEY)';
    throw new InfraConfigError(`${missing} is missing: give both the access key id and the secret, or neither to use the AWS provider chain.`);
  }
  const credentials =
    aws.accessKeyId !== undefined && aws.secretAccessKey !== undefined
      ? { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {}) }
      : undefined;
  const settings = {
    region,
    maxAttempts: 1,
    ...(credentials ? { credentials } : {}),
    ...(aws.profile && !credentials ? { profile: aws.profile } : {}),
  };
  return {
    region,
    iam: new IAMClient(settings),
    redshift: new RedshiftClient(settings),
    ec2: new EC2Client(settings),
    serverless: new RedshiftServerlessClient(settings),
  };
}

/** The region, or a config error naming both places it can be set. */
export function requireRegion(aws: AwsSettings): string {
  if (!aws.region) {
    throw new InfraConfigError(
      'No AWS region: set [AWS] REGION in the config file or the AWS_REGION environment variable (e.g. us-west-2, where s3://udacity-dend is).',
    );
  }
  return aws.region;
}

/** Releases the clients' sockets so a CLI can exit promptly. */
export function destroyAwsClients(clients: AwsClients): void {
  clients.iam.destroy();
  clients.redshift.destroy();
  clients.ec2.destroy();
  clients.serverless.destroy();
}
