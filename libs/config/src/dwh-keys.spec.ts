import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_NODE_TYPE, loadConfig } from './index.js';

/** Problems `loadConfig` reports for these `[DWH]` variables (the environment names each key's origin). */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ env, cwd: '/nonexistent-sparkify' });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('[DWH] keys checked against the CreateCluster / CreateNamespace rules', () => {
  it('defaults: an RA3 node type AWS creates, a provisioned kind, and the Serverless names', () => {
    const { cluster } = loadConfig({ env: {}, cwd: '/nonexistent-sparkify' });
    expect(DEFAULT_NODE_TYPE).toBe('ra3.large');
    expect(cluster).toMatchObject({ kind: 'provisioned', nodeType: 'ra3.large', namespace: 'dwh-namespace', workgroup: 'dwh-workgroup', baseCapacity: 8, managedPassword: false });
  });

  it.each([4, 8, 128, 512, 544, 1024])('a base capacity of %i RPUs is accepted', (rpus) => {
    expect(loadConfig({ env: { SPARKIFY_DWH_BASE_CAPACITY: String(rpus) }, cwd: '/nonexistent-sparkify' }).cluster.baseCapacity).toBe(rpus);
  });

  it('reads the Serverless keys', () => {
    const env = { SPARKIFY_DWH_KIND: 'serverless', SPARKIFY_DWH_NAMESPACE: 'ns-1', SPARKIFY_DWH_WORKGROUP: 'wg-1', SPARKIFY_DWH_BASE_CAPACITY: '16', SPARKIFY_DWH_MANAGED_PASSWORD: 'true' };
    expect(loadConfig({ env, cwd: '/nonexistent-sparkify' }).cluster).toMatchObject({ kind: 'serverless', namespace: 'ns-1', workgroup: 'wg-1', baseCapacity: 16, managedPassword: true });
  });

  it.each([
    ['SPARKIFY_DWH_DB', 'Dwh', 'environment variable SPARKIFY_DWH_DB: expected a database name of 1-64 lower-case letters'],
    ['SPARKIFY_DWH_DB_USER', 'DwhUser', 'environment variable SPARKIFY_DWH_DB_USER: expected a user name of 1-128 lower-case letters'],
    ['SPARKIFY_DWH_DB_USER', '_admin', 'starting with a letter'],
    ['SPARKIFY_DWH_NUM_NODES', '101', 'environment variable SPARKIFY_DWH_NUM_NODES: expected a whole number from 1 to 100, got "101"'],
    ['SPARKIFY_DWH_KIND', 'cluster', 'expected "provisioned" or "serverless"'],
    ['SPARKIFY_DWH_WORKGROUP', 'My_WG', 'expected a name of 3-64 lower-case letters, digits or hyphens'],
    ['SPARKIFY_DWH_BASE_CAPACITY', '12', 'expected a base capacity of 4, 8 to 512 RPUs in steps of 8, or 512 to 1024 in steps of 32'],
    ['SPARKIFY_DWH_BASE_CAPACITY', '520', 'expected a base capacity of 4, 8 to 512 RPUs in steps of 8, or 512 to 1024 in steps of 32'],
    ['SPARKIFY_DWH_BASE_CAPACITY', '2048', 'expected a whole number from 4 to 1024'],
  ])('%s=%s is refused, naming the key', (name, value, message) => {
    const found = problems({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });
});
