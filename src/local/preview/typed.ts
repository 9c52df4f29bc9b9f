// What Sheets stores when a person types text into a cell, under the spreadsheet's locale (vi_VN: 1.234,5).
import type { CellValue } from '../../core/types';
import { fromWallClock, separators } from '../runtime/format';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number typed with the locale's separators ("1.234", "12,5", "-3"), or null. */
export function typedNumber(text: string, locale: string): number | null {
  const { decimal, group } = separators(locale);
  const g = escapeRe(group),
    d = escapeRe(decimal);
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^[+-]?\\d+(${d}\\d+)?$|^[+-]?${d}\\d+$`);
  const s = text.trim();
  if (!grouped.test(s) && !plain.test(s)) return null;
  const n = Number(s.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : null;
}

/** A date typed day first ("20/08/2024", "20/08/2024 09:30", "7/2024" = the 1st of July), or null. */
export function typedDate(text: string, tz: string): Date | null {
  const s = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    if (h > 23 || mi > 59 || sec > 59) return null;
    return fromWallClock(tz, year, month, day, h, mi, sec);
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return fromWallClock(tz, Number(m[2]), Number(m[1]), 1);
  return null;
}

/**
 * The value a typed entry becomes. A plain-text cell ('@') keeps the text; "'…" and "=…" pass through so the sheet
 * stores literal text or a formula as it does for scripts.
 */
export function typedValue(text: string, opts: { locale: string; timeZone: string; plainText: boolean }): CellValue {
  if (text === '' || opts.plainText || text.startsWith("'") || text.startsWith('=')) return text;
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  const n = typedNumber(text, opts.locale);
  if (n !== null) return n;
  return typedDate(text, opts.timeZone) ?? text;
}
