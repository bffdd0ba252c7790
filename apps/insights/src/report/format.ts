/** Number and text formatting for the report's sentences and tables (en-US, UTC). */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const count = (n: number): string => integer.format(n);
export const oneDecimal = (n: number): string => decimal.format(n);

/** 0.0531 → "5.3%", 0.82 → "82%" (one decimal only below 10 %, where it matters). */
export function percent(fraction: number): string {
  const p = fraction * 100;
  return (p !== 0 && Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p).toString()) + '%';
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export function bytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${count(n)} bytes` : `${decimal.format(value)} ${units[unit]}`;
}

/** `09` → "09:00–10:00". */
export const hourRange = (hour: number): string =>
  `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
