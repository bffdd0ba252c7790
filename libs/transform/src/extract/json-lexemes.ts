/**
 * JSON.parse turns `1.0` into 1 and loses digits past 2^53, but COPY loads a JSON number into a text column
 * as the text written in the file. This re-reads an already-validated record keeping every number's lexeme.
 * It runs only for the rare values that need it, so JSON.parse stays the fast path.
 */
export class JsonNumber {
  constructor(readonly lexeme: string) {}
}

/** Parses text that JSON.parse already accepted; numbers come back as JsonNumber. */
export function parseKeepingNumbers(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const str = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        obj[key] = value();
        ws();
        if (text[i++] === '}') return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === ']') return arr;
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    const m = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found) throw new SyntaxError(`unexpected character at ${i}`);
    i += found[0].length;
    return new JsonNumber(found[0]);
  };
  return value();
}
