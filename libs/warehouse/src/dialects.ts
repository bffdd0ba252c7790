import type { DialectCapabilities } from './types.js';

/** PostgreSQL (embedded or a server): files are streamed by the client with COPY … FROM STDIN. */
export function postgresCapabilities(serverVersionNum = 150000): DialectCapabilities {
  return Object.freeze({
    name: 'postgres',
    staging: 'copy-from-stdin',
    supportsOnConflict: true,
    supportsMerge: serverVersionNum >= 150000, // MERGE arrived in PostgreSQL 15
  });
}

/** Amazon Redshift, "PostgreSQL plus overrides": the server pulls files from S3 and has no ON CONFLICT. */
export const redshiftCapabilities: DialectCapabilities = Object.freeze({
  name: 'redshift',
  staging: 'copy-from-s3',
  supportsOnConflict: false,
  supportsMerge: true,
});
