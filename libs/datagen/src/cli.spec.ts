import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli.js';

function capture(isTty = false): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('datagen command line', () => {
  const root = mkdtempSync(join(tmpdir(), 'datagen-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the data and prints one JSON summary with --json', async () => {
    const io = capture();
    const out = join(root, 'json');
    const code = await runCli(['--out', out, '--songs', '50', '--events', '1_000', '--seed', '3', '--match-rate', '0.5', '--quirks', '--days', '2', '--json'], io);
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout()) as { events: number; songFiles: number; logFiles: string[]; quirks: boolean };
    expect(report).toMatchObject({ events: 1000, songFiles: 50, quirks: true });
    expect(report.logFiles).toEqual(['log_data/2018/11/2018-11-01-events.json', 'log_data/2018/11/2018-11-02-events.json']);
    expect(existsSync(join(out, 'log_json_path.json'))).toBe(true);
  });

  it('prints plain progress lines and a text summary when not on a terminal', async () => {
    const io = capture();
    const code = await runCli(['--out', join(root, 'text'), '--songs', '20', '--events', '300', '--start-date', '2019-01-30', '--days', '3'], io);
    expect(code).toBe(0);
    expect(io.stderr()).toMatch(/^events: 0\/300$/m);
    expect(io.stderr()).toMatch(/^songs: 20\/20$/m);
    expect(io.stdout()).toMatch(/events: 300 in \d day files/);
    expect(existsSync(join(root, 'text', 'log_data', '2019', '02', '2019-02-01-events.json'))).toBe(true);
  });

  it('explains a folder that already has data, and replaces it with --force', async () => {
    const out = join(root, 'twice');
    expect(await runCli(['--out', out, '--songs', '5', '--events', '10', '--json'], capture())).toBe(0);
    const io = capture();
    expect(await runCli(['--out', out, '--songs', '5', '--events', '10', '--json'], io)).toBe(2);
    expect(io.stderr()).toMatch(/already has song_data.*--force/);
    expect(await runCli(['--out', out, '--songs', '5', '--events', '10', '--json', '--force'], capture())).toBe(0);
  });

  it('rejects bad arguments with the option named', async () => {
    const io = capture();
    expect(await runCli(['--out', join(root, 'bad'), '--events', 'lots'], io)).not.toBe(0);
    expect(io.stderr()).toMatch(/--events must be a whole number/);
    const io2 = capture();
    expect(await runCli(['--songs', '5'], io2)).not.toBe(0);
    expect(io2.stderr()).toMatch(/--out <dir>/);
    const io3 = capture();
    expect(await runCli(['--out', join(root, 'bad'), '--song-format', 'pretty'], io3)).toBe(2);
    expect(io3.stderr()).toMatch(/--song-format must be compact or spaced/);
  });
});
