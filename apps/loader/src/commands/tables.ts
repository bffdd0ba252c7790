import { createTablesDdl, runCreateTables } from '@sparkify/pipeline';
import { pipelineOptions, type CommandContext, type CommandResult } from '../run-command.js';

export interface CreateTablesFlags {
  readonly reset?: boolean;
  readonly dryRun?: boolean;
}

/** Creates the missing tables; `--reset` drops and recreates them; `--dry-run` prints the DDL without connecting. */
export async function createTablesCommand(ctx: CommandContext, flags: CreateTablesFlags): Promise<CommandResult> {
  const reset = flags.reset === true;
  if (flags.dryRun) {
    const { dialect, schema, statements } = createTablesDdl(ctx.config, { reset });
    return {
      summary: { dryRun: true, dialect, schema, statements },
      text: [`-- ${dialect} DDL for schema ${schema}${reset ? ' (reset: drops every table first)' : ''}`, ...statements.map((s) => s + ';\n')],
    };
  }
  const report = await runCreateTables(ctx.config, { ...pipelineOptions(ctx), reset });
  const text = [`target: ${report.target}`];
  if (report.dropped.length > 0) text.push(`dropped ${report.dropped.length}: ${report.dropped.join(', ')}`);
  text.push(report.created.length > 0 ? `created ${report.created.length}: ${report.created.join(', ')}` : 'created none: every table exists');
  if (report.existing.length > 0) text.push(`already there ${report.existing.length}: ${report.existing.join(', ')}`);
  return { summary: { ...report }, text };
}
