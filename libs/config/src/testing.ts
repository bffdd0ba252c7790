// Test doubles, behind the `@sparkify/config/testing` subpath so that they stay out of the main entry point.
import type { Config } from './config.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A complete Config for tests in other projects: embedded target, demo source, every default. */
export function testConfig(overrides: DeepPartial<Config> = {}): Config {
  const base: Config = {
    target: { kind: 'embedded', dataDir: '.sparkify/pg', database: 'sparkify' },
    source: { kind: 'local', dir: '.sparkify/demo-data', demo: true },
    iamRoleArn: undefined,
    aws: { region: undefined, profile: undefined, accessKeyId: undefined, secretAccessKey: undefined, sessionToken: undefined },
    cluster: {
      kind: 'provisioned',
      clusterType: 'multi-node',
      numNodes: 4,
      nodeType: 'ra3.large',
      clusterIdentifier: 'dwhCluster',
      database: 'dwh',
      user: 'dwhuser',
      password: undefined,
      managedPassword: false,
      port: 5439,
      namespace: 'dwh-namespace',
      workgroup: 'dwh-workgroup',
      baseCapacity: 8,
      iamRoleName: 'dwhRole',
      ingressCidr: undefined,
      allowOpenIngress: false,
      publiclyAccessible: false,
      owner: undefined,
    },
    etl: { schema: 'public', maxErrors: 0, concurrency: 16 },
    file: undefined,
    warnings: [],
  };
  return {
    ...base,
    ...overrides,
    target: (overrides.target ?? base.target) as Config['target'],
    source: (overrides.source ?? base.source) as Config['source'],
    aws: { ...base.aws, ...overrides.aws },
    cluster: { ...base.cluster, ...overrides.cluster } as Config['cluster'],
    etl: { ...base.etl, ...overrides.etl },
    warnings: (overrides.warnings ?? base.warnings) as string[],
  };
}
