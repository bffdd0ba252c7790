/**
 * How deep a record may nest. JSON.parse copes with any depth, but writing a deep value back as JSON
 * (JSON.stringify, for a text column) and re-reading a record to keep its numbers' written form are recursive, and
 * overflow the stack somewhere past a few thousand levels ("Maximum call stack size exceeded" ended the run).
 * Real records nest a few levels; anything deeper than this is refused as a record, with its file and line.
 */
export const MAX_NESTING = 1000;

/**
 * True when the JSON text nests objects and arrays more than `limit` levels deep. Each level takes at least two
 * characters (`[` and `]`), so text shorter than that cannot and is not scanned: the everyday records cost nothing.
 * Only for text that JSON.parse accepted (brackets inside strings are skipped, escapes included).
 */
export function nestsDeeperThan(text: string, limit = MAX_NESTING): boolean {
  if (text.length <= 2 * limit) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote that is not escaped.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
