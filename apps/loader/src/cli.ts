import { processIo, runProgram, type Io } from '@sparkify/cli';
import { buildProgram } from './program.js';

export { EXIT, type Io } from '@sparkify/cli';

/**
 * The loader CLI: `main(['etl', '--json'], io)` resolves to the exit code. Tests call it with captured
 * streams; `src/main.ts` runs it on the real process.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  return runProgram(program, argv, () => exitCode);
}
