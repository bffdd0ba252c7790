/**
 * A scripted fake of the AWS control plane (IAM, Redshift, EC2) for tests of this library and of apps that use
 * it. It keeps state (roles, clusters, security groups), answers like AWS (same error codes, URL-encoded policy
 * documents, `creating → available` over several polls), records every call, and can fail chosen calls.
 * It is wired into the SDK clients with aws-sdk-client-mock: `fake.install(mockClient)` in a spec file.
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  ModifyClusterIamRolesCommand,
  RedshiftClient,
  ResumeClusterCommand,
} from '@aws-sdk/client-redshift';
import { INGRESS_DESCRIPTION, ROLE_POLICY_NAME } from './desired-stack.js';
import { REDSHIFT_TRUST_POLICY, type PolicyDocument } from './s3-access.js';

export type FakeService = 'iam' | 'redshift' | 'ec2';

export interface FakeCall {
  readonly service: FakeService;
  readonly command: string;
  readonly input: Record<string, unknown>;
}

export interface FakeRole {
  trustPolicy: PolicyDocument;
  inline: Map<string, PolicyDocument>;
  attached: string[];
  tags: Array<{ Key?: string; Value?: string }>;
}

export interface FakeCluster {
  status: string;
  /** DescribeClusters answers left before the current transition (`creating`, `deleting`, …) completes. */
  pollsLeft: number;
  input: Record<string, unknown>;
  roleArns: string[];
  /** Roles still being attached: `adding` until the next DescribeClusters. */
  addingRoles: string[];
  securityGroupId: string;
}

export interface FakeRule {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
  readonly description: string | undefined;
}

/** An AWS service error as the SDK throws it (`name` = the AWS error code). */
export function awsError(code: string, message: string, status = 400): Error {
  const error = new Error(message) as Error & { $fault: string; $metadata: { httpStatusCode: number } };
  error.name = code;
  error.$fault = status >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode: status };
  return error;
}

/** The error Node gives when the endpoint host of a region that does not exist cannot be resolved. */
export function dnsError(host: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host, syscall: 'getaddrinfo' });
}

const READ_ONLY = /^(Get|List|Describe)/;

type Handler = (input: Record<string, unknown>) => unknown;
/** The part of aws-sdk-client-mock's `mockClient` the fake needs (kept structural: no test dependency here). */
export type MockClientLike = (client: never) => {
  on(command: never): { callsFake(fn: (input: Record<string, unknown>, getClient: () => unknown) => unknown): unknown };
  onAnyCommand(): { callsFake(fn: (input: Record<string, unknown>) => unknown): unknown };
  restore(): void;
};

export class FakeControlPlane {
  readonly region: string;
  readonly accountId = '123456789012';
  readonly calls: FakeCall[] = [];
  readonly roles = new Map<string, FakeRole>();
  readonly clusters = new Map<string, FakeCluster>();
  readonly securityGroups = new Map<string, FakeRule[]>();
  readonly snapshots: string[] = [];
  /** Polls a new cluster answers `creating` for. */
  createPolls = 2;
  /** Polls a deleted cluster answers `deleting` for; `Infinity` = stuck. */
  deletePolls = 2;
  readonly defaultSecurityGroup = 'sg-0default';
  private readonly failures: Array<{ command: string; error: Error; remaining: number }> = [];

  constructor(options: { region?: string } = {}) {
    this.region = options.region ?? 'us-west-2';
    this.securityGroups.set(this.defaultSecurityGroup, []);
  }

  roleArn(name: string): string {
    return `arn:aws:iam::${this.accountId}:role/${name}`;
  }

  /** The next `times` calls of `command` throw `error` (then it answers normally). */
  failNext(command: string, error: Error, times = 1): this {
    this.failures.push({ command, error, remaining: times });
    return this;
  }

  addRole(name: string, options: { trustPolicy?: PolicyDocument; policy?: PolicyDocument; attached?: string[] } = {}): this {
    const inline = new Map<string, PolicyDocument>();
    if (options.policy) inline.set(ROLE_POLICY_NAME, options.policy);
    this.roles.set(name, { trustPolicy: options.trustPolicy ?? REDSHIFT_TRUST_POLICY, inline, attached: options.attached ?? [], tags: [] });
    return this;
  }

