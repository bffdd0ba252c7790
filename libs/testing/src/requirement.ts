import { describe, it } from 'vitest';

/** Something a test suite needs from the machine: a server, a data folder. */
export type Requirement<T> =
  | { readonly available: true; readonly value: T; readonly what: string }
  | { readonly available: false; readonly what: string; readonly reason: string };

export const isCI = (): boolean => /^(1|true|yes)$/i.test(process.env['CI'] ?? '');

/**
 * `describe` that runs when the requirement is met. When it is not, a developer's machine skips the suite and
 * prints why; under CI the absence is a failing test, so CI can never pass by skipping.
 */
export function describeWith<T>(req: Requirement<T>, name: string, body: (value: T) => void): void {
  if (req.available) {
    describe(name, () => body(req.value));
    return;
  }
  const why = `${req.what} is not available: ${req.reason}`;
  if (isCI()) {
    describe(name, () => {
      it(`needs ${req.what}`, () => {
        throw new Error(`${why} (CI=true, so this is a failure, not a skip)`);
      });
    });
    return;
  }
  console.warn(`[skip] ${name}: ${why}`);
  describe.skip(`${name} [skipped: ${why}]`, () => body(undefined as T));
}
