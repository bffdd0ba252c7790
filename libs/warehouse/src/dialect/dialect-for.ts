import { postgresDialect } from './postgres/postgres-dialect.js';
import { redshiftDialect } from './redshift/redshift-dialect.js';
import type { WarehouseDialect } from './warehouse-dialect.js';

const dialects = { embedded: postgresDialect, postgres: postgresDialect, redshift: redshiftDialect } as const;

/** The dialect of a configured target, known without connecting (what `--dry-run` uses). */
export const dialectFor = (kind: keyof typeof dialects): WarehouseDialect => dialects[kind];
