import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { buildProgram, commanderExitCode } from './program.js';

export { EXIT } from './exit-codes.js';
export type { Io } from './io.js';

/**
 * The loader CLI: `main(['etl', '--json'], io)` resolves to the exit code. Tests call it with captured
 * streams; `src/main.ts` runs it on the real process.
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
