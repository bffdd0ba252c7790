/**
 * Turns a parameterised statement (`$1`, `$2` … with a parameter array) into one plain SQL text that psql can
 * run. postgres.js sends strings and numbers as parameters of unknown type (OID 0) and lets the server infer
 * them, so they become quoted literals, which PostgreSQL also types by context; dates, booleans and bigints
 * get the explicit types postgres.js gives them.
 */
export function inlineParams(text: string, params: readonly unknown[]): string {
  if (params.length === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const skipTo = skipQuoted(text, i);
    if (skipTo > i) {
      out += text.slice(i, skipTo);
      i = skipTo;
      continue;
    }
    const placeholder = c === '$' ? /^\$(\d+)/.exec(text.slice(i, i + 12)) : null;
    if (placeholder) {
      const index = Number(placeholder[1]) - 1;
      if (index < 0 || index >= params.length) throw new Error(`statement uses $${index + 1} but has ${params.length} parameters`);
      out += literal(params[index]);
      i += placeholder[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** End of a quoted string, quoted identifier, dollar-quoted body or comment starting at `i` (or `i` when none). */
function skipQuoted(text: string, i: number): number {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === c) {
        if (text[j + 1] === c) j += 2;
        else return j + 1;
      } else j++;
    }
    return text.length;
  }
  if (c === '-' && text[i + 1] === '-') {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
    if (tag) {
      const end = text.indexOf(tag[0], i + tag[0].length);
      return end < 0 ? text.length : end + tag[0].length;
    }
  }
  return i;
}

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? quote(String(value)) : quote(String(value));
  if (typeof value === 'bigint') return `${quote(String(value))}::int8`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `${quote(value.toISOString())}::timestamptz`;
  throw new Error(`cannot write a ${Object.prototype.toString.call(value)} parameter as an SQL literal`);
}
