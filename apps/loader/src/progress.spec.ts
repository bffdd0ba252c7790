import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '@sparkify/cli';
import { Progress } from './progress.js';

function io(tty: boolean): { io: Io; text: () => string } {
  let text = '';
  const stderr = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    }),
    { isTTY: tty, columns: 120 },
  );
  return { io: { stdout: { write: () => true }, stderr, env: {}, cwd: '/' }, text: () => text };
}

describe('progress', () => {
  it('off a terminal: one plain line when a step starts and one when it ends, nothing in between', () => {
    const out = io(false);
    const progress = new Progress(out.io, false, 60_000);
    for (let i = 0; i <= 10; i++) progress.stage('staging_events', i, 10, i * 100);
    progress.stage('recording', 1, 1, 1000);
    expect(out.text().split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^staging events: 0\/10 files, 0 rows \(0 rows\/s\)$/),
      expect.stringMatching(/^staging events: 10\/10 files, 1000 rows \(\d+ rows\/s\)$/),
      expect.stringMatching(/^recording the ledger: 1\/1 files, 1000 rows/),
    ]);
  });

  it('on a terminal: a progress bar with files and rows/s', () => {
    const out = io(true);
    const progress = new Progress(out.io);
    progress.stage('staging_songs', 0, 4, 0);
    progress.stage('staging_songs', 4, 4, 71);
    progress.endBar();
    expect(out.text()).toMatch(/staging songs +\[[█░]+\] 4\/4 files \| 71 rows \| \d+ rows\/s/);
  });

  it('says nothing when quiet', () => {
    const out = io(false);
    const progress = new Progress(out.io, true);
    progress.log('hello');
    progress.stage('listing', 1, 1, 0);
    expect(out.text()).toBe('');
  });
});
