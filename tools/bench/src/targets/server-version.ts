import postgres from 'postgres';

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
