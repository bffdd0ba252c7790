import { readFileSync, statSync } from 'node:fs';
import parseIni from 'ini-simple-parser';

/** A value as written in the config file, with where it was written. */
export interface FileValue {
  readonly value: string;
  readonly line: number | undefined;
}

export interface ConfigFileContents {
  /** Values by `SECTION.KEY`, both upper-cased (dwh.cfg matches names without regard to case). */
  readonly values: ReadonlyMap<string, FileValue>;
  /** Problems that make the file unusable, each a full sentence without the file name. */
  readonly problems: readonly string[];
  /** Octal file mode, e.g. 0o644. */
  readonly mode: number;
}

/**
 * Reads dwh.cfg as Python's configparser does for the original project (no inline comments, so a `#` inside a
 * password stays), and as users quote values: one pair of surrounding `'` or `"` is removed.
 * Throws the fs error (ENOENT, EACCES) for the caller to turn into a message.
 */
export function readConfigFile(path: string): ConfigFileContents {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const mode = statSync(path).mode & 0o777;
  const problems: string[] = [];
  let parsed: Record<string, unknown>;
  try {
    parsed = parseIni(text, { inferStrings: true });
  } catch (error) {
    const line = /line (\d+)/.exec(String(error))?.[1];
    problems.push(`line ${line ?? '?'}: expected [SECTION], KEY=value, or a comment starting with # or ;`);
    return { values: new Map(), problems, mode };
  }
  const { lines, repeats } = scanLines(text);
  problems.push(...repeats);
  const values = new Map<string, FileValue>();
  for (const [section, body] of Object.entries(parsed)) {
    if (typeof body !== 'object' || body === null) {
      problems.push(`line ${lines.get(`.${section.toUpperCase()}`) ?? '?'}: ${section} is outside any [SECTION]`);
      continue;
    }
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      const id = `${section.toUpperCase()}.${key.toUpperCase()}`;
      if (values.has(id)) continue; // [DWH] and [dwh] both set it: already reported by scanLines
      values.set(id, { value: String(raw).trim(), line: lines.get(id) });
    }
  }
  return { values, problems, mode };
}

/**
 * Line number of the first `KEY=` of each `SECTION.KEY` (and `.KEY` before any section), for messages; and the
 * repeats Python's configparser refuses (DuplicateSectionError, DuplicateOptionError). The parser we use keeps the
 * last value silently, so a second `HOST=` would otherwise win without a word. Names match without regard to case,
 * as everywhere in dwh.cfg, so `[dwh]` after `[DWH]` is a repeat too.
 */
function scanLines(text: string): { lines: Map<string, number>; repeats: string[] } {
  const lines = new Map<string, number>();
  const sections = new Map<string, number>();
  const repeats: string[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((line, index) => {
    const at = index + 1;
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header?.[1]) {
      section = header[1].trim().toUpperCase();
      const first = sections.get(section);
      if (first === undefined) sections.set(section, at);
      else repeats.push(`line ${at}: section [${section}] appears twice (first on line ${first}); merge the two into one`);
      return;
    }
    const key = /^\s*([^#;=\s[][^=]*?)\s*=/.exec(line);
    if (!key?.[1]) return;
    const id = `${section}.${key[1].toUpperCase()}`;
    const first = lines.get(id);
    if (first !== undefined && section !== '') {
      repeats.push(`line ${at}: [${section}] ${key[1].toUpperCase()} is set twice (first on line ${first}); keep one`);
    } else {
      lines.set(id, at);
    }
  });
  return { lines, repeats };
}
