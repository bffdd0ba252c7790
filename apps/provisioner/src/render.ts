import type { DownResult, Plan, PlanResult, StatusResult, UpResult } from '@sparkify/infra';
import { stepLine } from './progress.js';

export function renderPlan(plan: Plan): string {
  const lines = plan.steps.map((s) => `  ${stepLine(s)}`);
  const count = (change: string) => plan.steps.filter((s) => s.change === change).length;
  const summary = `${count('create')} to create, ${count('update')} to update, ${count('delete')} to delete, ${count('none')} unchanged.`;
  return [...lines, ...plan.notes.map((n) => `  note: ${n}`), summary].join('\n') + '\n';
}

export function renderPlanResult(result: PlanResult): string {
  const problems = result.problems.map((p) => `  problem: ${p}`).join('\n');
  return `Plan for region ${result.desired.region}:\n${renderPlan(result.plan)}${problems ? `${problems}\n` : ''}`;
}

/** `targetsCluster`: the config already points the loader at this endpoint. */
export function renderUp(result: UpResult, targetsCluster: boolean): string {
  if (!result.applied) return renderPlanResult(result) + 'Dry run: nothing was changed.\n';
  const what = result.desired.kind === 'serverless' ? 'workgroup' : 'cluster';
  const lines = [result.changed ? `Stack ready in ${result.desired.region}.` : `Stack already complete in ${result.desired.region}: nothing changed.`];
  if (result.endpoint) lines.push(`  endpoint  ${result.endpoint.address}:${result.endpoint.port}`);
  lines.push(`  database  ${result.database} (user ${result.user})`);
  if (result.roleArn) lines.push(`  role ARN  ${result.roleArn}`);
  if (result.passwordSecretArn) lines.push(`  password  kept by AWS in Secrets Manager: ${result.passwordSecretArn}`);
  lines.push(...result.plan.notes.map((n) => `  note: ${n}`));
  lines.push(
    result.configWritten
      ? `Wrote [CLUSTER] HOST, DB_NAME, DB_USER, ${result.passwordSecretArn ? '' : 'DB_PASSWORD, '}DB_PORT and [IAM_ROLE] ARN to ${result.configWritten}: nx run loader:etl now loads into this ${what}.` +
        (result.passwordSecretArn ? ' Put the password from the secret into [CLUSTER] DB_PASSWORD or SPARKIFY_CLUSTER_DB_PASSWORD.' : '')
      : targetsCluster
        ? `The config file already points nx run loader:etl at this ${what}.`
        : 'Run up again with --write-config to put the endpoint and role ARN into the config file.',
  );
  return lines.join('\n') + '\n';
}

export function renderStatus(result: StatusResult): string {
  const width = Math.max(...result.rows.map((r) => r.name.length));
  const lines = result.rows.map((r) => `  ${r.resource.padEnd(14)} ${r.name.padEnd(width)}  ${r.state.padEnd(14)} ${r.detail}`.trimEnd());
  return `Stack in ${result.desired.region}:\n${lines.join('\n')}\n`;
}

export function renderDown(result: DownResult, dryRun: boolean): string {
  if (!result.plan.steps.some((s) => s.action)) {
    const d = result.desired;
    const warehouse = d.kind === 'serverless' ? `no workgroup ${d.serverless.workgroup}, no namespace ${d.serverless.namespace}` : `no cluster ${d.cluster.identifier}`;
    return `Nothing to delete in ${d.region}: ${warehouse}, no security group ${d.securityGroup.name}, no role ${d.role.name}.\n`;
  }
  if (dryRun) return `Would delete in ${result.desired.region}:\n${renderPlan(result.plan)}`;
  const deleted = result.plan.steps.filter((s) => s.change === 'delete').map((s) => `${s.resource} ${s.name}`);
  const notes = result.plan.notes.map((n) => `  note: ${n}\n`).join('');
  return `Deleted in ${result.desired.region}: ${deleted.join('; ')}.\n${notes}`;
}

/** The steps as data, for `--json`. */
export function stepsJson(plan: Plan) {
  return plan.steps.map(({ resource, name, change, reason }) => ({ resource, name, change, reason }));
}
