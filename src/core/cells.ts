// Reading single cells: numbers, periods, phones, links, emails, as users really type them.
import type { CellValue, Month } from './types';
import { NO, YES } from './forms/schema';
import { dayOf, formatDay, localParts, month } from './periods';
import { viNumber } from './text/validation';

/** A Date from any realm (Apps Script, Node, a sandbox): never `instanceof`. */
export function isDate(v: unknown): v is Date {
  // typeof first: most cells are numbers or text, and the tag check is the costly part.
  return (
    typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
  );
}

/** Blank = empty, undefined, or only spaces. */
export function isBlank(v: CellValue | undefined | null): boolean {
  return v === '' || v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A cell as text, for messages and text columns. */
export function cellText(v: CellValue | undefined | null): string {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return formatDay(dayOf(v));
  return String(v);
}

/** NFC, trimmed, inner whitespace collapsed, lower case: the key for comparing names. */
export function foldText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A form code, two digits '01'–'99': a number 1–99 counts, as does text `3`, `03` or `Biểu mẫu 03`; else null. */
export function readFormCode(v: CellValue | undefined): string | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 99 ? String(v).padStart(2, '0') : null;
  if (typeof v !== 'string') return null;
  const m = /^(?:biểu mẫu\s*)?(\d{1,2})$/.exec(foldText(v));
  return m && Number(m[1]) >= 1 ? m[1].padStart(2, '0') : null;
}

/** A header key: folded, without a trailing `(đến nay)` / `(trong kỳ)`. */
export function normalizeHeader(s: string): string {
  return foldText(s).replace(/\s*\((đến nay|trong kỳ)\)$/, '');
}

// ---- Numbers ----

export type NumberRead =
  | { ok: true; value: number }
  | { ok: false; code: 'not_number' | 'not_integer' | 'negative' | 'below_min'; text: string; value?: number; thousands?: number };

const SPACE_CLASS = '[ \\u00a0\\u202f]';
const INT_TEXT = /^-?\d+$/;
const DOT_GROUPS = /^-?\d{1,3}(\.\d{3})+$/;
const SPACE_GROUPS = new RegExp(`^-?\\d{1,3}(${SPACE_CLASS}\\d{3})+$`);
const DECIMAL_COMMA = /^-?\d+,\d+$/;
const GROUPED_DECIMAL_COMMA = new RegExp(`^-?\\d{1,3}((\\.|${SPACE_CLASS})\\d{3})+,\\d+$`);
const DECIMAL_DOT = /^-?\d+\.\d+$/;

/**
 * Reads a count (`integer`) or decimal cell per FORMS.md's table. The caller handles blank cells.
 * Vietnamese-locale text `1.234` / `12 345` is 1234 / 12345; `2,5` is 2.5 (decimal) or not_integer (count).
 */
export function readNumber(v: CellValue, integer: boolean, min = 0): NumberRead {
  let value: number;
  if (typeof v === 'number') {
    // Most cells: a plain number in range, returned without building its text (only a message needs it).
    if (v >= min && v >= 0 && Number.isFinite(v) && (!integer || Number.isInteger(v))) return { ok: true, value: v };
    // A number cell is quoted as the Vietnamese sheet shows it (12,5), not as JavaScript prints it (12.5).
    const text = viNumber(v);
    if (!Number.isFinite(v)) return { ok: false, code: 'not_number', text };
    if (integer && !Number.isInteger(v) && v >= 0) {
      // A US-locale `1.234` arrives as a decimal: suggest the thousands reading.
      const thousands = /^\d+\.\d{3}$/.test(String(v)) ? Math.round(v * 1000) : undefined;
      return { ok: false, code: 'not_integer', text, value: v, thousands };
    }
    if (v < 0) return { ok: false, code: 'negative', text, value: v };
    return { ok: false, code: 'below_min', text, value: v };
  }
  const text = cellText(v).trim();
  if (typeof v === 'string') {
    if (INT_TEXT.test(text)) value = Number(text);
    else if (DOT_GROUPS.test(text) || SPACE_GROUPS.test(text)) value = Number(text.replace(/[.\s\u00a0\u202f]/g, ''));
    else if (DECIMAL_COMMA.test(text) || GROUPED_DECIMAL_COMMA.test(text) || DECIMAL_DOT.test(text)) {
      const decimal = DECIMAL_DOT.test(text) ? text : text.replace(/[.\s\u00a0\u202f]/g, '').replace(',', '.');
      value = Number(decimal);
      // `1,234` typed as an English writer groups thousands: suggest that reading, as for a US-locale `1.234`.
      const thousands = /^\d{1,3},\d{3}$/.test(text) ? Number(text.replace(',', '')) : undefined;
      if (integer && value >= 0) return { ok: false, code: 'not_integer', text, value, thousands };
    } else return { ok: false, code: 'not_number', text };
  } else return { ok: false, code: 'not_number', text };
  if (value < 0) return { ok: false, code: 'negative', text, value };
  if (value < min) return { ok: false, code: 'below_min', text, value };
  return { ok: true, value };
}

