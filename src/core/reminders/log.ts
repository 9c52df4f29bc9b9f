// The send log (`Nhật ký` tab): what was sent, skipped or failed, so no email goes out twice.
import type { CellValue, FormId, Grid } from '../types';
import { readFormCode } from '../cells';
import { LOG_COLUMNS } from '../forms/schema';
import { asSheetText } from '../safety';
import { dayOf, formatMonth, localParts, month, type Day } from '../periods';
import { LOG_KIND_LABELS, LOG_RESULT_LABELS, SKIP_REASON_LABELS, stepLabel } from '../text/reminders';

/** One email's identity: at most one send per key. The digest has unit '' and form ''. */
export interface SendKey {
  unit: string;
  form: FormId | '';
  period: string /* MM/YYYY */;
  step: string;
}

/** `error`: a job of the daily run failed (no email; the row has no period, so it never counts as a send). */
export type LogResult = 'sent' | 'failed' | 'uncertain' | 'skipped' | 'deferred' | 'error';

export interface LogEntry extends SendKey {
  at: Date;
  to: string[];
  result: LogResult;
  detail: string;
}

/** A stable id, e.g. '03|H-622|07/2024|D-2'. */
export function sendKey(k: SendKey): string {
  return `${k.form}|${k.unit}|${k.period}|${k.step}`;
}

/** Sends that must never be repeated: an uncertain send may have gone out. */
export function countsAsSent(e: LogEntry): boolean {
  return e.result === 'sent' || e.result === 'uncertain';
}

/** Recipients of the emails logged as sent (or maybe sent) on `today`: what the day's quota already paid. */
export function recipientsLoggedOn(log: LogEntry[], today: Day): number {
  return log.filter((e) => countsAsSent(e) && dayOf(e.at) === today).reduce((n, e) => n + e.to.length, 0);
}

const RESULTS = Object.keys(LOG_RESULT_LABELS) as LogResult[];

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/** Cell text, without the apostrophe that kept a formula-like text literal in a file format that stores it. */
function text(v: CellValue | undefined): string {
  if (v === undefined || v === null) return '';
  const s = isDate(v) ? v.toISOString() : String(v).trim();
  return s.startsWith("'") ? s.slice(1) : s;
}

function readAt(v: CellValue | undefined): Date | null {
  if (isDate(v)) return v;
  const s = text(v);
  // 'dd/MM/yyyy HH:mm[:ss]' as a person or a text export writes it, in Asia/Ho_Chi_Minh.
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - 7 * 3600 * 1000);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function readForm(v: CellValue | undefined): FormId | '' | null {
  return text(v) === '' ? '' : readFormCode(v);
}

function readPeriod(v: CellValue | undefined): string | null {
  // A sheet may have turned '07/2024' into a date: its month is the period.
  if (isDate(v)) {
    const p = localParts(v);
    return formatMonth(month(p.year, p.month));
  }
  const m = /^(\d{1,2})\/(\d{4})$/.exec(text(v));
  if (!m || +m[1] < 1 || +m[1] > 12) return null;
  return formatMonth(month(+m[2], +m[1]));
}

/** The step cell as people read it: 'D-7' is written "7 ngày trước hạn"; a daily job's name stays as it is. */
export function stepCell(step: string): string {
  const m = /^D([+-]\d+)$/.exec(step);
  return m ? stepLabel(Number(m[1])) : step;
}

/** Back to the step's name: "7 ngày trước hạn" and the older 'D-7' entries of real logs are both 'D-7'. */
function readStep(v: CellValue | undefined): string {
  const s = text(v);
  const m = /^(\d+)\s+ngày\s+(trước|sau)\s+hạn$/iu.exec(s.normalize('NFC'));
  if (m) return m[2].toLowerCase() === 'trước' ? `D-${Number(m[1])}` : `D+${Number(m[1])}`;
  return s;
}

/** Codes of the `Chi tiết` cell (skip reasons, kinds of email) and their Vietnamese labels, both ways. */
const DETAIL_LABELS: Record<string, string> = { ...SKIP_REASON_LABELS, ...LOG_KIND_LABELS };
const DETAIL_CODES = new Map(Object.entries(DETAIL_LABELS).map(([code, label]) => [label.toLowerCase(), code]));

function readDetail(v: CellValue | undefined): string {
  const s = text(v);
  return DETAIL_CODES.get(s.toLowerCase()) ?? s;
}

function readResult(v: CellValue | undefined): LogResult | null {
  const s = text(v).toLowerCase();
  for (const r of RESULTS) if (s === r || s === LOG_RESULT_LABELS[r].toLowerCase()) return r;
  return null;
}

/** The log tab's entries; header in row 1, columns found by header (else in LOG_COLUMNS order); bad rows ignored. */
export function readLog(grid: Grid): LogEntry[] {
  if (!grid || grid.length === 0) return [];
  const header = (grid[0] ?? []).map((h) => text(h).toLowerCase());
  const col = LOG_COLUMNS.map((name, i) => {
    const found = header.indexOf(name.toLowerCase());
    return found >= 0 ? found : i;
  });
  const out: LogEntry[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const at = readAt(row[col[0]]);
    const form = readForm(row[col[3]]);
    const period = readPeriod(row[col[4]]);
    const step = readStep(row[col[5]]);
    const result = readResult(row[col[6]]);
    if (!at || form === null || period === null || !step || !result) continue;
    const unit = text(row[col[1]]);
    if (!unit && form !== '') continue; // only the digest has no unit
    const to = text(row[col[2]])
      .split(/[,;\s]+/)
      .filter(Boolean);
    out.push({ at, unit, form, period, step, result, to, detail: readDetail(row[col[7]]) });
  }
  return out;
}

/** One row of the log tab, in LOG_COLUMNS order, in Vietnamese; every text stays text in the sheet. */
export function logRow(e: LogEntry): CellValue[] {
  return [
    e.at,
    asSheetText(e.unit),
    asSheetText(e.to.join(', ')),
    e.form,
    e.period,
    asSheetText(stepCell(e.step)),
    LOG_RESULT_LABELS[e.result],
    asSheetText(DETAIL_LABELS[e.detail] ?? e.detail),
  ];
}
