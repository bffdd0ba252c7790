import { quoteLiteral } from '../dialect/quote.js';

/** One bound value as an SQL literal, so that a printed statement runs as it is. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quoteLiteral(value.toISOString().replace('T', ' ').replace('Z', ''));
  return quoteLiteral(String(value));
}

/**
 * Replaces `$1`, `$2`, … by their values as literals, outside quoted strings, quoted identifiers, `$$` bodies and
 * comments (a `$1` inside a `$$`-quoted function body is the function's own argument).
 */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  if (params.length === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const quoted = /^('(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$[\s\S]*?\$\$|--[^\n]*)/.exec(rest);
    if (quoted) {
      out += quoted[0];
      i += quoted[0].length;
      continue;
    }
    const param = /^\$(\d+)/.exec(rest);
    if (param) {
      const index = Number(param[1]) - 1;
      if (index >= params.length) throw new Error(`statement uses $${index + 1} but has ${params.length} parameter(s)`);
      out += sqlLiteral(params[index]);
      i += param[0].length;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}
