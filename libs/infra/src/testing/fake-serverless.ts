import {
  CreateNamespaceCommand,
  CreateWorkgroupCommand,
  DeleteNamespaceCommand,
  DeleteWorkgroupCommand,
  GetNamespaceCommand,
  GetWorkgroupCommand,
  UpdateNamespaceCommand,
  UpdateWorkgroupCommand,
} from '@aws-sdk/client-redshift-serverless';
import { awsError } from './aws-errors.js';
import type { FakeState, FakeNamespace, FakeWorkgroup, Route } from './fake-state.js';

/**
 * Redshift Serverless: namespaces (`AVAILABLE`, `MODIFYING`, `DELETING`) and workgroups (`CREATING`, `AVAILABLE`,
 * `MODIFYING`, `DELETING`), each state change taking a few Get* answers. Errors as the API reference lists them:
 * ResourceNotFoundException, ConflictException (name in use, or another change running), ValidationException.
 */
export function serverlessRoutes(fake: FakeState): Route[] {
  const namespace = (name: unknown): FakeNamespace => {
    const found = fake.namespaces.get(String(name));
    if (!found) throw awsError('ResourceNotFoundException', `Namespace ${String(name)} does not exist.`, 404);
    return found;
  };
  const workgroup = (name: unknown): FakeWorkgroup => {
    const found = fake.workgroups.get(String(name));
    if (!found) throw awsError('ResourceNotFoundException', `Workgroup ${String(name)} does not exist.`, 404);
    return found;
  };
  const step = <T extends { status: string; pollsLeft: number }>(item: T, gone: () => void) => {
    if (item.pollsLeft <= 0) return;
    item.pollsLeft -= 1;
    if (item.pollsLeft > 0) return;
    if (item.status === 'DELETING') gone();
    else item.status = 'AVAILABLE';
  };
  const nsShape = (name: string, n: FakeNamespace) => ({
    namespaceName: name,
    namespaceArn: `arn:aws:redshift-serverless:${fake.region}:${fake.accountId}:namespace/${name}`,
    status: n.status,
    dbName: n.input['dbName'] ?? 'dev',
    adminUsername: n.input['adminUsername'],
    // GetNamespace's own spelling of the role list.
    iamRoles: n.iamRoles.map((arn) => `IamRole(applyStatus=in-sync, iamRoleArn=${arn})`),
    defaultIamRoleArn: n.defaultIamRoleArn,
    ...(n.input['manageAdminPassword'] === true ? { adminPasswordSecretArn: `arn:aws:secretsmanager:${fake.region}:${fake.accountId}:secret:redshift!${name}-admin` } : {}),
  });
  const wgShape = (name: string, w: FakeWorkgroup) => ({
    workgroupName: name,
    namespaceName: w.input['namespaceName'],
    status: w.status,
    baseCapacity: (w.input['baseCapacity'] as number | undefined) ?? 128,
    publiclyAccessible: w.input['publiclyAccessible'] === true,
    securityGroupIds: w.securityGroupIds,
    endpoint: w.status === 'CREATING' ? undefined : { address: `${name}.${fake.accountId}.${fake.region}.redshift-serverless.amazonaws.com`, port: (w.input['port'] as number | undefined) ?? 5439 },
  });
  const busy = (what: string, status: string) => awsError('ConflictException', `There is an operation running on the ${what} (${status}). Try again later.`, 400);
  return [
    [
      GetNamespaceCommand,
      'GetNamespace',
      (i) => {
        const name = String(i['namespaceName']);
        step(namespace(name), () => fake.namespaces.delete(name));
        return { namespace: nsShape(name, namespace(name)) };
      },
    ],
    [
      CreateNamespaceCommand,
      'CreateNamespace',
      (i) => {
        const name = String(i['namespaceName']);
        if (fake.namespaces.has(name)) throw awsError('ConflictException', `Namespace ${name} already exists.`, 400);
        if (i['manageAdminPassword'] === true && i['adminUserPassword'] !== undefined) throw awsError('ValidationException', "You can't use adminUserPassword if manageAdminPassword is true.", 400);
        const made: FakeNamespace = {
          status: fake.namespaceCreatePolls > 0 ? 'MODIFYING' : 'AVAILABLE',
          pollsLeft: fake.namespaceCreatePolls,
          input: i,
          iamRoles: [...((i['iamRoles'] as string[]) ?? [])],
          defaultIamRoleArn: i['defaultIamRoleArn'] as string | undefined,
        };
        fake.namespaces.set(name, made);
        return { namespace: nsShape(name, made) };
      },
    ],
    [
      UpdateNamespaceCommand,
      'UpdateNamespace',
      (i) => {
        const n = namespace(i['namespaceName']);
        if (n.status !== 'AVAILABLE') throw busy('namespace', n.status);
        if (i['iamRoles']) n.iamRoles = [...(i['iamRoles'] as string[])];
        if (i['defaultIamRoleArn']) n.defaultIamRoleArn = String(i['defaultIamRoleArn']);
        n.status = 'MODIFYING';
        n.pollsLeft = 1;
        return { namespace: nsShape(String(i['namespaceName']), n) };
      },
    ],
    [
      DeleteNamespaceCommand,
      'DeleteNamespace',
      (i) => {
        const name = String(i['namespaceName']);
        const n = namespace(name);
        if (n.status === 'DELETING') throw busy('namespace', n.status);
        if ([...fake.workgroups.values()].some((w) => w.input['namespaceName'] === name)) {
          throw awsError('ConflictException', `Namespace ${name} has workgroups; delete them first.`, 400);
        }
        if (i['finalSnapshotName']) fake.snapshots.push(String(i['finalSnapshotName']));
        n.status = 'DELETING';
        n.pollsLeft = fake.deletePolls;
        return { namespace: nsShape(name, n) };
      },
    ],
    [
      GetWorkgroupCommand,
      'GetWorkgroup',
      (i) => {
        const name = String(i['workgroupName']);
        step(workgroup(name), () => fake.workgroups.delete(name));
        return { workgroup: wgShape(name, workgroup(name)) };
      },
    ],
    [
      CreateWorkgroupCommand,
      'CreateWorkgroup',
      (i) => {
        const name = String(i['workgroupName']);
        if (fake.workgroups.has(name)) throw awsError('ConflictException', `Workgroup ${name} already exists.`, 400);
        const n = namespace(i['namespaceName']);
        if (n.status !== 'AVAILABLE') throw busy('namespace', n.status);
        const made: FakeWorkgroup = {
          status: 'CREATING',
          pollsLeft: fake.createPolls,
          input: i,
          securityGroupIds: (i['securityGroupIds'] as string[] | undefined) ?? [fake.defaultSecurityGroup],
        };
        fake.workgroups.set(name, made);
        return { workgroup: wgShape(name, made) };
      },
    ],
    [
      UpdateWorkgroupCommand,
      'UpdateWorkgroup',
      (i) => {
        const w = workgroup(i['workgroupName']);
        if (w.status !== 'AVAILABLE') throw busy('workgroup', w.status);
        if (i['securityGroupIds']) w.securityGroupIds = [...(i['securityGroupIds'] as string[])];
        w.status = 'MODIFYING';
        w.pollsLeft = 1;
        return { workgroup: wgShape(String(i['workgroupName']), w) };
      },
    ],
    [
      DeleteWorkgroupCommand,
      'DeleteWorkgroup',
      (i) => {
        const w = workgroup(i['workgroupName']);
        if (w.status === 'DELETING') throw busy('workgroup', w.status);
        w.status = 'DELETING';
        w.pollsLeft = fake.deletePolls;
        return { workgroup: wgShape(String(i['workgroupName']), w) };
      },
    ],
  ];
}
