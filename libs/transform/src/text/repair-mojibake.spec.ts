import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDatabase, describeWith, postgresServer, sharedData, type TempDatabase } from '@sparkify/testing';
import { Kysely, sql } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mojibakePairs, repairMojibake, repairSql } from './index.js';

// Mojibake made the way it happens: UTF-8 bytes read back as Latin-1, once or twice.
const encodeOnce = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const encodeTwice = (s: string) => encodeOnce(encodeOnce(s));
const decodeOnce = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

const latin1 = Array.from({ length: 0x80 }, (_, i) => String.fromCodePoint(0x80 + i));
const samples = [...latin1.map((c) => `Caf${c} Tacuba`), 'Cliché', 'Beyoncé', 'Sigur Rós', 'Ça va', 'São Paulo à Belém', 'Ø'];

describe('the mojibake map', () => {
  it('has one pair per character U+0080…U+00FF, each its UTF-8 bytes read as Latin-1', () => {
    expect(mojibakePairs).toHaveLength(128);
    for (const { from, to } of mojibakePairs) expect(decodeOnce(from)).toBe(to);
  });
});

describe('repairMojibake', () => {
  it('repairs every Latin-1 character encoded once or twice, in context', () => {
    for (const s of samples) {
      expect(repairMojibake(encodeOnce(s)), JSON.stringify(encodeOnce(s))).toBe(s);
      expect(repairMojibake(encodeTwice(s)), JSON.stringify(encodeTwice(s))).toBe(s);
    }
  });

  it('repairs the doubly-encoded words of the logs', () => {
    expect(repairMojibake('Clich\u00c3\u0083\u00c2\u00a9')).toBe('Cliché');
    expect(repairMojibake('Beyonc\u00c3\u0083\u00c2\u00a9')).toBe('Beyoncé');
    expect(repairMojibake('ClichÃ©')).toBe('Cliché');
  });

  it('leaves clean text, other scripts and null alone', () => {
    for (const s of ['Des\'ree', 'Sigur Rós', 'Øresund', 'Ðорог', '東京', '\ufffdgelholm, Sweden', '']) expect(repairMojibake(s)).toBe(s);
    expect(repairMojibake(null)).toBeNull();
  });
});

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describeWith(sharedData('sparkify'), 'repairMojibake on the real logs', (dir) => {
  it('turns every non-ASCII artist and song into what two UTF-8 decodings give', () => {
    const values = new Set<string>();
    for (const file of walk(join(dir, 'log_data'))) {
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const e = JSON.parse(line) as { artist: string | null; song: string | null };
        for (const v of [e.artist, e.song]) if (v && /[^\x00-\x7f]/.test(v)) values.add(v);
      }
    }
    expect(values.size).toBeGreaterThan(100);
    for (const v of values) expect(repairMojibake(v), v).toBe(decodeOnce(decodeOnce(v)));
  });
});

describeWith(await postgresServer(), 'repairSql on the server', (serverUrl) => {
  let temp: TempDatabase;
  let db: Kysely<{ t: { v: string | null } }>;
  beforeAll(async () => {
    temp = await createTempDatabase(serverUrl);
    db = new Kysely({ dialect: new PostgresJSDialect({ postgres: postgres(temp.url, { max: 1, onnotice: () => {} }) }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await temp?.drop();
  });

  it('gives exactly what repairMojibake gives, for every sample', async () => {
    const inputs = [...samples, ...samples.map(encodeOnce), ...samples.map(encodeTwice), null];
    const rows = await db
      .selectFrom(sql<{ v: string | null }>`(select unnest(${inputs}::text[]) as v)`.as('t'))
      .select((eb) => [eb.ref('t.v').as('v'), repairSql(eb.ref('t.v')).as('repaired')])
      .execute();
    expect(rows).toHaveLength(inputs.length);
    for (const r of rows) expect(r.repaired, JSON.stringify(r.v)).toBe(repairMojibake(r.v));
    expect(rows.filter((r) => r.v !== r.repaired).length).toBe(samples.length * 2);
  });

  it('inlines its literals, so the statement has no parameters', () => {
    const compiled = db.selectFrom('t').select((eb) => repairSql(eb.ref('v')).as('r')).compile();
    expect(compiled.parameters).toEqual([]);
    expect(compiled.sql).toContain(`replace(replace(`);
  });
});
