/** Where the CLI writes and what it reads from the process: the real one in production, captured in tests. */
export interface Io {
  readonly stdout: (text: string) => void;
  /** Progress, warnings and error messages. */
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress then rewrites one line instead of printing many). */
  readonly stderrIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const processIo = (): Io => ({
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
});

/** Exit codes, as the issue fixes them. */
export const EXIT = { ok: 0, aws: 1, usage: 2 } as const;
