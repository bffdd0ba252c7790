import { SourceError } from '../source/source-location.js';

/**
 * Redshift JSONPaths: `{"jsonpaths": ["$['artist']", "$.auth", "$['a'][0]"]}`.
 * COPY maps path i to column i of the column list, so the file's order is the staging table's order.
 */
export type JsonPathSegment = string | number;
export type JsonPath = readonly JsonPathSegment[];

/** A JSONPaths file that cannot be used: bad input, like every SourceError (the CLIs exit 2, "bad input"). */
export class JsonPathsError extends SourceError {
  override readonly name = 'JsonPathsError';
}

const segment = /^(?:\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|\.([A-Za-z_$][\w$]*))/;

/** Parses one path expression such as `$['firstName']` or `$.a.b[2]` into segments. */
export function parseJsonPath(expression: string): JsonPath {
  if (!expression.startsWith('$')) throw new JsonPathsError(`JSONPath ${JSON.stringify(expression)} must start with "$"`);
  const out: JsonPathSegment[] = [];
  let rest = expression.slice(1);
  while (rest.length > 0) {
    const m = segment.exec(rest);
    if (!m) throw new JsonPathsError(`JSONPath ${JSON.stringify(expression)} is not understood near ${JSON.stringify(rest)}`);
    const quoted = m[1] ?? m[2];
    if (quoted !== undefined) out.push(quoted.replace(/\\(.)/g, '$1'));
    else if (m[3] !== undefined) out.push(Number(m[3]));
    else out.push(m[4] as string);
    rest = rest.slice(m[0].length);
  }
  if (out.length === 0) throw new JsonPathsError(`JSONPath ${JSON.stringify(expression)} selects the whole record; name a key`);
  return out;
}

/** Reads a JSONPaths document (the text of log_json_path.json). `where` names the file in errors. */
export function parseJsonPaths(text: string, where: string): JsonPath[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new JsonPathsError(`${where} is not valid JSON (${(error as Error).message}); it must be {"jsonpaths": [...]}`);
  }
  const paths = (doc as { jsonpaths?: unknown } | null)?.jsonpaths;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new JsonPathsError(`${where} must be an object {"jsonpaths": ["$['key']", ...]} with a list of strings`);
  }
  return paths.map((p, i) => {
    try {
      return parseJsonPath(p);
    } catch (error) {
      throw new JsonPathsError(`${where}, path ${i + 1}: ${(error as Error).message}`);
    }
  });
}

/** The value at `path`, or undefined when any step is missing (COPY then loads NULL). */
export function selectPath(record: unknown, path: JsonPath): unknown {
  const first = path[0];
  if (path.length === 1 && typeof first === 'string' && record !== null && typeof record === 'object' && !Array.isArray(record)) {
    // The everyday case (a top-level key of a parsed object), without Object.hasOwn's cost. A JSON value is never a
    // function, so a function came from Object.prototype; `__proto__` inherited would be an object: look those up.
    const value = (record as Record<string, unknown>)[first];
    if (value === undefined || (typeof value !== 'function' && first !== '__proto__')) return value;
  }
  let value: unknown = record;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(value)) return undefined;
      value = value[step];
    } else {
      if (Array.isArray(value) || !Object.hasOwn(value, step)) return undefined;
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}
