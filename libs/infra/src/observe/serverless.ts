import { GetNamespaceCommand, GetWorkgroupCommand } from '@aws-sdk/client-redshift-serverless';
import type { AwsClients } from '../aws-clients.js';
import { callAwsUnless, CODES, type CallContext } from '../aws-call.js';
import type { ObservedNamespace, ObservedWorkgroup } from '../stack-model.js';

/** The namespace as GetNamespace reports it, or undefined when it does not exist. Read-only. */
export async function observeNamespace(clients: AwsClients, ctx: CallContext, name: string): Promise<ObservedNamespace | undefined> {
  const got = await callAwsUnless(ctx, { call: 'GetNamespace', resource: `namespace ${name}` }, CODES.serverlessNotFound, () =>
    clients.serverless.send(new GetNamespaceCommand({ namespaceName: name })),
  );
  const n = got?.namespace;
  if (!n) return undefined;
  return {
    name: n.namespaceName ?? name,
    status: n.status ?? 'UNKNOWN',
    database: n.dbName,
    user: n.adminUsername,
    // GetNamespace lists roles as "IamRole(applyStatus=in-sync, iamRoleArn=arn:…)" strings or as plain ARNs.
    iamRoleArns: (n.iamRoles ?? []).flatMap((r) => {
      const arn = /iamRoleArn=([^,)]+)/.exec(r)?.[1] ?? r;
      return arn.startsWith('arn:') ? [arn] : [];
    }),
    defaultIamRoleArn: n.defaultIamRoleArn,
    adminPasswordSecretArn: n.adminPasswordSecretArn,
  };
}

/** The workgroup as GetWorkgroup reports it, or undefined when it does not exist. Read-only. */
export async function observeWorkgroup(clients: AwsClients, ctx: CallContext, name: string): Promise<ObservedWorkgroup | undefined> {
  const got = await callAwsUnless(ctx, { call: 'GetWorkgroup', resource: `workgroup ${name}` }, CODES.serverlessNotFound, () =>
    clients.serverless.send(new GetWorkgroupCommand({ workgroupName: name })),
  );
  const w = got?.workgroup;
  if (!w) return undefined;
  return {
    name: w.workgroupName ?? name,
    status: w.status ?? 'UNKNOWN',
    namespace: w.namespaceName,
    endpoint: w.endpoint?.address ? { address: w.endpoint.address, port: w.endpoint.port ?? 5439 } : undefined,
    baseCapacity: w.baseCapacity,
    publiclyAccessible: w.publiclyAccessible ?? false,
    securityGroupIds: w.securityGroupIds ?? [],
  };
}

/** What a namespace or workgroup status means (API `Namespace.status`, `Workgroup.status`); unknown ones are `stuck`. */
export type ServerlessPhase = 'available' | 'settling' | 'deleting' | 'stuck';

export function serverlessPhase(status: string): ServerlessPhase {
  if (status === 'AVAILABLE') return 'available';
  if (status === 'CREATING' || status === 'MODIFYING') return 'settling';
  if (status === 'DELETING') return 'deleting';
  return 'stuck';
}
