/**
 * A scripted, stateful fake of the AWS control plane (IAM, Redshift, Redshift Serverless, EC2) for tests of this
 * library and of apps that use it. It keeps state, answers like AWS (same error codes, URL-encoded policy documents,
 * `creating → available` over several polls), records every call, and can fail chosen calls. Each service lives in
 * its own file (`fake-iam.ts`, …); this class holds the state they share and wires them into the SDK clients with
 * aws-sdk-client-mock: `fake.install(mockClient)` in a spec file.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { RedshiftServerlessClient } from '@aws-sdk/client-redshift-serverless';
import { INGRESS_DESCRIPTION, ROLE_POLICY_NAME } from '../desired-stack.js';
import { REDSHIFT_TRUST_POLICY, type PolicyDocument } from '../s3-access.js';
import { dnsError } from './aws-errors.js';
import { ec2Routes } from './fake-ec2.js';
import { iamRoutes } from './fake-iam.js';
import { redshiftRoutes } from './fake-redshift.js';
import { serverlessRoutes } from './fake-serverless.js';

import type { FakeCall, FakeCluster, FakeGroup, FakeNamespace, FakeRole, FakeRule, FakeService, FakeState, FakeWorkgroup, Route } from './fake-state.js';

export type { FakeCall, FakeCluster, FakeGroup, FakeNamespace, FakeRole, FakeRule, FakeService, FakeWorkgroup, Route } from './fake-state.js';

/** The part of aws-sdk-client-mock's `mockClient` the fake needs (kept structural: no test dependency here). */
export type MockClientLike = (client: never) => {
  on(command: never): { callsFake(fn: (input: Record<string, unknown>, getClient: () => unknown) => unknown): unknown };
  onAnyCommand(): { callsFake(fn: (input: Record<string, unknown>) => unknown): unknown };
  restore(): void;
};

const READ_ONLY = /^(Get|List|Describe)/;
const KNOWN_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

export class FakeControlPlane implements FakeState {
  readonly region: string;
  readonly accountId = '123456789012';
  readonly calls: FakeCall[] = [];
  readonly roles = new Map<string, FakeRole>();
  readonly clusters = new Map<string, FakeCluster>();
  readonly namespaces = new Map<string, FakeNamespace>();
  readonly workgroups = new Map<string, FakeWorkgroup>();
  readonly securityGroups = new Map<string, FakeGroup>();
  readonly snapshots: string[] = [];
  /** Polls a new cluster or workgroup answers `creating` for. */
  createPolls = 2;
  /** Polls a new namespace answers `MODIFYING` for (0: `AVAILABLE` at once). */
  namespaceCreatePolls = 0;
  /** Polls a deleted cluster, workgroup or namespace answers `deleting` for; `Infinity` = stuck. */
  deletePolls = 2;
  /** The VPC's shared default group (where an earlier version of the provisioner put its rule). */
  readonly defaultSecurityGroup = 'sg-0default';
  /** Undefined = a region without a default VPC. */
  defaultVpc: string | undefined = 'vpc-0default';
  private readonly failures: Array<{ command: string; error: Error; remaining: number }> = [];
  private readonly answers: Array<{ command: string; answer: unknown }> = [];

  constructor(options: { region?: string } = {}) {
    this.region = options.region ?? 'us-west-2';
    this.securityGroups.set(this.defaultSecurityGroup, { name: 'default', rules: [], tags: [] });
  }

  roleArn(name: string): string {
    return `arn:aws:iam::${this.accountId}:role/${name}`;
  }

  /** The next `times` calls of `command` throw `error` (then it answers normally). */
  failNext(command: string, error: Error, times = 1): this {
    this.failures.push({ command, error, remaining: times });
    return this;
  }

  /** The next call of `command` gets `answer` and changes nothing (e.g. EC2's "not revoked" answer). */
  answerNext(command: string, answer: unknown): this {
    this.answers.push({ command, answer });
    return this;
  }

  /** A role as `up` makes it (tagged `created-by=sparkify-provisioner`), unless `foreign`. */
  addRole(name: string, options: { trustPolicy?: PolicyDocument; policy?: PolicyDocument; attached?: string[]; foreign?: boolean } = {}): this {
    const inline = new Map<string, PolicyDocument>();
    if (options.policy) inline.set(ROLE_POLICY_NAME, options.policy);
    const tags = options.foreign ? [] : [{ Key: 'created-by', Value: 'sparkify-provisioner' }];
    this.roles.set(name, { trustPolicy: options.trustPolicy ?? REDSHIFT_TRUST_POLICY, inline, attached: options.attached ?? [], tags });
    return this;
  }

  /** A security group by name (the stack's own: `sparkify-<cluster or workgroup>`); returns its id. */
  addSecurityGroup(name: string, id = `sg-0${name.replace(/[^a-z0-9]/g, '').slice(0, 12)}`): string {
    this.securityGroups.set(id, { name, rules: [], tags: [] });
    return id;
  }

