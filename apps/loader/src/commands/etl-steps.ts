import { runCheck, runEtl, runStage, runTransform, stageLines, summaryLines, checkLines, transformLines } from '@sparkify/pipeline';
import { pipelineOptions, type CommandContext, type CommandResult } from '../run-command.js';

// The loader's ETL commands: each calls @sparkify/pipeline and turns its summary into lines; no composition here.

export async function etlCommand(ctx: CommandContext): Promise<CommandResult> {
  const summary = await runEtl(ctx.config, pipelineOptions(ctx));
  return { summary: { ...summary }, text: summaryLines(summary) };
}

export async function stageCommand(ctx: CommandContext): Promise<CommandResult> {
  const r = await runStage(ctx.config, pipelineOptions(ctx));
  return { summary: r, text: [`target: ${r.target}`, ...stageLines(r.stage)] };
}

export async function transformCommand(ctx: CommandContext): Promise<CommandResult> {
  const r = await runTransform(ctx.config, pipelineOptions(ctx));
  return { summary: r, text: [`target: ${r.target}`, ...transformLines(r.transform)] };
}

export async function checkCommand(ctx: CommandContext): Promise<CommandResult> {
  const r = await runCheck(ctx.config, pipelineOptions(ctx));
  return { summary: r, text: [`target: ${r.target}`, ...checkLines(r.checks)] };
}
