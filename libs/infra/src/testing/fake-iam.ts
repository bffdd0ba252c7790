import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { PolicyDocument } from '../s3-access.js';
import { awsError } from './aws-errors.js';
import type { FakeState, FakeRole, Route } from './fake-state.js';

/** IAM as the provisioner uses it: roles, inline and attached policies (documents come back URL-encoded). */
export function iamRoutes(fake: FakeState): Route[] {
  const role = (name: unknown): FakeRole => {
    const found = fake.roles.get(String(name));
    if (!found) throw awsError('NoSuchEntityException', `The role with name ${String(name)} cannot be found.`, 404);
    return found;
  };
  const shape = (name: string, r: FakeRole) => ({
    RoleName: name,
    Arn: fake.roleArn(name),
    Path: '/',
    AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(r.trustPolicy)),
    Tags: r.tags,
  });
  return [
    [GetRoleCommand, 'GetRole', (i) => ({ Role: shape(String(i['RoleName']), role(i['RoleName'])) })],
    [
      CreateRoleCommand,
      'CreateRole',
      (i) => {
        const name = String(i['RoleName']);
        if (fake.roles.has(name)) throw awsError('EntityAlreadyExistsException', `Role with name ${name} already exists.`, 409);
        const made: FakeRole = { trustPolicy: JSON.parse(String(i['AssumeRolePolicyDocument'])) as PolicyDocument, inline: new Map(), attached: [], tags: (i['Tags'] as FakeRole['tags']) ?? [] };
        fake.roles.set(name, made);
        return { Role: shape(name, made) };
      },
    ],
    [
      UpdateAssumeRolePolicyCommand,
      'UpdateAssumeRolePolicy',
      (i) => {
        role(i['RoleName']).trustPolicy = JSON.parse(String(i['PolicyDocument'])) as PolicyDocument;
        return {};
      },
    ],
    [
      GetRolePolicyCommand,
      'GetRolePolicy',
      (i) => {
        const policy = role(i['RoleName']).inline.get(String(i['PolicyName']));
        if (!policy) throw awsError('NoSuchEntityException', `The role policy with name ${String(i['PolicyName'])} cannot be found.`, 404);
        return { RoleName: i['RoleName'], PolicyName: i['PolicyName'], PolicyDocument: encodeURIComponent(JSON.stringify(policy)) };
      },
    ],
    [
      PutRolePolicyCommand,
      'PutRolePolicy',
      (i) => {
        role(i['RoleName']).inline.set(String(i['PolicyName']), JSON.parse(String(i['PolicyDocument'])) as PolicyDocument);
        return {};
      },
    ],
    [ListRolePoliciesCommand, 'ListRolePolicies', (i) => ({ PolicyNames: [...role(i['RoleName']).inline.keys()], IsTruncated: false })],
    [
      ListAttachedRolePoliciesCommand,
      'ListAttachedRolePolicies',
      (i) => ({ AttachedPolicies: role(i['RoleName']).attached.map((arn) => ({ PolicyArn: arn, PolicyName: arn.split('/').pop() })), IsTruncated: false }),
    ],
    [
      DeleteRolePolicyCommand,
      'DeleteRolePolicy',
      (i) => {
        if (!role(i['RoleName']).inline.delete(String(i['PolicyName']))) throw awsError('NoSuchEntityException', 'The role policy cannot be found.', 404);
        return {};
      },
    ],
    [
      DetachRolePolicyCommand,
      'DetachRolePolicy',
      (i) => {
        const r = role(i['RoleName']);
        r.attached = r.attached.filter((a) => a !== i['PolicyArn']);
        return {};
      },
    ],
    [
      DeleteRoleCommand,
      'DeleteRole',
      (i) => {
        const r = role(i['RoleName']);
        if (r.inline.size > 0 || r.attached.length > 0) throw awsError('DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409);
        fake.roles.delete(String(i['RoleName']));
        return {};
      },
    ],
  ];
}
