import { runCheck, runEtl, runStage, runTransform, stageLines, summaryLines, checkLines, transformLines } from '@sparkify/pipeline';
import { runPipeline, type CommandContext, type CommandResult } from '../run-command.js';

// The loader's ETL commands: each calls @sparkify/pipeline and turns its summary into lines; no composition here.

export const etlCommand = (ctx: CommandContext): Promise<CommandResult> =>
  runPipeline(ctx, async (options) => {
    const summary = await runEtl(ctx.config, options);
    return { summary: { ...summary }, text: summaryLines(summary) };
  });

export const stageCommand = (ctx: CommandContext): Promise<CommandResult> =>
  runPipeline(ctx, async (options) => {
    const r = await runStage(ctx.config, options);
    return { summary: r, text: [`target: ${r.target}`, ...stageLines(r.stage)] };
  });

export const transformCommand = (ctx: CommandContext): Promise<CommandResult> =>
  runPipeline(ctx, async (options) => {
    const r = await runTransform(ctx.config, options);
    return { summary: r, text: [`target: ${r.target}`, ...transformLines(r.transform)] };
  });

export const checkCommand = (ctx: CommandContext): Promise<CommandResult> =>
  runPipeline(ctx, async (options) => {
    const r = await runCheck(ctx.config, options);
    return { summary: r, text: [`target: ${r.target}`, ...checkLines(r.checks)] };
  });
