import { createTables, createTablesStatements } from '@sparkify/warehouse';
import { withWarehouse, type CommandContext, type CommandResult } from '../run-command.js';

export interface CreateTablesFlags {
  readonly reset?: boolean;
  readonly dryRun?: boolean;
}

/** Creates the missing tables; `--reset` drops and recreates them; `--dry-run` prints the DDL without connecting. */
export async function createTablesCommand(ctx: CommandContext, flags: CreateTablesFlags): Promise<CommandResult> {
  const schema = ctx.config.etl.schema;
  if (flags.dryRun) {
    const dialect = ctx.config.target.kind === 'redshift' ? 'redshift' : 'postgres';
    const statements = createTablesStatements(dialect, schema, { reset: flags.reset === true });
    return {
      summary: { dryRun: true, dialect, schema, statements },
      text: [`-- ${dialect} DDL for schema ${schema}${flags.reset ? ' (reset: drops every table first)' : ''}`, ...statements.map((s) => s + ';\n')],
    };
  }
  return withWarehouse(ctx, async (wh) => {
    const report = await wh.begin((tx) => createTables(tx, { reset: flags.reset === true }));
    const text = [`target: ${wh.description}`];
    if (report.dropped.length > 0) text.push(`dropped ${report.dropped.length}: ${report.dropped.join(', ')}`);
    text.push(report.created.length > 0 ? `created ${report.created.length}: ${report.created.join(', ')}` : 'created none: every table exists');
    if (report.existing.length > 0) text.push(`already there ${report.existing.length}: ${report.existing.join(', ')}`);
    return { summary: { target: wh.description, schema, ...report }, text };
  });
}
