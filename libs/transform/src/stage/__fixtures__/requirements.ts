import type { Requirement } from '@sparkify/testing';

/** Both requirements met → both values; otherwise the first missing one's reason. */
export function both<A, B>(a: Requirement<A>, b: Requirement<B>): Requirement<[A, B]> {
  if (!a.available) return a;
  if (!b.available) return b;
  return { available: true, value: [a.value, b.value], what: `${a.what} and ${b.what}` };
}
