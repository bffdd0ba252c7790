import { configureProgram, type Io } from '@sparkify/cli';
import { Command } from 'commander';
import type { CreateTablesFlags } from './commands/tables.js';
import type { CommandContext, CommandResult } from './run-command.js';
import { withSharedOptions, type SharedOptions } from './shared-options.js';

type Body = (ctx: CommandContext, flags: Record<string, unknown>) => Promise<CommandResult>;

// The command modules (and through them the pipeline, Kysely, zod, the AWS SDK, cli-progress) load only when a
// command runs: `--help` and usage errors need nothing but commander and this table. The bundle puts each in a chunk.
const etlSteps = () => import('./commands/etl-steps.js');
const tables = () => import('./commands/tables.js');

/**
 * The loader's command line. Commander parses; each action records the exit code of `runCommand`, which never
 * throws. Usage errors (unknown flag, bad value) come back from commander as CommanderError: exit 2.
 */
export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = configureProgram(new Command('sparkify-loader'), io).description(
    'Load the Sparkify JSON data into the warehouse: stage, transform into the star schema, check.',
  );

  const add = (name: string, description: string, body: Body, extra?: (c: Command) => Command) => {
    // program.command() copies the output, exit and help settings to the subcommand.
    const command = withSharedOptions(program.command(name).description(description));
    (extra ? extra(command) : command).action(async (options: SharedOptions & Record<string, unknown>) => {
      const { runCommand } = await import('./run-command.js');
      setExitCode(await runCommand(name, io, options, (ctx) => body(ctx, options)));
    });
  };

  const dryRun = (c: Command) => c.option('--dry-run', 'print every statement the run would send, each ending with ;, without connecting');
  add(
    'etl',
    'create missing tables, then stage + transform + check in one transaction (commit only if all pass)',
    async (ctx) => (await etlSteps()).etlCommand(ctx),
    dryRun,
  );
  add(
    'create-tables',
    'create every missing table',
    async (ctx, flags) => (await tables()).createTablesCommand(ctx, flags as CreateTablesFlags),
    (c) =>
      c
        .option('--reset', 'drop every table first (their rows are lost), then create them')
        .option('--dry-run', 'print the DDL for the selected target without connecting'),
  );
  add('stage', 'extract the files and stage them (files already in the ledger are skipped)', async (ctx) => (await etlSteps()).stageCommand(ctx), dryRun);
  add('transform', 'rebuild the star tables from everything staged', async (ctx) => (await etlSteps()).transformCommand(ctx), dryRun);
  add('check', 'run the data tests on the star tables', async (ctx) => (await etlSteps()).checkCommand(ctx), dryRun);
  return program;
}
