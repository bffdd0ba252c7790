import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@sparkify/testing';

const root = workspaceRoot();
const workflow = readFileSync(join(root, 'examples/ci/github-actions.yml'), 'utf8');

/** Every project's name and the targets its project.json declares. */
function projects(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const folder of ['apps', 'libs', 'tools']) {
    for (const entry of readdirSync(join(root, folder))) {
      const file = join(root, folder, entry, 'project.json');
      if (!existsSync(file)) continue;
      const project = JSON.parse(readFileSync(file, 'utf8')) as { name: string; targets?: Record<string, unknown> };
      found.set(project.name, new Set(Object.keys(project.targets ?? {})));
    }
  }
  return found;
}

describe('examples/ci/github-actions.yml', () => {
  const used = [...workflow.matchAll(/nx run ([\w-]+):([\w-]+)/g)].map((m) => `${m[1]}:${m[2]}`);

  it('names only nx run targets that exist', () => {
    const all = projects();
    const missing = used.filter((id) => {
      const [project, target] = id.split(':');
      return !all.get(project ?? '')?.has(target ?? '');
    });
    expect(missing).toEqual([]);
  });

  it('plans, brings the warehouse up with --write-config, loads, reports, and takes it down on a schedule', () => {
    expect(new Set(used)).toEqual(new Set(['provisioner:plan', 'provisioner:up', 'loader:etl', 'insights:report', 'provisioner:status', 'provisioner:down']));
    expect(workflow).toMatch(/nx run provisioner:up [^\n]*--write-config/);
    expect(workflow).toMatch(/schedule:\n\s+- cron:/);
    expect(workflow).toMatch(/nx run provisioner:down [^\n]*--final-snapshot/);
    expect(workflow).toContain('actions/upload-artifact@');
  });

  it('assumes an AWS role through OIDC with the official action, and stores no access key', () => {
    expect(workflow).toContain('id-token: write');
    expect(workflow.match(/uses: aws-actions\/configure-aws-credentials@v\d+/g)).toHaveLength(2);
    expect(workflow).toContain('role-to-assume:');
    expect(workflow).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
  });
});
