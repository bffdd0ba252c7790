import { configureProgram, EXIT, reportFailure, runProgram, UsageError, isDebug, type Io } from '@sparkify/cli';
import { loadConfig, scrub, secretsOf, type Config } from '@sparkify/config';
import {
  downStack,
  planStack,
  snapshotIdProblem,
  stackStatus,
  upStack,
  type InfraOptions,
  type SnapshotChoice,
} from '@sparkify/infra';
import { Command, InvalidArgumentError, Option } from 'commander';
import { progressReporter } from './progress.js';
import { renderDown, renderPlanResult, renderStatus, renderUp, stepsJson } from './render.js';

/** What tests replace: time (so waits are instant) and the poll interval. AWS itself is faked at the SDK. */
export type Deps = Pick<InfraOptions, 'clock' | 'pollIntervalMs' | 'retry'>;

interface Common {
  readonly config?: string;
  readonly json?: boolean;
}

/**
 * The provisioner CLI: `main(['up', '--write-config'], io)` resolves to the exit code, from the shared table of
 * @sparkify/cli (0 done, 1 AWS refused or timed out, 2 usage or config, 3 unexpected).
 */
export async function main(argv: readonly string[], io: Io, deps: Deps = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = configureProgram(new Command('provisioner'), io).description(
    'Provision the Sparkify Redshift stack: IAM role, security group, encrypted cluster or Serverless namespace + workgroup, ingress rule.',
  );

  const run = (name: string, body: Body) => async (opts: Common & Record<string, unknown>) => {
    exitCode = await runCommand(name, opts, io, deps, body);
  };

  withCommon(program.command('plan').description('show what up would create, change or leave alone (read-only)')).action(
    run('plan', async (config, options, print) => {
      const result = await planStack(config, options);
      print(renderPlanResult(result), { steps: stepsJson(result.plan), notes: result.plan.notes, problems: result.problems });
    }),
  );

  withCommon(program.command('up').description('create or finish the stack, wait until the cluster or workgroup is available'))
    .option('--dry-run', 'plan only: make no change')
    .option('--write-config', 'write [CLUSTER] and [IAM_ROLE] into the config file')
    .addOption(timeoutOption())
    .action(
      run('up', async (config, options, print, choices) => {
        const result = await upStack(config, choices.up ?? {}, options);
        const targets = config.target.kind === 'redshift' && config.target.host === result.endpoint?.address && config.iamRoleArn === result.roleArn;
        print(renderUp(result, targets), {
          applied: result.applied,
          changed: result.changed,
          steps: stepsJson(result.plan),
          notes: result.plan.notes,
          problems: result.problems,
          endpoint: result.endpoint ?? null,
          database: result.database,
          user: result.user,
          roleArn: result.roleArn ?? null,
          passwordSecretArn: result.passwordSecretArn ?? null,
          configWritten: result.configWritten ?? null,
        });
        }),
    );

  withCommon(program.command('status').description('show each resource and its state')).action(
    run('status', async (config, options, print) => {
      const result = await stackStatus(config, options);
      print(renderStatus(result), { resources: result.rows });
    }),
  );

  withCommon(program.command('down').description('delete ingress rule, cluster or workgroup and namespace, security group and role (waits for the deletion)'))
    .option('--final-snapshot <id>', 'keep a final snapshot of the cluster or namespace with this identifier')
    .option('--skip-final-snapshot', 'delete the cluster or namespace without a final snapshot')
    .option('--dry-run', 'show what would be deleted')
    .addOption(timeoutOption())
    .action(
      run('down', async (config, options, print, choices) => {
        if (!choices.down) throw new UsageError('down needs a snapshot choice');
        const dryRun = choices.down.dryRun === true;
        const result = await downStack(config, choices.down, options);
        print(renderDown(result, dryRun), { changed: result.changed, dryRun, steps: stepsJson(result.plan), notes: result.plan.notes });
      }),
    );

  return runProgram(program, argv, () => exitCode);
}

type Printer = (human: string, json: Record<string, unknown>) => void;

/** Checked choices of `up` and `down`. */
interface Choices {
  readonly up?: { readonly dryRun: boolean; readonly writeConfig: boolean };
  readonly down?: { readonly snapshot: SnapshotChoice; readonly dryRun: boolean };
}

type Body = (config: Config, options: InfraOptions, print: Printer, choices: Choices) => Promise<void>;

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

async function runCommand(name: string, opts: Common & Record<string, unknown>, io: Io, deps: Deps, body: Body): Promise<number> {
  const json = opts.json === true;
  let secrets: string[] = [];
  const out = (text: string) => void io.stdout.write(scrub(text, secrets));
  const err = (text: string) => void io.stderr.write(scrub(text, secrets));
  const progress = progressReporter(err, io.stderr.isTTY === true);
  try {
    const config = loadConfig({ file: opts.config, env: io.env, cwd: io.cwd });
    secrets = secretsOf(config);
    for (const warning of config.warnings) err(`warning: ${warning}\n`);
    const choices = commandChoices(name, opts);
    const options: InfraOptions = {
      ...deps,
      onEvent: progress.onEvent,
      ...(io.env['USER'] ? { defaultOwner: io.env['USER'] } : {}),
      ...(typeof opts['timeout'] === 'number' ? { timeoutMs: opts['timeout'] * 60_000 } : {}),
    };
    let problems = false;
    const print: Printer = (human, data) => {
      progress.done();
      problems = Array.isArray(data['problems']) && data['problems'].length > 0;
      if (json) out(`${JSON.stringify({ command: name, ok: !problems, region: config.aws.region, ...data })}\n`);
      else out(human);
    };
    await body(config, options, print, choices);
    // plan/up printed their problems (and with --json their document): the config cannot carry the stack out.
    return problems ? EXIT.usage : EXIT.ok;
  } catch (error) {
    progress.done();
    return reportFailure(io, 'provisioner', name, error, { json, debug: isDebug(io), secrets });
  }
}

/** The command's own choices, checked: `down` demands exactly one snapshot choice. */
function commandChoices(name: string, opts: Record<string, unknown>): Choices {
  if (name === 'up') return { up: { dryRun: opts['dryRun'] === true, writeConfig: opts['writeConfig'] === true } };
  if (name !== 'down') return {};
  const finalSnapshot = opts['finalSnapshot'];
  const skip = opts['skipFinalSnapshot'] === true;
  if (typeof finalSnapshot === 'string' && skip) throw new UsageError('down: choose one of --final-snapshot ID and --skip-final-snapshot, not both.');
  if (typeof finalSnapshot !== 'string' && !skip) {
    throw new UsageError(
      'down deletes the warehouse (the cluster, or the Serverless namespace) and its data: say what happens to the data with --final-snapshot ID (keep a snapshot) or --skip-final-snapshot (keep nothing).',
    );
  }
  const problem = typeof finalSnapshot === 'string' ? snapshotIdProblem(finalSnapshot) : undefined;
  if (problem) throw new UsageError(`--final-snapshot ${String(finalSnapshot)}: ${problem}`);
  const snapshot: SnapshotChoice = typeof finalSnapshot === 'string' ? { finalSnapshotId: finalSnapshot } : { skipFinalSnapshot: true };
  return { down: { snapshot, dryRun: opts['dryRun'] === true } };
}
