/** Where a command line reads and writes: the real process in production, captured buffers in tests. */
export interface Io {
  /** Results: the text summary, or exactly one JSON document with --json. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Progress, warnings and failure messages. When it is a TTY, progress may be drawn in place. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** Whether DEBUG names sparkify (stack traces in failure messages, the embedded server's log). */
export const isDebug = (io: Pick<Io, 'env'>): boolean => /(^|,)\s*sparkify\s*(,|$)/.test(io.env['DEBUG'] ?? '');
