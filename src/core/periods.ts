// Months, deadlines and the calendar of Asia/Ho_Chi_Minh.
// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact here.
import type { Month } from './types';
import type { Settings } from './model';
import type { FormSpec } from './forms/schema';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3600 * 1000;

/** A calendar day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
export type Day = string;

export function month(year: number, monthOfYear: number): Month {
  return year * 12 + (monthOfYear - 1);
}
export function yearOf(m: Month): number {
  return Math.floor(m / 12);
}
export function monthOfYear(m: Month): number {
  return (m % 12) + 1;
}

/** 'MM/YYYY', as users write periods. */
export function formatMonth(m: Month): string {
  return `${String(monthOfYear(m)).padStart(2, '0')}/${yearOf(m)}`;
}

/** Reads 'MM/YYYY' or 'M/YYYY' (the settings' and the CLI's format); null when it is not one. */
export function parseMonthStrict(text: string): Month | null {
  const m = /^\s*(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const mo = Number(m[1]);
  return mo >= 1 && mo <= 12 ? month(Number(m[2]), mo) : null;
}

/** The wall-clock parts of an instant in Asia/Ho_Chi_Minh. */
export function localParts(d: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
} {
  const t = new Date(d.getTime() + OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** The instant of a wall-clock time in Asia/Ho_Chi_Minh. */
export function fromLocal(year: number, monthOfYear: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, monthOfYear - 1, day, hour, minute, second) - OFFSET_MS);
}

export function dayOf(d: Date): Day {
  const p = localParts(d);
  return makeDay(p.year, p.month, p.day);
}

export function makeDay(year: number, monthOfYear: number, day: number): Day {
  return `${year}-${String(monthOfYear).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseDay(day: Day): { year: number; month: number; day: number } {
  const [y, m, d] = day.split('-').map(Number);
  return { year: y, month: m, day: d };
}

/** `hour`:00 of a day in Asia/Ho_Chi_Minh, as an instant (the daily run's `Giờ gửi nhắc`, say). */
export function atHour(day: Day, hour: number): Date {
  const p = parseDay(day);
  return fromLocal(p.year, p.month, p.day, hour);
}

/** 00:00 of a day in Asia/Ho_Chi_Minh, as an instant. */
export function startOfDay(day: Day): Date {
  return atHour(day, 0);
}

/**
 * The instant `day` ends (00:00 of the next day). Whatever the date taken as "today", rows stamped at or after this
 * are ignored: the workbook is read as it stood that day (FORMS.md, Periods and deadlines).
 */
export function endOfDay(day: Day): number {
  return startOfDay(addDays(day, 1)).getTime();
}

export function addDays(day: Day, n: number): Day {
  const p = parseDay(day);
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return makeDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: Day, b: Day): number {
  const pa = parseDay(a),
    pb = parseDay(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86400000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  const p = parseDay(day);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** 'dd/MM/yyyy', as deadlines are shown to users. */
export function formatDay(day: Day): string {
  const p = parseDay(day);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

export function monthOfDay(day: Day): Month {
  const p = parseDay(day);
  return month(p.year, p.month);
}

/**
 * The day before which a report of `form` for `m` is due, or null when that period has no deadline.
 * `Một lần` forms: one period, the month of their deadline (the form's `Hạn nộp`, else the one-off setting).
 * `Hằng tháng` forms: period M is due before day `Hạn nộp` (else the monthly setting) of month M+1.
 */
export function dueBefore(
  form: Pick<FormSpec, 'monthly' | 'dueDay' | 'dueDate'>,
  m: Month,
  settings: Pick<Settings, 'dueDay' | 'oneOffDeadline'>,
): Day | null {
  if (!form.monthly) {
    const due = form.dueDate ?? settings.oneOffDeadline;
    return m === monthOfDay(due) ? due : null;
  }
  const next = m + 1;
  return makeDay(yearOf(next), monthOfYear(next), form.dueDay ?? settings.dueDay);
}

/** The deadline has passed once today (Asia/Ho_Chi_Minh) is that day or later. */
export function deadlinePassed(due: Day, today: Day): boolean {
  return today >= due;
}

/** On time = first valid before 00:00 of the due day. */
export function onTime(submittedAt: Date, due: Day): boolean {
  return submittedAt.getTime() < startOfDay(due).getTime();
}
