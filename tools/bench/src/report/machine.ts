import { cpus, release, totalmem, type } from 'node:os';
import type { Machine } from './types.js';

export function machine(serverVersion: string, embeddedVersion: string): Machine {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: (cpu[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${release()}`,
    serverVersion,
    embeddedVersion,
  };
}
