/**
 * Text that was UTF-8-encoded and then read as Latin-1 turns each character U+0080…U+00FF into two:
 * a lead `Â` (0xC2) or `Ã` (0xC3) followed by a continuation character U+0080…U+00BF (`é` → `Ã©`).
 * This is the one table of those pairs; the SQL repair and the JS repair are both generated from it,
 * so they cannot drift apart.
 */
export interface MojibakePair {
  /** The two-character mojibake, e.g. `Ã©`. */
  readonly from: string;
  /** The character it stands for, e.g. `é`. */
  readonly to: string;
}

/** Characters whose presence means a value may hold mojibake (every pair starts with one). */
export const mojibakeMarkers = ['\u00c2', '\u00c3'] as const;

/**
 * Pairs in the order they are applied: all `Â` pairs, then all `Ã` pairs, each by ascending continuation.
 * The order matters (replacements are sequential) and is proven by the round-trip tests.
 */
export const mojibakePairs: readonly MojibakePair[] = Array.from({ length: 0x80 }, (_, i) => {
  const to = String.fromCodePoint(0x80 + i);
  return { from: Buffer.from(to, 'utf8').toString('latin1'), to };
});

/**
 * Rounds of repair. The Sparkify logs were encoded twice over (`é` → `Ã\u0083Â©`), which needs two rounds:
 * the first turns it into `Ã©`, the second into `é`.
 */
export const mojibakeRounds = 2;
