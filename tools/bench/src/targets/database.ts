/** A fresh, empty database for one benchmark run, on the server or on the embedded PostgreSQL. */
export interface BenchDatabase {
  /** Connection URL without a password (both targets use trust authentication on loopback). */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Where benchmark databases are made. */
export interface BenchTarget {
  readonly name: 'server' | 'embedded';
  /** e.g. "PostgreSQL 15.20". */
  readonly version: string;
  /** Time spent bringing the target up (embedded: initdb + start; server: 0). */
  readonly startupMs: number;
  createDatabase(prefix: string): Promise<BenchDatabase>;
  close(): Promise<void>;
}