  addCluster(identifier: string, options: { status?: string; pollsLeft?: number; roleArns?: string[]; input?: Record<string, unknown> } = {}): this {
    this.clusters.set(identifier.toLowerCase(), {
      status: options.status ?? 'available',
      pollsLeft: options.pollsLeft ?? 0,
      roleArns: options.roleArns ?? [],
      addingRoles: [],
      securityGroupId: this.defaultSecurityGroup,
      input: { NodeType: 'dc2.large', NumberOfNodes: 4, DBName: 'dwh', MasterUsername: 'dwhuser', Port: 5439, Encrypted: true, PubliclyAccessible: false, ...options.input },
    });
    return this;
  }

  addIngressRule(cidr: string, port: number, description: string | undefined = INGRESS_DESCRIPTION): this {
    this.securityGroups.get(this.defaultSecurityGroup)?.push({ protocol: 'tcp', fromPort: port, toPort: port, cidr, description });
    return this;
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

  /** Routes every command of the three clients to this fake. Call `restore()` on the result in afterEach. */
  install(mockClient: MockClientLike): { restore(): void } {
    const stubs: Array<{ restore(): void }> = [];
    const routes: Array<[unknown, FakeService, Array<[unknown, string, Handler]>]> = [
      [IAMClient, 'iam', this.iamRoutes()],
      [RedshiftClient, 'redshift', this.redshiftRoutes()],
      [EC2Client, 'ec2', this.ec2Routes()],
    ];
    for (const [client, service, handlers] of routes) {
      const stub = mockClient(client as never);
      stub.onAnyCommand().callsFake(() => {
        throw new Error(`FakeControlPlane: a ${service} command it does not model was sent`);
      });
      for (const [command, name, handler] of handlers) {
        stub.on(command as never).callsFake(async (record, getClient) => {
          this.calls.push({ service, command: name, input: record });
          const region = await (getClient() as { config: { region: () => Promise<string> } }).config.region();
          if (region !== this.region && !KNOWN_REGIONS.includes(region)) throw dnsError(`${service}.${region}.amazonaws.com`);
          const failure = this.failures.find((f) => f.command === name && f.remaining > 0);
          if (failure) {
            failure.remaining -= 1;
            throw failure.error;
          }
          return handler(record);
        });
      }
      stubs.push(stub);
    }
    return { restore: () => stubs.forEach((s) => s.restore()) };
  }

  private role(name: unknown): FakeRole {
    const role = this.roles.get(String(name));
    if (!role) throw awsError('NoSuchEntityException', `The role with name ${String(name)} cannot be found.`, 404);
    return role;
  }

  private iamRoutes(): Array<[unknown, string, Handler]> {
    const roleShape = (name: string, role: FakeRole) => ({
      RoleName: name,
      Arn: this.roleArn(name),
      Path: '/',
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trustPolicy)),
      Tags: role.tags,
    });
    return [
      [GetRoleCommand, 'GetRole', (i) => ({ Role: roleShape(String(i['RoleName']), this.role(i['RoleName'])) })],
      [
        CreateRoleCommand,
        'CreateRole',
        (i) => {
          const name = String(i['RoleName']);
          if (this.roles.has(name)) throw awsError('EntityAlreadyExistsException', `Role with name ${name} already exists.`, 409);
          const role: FakeRole = { trustPolicy: JSON.parse(String(i['AssumeRolePolicyDocument'])) as PolicyDocument, inline: new Map(), attached: [], tags: (i['Tags'] as FakeRole['tags']) ?? [] };
          this.roles.set(name, role);
          return { Role: roleShape(name, role) };
        },
      ],
      [
        UpdateAssumeRolePolicyCommand,
        'UpdateAssumeRolePolicy',
        (i) => {
          this.role(i['RoleName']).trustPolicy = JSON.parse(String(i['PolicyDocument'])) as PolicyDocument;
          return {};
        },
      ],
      [
        GetRolePolicyCommand,
        'GetRolePolicy',
        (i) => {
          const policy = this.role(i['RoleName']).inline.get(String(i['PolicyName']));
          if (!policy) throw awsError('NoSuchEntityException', `The role policy with name ${String(i['PolicyName'])} cannot be found.`, 404);
          return { RoleName: i['RoleName'], PolicyName: i['PolicyName'], PolicyDocument: encodeURIComponent(JSON.stringify(policy)) };
        },
      ],
      [
        PutRolePolicyCommand,
        'PutRolePolicy',
        (i) => {
          this.role(i['RoleName']).inline.set(String(i['PolicyName']), JSON.parse(String(i['PolicyDocument'])) as PolicyDocument);
          return {};
        },
      ],
      [ListRolePoliciesCommand, 'ListRolePolicies', (i) => ({ PolicyNames: [...this.role(i['RoleName']).inline.keys()], IsTruncated: false })],
      [
        ListAttachedRolePoliciesCommand,
        'ListAttachedRolePolicies',
        (i) => ({ AttachedPolicies: this.role(i['RoleName']).attached.map((arn) => ({ PolicyArn: arn, PolicyName: arn.split('/').pop() })), IsTruncated: false }),
      ],
      [
        DeleteRolePolicyCommand,
        'DeleteRolePolicy',
        (i) => {
          if (!this.role(i['RoleName']).inline.delete(String(i['PolicyName']))) throw awsError('NoSuchEntityException', 'The role policy cannot be found.', 404);
          return {};
        },
      ],
      [
        DetachRolePolicyCommand,
        'DetachRolePolicy',
        (i) => {
          const role = this.role(i['RoleName']);
          role.attached = role.attached.filter((a) => a !== i['PolicyArn']);
          return {};
        },
      ],
      [
        DeleteRoleCommand,
        'DeleteRole',
        (i) => {
          const role = this.role(i['RoleName']);
          if (role.inline.size > 0 || role.attached.length > 0) throw awsError('DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409);
          this.roles.delete(String(i['RoleName']));
          return {};
        },
      ],
    ];
  }

