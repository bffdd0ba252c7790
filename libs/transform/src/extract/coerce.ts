import { JsonNumber } from './json-lexemes.js';
import { numberToText } from './number-to-text.js';
import { describeType, type StagingType } from './staging-column.js';

/** A cell for COPY (text, or null for NULL) or the reason COPY would reject the record. */
export type Coerced = { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly reason: string };

const NULL: Coerced = { ok: true, value: null };
const ok = (value: string): Coerced => ({ ok: true, value });
const fail = (reason: string): Coerced => ({ ok: false, reason });

// Redshift's BLANKSASNULL: a field of only white space is NULL (for numbers too, where COPY always does it).
const blank = /^[ \t\r\n\f\v]*$/;
const integerText = /^[+-]?\d+$/;
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const limits = { 16: 2n ** 15n, 32: 2n ** 31n, 64: 2n ** 63n } as const;

const quote = (s: string): string => JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s);

/**
 * Converts one JSON value the way Redshift's `COPY … FORMAT AS JSON … BLANKSASNULL EMPTYASNULL` would.
 * `value` may be a JsonNumber when the caller kept lexemes (numbers into text keep their written form).
 */
export function coerce(value: unknown, type: StagingType, column: string): Coerced {
  if (value === undefined || value === null) return NULL;
  if (value instanceof JsonNumber) return coerceNumberText(value.lexeme, type, column, true);
  switch (typeof value) {
    case 'string':
      if (type.kind === 'text') return text(value, type.maxBytes, column);
      if (blank.test(value)) return NULL;
      return coerceNumberText(value.trim(), type, column, false);
    case 'number':
      // Fast paths for the common cases; anything unusual goes through the text rules below.
      if (type.kind === 'float' && type.bits === 64 && Number.isFinite(value)) return ok(numberToText(value));
      if (type.kind === 'integer' && Number.isSafeInteger(value) && Math.abs(value) < 2 ** (type.bits - 1)) return ok(numberToText(value));
      return coerceNumberText(String(value), type, column, true);
    case 'boolean':
      if (type.kind === 'text') return text(String(value), type.maxBytes, column);
      if (type.kind === 'boolean') return ok(String(value));
      return fail(`JSON ${value} cannot load into column ${column} (${describeType(type)})`);
    default:
      // Objects and arrays load into text as their JSON text; anywhere else they are rejected.
      if (type.kind === 'text') return text(JSON.stringify(value), type.maxBytes, column);
      return fail(`a JSON ${Array.isArray(value) ? 'array' : 'object'} cannot load into column ${column} (${describeType(type)})`);
  }
}

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

function text(value: string, maxBytes: number | undefined, column: string): Coerced {
  if (value === '' || (isSpace(value.charCodeAt(0)) && blank.test(value))) return NULL; // EMPTYASNULL + BLANKSASNULL
  if (value.includes('\u0000')) return fail(`value for column ${column} contains a NUL character, which the warehouse cannot store`);
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short strings need no byte count.
  if (maxBytes !== undefined && value.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > maxBytes) {
      return fail(`value ${quote(value)} is ${bytes} bytes; column ${column} is VARCHAR(${maxBytes}) (Redshift would reject it, so it is not truncated)`);
    }
  }
  return ok(value);
}

const shown = (written: string, fromNumber: boolean): string => (fromNumber ? written : quote(written));

/** `written` is the number as it appears: a JSON lexeme (`fromNumber`) or a trimmed string. */
function coerceNumberText(written: string, type: StagingType, column: string, fromNumber: boolean): Coerced {
  switch (type.kind) {
    case 'text':
      return text(written, type.maxBytes, column);
    case 'boolean':
      if (/^(true|false|t|f|1|0)$/i.test(written)) return ok(written);
      return fail(`${shown(written, fromNumber)} is not a boolean (column ${column})`);
    case 'integer': {
      let digits = written;
      if (!integerText.test(digits)) {
        // 1.0 or 1e3 written in JSON is still a whole number; 1.5 or "abc" is not.
        const n = numberText.test(digits) ? Number(digits) : NaN;
        if (!Number.isInteger(n)) return fail(`${shown(written, fromNumber)} is not a whole number; column ${column} is ${describeType(type)}`);
        digits = BigInt(n).toString();
      }
      const big = BigInt(digits);
      const limit = limits[type.bits];
      if (big < -limit || big >= limit) return fail(`${shown(written, fromNumber)} is out of range for column ${column} (${describeType(type)})`);
      return ok(big.toString());
    }
    case 'float': {
      if (!numberText.test(written)) return fail(`${shown(written, fromNumber)} is not a number; column ${column} is ${describeType(type)}`);
      const n = Number(written);
      const max = type.bits === 32 ? 3.4028234663852886e38 : Number.MAX_VALUE;
      if (!Number.isFinite(n) || Math.abs(n) > max) return fail(`${shown(written, fromNumber)} is out of range for column ${column} (${describeType(type)})`);
      return ok(fromNumber ? written : String(n));
    }
    case 'decimal': {
      if (!numberText.test(written)) return fail(`${shown(written, fromNumber)} is not a number; column ${column} is ${describeType(type)}`);
      const whole = Math.trunc(Math.abs(Number(written)));
      const wholeDigits = whole === 0 ? 0 : whole.toFixed(0).length;
      if (!Number.isFinite(whole) || wholeDigits > type.precision - type.scale) {
        return fail(`${shown(written, fromNumber)} has too many digits for column ${column} (${describeType(type)})`);
      }
      return ok(written);
    }
  }
}
