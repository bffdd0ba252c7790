/**
 * True when JSON text has one of the escapes backslash-backslash, \t, \n, \r or \uXXXX: only those can decode to
 * a backslash, tab, newline or CR, the characters COPY text escapes (a `\"` or `\/` cannot). Without them a
 * record's cells need no COPY escaping. Same answer as /\\[\\tnru]/.test(text), found with indexOf, which skips
 * the long stretches without a backslash much faster than the regular expression (most event lines hold `\/`
 * and `\"` in their user agent, so most lines do get scanned).
 */
export function mayNeedEscapes(text: string): boolean {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 2)) {
    const next = text.charCodeAt(i + 1);
    // \\ t n r u
    if (next === 0x5c || next === 0x74 || next === 0x6e || next === 0x72 || next === 0x75) return true;
  }
  return false;
}