  private cluster(identifier: unknown): FakeCluster {
    const cluster = this.clusters.get(String(identifier).toLowerCase());
    if (!cluster) throw awsError('ClusterNotFoundFault', `Cluster ${String(identifier)} not found.`, 404);
    return cluster;
  }

  private redshiftRoutes(): Array<[unknown, string, Handler]> {
    return [
      [
        DescribeClustersCommand,
        'DescribeClusters',
        (i) => {
          const id = String(i['ClusterIdentifier']).toLowerCase();
          const cluster = this.cluster(id);
          if (cluster.pollsLeft > 0) {
            cluster.pollsLeft -= 1;
            if (cluster.pollsLeft === 0) {
              if (cluster.status === 'deleting') this.clusters.delete(id);
              else cluster.status = 'available';
            }
          }
          const current = this.cluster(id);
          const shape = this.clusterShape(id, current);
          // A role change shows as 'adding' for one answer after the cluster is available again.
          if (current.status === 'available') current.addingRoles = [];
          return { Clusters: [shape] };
        },
      ],
      [
        CreateClusterCommand,
        'CreateCluster',
        (i) => {
          const id = String(i['ClusterIdentifier']).toLowerCase();
          if (this.clusters.has(id)) throw awsError('ClusterAlreadyExistsFault', 'Cluster already exists', 400);
          if (!i['MasterUserPassword']) throw awsError('InvalidParameterValue', 'MasterUserPassword is required', 400);
          this.clusters.set(id, { status: 'creating', pollsLeft: this.createPolls, input: i, roleArns: [...((i['IamRoles'] as string[]) ?? [])], addingRoles: [], securityGroupId: this.defaultSecurityGroup });
          return { Cluster: this.clusterShape(id, this.cluster(id)) };
        },
      ],
      [
        ModifyClusterIamRolesCommand,
        'ModifyClusterIamRoles',
        (i) => {
          const cluster = this.cluster(i['ClusterIdentifier']);
          if (cluster.status !== 'available') throw awsError('InvalidClusterStateFault', `The cluster is in state ${cluster.status}.`, 400);
          const added = (i['AddIamRoles'] as string[]) ?? [];
          cluster.roleArns.push(...added);
          cluster.addingRoles.push(...added);
          cluster.status = 'modifying';
          cluster.pollsLeft = 1;
          return { Cluster: this.clusterShape(String(i['ClusterIdentifier']), cluster) };
        },
      ],
      [
        ResumeClusterCommand,
        'ResumeCluster',
        (i) => {
          const cluster = this.cluster(i['ClusterIdentifier']);
          cluster.status = 'resuming';
          cluster.pollsLeft = 1;
          return { Cluster: this.clusterShape(String(i['ClusterIdentifier']), cluster) };
        },
      ],
      [
        DeleteClusterCommand,
        'DeleteCluster',
        (i) => {
          const cluster = this.cluster(i['ClusterIdentifier']);
          if (cluster.status === 'deleting') throw awsError('InvalidClusterStateFault', 'The cluster is already being deleted.', 400);
          if (i['SkipFinalClusterSnapshot'] !== true) {
            if (!i['FinalClusterSnapshotIdentifier']) throw awsError('InvalidParameterCombination', 'FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is true.', 400);
            this.snapshots.push(String(i['FinalClusterSnapshotIdentifier']));
          }
          cluster.status = 'deleting';
          cluster.pollsLeft = this.deletePolls;
          return { Cluster: this.clusterShape(String(i['ClusterIdentifier']), cluster) };
        },
      ],
    ];
  }

