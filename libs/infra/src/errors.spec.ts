import { describe, expect, it } from 'vitest';
import { classifyAwsError } from './errors.js';
import { awsError, dnsError } from './testing/index.js';

describe('classifyAwsError', () => {
  it.each([
    ['Throttling', 400, 'transient'],
    ['RequestLimitExceeded', 400, 'transient'],
    ['ServiceUnavailable', 503, 'transient'],
    ['SomethingNew', 502, 'transient'],
    ['InvalidClusterStateFault', 400, 'transient'],
    ['AccessDenied', 403, 'terminal'],
    ['UnauthorizedOperation', 403, 'terminal'],
    ['ClusterQuotaExceededFault', 400, 'terminal'],
    ['InvalidParameterValue', 400, 'terminal'],
    ['InvalidClientTokenId', 403, 'terminal'],
    // D10: Redshift's dependent-service faults say "wait and retry" (CreateCluster API reference).
    ['DependentServiceRequestThrottlingFault', 400, 'transient'],
    ['DependentServiceRequestThrottling', 400, 'transient'],
    ['DependentServiceUnavailableFault', 400, 'transient'],
    ['DependentServiceUnavailable', 400, 'transient'],
    // Redshift Serverless (CreateNamespace / CreateWorkgroup API reference).
    ['ThrottlingException', 400, 'transient'],
    ['ConflictException', 400, 'transient'],
    ['InternalServerException', 500, 'transient'],
    ['ServiceQuotaExceededException', 402, 'terminal'],
    ['AccessDeniedException', 403, 'terminal'],
    ['ValidationException', 400, 'terminal'],
  ])('%s (%i) is %s', (code, status, errorClass) => {
    expect(classifyAwsError(awsError(code, 'm', status)).errorClass).toBe(errorClass);
  });

  it('InvalidClusterState takes the slow backoff', () => {
    expect(classifyAwsError(awsError('InvalidClusterStateFault', 'm')).slow).toBe(true);
    expect(classifyAwsError(awsError('Throttling', 'm')).slow).toBe(false);
  });

  it('network resets are transient; an unknown endpoint host is a region problem', () => {
    expect(classifyAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).errorClass).toBe('transient');
    const dns = classifyAwsError(dnsError('redshift.xx-nowhere-1.amazonaws.com'), 'xx-nowhere-1');
    expect(dns).toMatchObject({ errorClass: 'terminal', code: 'ENOTFOUND' });
    expect(dns.hint).toContain('[AWS] REGION / AWS_REGION (now xx-nowhere-1)');
  });

  it('no credentials found names where to put them', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(classifyAwsError(error)).toMatchObject({ errorClass: 'terminal', code: 'CredentialsProviderError' });
    expect(classifyAwsError(error).hint).toContain('set [AWS] KEY and SECRET');
  });
});
