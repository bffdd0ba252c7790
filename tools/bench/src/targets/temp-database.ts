import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { BenchDatabase } from './database.js';

/** Creates `<prefix>_<time>_<random>` through an admin URL and returns its URL; `drop()` removes it (forced). */
export async function createTempDatabase(adminUrl: string, prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    name,
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}

/** "PostgreSQL 15.20" from `select version()`. */
export async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select version() as v`;
    return /PostgreSQL [\d.]+/.exec(row?.v ?? '')?.[0] ?? 'PostgreSQL (unknown version)';
  } finally {
    await sql.end({ timeout: 1 });
  }
}
