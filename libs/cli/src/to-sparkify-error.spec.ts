import { ConfigError } from '@sparkify/config';
import { AwsCallError, StackStateError, WaitTimeoutError } from '@sparkify/infra';
import { RunLockTimeout, WarehouseError } from '@sparkify/warehouse';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { describeFailure, reportFailure } from './failure.js';
import { UsageError } from './sparkify-error.js';
import { toSparkifyError } from './to-sparkify-error.js';

describe('one error vocabulary', () => {
  it.each([
    ['a config problem', new ConfigError(['bad key']), 'usage', EXIT.usage],
    ['a usage error', new UsageError('needs --x'), 'usage', EXIT.usage],
    ['an unreachable warehouse', new WarehouseError('refused', 'transient', 'ECONNREFUSED'), 'unavailable', EXIT.unavailable],
    ['a refused login', new WarehouseError('bad password', 'terminal', '28P01'), 'failed', EXIT.failure],
    ['a held run lock', new RunLockTimeout('another run', 'x'), 'busy', EXIT.busy],
    ['an embedded data folder in use by another run', new WarehouseError('Another sparkify run is using …', 'terminal', 'DATA_FOLDER_BUSY'), 'busy', EXIT.busy],
    ['AWS refusing', new AwsCallError('denied', 'CreateRole', 'IAM role r', 'AccessDenied', 'terminal'), 'refused', EXIT.dataRejected],
    ['a wait running out', new WaitTimeoutError('still creating'), 'refused', EXIT.dataRejected],
    ['a bug', new TypeError('x is undefined'), 'unexpected', EXIT.failure],
    ['a thrown string', 'oops', 'unexpected', EXIT.failure],
  ])('maps %s', (_what, error, kind, exitCode) => {
    const mapped = toSparkifyError(error);
    expect(mapped.kind).toBe(kind);
    expect(mapped.exitCode).toBe(exitCode);
  });

  it('says a retry may help after a wait ran out, not after a stack in the wrong state', () => {
    expect(toSparkifyError(new WaitTimeoutError('still creating')).retry).toBe('transient');
    expect(toSparkifyError(new StackStateError('incompatible-network')).retry).toBe('terminal');
  });

  it('puts AWS call details in the failure document and says retry for transient ones', () => {
    const doc = describeFailure('up', new AwsCallError('slow', 'CreateCluster', 'cluster c', 'Throttling', 'transient')).document;
    expect(doc).toEqual({
      command: 'up',
      ok: false,
      exitCode: 1,
      error: { kind: 'refused', message: 'slow', retry: 'transient', aws: { call: 'CreateCluster', resource: 'cluster c', code: 'Throttling', errorClass: 'transient' } },
    });
  });

  it('reports an unexpected error as exit 3 with its name, one JSON document and no secret', () => {
    let out = '';
    let err = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
    const code = reportFailure(io, 'sparkify', 'etl', new TypeError('password hunter2 leaked'), { json: true, secrets: ['hunter2'] });
    expect(code).toBe(3);
    expect(JSON.parse(out)).toMatchObject({ command: 'etl', ok: false, exitCode: 3, error: { kind: 'unexpected', message: expect.stringContaining('TypeError: password') } });
    expect(err).toMatch(/^sparkify etl failed: TypeError: password \S+ leaked/);
    expect(out + err).not.toContain('hunter2');
  });
});
