import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { buildProgram, commanderExitCode } from './program.js';

export { EXIT } from './exit-codes.js';
export type { Io } from './io.js';

/**
 * The loader CLI: `main(['etl', '--json'], io)` resolves to the exit code. Tests call it with captured
 * streams; `tsx apps/loader/src/main.ts …` runs it on the real process.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    throw error;
  }
  return exitCode;
}

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
  process.exitCode = await main(process.argv.slice(2));
}
