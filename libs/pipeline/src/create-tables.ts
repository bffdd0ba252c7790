import type { Config } from '@sparkify/config';
import { createTables, createTablesStatements, dialectFor, type CreateTablesReport, type DialectName } from '@sparkify/warehouse';
import { checkpoint, type PipelineOptions } from './options.js';
import { withWarehouse } from './session.js';

export interface CreateTablesStepOptions extends PipelineOptions {
  /** Drop every table first (their rows are lost), then create them all. */
  readonly reset?: boolean;
}

/** The DDL `runCreateTables` would run on the configured target, without connecting. */
export function createTablesDdl(config: Config, options: { readonly reset?: boolean } = {}): { dialect: DialectName; schema: string; statements: string[] } {
  const target = dialectFor(config.target.kind);
  const schema = target.foldIdentifier(config.etl.schema);
  const dialect: DialectName = target.name;
  return { dialect, schema, statements: createTablesStatements(dialect, schema, { reset: options.reset === true }) };
}

/** Creates the missing tables in one transaction; `reset` drops and recreates them all. */
export async function runCreateTables(config: Config, options: CreateTablesStepOptions = {}): Promise<{ target: string; schema: string } & CreateTablesReport> {
  return withWarehouse(config, options, async (wh) => {
    const report = await wh.begin((tx) => {
      checkpoint(options);
      return createTables(tx, { reset: options.reset === true });
    });
    return { target: wh.description, schema: wh.schema, ...report };
  }, 'create-tables');
}
