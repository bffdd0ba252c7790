import { EXIT, reportFailure, UsageError, isDebug, type Io } from '@sparkify/cli';
import { loadConfig, scrub, secretsOf, type Config } from '@sparkify/config';
import { snapshotIdProblem, type InfraOptions, type SnapshotChoice } from '@sparkify/infra';
import { progressReporter } from './progress.js';

/** What tests replace: time (so waits are instant) and the poll interval. AWS itself is faked at the SDK. */
export type Deps = Pick<InfraOptions, 'clock' | 'pollIntervalMs' | 'retry'>;

export interface Common {
  readonly config?: string;
  readonly json?: boolean;
}

export type Printer = (human: string, json: Record<string, unknown>) => void;

/** Checked choices of `up` and `down`. */
export interface Choices {
  readonly up?: { readonly dryRun: boolean; readonly writeConfig: boolean };
  readonly down?: { readonly snapshot: SnapshotChoice; readonly dryRun: boolean };
}

export type Body = (config: Config, options: InfraOptions, print: Printer, choices: Choices) => Promise<void>;

/**
 * Runs one command: loads the config, calls `body`, prints its result (text, or one JSON document with --json) and
 * turns any failure into an exit code and one paragraph on stderr, scrubbed of the config's secrets.
 */
export async function runCommand(name: string, opts: Common & Record<string, unknown>, io: Io, deps: Deps, body: Body): Promise<number> {
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
