import { join } from 'node:path';
import { psql, psqlQuote, type ProcessMeasure } from './psql.js';

export interface StagingTable {
  readonly table: string;
  readonly columns: readonly string[];
}

const target = (t: StagingTable) => `${t.table} (${t.columns.map((c) => `"${c}"`).join(', ')})`;

/** Writes the staged rows of each table to `<dir>/<table>.tsv` (COPY text format) with psql's \copy. */
export async function dumpStaging(url: string, tables: readonly StagingTable[], dir: string): Promise<void> {
  const commands = tables.flatMap((t) => ['-c', `\\copy ${target(t)} to ${psqlQuote(join(dir, `${t.table}.tsv`))}`]);
  await psql(url, commands);
}

/** The physical limit of staging: the same rows loaded back with `psql \copy`, one psql process for all tables. */
export function copyStaging(url: string, tables: readonly StagingTable[], dir: string): Promise<ProcessMeasure> {
  const commands = tables.flatMap((t) => ['-c', `\\copy ${target(t)} from ${psqlQuote(join(dir, `${t.table}.tsv`))}`]);
  return psql(url, commands);
}

/** The same transform SQL our code sent, replayed by psql in one transaction (ours runs in one transaction too). */
export function runSqlFile(url: string, file: string): Promise<ProcessMeasure> {
  return psql(url, ['-1', '-f', file]);
}
