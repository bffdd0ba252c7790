import { chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Values to set, by section then key: `{ CLUSTER: { HOST: '…' }, IAM_ROLE: { ARN: '…' } }`. */
export type IniUpdates = Readonly<Record<string, Readonly<Record<string, string>>>>;

const SECTION = /^\s*\[([^\]]+)\]\s*$/;
const KEY = /^(\s*)([^#;=\s[][^=]*?)(\s*=\s*)(.*)$/;

/**
 * Sets values in INI text and changes nothing else: comments, blank lines, order, spacing around `=`, the
 * line ending and a value's quote style stay as the user wrote them. Keys and sections match without regard
 * to case (as configparser does). A missing key is added after the last key of its section; a missing
 * section is added at the end of the file.
 */
export function editIniText(text: string, updates: IniUpdates): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const endsWithEol = text === '' || text.endsWith('\n');
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  for (const [section, values] of Object.entries(updates)) {
    for (const [key, value] of Object.entries(values)) {
      if (/[\r\n]/.test(value)) throw new Error(`[${section}] ${key}: a value cannot span lines`);
    }
  }

  const pending = new Map(Object.entries(updates).map(([s, values]) => [s.toUpperCase(), new Map(Object.entries(values).map(([k, v]) => [k.toUpperCase(), { key: k, value: v }]))]));
  const sectionNames = new Map(Object.keys(updates).map((s) => [s.toUpperCase(), s]));
  const seen = new Set<string>();
  let current: string | undefined;
  /** Index of the line after which a missing key of `current` goes. */
  let insertAfter = -1;

  const flush = (): void => {
    const missing = current !== undefined && !seen.has(current) ? pending.get(current) : undefined;
    if (current !== undefined) seen.add(current);
    if (!missing || missing.size === 0) return;
    const added = [...missing.values()].map(({ key, value }) => `${key}=${value}`);
    lines.splice(insertAfter + 1, 0, ...added);
    missing.clear();
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const header = SECTION.exec(line);
    if (header?.[1]) {
      const before = lines.length;
      flush();
      i += lines.length - before;
      current = header[1].trim().toUpperCase();
      insertAfter = i;
      continue;
    }
    const kv = KEY.exec(line);
    if (!kv || current === undefined || seen.has(current)) continue;
    insertAfter = i;
    const want = pending.get(current)?.get((kv[2] ?? '').trim().toUpperCase());
    if (!want) continue;
    lines[i] = `${kv[1] ?? ''}${kv[2] ?? ''}${kv[3] ?? ''}${quoteLike(kv[4] ?? '', want.value)}`;
    pending.get(current)?.delete((kv[2] ?? '').trim().toUpperCase());
  }
  flush();

  for (const [upper, missing] of pending) {
    if (missing.size === 0 || seen.has(upper)) continue;
    if (lines.length > 0 && lines[lines.length - 1]?.trim() !== '') lines.push('');
    lines.push(`[${sectionNames.get(upper) ?? upper}]`, ...[...missing.values()].map(({ key, value }) => `${key}=${value}`));
  }
  return lines.join(eol) + (endsWithEol || lines.length > 0 ? eol : '');
}

/** Keeps the quotes the old value had (`'s3://…'` stays quoted); an unquoted value is written bare. */
function quoteLike(old: string, value: string): string {
  const trimmed = old.trim();
  const quote = trimmed.length >= 2 && (trimmed[0] === "'" || trimmed[0] === '"') && trimmed.endsWith(trimmed[0]) ? trimmed[0] : '';
  return `${quote}${value}${quote}`;
}

/**
 * Applies `updates` to the INI file in place: written to a temporary file next to it, given the original's
 * mode, then renamed over it, so a crash leaves either the old or the new file. A symlink is followed and its
 * target rewritten.
 */
export async function writeIniValues(file: string, updates: IniUpdates): Promise<void> {
  const target = await realpath(file);
  const mode = (await stat(target)).mode & 0o777;
  const text = await readFile(target, 'utf8');
  const edited = editIniText(text, updates);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, edited, { mode, flag: 'wx' });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
