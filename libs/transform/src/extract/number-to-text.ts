/** Small whole numbers (line numbers, items in a session, statuses) are looked up, made once each. */
const SMALL = 1 << 16;
const small: string[] = [];

/**
 * A finite number as COPY text: the same characters as `String(n)`, without V8's number-to-string cache.
 * That cache (an old-space table) keeps every string it made alive until another number takes its slot, so at
 * a million rows most of them outlive two young-generation collections and are promoted: the old generation
 * then filled with dead strings (≈ 80 MB at 1M events), which is what set the stage step's peak RSS.
 * JSON.stringify formats numbers without that cache.
 */
export function numberToText(n: number): string {
  if (n >= 0 && n < SMALL && (n | 0) === n) return (small[n] ??= JSON.stringify(n));
  return JSON.stringify(n);
}
