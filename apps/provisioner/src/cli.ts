import { configureProgram, EXIT, runProgram, type Io } from '@sparkify/cli';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Common, Deps } from './run-command.js';

export type { Deps } from './run-command.js';

// The commands (and through them the AWS SDK, zod and the config) load only when one runs: `--help` and usage
// errors need nothing but commander and this table. The bundle puts them in a chunk of their own.
const load = () => Promise.all([import('./run-command.js'), import('./commands.js')]);

/**
 * The provisioner CLI: `main(['up', '--write-config'], io)` resolves to the exit code, from the shared table of
 * @sparkify/cli (0 done, 1 AWS refused or timed out, 2 usage or config, 3 unexpected).
 */
export async function main(argv: readonly string[], io: Io, deps: Deps = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = configureProgram(new Command('provisioner'), io).description(
    'Provision the Sparkify Redshift stack: IAM role, security group, encrypted cluster or Serverless namespace + workgroup, ingress rule.',
  );

  const run = (name: 'plan' | 'up' | 'status' | 'down') => async (opts: Common & Record<string, unknown>) => {
    const [{ runCommand }, { commands }] = await load();
    exitCode = await runCommand(name, opts, io, deps, commands[name]);
  };

  withCommon(program.command('plan').description('show what up would create, change or leave alone (read-only)')).action(run('plan'));

  withCommon(program.command('up').description('create or finish the stack, wait until the cluster or workgroup is available'))
    .option('--dry-run', 'plan only: make no change')
    .option('--write-config', 'write [CLUSTER] and [IAM_ROLE] into the config file')
    .addOption(timeoutOption())
    .action(run('up'));

  withCommon(program.command('status').description('show each resource and its state')).action(run('status'));

  withCommon(program.command('down').description('delete ingress rule, cluster or workgroup and namespace, security group and role (waits for the deletion)'))
    .option('--final-snapshot <id>', 'keep a final snapshot of the cluster or namespace with this identifier')
    .option('--skip-final-snapshot', 'delete the cluster or namespace without a final snapshot')
    .option('--dry-run', 'show what would be deleted')
    .addOption(timeoutOption())
    .action(run('down'));

  return runProgram(program, argv, () => exitCode);
}

function withCommon(command: Command): Command {
  return command
    .option('--config <file>', 'config file (default: $SPARKIFY_CONFIG, else ./dwh.cfg)')
    .option('--json', 'print one JSON summary on stdout instead of text');
}

function timeoutOption(): Option {
  return new Option('--timeout <minutes>', 'bound on waiting for the cluster').argParser((value) => {
    const minutes = Number(value);
    if (!Number.isFinite(minutes) || minutes <= 0) throw new InvalidArgumentError('expected a number of minutes greater than 0.');
    return minutes;
  });
}