  addCluster(identifier: string, options: { status?: string; pollsLeft?: number; roleArns?: string[]; input?: Record<string, unknown>; securityGroupIds?: string[] } = {}): this {
    this.clusters.set(identifier.toLowerCase(), {
      status: options.status ?? 'available',
      pollsLeft: options.pollsLeft ?? 0,
      roleArns: options.roleArns ?? [],
      addingRoles: [],
      securityGroupIds: options.securityGroupIds ?? [this.defaultSecurityGroup],
      input: { NodeType: 'ra3.large', NumberOfNodes: 4, DBName: 'dwh', MasterUsername: 'dwhuser', Port: 5439, Encrypted: true, PubliclyAccessible: false, ...options.input },
    });
    return this;
  }

  addNamespace(name: string, options: { status?: string; pollsLeft?: number; roleArns?: string[]; defaultRoleArn?: string; input?: Record<string, unknown> } = {}): this {
    this.namespaces.set(name, {
      status: options.status ?? 'AVAILABLE',
      pollsLeft: options.pollsLeft ?? 0,
      input: { dbName: 'dwh', adminUsername: 'dwhuser', ...options.input },
      iamRoles: options.roleArns ?? [],
      defaultIamRoleArn: options.defaultRoleArn,
    });
    return this;
  }

  addWorkgroup(name: string, options: { status?: string; pollsLeft?: number; namespace?: string; securityGroupIds?: string[]; input?: Record<string, unknown> } = {}): this {
    this.workgroups.set(name, {
      status: options.status ?? 'AVAILABLE',
      pollsLeft: options.pollsLeft ?? 0,
      input: { namespaceName: options.namespace ?? 'dwh-namespace', baseCapacity: 8, port: 5439, publiclyAccessible: false, ...options.input },
      securityGroupIds: options.securityGroupIds ?? [this.defaultSecurityGroup],
    });
    return this;
  }

  /** A TCP rule on a group (default: the VPC's shared default group). */
  addIngressRule(cidr: string, port: number, description: string | undefined = INGRESS_DESCRIPTION, groupId = this.defaultSecurityGroup): this {
    this.securityGroups.get(groupId)?.rules.push({ protocol: 'tcp', fromPort: port, toPort: port, cidr, description });
    return this;
  }

  /** Rules of a group, for assertions. */
  rulesOf(groupId: string): FakeRule[] {
    return this.securityGroups.get(groupId)?.rules ?? [];
  }

  /** The id of the group with this name, if any. */
  groupIdOf(name: string): string | undefined {
    return [...this.securityGroups].find(([, g]) => g.name === name)?.[0];
  }

  /** Whether a cluster or workgroup (not yet gone) still uses the group. */
  groupInUse(groupId: string): boolean {
    return [...this.clusters.values(), ...this.workgroups.values()].some((r) => r.securityGroupIds.includes(groupId));
  }

  /** Names of the calls made, in order. */
  commands(): string[] {
    return this.calls.map((c) => c.command);
  }

  /** Names of the calls that change something (anything but Get*, List*, Describe*). */
  mutatingCommands(): string[] {
    return this.commands().filter((c) => !READ_ONLY.test(c));
  }

  callsOf(command: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.command === command).map((c) => c.input);
  }

  /** Routes every command of the four clients to this fake. Call `restore()` on the result in afterEach. */
  install(mockClient: MockClientLike): { restore(): void } {
    const stubs: Array<{ restore(): void }> = [];
    const services: Array<[unknown, FakeService, Route[]]> = [
      [IAMClient, 'iam', iamRoutes(this)],
      [RedshiftClient, 'redshift', redshiftRoutes(this)],
      [RedshiftServerlessClient, 'redshift-serverless', serverlessRoutes(this)],
      [EC2Client, 'ec2', ec2Routes(this)],
    ];
    for (const [client, service, routes] of services) {
      const stub = mockClient(client as never);
      stub.onAnyCommand().callsFake(() => {
        throw new Error(`FakeControlPlane: a ${service} command it does not model was sent`);
      });
      for (const [command, name, handler] of routes) {
        stub.on(command as never).callsFake(async (record, getClient) => {
          this.calls.push({ service, command: name, input: record });
          const region = await (getClient() as { config: { region: () => Promise<string> } }).config.region();
          if (region !== this.region && !KNOWN_REGIONS.includes(region)) throw dnsError(`${service}.${region}.amazonaws.com`);
          const failure = this.failures.find((f) => f.command === name && f.remaining > 0);
          if (failure) {
            failure.remaining -= 1;
            throw failure.error;
          }
          const scripted = this.answers.findIndex((a) => a.command === name);
          if (scripted >= 0) return this.answers.splice(scripted, 1)[0]?.answer;
          return handler(record);
        });
      }
      stubs.push(stub);
    }
    return { restore: () => stubs.forEach((s) => s.restore()) };
  }
}
