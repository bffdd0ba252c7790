import { afterAll, expect, it } from 'vitest';
import type { FieldMapping } from '../extract/record-mapping.js';
import { WorkerPool } from './worker-pool.js';

const pool = WorkerPool.open(1);
afterAll(async () => pool?.close());

const bytes = (text: string) => {
  const b = Buffer.from(text);
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
};

it('finds the worker code from the sources and encodes a batch into COPY text', async () => {
  expect(pool).toBeDefined();
  const fields: FieldMapping[] = [{ column: { name: 'a', type: { kind: 'text', maxBytes: 10 } }, path: ['a'] }];
  const result = await pool!.run(0, { id: 1, layout: 'lines', fields, bytes: bytes('{"a":"x"}\n'), pieces: [{ file: 0, key: 'k.json', offset: 0, length: 10, last: true, hash: false }] });
  expect(Buffer.from(result.chunks[0]!.buffer, 0, result.chunks[0]!.length).toString()).toBe('x\tk.json\t1\n'); // the value, source_file, source_line
  expect(result.done).toEqual([{ file: 0, rows: 1, empty: false, hash: undefined }]);
});

it('turns a failure inside the worker into a rejected batch, not a hang', async () => {
  const job = { id: 2, layout: 'lines' as const, fields: [], bytes: bytes('{}'), pieces: [{ file: 0, key: 'k', offset: 5, length: 10, last: true, hash: false }] };
  await expect(pool!.run(0, job)).rejects.toThrow(/offset|length|bounds/i);
});
