import { testConfig } from '@sparkify/config/testing';
import type { TableDef } from '@sparkify/schema';
import { createTempDatabase, describeWith, postgresServer, type TempDatabase } from '@sparkify/testing';
import { connect, type Warehouse } from '@sparkify/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedChecks } from './derived-checks.js';
import { runChecks, type CheckReport } from './run-checks.js';

// A made-up shop, declared the way @sparkify/schema declares ours: a child (orders) with a NOT NULL reference, a
// nullable reference and a natural key; accepted values on a NOT NULL column (tier) and on a nullable one (channel).
const shop = {
  customers: {
    description: 'One row per customer.',
    columns: {
      customer_id: { type: 'integer', notNull: true },
      tier: { type: 'varchar', bytes: 8, notNull: true, accepted: ['basic', 'gold'] },
    },
    primaryKey: ['customer_id'],
    redshift: { distStyle: 'all' },
  },
  coupons: {
    description: 'One row per coupon.',
    columns: { code: { type: 'varchar', bytes: 16, notNull: true } },
    primaryKey: ['code'],
    redshift: { distStyle: 'all' },
  },
  orders: {
    description: 'One row per order.',
    columns: {
      order_id: { type: 'bigint', notNull: true, identity: true },
      store: { type: 'integer', notNull: true },
      order_no: { type: 'integer', notNull: true },
      // Declared before customer_id: relationships still come in the parents' declaration order.
      coupon_code: { type: 'varchar', bytes: 16, references: 'coupons' },
      customer_id: { type: 'integer', notNull: true, references: 'customers' },
      channel: { type: 'varchar', bytes: 8, accepted: ['web', 'shop'] },
    },
    primaryKey: ['order_id'],
    unique: [['store', 'order_no']],
    redshift: { distStyle: 'key', distKey: 'customer_id' },
  },
} as const satisfies Record<string, TableDef<'customers' | 'coupons'>>;

const shopChecks = derivedChecks(shop, ['customers', 'coupons', 'orders']);

describe('derivedChecks', () => {
  it('derives unique/not_null per key, then relationships by parent, then accepted values, in declaration order', () => {
    expect(shopChecks.map((c) => c.name)).toEqual([
      'unique_customers_customer_id',
      'not_null_customers_customer_id',
      'unique_coupons_code',
      'not_null_coupons_code',
      'unique_orders_order_id',
      'not_null_orders_order_id',
      'unique_orders_store_order_no',
      'not_null_orders_customer_id',
      'relationships_orders_customer_id__customers',
      'relationships_orders_coupon_code__coupons',
      'accepted_values_customers_tier',
      'accepted_values_orders_channel',
    ]);
    expect(shopChecks.map((c) => c.description)).toContain("customers.tier is 'basic' or 'gold'");
  });

  it('checks only the tables it is given', () => {
    expect(derivedChecks(shop, ['coupons']).map((c) => c.name)).toEqual(['unique_coupons_code', 'not_null_coupons_code']);
  });

  it('refuses a table that is not declared, a reference without a one-column key, and an empty accepted list', () => {
    expect(() => derivedChecks(shop, ['refunds'])).toThrow('no table refunds is declared (declared: customers, coupons, orders)');
    const child = (column: object) => ({ child: { description: '', columns: { x: { type: 'integer', ...column } }, redshift: { distStyle: 'even' } } }) as const;
    expect(() => derivedChecks(child({ references: 'nowhere' }), ['child'])).toThrow('child.x references nowhere, which is not declared');
    expect(() => derivedChecks(child({ references: 'child' }), ['child'])).toThrow('child.x references child, whose primary key is not one column');
    expect(() => derivedChecks(child({ accepted: [] }), ['child'])).toThrow('child.x accepts no value');
  });
});

// No constraints: the data tests exist for what the engine does not enforce (Redshift enforces no key).
const ddl = `
  create table customers (customer_id integer, tier varchar(8));
  create table coupons (code varchar(16));
  create table orders (order_id bigint, store integer, order_no integer, coupon_code varchar(16), customer_id integer, channel varchar(8));
  insert into customers values (1, 'basic'), (2, 'gold');
  insert into coupons values ('SPRING');
  insert into orders values
    (10, 1, 100, 'SPRING', 1, 'web'),
    (11, 1, 101, null, 2, 'shop'),
    (12, 2, 100, null, 2, null)`;

