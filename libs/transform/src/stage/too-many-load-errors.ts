import { formatLoadError, type LoadError } from '../extract/load-error.js';

/**
 * More records were rejected than `maxErrors` allows (Redshift's MAXERROR). Thrown inside the caller's
 * transaction, so it rolls back and the warehouse stays as it was.
 */
export class TooManyLoadErrors extends Error {
  override readonly name = 'TooManyLoadErrors';

  constructor(
    readonly rejected: readonly LoadError[],
    readonly maxErrors: number,
    /** 'transform': the records were staged, then set aside as rows no star table can hold. */
    readonly step: 'staging' | 'transform' = 'staging',
  ) {
    const shown = rejected.slice(0, 5).map((e) => '  ' + formatLoadError(e));
    const more = rejected.length > shown.length ? [`  … and ${rejected.length - shown.length} more`] : [];
    super(
      [
        step === 'staging'
          ? `staging stopped: ${rejected.length} rejected record(s), more than max errors = ${maxErrors}; nothing was staged (rolled back).`
          : `transform stopped: ${rejected.length} rejected record(s) (staging's and the events no star row can hold), more than max errors = ${maxErrors}; nothing was loaded (rolled back).`,
        ...shown,
        ...more,
        'Fix or remove the bad records, or allow some with --max-errors N (or [SPARKIFY] MAX_ERRORS in dwh.cfg).',
      ].join('\n'),
    );
  }
}
