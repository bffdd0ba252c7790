/**
 * Test support for other projects: `@sparkify/infra/testing`. A stateful fake of the AWS control plane, one file per
 * service, and the error shapes the SDK throws. Not part of the production entry point.
 */
export { awsError, dnsError } from './aws-errors.js';
export {
  FakeControlPlane,
  type FakeCall,
  type FakeCluster,
  type FakeGroup,
  type FakeNamespace,
  type FakeRole,
  type FakeRule,
  type FakeService,
  type FakeWorkgroup,
  type MockClientLike,
} from './fake-control-plane.js';