  private clusterShape(id: string, c: FakeCluster) {
    const ready = !['creating'].includes(c.status);
    return {
      ClusterIdentifier: id.toLowerCase(),
      ClusterStatus: c.status,
      NodeType: c.input['NodeType'],
      NumberOfNodes: (c.input['NumberOfNodes'] as number | undefined) ?? 1,
      DBName: c.input['DBName'],
      MasterUsername: c.input['MasterUsername'],
      Encrypted: c.input['Encrypted'] === true,
      PubliclyAccessible: c.input['PubliclyAccessible'] === true,
      Endpoint: ready ? { Address: `${id.toLowerCase()}.abc123xyz.${this.region}.redshift.amazonaws.com`, Port: (c.input['Port'] as number | undefined) ?? 5439 } : undefined,
      IamRoles: c.roleArns.map((arn) => ({ IamRoleArn: arn, ApplyStatus: c.addingRoles.includes(arn) ? 'adding' : 'in-sync' })),
      VpcSecurityGroups: [{ VpcSecurityGroupId: c.securityGroupId, Status: 'active' }],
      Tags: c.input['Tags'],
    };
  }

  private group(id: unknown): FakeRule[] {
    const rules = this.securityGroups.get(String(id));
    if (!rules) throw awsError('InvalidGroup.NotFound', `The security group '${String(id)}' does not exist`, 400);
    return rules;
  }

  private ec2Routes(): Array<[unknown, string, Handler]> {
    const rulesOf = (i: Record<string, unknown>): FakeRule[] =>
      ((i['IpPermissions'] as IpPermission[]) ?? []).flatMap((p) =>
        (p.IpRanges ?? []).map((r) => ({ protocol: p.IpProtocol ?? 'tcp', fromPort: p.FromPort ?? 0, toPort: p.ToPort ?? 0, cidr: r.CidrIp ?? '', description: r.Description })),
      );
    const same = (a: FakeRule, b: FakeRule) => a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort && a.cidr === b.cidr;
    return [
      [
        DescribeSecurityGroupsCommand,
        'DescribeSecurityGroups',
        (i) => ({
          SecurityGroups: ((i['GroupIds'] as string[]) ?? []).map((id) => ({
            GroupId: id,
            GroupName: 'default',
            IpPermissions: this.group(id).map((r) => ({ IpProtocol: r.protocol, FromPort: r.fromPort, ToPort: r.toPort, IpRanges: [{ CidrIp: r.cidr, Description: r.description }] })),
          })),
        }),
      ],
      [
        AuthorizeSecurityGroupIngressCommand,
        'AuthorizeSecurityGroupIngress',
        (i) => {
          const rules = this.group(i['GroupId']);
          for (const rule of rulesOf(i)) {
            if (rules.some((r) => same(r, rule))) throw awsError('InvalidPermission.Duplicate', `the specified rule "peer: ${rule.cidr}, TCP, from port: ${rule.fromPort}, to port: ${rule.toPort}, ALLOW" already exists`, 400);
            rules.push(rule);
          }
          return { Return: true };
        },
      ],
      [
        RevokeSecurityGroupIngressCommand,
        'RevokeSecurityGroupIngress',
        (i) => {
          const rules = this.group(i['GroupId']);
          for (const rule of rulesOf(i)) {
            const at = rules.findIndex((r) => same(r, rule));
            if (at < 0) throw awsError('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.', 400);
            rules.splice(at, 1);
          }
          return { Return: true };
        },
      ],
    ];
  }
}

const KNOWN_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
