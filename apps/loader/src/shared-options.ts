import { InvalidArgumentError, type Command } from 'commander';
import type { ConfigOverrides } from '@sparkify/config';

export interface SharedOptions {
  readonly config?: string;
  readonly databaseUrl?: string;
  readonly source?: string;
  readonly dataDir?: string;
  readonly schema?: string;
  readonly maxErrors?: number;
  readonly json?: boolean;
  readonly fullRefresh?: boolean;
  /** Print every statement instead of connecting (etl, stage, transform, check, create-tables). */
  readonly dryRun?: boolean;
  readonly wait?: number;
}

const wholeNumber = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return Number(value);
};

/** The options every subcommand takes; command-line values win over the environment and dwh.cfg. */
export function withSharedOptions(command: Command): Command {
  return command
    .option('--config <path>', 'config file in the dwh.cfg format (default: $SPARKIFY_CONFIG, else ./dwh.cfg if present)')
    .option('--database-url <url>', 'any PostgreSQL server, e.g. postgres://user@127.0.0.1:5432/dwh (also DATABASE_URL)')
    .option('--source <dir-or-s3>', 'folder or s3://bucket/prefix holding song_data/, log_data/ and log_json_path.json')
    .option('--data-dir <dir>', 'data folder of the embedded PostgreSQL (default .sparkify/pg)')
    .option('--schema <name>', 'schema the tables live in (default public)')
    .option('--max-errors <n>', 'bad records tolerated before the run fails, like COPY MAXERROR (default 0)', wholeNumber)
    .option('--full-refresh', 'empty the staging tables and the ledger first, then stage every file again')
    .option('--json', 'print one JSON summary on stdout (and nothing else there)')
    .option('--wait <seconds>', 'how long to wait for another run on the same warehouse to finish (default 600)', wholeNumber);
}

export const overridesOf = (o: SharedOptions): ConfigOverrides => ({
  databaseUrl: o.databaseUrl,
  source: o.source,
  dataDir: o.dataDir,
  schema: o.schema,
  maxErrors: o.maxErrors,
});
