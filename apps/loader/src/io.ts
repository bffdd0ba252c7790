/** Where the CLI reads and writes: the real process in production, captured buffers in tests. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Progress and messages. When it is a TTY, progress bars are drawn on it. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
