import type { CheckReport } from '@sparkify/transform';

/** Data checks failed; thrown inside the run's transaction so that nothing is committed. */
export class ChecksFailed extends Error {
  override readonly name = 'ChecksFailed';
  constructor(
    message: string,
    readonly report: CheckReport,
  ) {
    super(message);
  }
  /** The failed checks, for machine-readable error documents. */
  get checks() {
    return this.report.results.filter((r) => !r.passed).map(({ name, failing, sample }) => ({ name, failing, sample }));
  }
}

/** A single step was asked for on a warehouse that lacks the tables (the whole run creates them; a step does not). */
export class MissingTables extends Error {
  override readonly name = 'MissingTables';
  constructor(
    message: string,
    readonly missing: readonly string[],
  ) {
    super(message);
  }
}
