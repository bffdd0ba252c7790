// JSON text written the way the real files are written. The log lines and the full song set escape `/` as `\/` and
// every non-ASCII character as a lowercase `\uXXXX` (PHP/Java style); the small song set is Python's json.dumps
// (ensure_ascii, `/` left alone). Floats are written like Python's repr: integral values keep a `.0`.

const NON_ASCII = /[\u007f-\uffff]/g;
const escapeChar = (c: string): string => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');

/** A JSON string literal with non-ASCII as `\uXXXX`; `/` is escaped as `\/` when `escapeSlash`. */
export function jsonString(value: string, escapeSlash: boolean): string {
  let text = JSON.stringify(value);
  if (escapeSlash && text.includes('/')) text = text.replaceAll('/', '\\/');
  // DEL (U+007F) is ASCII and both writers leave it alone.
  return text.replace(NON_ASCII, (c) => (c === '\u007f' ? c : escapeChar(c)));
}

/** A float the way Python (and the real files) print it: shortest round-trip form, `.0` when integral. */
export function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a JSON number`);
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** A value that is a string in most records and, as a quirk of the real data, sometimes a JSON number. */
export type TextOrNumber = string | number;

export function jsonTextOrNumber(value: TextOrNumber | null, escapeSlash: boolean): string {
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : jsonString(value, escapeSlash);
}

/**
 * Text that was UTF-8-encoded twice, as in the real logs: "é" → "Ã\u0083Â©". Each round reads the UTF-8 bytes
 * back as Latin-1 characters, which is exactly how the real mojibake came about.
 */
export function doubleEncode(value: string): string {
  const once = Buffer.from(value, 'utf8').toString('latin1');
  return Buffer.from(once, 'utf8').toString('latin1');
}

export const isAscii = (value: string): boolean => !/[^\u0000-\u007f]/.test(value);
