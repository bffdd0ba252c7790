// Runs s3rver in its own Node process, started with --openssl-legacy-provider: s3rver 3.7.1 builds
// ListObjectsV2 continuation tokens with DES, which OpenSSL 3 refuses, so any truncated listing would
// answer 500 InternalError inside the test process. Prints {"port": n} once listening; SIGTERM stops it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');
const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(JSON.stringify({ port }) + '\n');
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