/** One planted violation per derived check: the check it must trip, and the rows it must count. */
const violations: readonly { check: string; plant: string; failing: number; sample: Record<string, unknown> }[] = [
  { check: 'unique_customers_customer_id', plant: `insert into customers values (1, 'gold')`, failing: 1, sample: { customer_id: 1, copies: '2' } },
  { check: 'not_null_customers_customer_id', plant: `insert into customers values (null, 'gold')`, failing: 1, sample: { customer_id: null } },
  { check: 'unique_coupons_code', plant: `insert into coupons values ('SPRING'), ('SPRING')`, failing: 1, sample: { code: 'SPRING', copies: '3' } },
  { check: 'not_null_coupons_code', plant: `insert into coupons values (null)`, failing: 1, sample: { code: null } },
  { check: 'unique_orders_order_id', plant: `insert into orders values (10, 3, 300, null, 1, 'web')`, failing: 1, sample: { order_id: '10', copies: '2' } },
  { check: 'not_null_orders_order_id', plant: `insert into orders values (null, 3, 300, null, 1, 'web')`, failing: 1, sample: { store: 3, order_no: 300 } },
  { check: 'unique_orders_store_order_no', plant: `insert into orders values (13, 1, 100, null, 1, 'web')`, failing: 1, sample: { store: 1, order_no: 100, copies: '2' } },
  // A NULL is no parent key, so the NOT NULL reference is caught by not_null only, not by relationships.
  { check: 'not_null_orders_customer_id', plant: `insert into orders values (13, 3, 300, null, null, 'web')`, failing: 1, sample: { order_id: '13' } },
  {
    check: 'relationships_orders_customer_id__customers',
    plant: `insert into orders values (13, 3, 300, null, 9, 'web'), (14, 3, 301, null, 9, 'web')`,
    failing: 2,
    sample: { order_id: '13', store: 3, order_no: 300, customer_id: 9 },
  },
  { check: 'relationships_orders_coupon_code__coupons', plant: `update orders set coupon_code = 'WINTER' where order_id = 11`, failing: 1, sample: { order_id: '11', coupon_code: 'WINTER' } },
  {
    check: 'accepted_values_customers_tier',
    plant: `insert into customers values (3, 'platinum'), (4, null)`,
    failing: 2,
    sample: { customer_id: 3, tier: 'platinum' },
  },
  // channel is nullable: order 12's NULL channel passes, 'phone' does not.
  { check: 'accepted_values_orders_channel', plant: `update orders set channel = 'phone' where order_id = 11`, failing: 1, sample: { order_id: '11', store: 1, order_no: 101, channel: 'phone' } },
];

describeWith(await postgresServer(), 'derived checks on the PostgreSQL server (a scratch schema)', (url) => {
  let temp: TempDatabase;
  let warehouse: Warehouse;
  const schema = 'shop';

  beforeAll(async () => {
    temp = await createTempDatabase(url, 'sparkify_checks');
    warehouse = await connect(testConfig({ target: { kind: 'postgres', url: temp.url } }), { applicationName: 'derived-checks-test' });
    await warehouse.sql.unsafe(`create schema ${schema}; set search_path to ${schema};` + ddl);
  });
  afterAll(async () => {
    await warehouse?.close();
    await temp?.drop();
  });

  /** Plants the violation, runs every derived check, and rolls the plant back. */
  const runWith = async (plant: string): Promise<CheckReport> => {
    let report: CheckReport | undefined;
    await warehouse
      .begin(async (tx) => {
        await tx.sql.unsafe(`set local search_path to ${schema}; ${plant}`);
        report = await runChecks(tx.db, { schema, checks: shopChecks });
        throw new Error('roll back the planted rows');
      })
      .catch((e: unknown) => {
        if (!report) throw e;
      });
    return report as CheckReport;
  };

  it('every derived check passes on clean data', async () => {
    const report = await runWith('select 1');
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.results).toHaveLength(shopChecks.length);
  });

  it('plants a violation for every derived check', () => {
    expect(violations.map((v) => v.check)).toEqual(shopChecks.map((c) => c.name));
  });

  it.each(violations)('$check catches its violation, and no other check fails', async ({ check, plant, failing, sample }) => {
    const report = await runWith(plant);
    expect(report.results.filter((r) => !r.passed).map((r) => [r.name, r.failing])).toEqual([[check, failing]]);
    expect(report.results.find((r) => r.name === check)?.sample[0]).toMatchObject(sample);
  });
});
