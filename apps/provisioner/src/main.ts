// Entry point of `nx run provisioner:<command>` and `npm run provisioner -- <command>`: the CLI on the real process.
import { main } from './cli.js';
import { processIo } from '@sparkify/cli';

// The AWS SDK versions are pinned and run on Node 20; its notice about future releases needing Node 22 is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
process.exitCode = await main(process.argv.slice(2), processIo());
