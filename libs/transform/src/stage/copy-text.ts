/**
 * PostgreSQL COPY text format: tab-separated, one row a line, `\N` for NULL (so NULL stays distinct from "").
 * Backslash, tab, newline and carriage return inside values are written as escapes.
 */
const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyTextValue(value: string | null): string {
  if (value === null) return '\\N';
  return special.test(value) ? value.replace(specialAll, (c) => escapes[c] as string) : value;
}

/**
 * One row, newline included. `escape: false` skips the escaping scan when the caller knows no value holds a
 * backslash, tab, newline or carriage return (values decoded from JSON text that has no backslash cannot).
 */
export function copyTextRow(cells: readonly (string | null)[], escape = true): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null;
    line += (i === 0 ? '' : '\t') + (escape ? copyTextValue(cell) : cell === null ? '\\N' : cell);
  }
  return line + '\n';
}
