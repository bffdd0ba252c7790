import { describe, expect, it, vi } from 'vitest';
import { classifyError, redact, WarehouseError } from './errors.js';
import { withRetry } from './retry.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('error classes', () => {
  it.each(['ECONNREFUSED', 'CONNECT_TIMEOUT', 'ETIMEDOUT', '57P01', '57P03', '53300', '08006', '40001'])('%s is transient', (code) => {
    expect(classifyError(withCode(code))).toBe('transient');
  });

  it.each(['28P01', '28000', '3D000', '42P01', 'ENOTFOUND'])('%s is terminal', (code) => {
    expect(classifyError(withCode(code))).toBe('terminal');
  });

  it('keeps the class of a WarehouseError', () => {
    expect(classifyError(new WarehouseError('x', 'transient'))).toBe('transient');
  });
});

describe('redact', () => {
  it('removes a secret, also in its URL-encoded form', () => {
    expect(redact('postgres://u:p@ss w0rd@h and p%40ss%20w0rd', ['p@ss w0rd'])).toBe('postgres://u:***@h and ***');
  });
});

describe('withRetry', () => {
  it('retries transient failures with doubling delays, then succeeds', async () => {
    const delays: number[] = [];
    const work = vi.fn().mockRejectedValueOnce(withCode('ECONNREFUSED')).mockRejectedValueOnce(withCode('57P03')).mockResolvedValue('ok');
    await expect(withRetry(work, { attempts: 4, delayMs: 1, onRetry: (_e, _a, d) => delays.push(d) })).resolves.toBe('ok');
    expect(work).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([1, 2]);
  });

  it('gives up after the last attempt', async () => {
    const work = vi.fn().mockRejectedValue(withCode('ECONNREFUSED'));
    await expect(withRetry(work, { attempts: 3, delayMs: 1 })).rejects.toThrow('ECONNREFUSED');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('does not retry a terminal failure', async () => {
    const work = vi.fn().mockRejectedValue(withCode('28P01'));
    await expect(withRetry(work, { attempts: 3, delayMs: 1 })).rejects.toThrow('28P01');
    expect(work).toHaveBeenCalledTimes(1);
  });
});
