import { CommanderError, type Command } from 'commander';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

/**
 * Runs a commander program whose actions record their exit code with `exitCode.set`: no arguments prints the help
 * (exit 2), help and version exit 0, commander's own usage errors (already printed) exit 2. The program must
 * have been built with `.exitOverride()`.
 */
export async function runProgram(program: Command, argv: readonly string[], exitCode: () => number): Promise<number> {
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
  return exitCode();
}

/** Exit code for commander's own exits: help and version are fine, anything else is a usage error. */
export function commanderExitCode(error: CommanderError): number {
  return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? EXIT.ok : EXIT.usage;
}

/** A commander program with the shell's settings: output through `io`, exit codes instead of process.exit. */
export function configureProgram(program: Command, io: Io): Command {
  return program
    .exitOverride()
    .showHelpAfterError('(run with --help for the options)')
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
}
