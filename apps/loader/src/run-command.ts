import { isDebug, reportFailure, type Io } from '@sparkify/cli';
import { loadConfig, scrub, secretsOf, type Config } from '@sparkify/config';
import type { PipelineOptions } from '@sparkify/pipeline';
import { asScript, dryRunWarehouse } from '@sparkify/warehouse';
import { Progress } from './progress.js';
import { overridesOf, type SharedOptions } from './shared-options.js';

export interface CommandContext {
  readonly command: string;
  readonly io: Io;
  readonly options: SharedOptions;
  readonly config: Config;
  readonly progress: Progress;
}

/** What a command hands back: a JSON-able summary (for --json) and the lines a person reads. */
export interface CommandResult {
  readonly summary: Record<string, unknown>;
  readonly text: readonly string[];
  readonly exitCode?: number;
}

/**
 * Runs one subcommand: loads the config, calls `body`, prints its summary on stdout (text, or one JSON document
 * with --json), turns any failure into an exit code and one paragraph on stderr. No secret is printed: every
 * line written is scrubbed of the config's passwords and keys.
 */
export async function runCommand(
  command: string,
  io: Io,
  options: SharedOptions,
  body: (ctx: CommandContext) => Promise<CommandResult>,
): Promise<number> {
  let secrets: string[] = [];
  const progress = new Progress({ ...io, stderr: scrubbingStream(io.stderr, () => secrets) });
  const json = options.json === true;
  try {
    const config = loadConfig({ file: options.config, env: io.env, cwd: io.cwd, overrides: overridesOf(options) });
    secrets = secretsOf(config);
    for (const warning of config.warnings) progress.log(`warning: ${warning}`);
    const result = await body({ command, io, options, config, progress });
    progress.endBar();
    if (json) io.stdout.write(scrub(JSON.stringify({ command, ok: (result.exitCode ?? 0) === 0, ...result.summary }), secrets) + '\n');
    else io.stdout.write(scrub(result.text.join('\n'), secrets) + '\n');
    return result.exitCode ?? 0;
  } catch (error) {
    progress.endBar();
    return reportFailure(io, 'sparkify', command, error, { json, debug: isDebug(io), secrets });
  }
}

/** What every pipeline call of the loader gets: progress on stderr, the environment, --full-refresh. */
export function pipelineOptions(ctx: CommandContext): PipelineOptions {
  return {
    applicationName: 'sparkify-loader',
    onProgress: ctx.progress.event,
    fullRefresh: ctx.options.fullRefresh === true,
    ...(ctx.options.wait !== undefined ? { waitSeconds: ctx.options.wait } : {}),
    env: ctx.io.env,
    // The embedded server's own log, only when debugging.
    ...(isDebug(ctx.io) ? { onServerLog: (line: string) => ctx.progress.log(`postgres: ${line}`) } : {}),
  };
}

/**
 * Runs a pipeline call. With --dry-run nothing is opened: the call runs against a recorder and the result is the
 * script of every statement it would send, each ending with `;` (nothing else goes to stdout).
 */
export async function runPipeline(ctx: CommandContext, call: (options: PipelineOptions) => Promise<CommandResult>): Promise<CommandResult> {
  if (!ctx.options.dryRun) return call(pipelineOptions(ctx));
  const recorder = dryRunWarehouse(ctx.config);
  await call({ ...pipelineOptions(ctx), warehouse: recorder, dryRun: true });
  const statements = recorder.statements();
  return {
    summary: { dryRun: true, dialect: recorder.dialect.name, schema: recorder.schema, statements },
    text: [`-- ${recorder.description}: ${statements.length} statements, schema ${recorder.schema}`, asScript(statements)],
  };
}

/** stderr that scrubs secrets from everything written through it (progress lines, connection retries). */
function scrubbingStream(stream: Io['stderr'], secrets: () => readonly string[]): Io['stderr'] {
  return new Proxy(stream, {
    get(target, key, receiver) {
      if (key === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? scrub(chunk, secrets()) : chunk, ...rest);
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
