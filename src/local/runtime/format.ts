// Dates and numbers as Apps Script shows them: Java SimpleDateFormat patterns, Sheets number formats, real time zones.
import type { CellValue } from '../../core/types';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsCache.set(tz, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMinutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The wall clock of an instant in a time zone, from Intl (the zone's real offset, DST and history included). */
function intlWallClock(date: Date, tz: string): WallClock {
  const t = date.getTime();
  const p: Record<string, string> = {};
  for (const part of partsFormatter(tz).formatToParts(date)) p[part.type] = part.value;
  const year = Number(p.year),
    month = Number(p.month),
    day = Number(p.day);
  const hour = Number(p.hour) % 24,
    minute = Number(p.minute),
    second = Number(p.second);
  const ms = ((t % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    weekday: WEEKDAYS.indexOf(p.weekday),
    offsetMinutes: Math.round((asUtc - t) / 60000),
  };
}

/** Instants where the cached path applies: four-digit years (Intl and Date.UTC agree on them). */
const CACHED_FROM = Date.UTC(1000, 0, 1),
  CACHED_TO = Date.UTC(9999, 0, 1);
const DAY = 86400000;
/** Per zone, UTC day index -> the zone's offset in ms during that whole day. */
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone's offset (wall clock minus UTC, in ms, whole seconds) at `t`, from Intl. */
function intlOffset(t: number, tz: string): number {
  const w = intlWallClock(new Date(t), tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - t;
}

/**
 * The zone's offset at `t`, Intl asked twice per UTC day: when the offset is the same at both ends of the day it holds
 * for the whole day (no zone changes twice in a day and back), so a sheet of 400,000 dates costs a few thousand calls.
 */
function offsetAt(t: number, tz: string): number {
  const d = Math.floor(t / DAY);
  let zone = dayOffsets.get(tz);
  if (!zone) {
    zone = new Map();
    dayOffsets.set(tz, zone);
  }
  const known = zone.get(d);
  if (known !== undefined) return known;
  const start = intlOffset(d * DAY, tz);
  if (start !== intlOffset(d * DAY + DAY - 1, tz)) return intlOffset(t, tz); // a change inside this day
  if (zone.size >= 100000) zone.clear();
  zone.set(d, start);
  return start;
}

/** The wall clock of an instant in a time zone (Intl gives the zone's real offset, DST included). */
export function wallClock(date: Date, tz: string): WallClock {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new Error('Invalid argument: date');
  if (t < CACHED_FROM || t >= CACHED_TO) return intlWallClock(date, tz);
  const off = offsetAt(t, tz);
  const w = new Date(t + off);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    ms: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
    offsetMinutes: Math.round(off / 60000),
  };
}

/** The instant at which a wall clock time happens in a time zone. */
export function fromWallClock(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let t = guess - wallClock(new Date(guess), tz).offsetMinutes * 60000;
  t = guess - wallClock(new Date(t), tz).offsetMinutes * 60000;
  return new Date(t);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
function offset(min: number, colon: boolean, short = false): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const h = pad(Math.floor(a / 60), 2),
    m = pad(a % 60, 2);
  if (short) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** Utilities.formatDate: Java SimpleDateFormat letters, 'quoted text', '' for a quote. */
export function formatJavaDate(date: Date, tz: string, pattern: string): string {
  const w = wallClock(date, tz);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS_LONG[w.weekday] : WEEKDAYS[w.weekday];
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offset(w.offsetMinutes, false);
        break;
      case 'X':
        out += w.offsetMinutes === 0 ? 'Z' : offset(w.offsetMinutes, n >= 3, n === 1);
        break;
      case 'z':
        out += w.offsetMinutes === 0 ? 'GMT' : `GMT${offset(w.offsetMinutes, true)}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Decimal and thousands separators of a spreadsheet locale ('vi_VN' writes 1.234,5). */
export function separators(locale: string): { decimal: string; group: string } {
  return /^(en|ja|zh|ko|th|he)/i.test(locale) ? { decimal: '.', group: ',' } : { decimal: ',', group: '.' };
}

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number as Sheets displays it under a number format such as '#,##0', '0.0%', '0.00' or none. */
export function formatNumber(n: number, format: string, locale: string): string {
  const { decimal, group: gsep } = separators(locale);
  // Sections positive;negative;zero, as Sheets reads them: a negative section writes its own sign (the value is shown
  // without one), a zero section is used for 0; with one section, negatives get a minus in front.
  const sections = format.split(';');
  if (n < 0 && sections.length > 1 && /[0#]/.test(sections[1])) return formatNumber(-n, sections[1], locale);
  if (n === 0 && sections.length > 2) return formatNumber(0, sections[2], locale);
  const f = sections[0];
  if (!f || f === 'General' || !/[0#]/.test(f)) {
    const s = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
    return s.replace('.', decimal);
  }
  const percent = f.includes('%');
  const v = percent ? n * 100 : n;
  const m = /([#0,]+)(?:\.([0#]+))?/.exec(f);
  const decimals = m?.[2] ? m[2].length : 0;
  const grouped = !!m && m[1].includes(',');
  const fixed = Math.abs(v).toFixed(decimals);
  const [i, d] = fixed.split('.');
  let body = grouped ? group(i, gsep) : i;
  if (d) body += decimal + d;
  const negative = v < 0 && Number(fixed) !== 0;
  const prefix = f.slice(0, m ? m.index : 0).replace(/["\\]/g, '');
  const suffix = f.slice(m ? m.index + m[0].length : 0).replace(/["\\]/g, '');
  return (negative ? '-' : '') + prefix + body + suffix;
}

/** A date under a Sheets date format ('dd/MM/yyyy HH:mm', 'dd/mm/yyyy'); 'm' is minutes after h or before s. */
export function formatSheetsDate(date: Date, format: string, tz: string): string {
  const w = wallClock(date, tz);
  const ampm = /am\/pm|a\/p/i.test(format);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|[dD]+|[mM]+|[yY]+|[hH]+|[sS]+|./gi) || [];
  let out = '';
  let prevHour = false;
  tokens.forEach((tok, idx) => {
    const c = tok[0];
    const n = tok.length;
    if (tok.startsWith('"')) {
      out += tok.slice(1, -1);
      return;
    }
    if (tok.startsWith('\\')) {
      out += tok.slice(1);
      return;
    }
    if (/^(am\/pm|a\/p)$/i.test(tok)) {
      out += w.hour < 12 ? 'AM' : 'PM';
      return;
    }
    switch (c.toLowerCase()) {
      case 'd':
        out += n >= 4 ? WEEKDAYS_LONG[w.weekday] : n === 3 ? WEEKDAYS[w.weekday] : pad(w.day, n);
        break;
      case 'y':
        out += n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'h': {
        const h = ampm ? w.hour % 12 || 12 : w.hour;
        out += pad(h, Math.min(n, 2));
        prevHour = true;
        return;
      }
      case 's':
        out += pad(w.second, Math.min(n, 2));
        break;
      case 'm': {
        const nextIsSecond =
          tokens
            .slice(idx + 1)
            .find((t) => /^[a-z]/i.test(t))?.[0]
            ?.toLowerCase() === 's';
        const minute = (prevHour || nextIsSecond) && n <= 2;
        out += minute ? pad(w.minute, n) : n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      }
      default:
        out += tok;
    }
    if (/[a-z]/i.test(c)) prevHour = false;
  });
  return out;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** What getDisplayValue shows for a stored value under a number format, locale and time zone. */
export function displayValue(v: CellValue | undefined, format: string, locale: string, tz: string): string {
  if (v === undefined || v === '') return '';
  if (format === '@') return isDate(v) ? formatSheetsDate(v, 'dd/MM/yyyy HH:mm:ss', tz) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, format, locale);
  if (isDate(v)) {
    if (format && /[dyhs]/i.test(format)) return formatSheetsDate(v, format, tz);
    const w = wallClock(v, tz);
    const hasTime = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
    return formatSheetsDate(v, hasTime ? 'dd/MM/yyyy HH:mm:ss' : 'dd/MM/yyyy', tz);
  }
  return String(v);
}
