import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './cli.js';
import { processIo } from './io.js';

export { main, type Deps } from './cli.js';
export { EXIT, type Io } from './io.js';

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // The AWS SDK versions are pinned and run on Node 20; its notice about future releases needing Node 22 is noise here.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  process.exitCode = await main(process.argv.slice(2), processIo());
}
