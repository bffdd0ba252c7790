import type { LoadErrorSummary } from '@sparkify/analytics';

/** One data test (dbt style: a query returning failing rows), as the report shows it. */
export interface QualityCheck {
  readonly name: string;
  /** The rule in words, e.g. "users.(user_id) is unique". */
  readonly rule?: string;
  readonly passed: boolean;
  /** Failing rows found. */
  readonly failures: number;
  /** A few failing rows, already rendered as text. */
  readonly sample?: readonly string[];
}

export interface QualityResults {
  readonly loadErrors: LoadErrorSummary;
  /** Undefined when the checks could not run; `checksNote` says why. */
  readonly checks: readonly QualityCheck[] | undefined;
  readonly checksNote?: string;
}
