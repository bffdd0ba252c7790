// A real warehouse for integration tests: a fresh database on the test server, tables from @sparkify/schema.
import { testConfig } from '@sparkify/config/testing';
import { createTempDatabase } from '@sparkify/testing';
import { connect, createTables, type Warehouse } from '@sparkify/warehouse';

export interface TestWarehouse {
  readonly warehouse: Warehouse;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function testWarehouse(adminUrl: string): Promise<TestWarehouse> {
  const db = await createTempDatabase(adminUrl, 'sparkify_stage');
  const warehouse = await connect(testConfig({ target: { kind: 'postgres', url: db.url } }), { applicationName: 'transform-stage-test' });
  await warehouse.begin((tx) => createTables(tx));
  return {
    warehouse,
    async count(table) {
      const [row] = await warehouse.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
      return row?.n ?? -1;
    },
    async close() {
      await warehouse.close();
      await db.drop();
    },
  };
}
