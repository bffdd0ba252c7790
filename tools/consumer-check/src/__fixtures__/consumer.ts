// A TypeScript consumer of every public package, type-checked with moduleResolution nodenext and skipLibCheck
// false against the installed tarballs: wrong `exports`, `types` or an undeclared type dependency fail here.
import { collectInsights, type Insights } from '@sparkify/analytics';
import { loadConfig, type Config } from '@sparkify/config';
import { testConfig } from '@sparkify/config/testing';
import { DEMO_DATASET, generate } from '@sparkify/datagen';
import * as infra from '@sparkify/infra';
import { runEtl, runStage, summaryLines, type EtlSummary, type PipelineEvent } from '@sparkify/pipeline';
import { tableNames, type Database } from '@sparkify/schema';
import { formatLoadError, type StageReport } from '@sparkify/transform';
import { connect, type Warehouse } from '@sparkify/warehouse';

export async function consume(databaseUrl: string, source: string): Promise<EtlSummary> {
  const config: Config = loadConfig({ env: {}, overrides: { databaseUrl, source } });
  const events: PipelineEvent[] = [];
  const summary = await runEtl(config, { onProgress: (e) => events.push(e), maxErrors: 0, signal: new AbortController().signal });
  const lines: string[] = summaryLines(summary);
  const wh: Warehouse = await connect(config);
  try {
    const insights: Insights = await collectInsights(wh.db, { top: 3 });
    void insights;
  } finally {
    await wh.close();
  }
  const tables: readonly (keyof Database)[] = tableNames;
  const staged: StageReport | undefined = undefined;
  void [lines, tables, staged, formatLoadError, generate, DEMO_DATASET.events, testConfig().etl.schema, Object.keys(infra), runStage];
  return summary;
}
