import { Writable } from 'node:stream';
import type { Io } from './io.js';

export interface CapturedIo {
  readonly io: Io;
  /** Everything written so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A non-TTY stream for `Io.stderr` that hands every write to `write` as text (tests capture progress with it). */
export function textSink(write: (text: string) => void): Io['stderr'] {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      write(chunk.toString());
      done();
    },
  });
}

/** An Io whose stdout and stderr (non-TTY) are captured as text: for tests that run a command line in-process. */
export function capturedIo(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CapturedIo {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: textSink((s) => (stderr += s)),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}