// ---- Periods ----

const PERIOD_PATTERNS: Array<{ re: RegExp; year: number; month: number }> = [
  { re: /^(\d{1,2})\s*\/\s*(\d{4})$/, month: 1, year: 2 },
  { re: /^(\d{4})\s*-\s*(\d{1,2})$/, year: 1, month: 2 },
  { re: /^t\.?\s*(\d{1,2})\s*\/\s*(\d{4})$/, month: 1, year: 2 },
  { re: /^tháng\s*(\d{1,2})\s*[/-]\s*(\d{4})$/, month: 1, year: 2 },
  { re: /^tháng\s*(\d{1,2})\s+năm\s+(\d{4})$/, month: 1, year: 2 },
];

/** The month a `Kỳ báo cáo` cell names: a Date cell's month (Asia/Ho_Chi_Minh), or text per FORMS.md; else null. */
export function readPeriod(v: CellValue): Month | null {
  if (isDate(v)) {
    const p = localParts(v);
    return month(p.year, p.month);
  }
  if (typeof v !== 'string') return null;
  const text = foldText(v);
  for (const p of PERIOD_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const mo = Number(m[p.month]),
      y = Number(m[p.year]);
    return mo >= 1 && mo <= 12 && y >= 1900 && y <= 2999 ? month(y, mo) : null;
  }
  return null;
}

// ---- Phones, links, emails ----

/** `0` or `+84` then 9 or 10 digits (spaces, dots, dashes allowed); a number cell of 9–10 digits lost its 0. */
export function isPhone(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1e8 && v < 1e10;
  if (typeof v !== 'string') return false;
  const compact = v.trim().replace(/[\s.-]/g, '');
  return /^(0|\+84)\d{9,10}$/.test(compact);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTTP_URL = /^https?:\/\/[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/iu;
const BARE_URL = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(:\d+)?([/?#]\S*)?$/iu;

/** The pieces of a links cell that are not acceptable links (empty = fine). */
export function badLinks(v: CellValue): string[] {
  if (typeof v !== 'string') return [cellText(v)];
  const bad: string[] = [];
  for (const token of v.split(/[\s,;]+/)) {
    if (!token) continue;
    const ok = SCHEME.test(token) && !/^[\p{L}\p{N}\-.]+:\d+/u.test(token) ? HTTP_URL.test(token) : BARE_URL.test(token);
    if (!ok) bad.push(token);
  }
  return bad;
}

const EMAIL = /^[^\s@<>()",;:[\]\\]+@[^\s@<>()",;:[\]\\]+\.[^\s@<>()",;:[\]\\]+$/;

/** A list of addresses separated by `,` or `;` on one line; null when the text is not such a list. */
export function readEmails(text: string): string[] | null {
  if (/[\r\n]/.test(text)) return null;
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  return parts.every((p) => EMAIL.test(p)) ? parts : null;
}

/** `Có` / `Không` (and checkbox booleans); blank = fallback; else null. */
export function readYesNo(v: CellValue, blank: boolean): boolean | null {
  if (typeof v === 'boolean') return v;
  if (isBlank(v)) return blank;
  const t = foldText(String(v));
  if (t === foldText(YES) || t === 'co') return true;
  if (t === foldText(NO) || t === 'khong') return false;
  return null;
}
