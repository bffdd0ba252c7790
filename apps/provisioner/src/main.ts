// Entry point of `nx run provisioner:<command>` and `npm run provisioner -- <command>`: the CLI on the real process.
import module from 'node:module';
import { main } from './cli.js';
import { processIo } from '@sparkify/cli';

// Node ≥ 22.1 can keep V8's compiled code of the modules loaded after this line (the command's chunks) on disk and
// skip compiling them on the next run. Node 20 has no such cache: there the call is skipped.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// The AWS SDK versions are pinned and run on Node 20; its notice about future releases needing Node 22 is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
process.exitCode = await main(process.argv.slice(2), processIo());
