import { UsageError } from '@sparkify/cli';
import { downStack, planStack, stackStatus, upStack } from '@sparkify/infra';
import { renderDown, renderPlanResult, renderStatus, renderUp, stepsJson } from './render.js';
import type { Body } from './run-command.js';

/** What each provisioner command does: one @sparkify/infra call, its result printed as text or JSON. */
export const commands: Record<'plan' | 'up' | 'status' | 'down', Body> = {
  plan: async (config, options, print) => {
    const result = await planStack(config, options);
    print(renderPlanResult(result), { steps: stepsJson(result.plan), notes: result.plan.notes, problems: result.problems });
  },

  up: async (config, options, print, choices) => {
    const result = await upStack(config, choices.up ?? {}, options);
    const targets = config.target.kind === 'redshift' && config.target.host === result.endpoint?.address && config.iamRoleArn === result.roleArn;
    print(renderUp(result, targets), {
      applied: result.applied,
      changed: result.changed,
      steps: stepsJson(result.plan),
      notes: result.plan.notes,
      problems: result.problems,
      endpoint: result.endpoint ?? null,
      database: result.database,
      user: result.user,
      roleArn: result.roleArn ?? null,
      passwordSecretArn: result.passwordSecretArn ?? null,
      configWritten: result.configWritten ?? null,
    });
  },

  status: async (config, options, print) => {
    const result = await stackStatus(config, options);
    print(renderStatus(result), { resources: result.rows });
  },

  down: async (config, options, print, choices) => {
    if (!choices.down) throw new UsageError('down needs a snapshot choice');
    const dryRun = choices.down.dryRun === true;
    const result = await downStack(config, choices.down, options);
    print(renderDown(result, dryRun), { changed: result.changed, dryRun, steps: stepsJson(result.plan), notes: result.plan.notes });
  },
};
