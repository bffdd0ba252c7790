import { describe, expect, it } from 'vitest';
import { postgresUrlSpec, redshiftSpec, searchPathFor } from './connection-options.js';

const settings = { applicationName: 'sparkify-test', schema: 'public' };

describe('Redshift connection options', () => {
  const spec = redshiftSpec(
    { host: 'dwh.abc123.us-west-2.redshift.amazonaws.com', port: 5439, database: 'dwh', user: 'dwhuser', password: 'S3cret!pw' },
    settings,
  );

  it('turns TLS on with the certificate checked against the host name', () => {
    expect(spec.options.ssl).toBe('verify-full');
  });

  it('skips the type catalogue fetch and prepared statements that Redshift does not support', () => {
    expect(spec.options.fetch_types).toBe(false);
    expect(spec.options.prepare).toBe(false);
  });

  it('connects to the configured host, port, database and user', () => {
    expect(spec.options).toMatchObject({ host: 'dwh.abc123.us-west-2.redshift.amazonaws.com', port: 5439, database: 'dwh', username: 'dwhuser' });
    expect(spec.endpoint).toEqual({ target: 'redshift', host: 'dwh.abc123.us-west-2.redshift.amazonaws.com', port: 5439, database: 'dwh', user: 'dwhuser' });
  });

  it('keeps the password only in the options and the list of secrets to scrub', () => {
    expect(spec.options.password).toBe('S3cret!pw');
    expect(JSON.stringify(spec.endpoint)).not.toContain('S3cret');
    expect(spec.secrets).toEqual(['S3cret!pw']);
  });
});

describe('PostgreSQL URL options', () => {
  it('reads the endpoint from the URL without its password', () => {
    const spec = postgresUrlSpec('postgres://etl:p%40ss%20word@db.example.com:6543/warehouse?sslmode=require', settings);
    expect(spec.endpoint).toEqual({ target: 'postgres', host: 'db.example.com', port: 6543, database: 'warehouse', user: 'etl' });
    expect(spec.secrets).toEqual(['p@ss word']);
    expect(spec.options.connection).toEqual({ TimeZone: 'UTC', jit: 'off', max_parallel_workers_per_gather: '0', application_name: 'sparkify-test', search_path: 'public' });
  });

  it('defaults the port to 5432', () => {
    expect(postgresUrlSpec('postgresql://u@h/d', settings).endpoint.port).toBe(5432);
  });

  it('puts the configured schema on the search_path, quoted when needed', () => {
    expect(searchPathFor('analytics')).toBe('analytics');
    expect(searchPathFor('My Schema')).toBe('"My Schema"');
  });
});
