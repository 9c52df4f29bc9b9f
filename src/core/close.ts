// The period close ("chốt số liệu"): when a period closes, what its closed figures are, how they are kept in
// `Số liệu đã chốt`, how a report of a closed period uses them, and every difference since (corrections).
import type { CellValue, FormId, Grid, Month, Problem, ProblemCode } from './types';
import type { Settings, TabLayout, Validation } from './model';
import { indicators, type ColumnSpec, type FormSpec } from './forms/schema';
import { inForce } from './forms/book';
import { cellText, foldText, isBlank, isDate, readFormCode, readPeriod } from './cells';
import { addDays, dayOf, dueBefore, endOfDay, formatMonth, localParts, monthOfDay, startOfDay, type Day } from './periods';
import {
  carriedTally,
  ratio4,
  round1,
  tallyFields,
  unitReports,
  unitTally,
  buildReport,
  type FormReport,
  type UnitReport,
  type UnitStatus,
} from './report/model';
import { asSheetText, neutralize } from './safety';
import { formatNumberVi, formatTimeAndDay, share } from './format';
import { STATUS_LABEL } from './text/report';
import { CLOSED_CELL_TEXT, CLOSED_TAB, CLOSE_TEXT, PERIOD_TAB } from './text/period';
import { MAIL_TEXT } from './text/reminders';
import { textSignature } from './mailHtml';
import { oneLine } from './reminders/email';
import { fingerprint } from './fingerprint';

export interface ClosedUnit {
  code: string;
  name: string;
  status: UnitStatus;
  submittedAt: Date | null;
  values: Record<string, number>;
  carried: string[];
  /** The period each carried key's figure came from (absent in closes written before it was recorded). */
  from?: Record<string, Month>;
  /**
   * Cells of the unit's row that hold something that does not read (a figure that is not a number, a `Thời điểm nộp`
   * that is not a time), by key (`submitted` for the time), as found: the unit counts without them (a figure as
   * blank, no time). Absent when every cell read.
   */
  unread?: Record<string, string>;
}

/** One close of one form's period: the figures that are official from `closedAt` on. */
export interface ClosedForm {
  form: FormId;
  period: Month;
  closedAt: Date;
  units: ClosedUnit[];
  /**
   * Set when only the close's sums were read (the report's narrow read, src/core/closeStore.ts): per key, the sum of
   * its units' figures, and `units` is then empty. What the report needs of a period it does not report on.
   */
  sums?: Record<string, number>;
  /**
   * Sheet rows of the closed tab dated with this close whose unit was left out because its `Mã đơn vị` or `Trạng
   * thái` does not read (the report says so). Absent when there are none.
   */
  skipped?: number[];
}

/** One difference between the closed figures and the sheet now; `key` "status" carries statuses. */
export interface Correction {
  unit: string;
  key: string;
  closed: number | string | null;
  now: number | string | null;
}

/** 'YYYY-MM-DDTHH:mm' in Asia/Ho_Chi_Minh (INTERFACES.md `closedAt`). */
export function localDateTime(d: Date): string {
  const p = localParts(d);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant a form's period closes: 00:00, `closeAfterDays` days after its deadline day; null without a deadline. */
export function closeMoment(spec: FormSpec, m: Month, settings: Settings): Date | null {
  const due = dueBefore(spec, m, settings);
  return due === null ? null : startOfDay(addDays(due, settings.closeAfterDays));
}

/** The latest close of a form's period, or null when it never closed. */
export function latestClose(closed: readonly ClosedForm[], form: FormId, period: Month): ClosedForm | null {
  return latestCloses(closed, form, period).get(period) ?? null;
}

/** A form's latest close of each period (of `only` that one): a re-close replaces the close before it. */
export function latestCloses(closed: readonly ClosedForm[], form: FormId, only?: Month): Map<Month, ClosedForm> {
  const out = new Map<Month, ClosedForm>();
  for (const c of closed) {
    if (c.form !== form || (only !== undefined && c.period !== only)) continue;
    const best = out.get(c.period);
    if (!best || c.closedAt.getTime() >= best.closedAt.getTime()) out.set(c.period, c);
  }
  return out;
}

/** The close before `latest` of the same form's period (what a re-close replaced), or null. */
export function previousClose(closed: readonly ClosedForm[], latest: ClosedForm): ClosedForm | null {
  let best: ClosedForm | null = null;
  for (const c of closed) {
    if (c.form !== latest.form || c.period !== latest.period || c.closedAt.getTime() >= latest.closedAt.getTime()) continue;
    if (!best || c.closedAt.getTime() > best.closedAt.getTime()) best = c;
  }
  return best;
}

/** Every form's period whose close moment has come by `now` and that never closed: what the daily run closes. */
export function closesDue(v: Validation, now: Date): { spec: FormSpec; period: Month }[] {
  const out: { spec: FormSpec; period: Month }[] = [];
  const current = monthOfDay(dayOf(now));
  for (const spec of v.forms) {
    for (let m = v.settings.startMonth; m <= current; m++) {
      const at = closeMoment(spec, m, v.settings);
      if (at && at.getTime() <= now.getTime() && !latestClose(v.closed ?? [], spec.id, m)) out.push({ spec, period: m });
    }
  }
  return out;
}

/** The figures the sheet gives now for each (form, period), as closed figures stamped `now`. */
export function closeFigures(v: Validation, list: readonly { spec: FormSpec; period: Month }[], now: Date): ClosedForm[] {
  const out: ClosedForm[] = [];
  for (const spec of v.forms) {
    const periods = list.filter((x) => x.spec.id === spec.id).map((x) => x.period);
    if (!periods.length) continue;
    const units = unitReports(v, spec, periods, dayOf(now));
    for (const m of periods) {
      out.push({
        form: spec.id,
        period: m,
        closedAt: now,
        units: (units.get(m) ?? []).map((u) => ({
          code: u.code,
          name: u.name,
          status: u.status,
          submittedAt: u.submittedAt,
          values: { ...u.values },
          carried: u.carried.slice(),
          from: { ...u.carriedFrom },
        })),
      });
    }
  }
  return out;
}

/** A close's figures by key, summed over its units (in the tab's order) or as read in sums. */
export function closeSums(c: ClosedForm): Record<string, number> {
  if (c.sums) return c.sums;
  const out: Record<string, number> = {};
  for (const u of c.units) for (const [k, v] of Object.entries(u.values)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Sums of a closed period's flow figures (the report's cumulative flows add these up), or null when not closed. */
export function closedFlows(
  closed: readonly ClosedForm[],
  form: FormId,
  m: Month,
  flowKeys: readonly string[],
): Record<string, number> | null {
  const c = latestClose(closed, form, m);
  if (!c) return null;
  const sums = closeSums(c);
  const out: Record<string, number> = {};
  for (const k of flowKeys) if (sums[k] !== undefined) out[k] = sums[k];
  return out;
}

const FIXED = CLOSED_TAB.headers.length;

/**
 * A figure column's header in the closed tab: the indicator as officers know it, its key in brackets (`Tổng số
 * CBCCVC, NLĐ (staff_total)`). The key is what the tab is read by: a header renamed in the definitions later still
 * reads back; a tab written before the headers were labelled holds the bare keys.
 */
const keyHeader = (key: string, forms: readonly FormSpec[]) => {
  const header = forms.flatMap((f) => f.columns).find((c) => c.key === key)?.header;
  return header ? `${header} (${key})` : key;
};
const keyOf = (h: CellValue) => {
  const text = cellText(h).trim();
  return /\(([a-z][a-z0-9_]*)\)$/.exec(text)?.[1] ?? text;
};
/** A figure column's header without its key: what `Lấy từ kỳ trước` names the figure by (the bare key in an old tab). */
const labelOf = (h: CellValue) =>
  cellText(h)
    .trim()
    .replace(/\s*\([a-z][a-z0-9_]*\)$/, '');
/** Each figure key's label as the closed tab's header row gives it. */
export function closedLabels(header: readonly CellValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  header.slice(FIXED).forEach((h) => {
    const k = keyOf(h);
    if (FIGURE_KEY.test(k) && labelOf(h) && !(k in out)) out[k] = labelOf(h);
  });
  return out;
}
/** A figure column's key, as its header reads it: a key, or the header itself (a column added by hand). */
const FIGURE_KEY = /^[a-z][a-z0-9_]*$/;
/** The closed tab's fixed columns, by key (what its problems and its layout name them by). */
// Not `status` nor `submitted_at`: annotateRows writes the form tabs' script-owned columns by those keys.
export const CLOSED_KEYS = ['closed_at', 'period', 'form', 'code', 'name', 'unit_status', 'submitted', 'carried'] as const;
/** The statuses of a unit that reported: its close holds every required figure of the period. */
const REPORTED: readonly UnitStatus[] = ['on_time', 'late', 'unknown_time', 'reported'];

/** Status labels as the closed tab holds them, read back by label or by code. */
function readStatus(v: CellValue): UnitStatus | null {
  const t = foldText(cellText(v));
  for (const [code, label] of Object.entries(STATUS_LABEL)) if (t === foldText(label) || t === code) return code as UnitStatus;
  return null;
}

/** 'dd/MM/yyyy HH:mm[:ss]' in Asia/Ho_Chi_Minh, as a text export may hold a time. */
function readTime(v: CellValue): Date | null {
  if (isDate(v)) return v;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(cellText(v).trim());
  return m ? new Date(Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5], +(m[6] ?? 0)) - 7 * 3600 * 1000) : null;
}

/**
 * `Lấy từ kỳ trước`: the carried figures by their headers as the tab's figure columns name them (`labels`, without the
 * key), each run of them followed by the period they came from ('Tổng số CBCCVC, NLĐ; Số CBCCVC, NLĐ đã cài đặt
 * i-Speed (đến nay) (từ 05/2024)'). Headers hold commas, so the figures are separated by semicolons. A figure without
 * a label is named by its key.
 */
function carriedText(u: ClosedUnit, labels: Readonly<Record<string, string>>): string {
  const runs: { keys: string[]; from: Month | undefined }[] = [];
  for (const k of u.carried) {
    const from = u.from?.[k];
    const last = runs[runs.length - 1];
    if (last && last.from === from) last.keys.push(k);
    else runs.push({ keys: [k], from });
  }
  return runs
    .map(
      (r) =>
        r.keys.map((k) => labels[k] || k).join(CARRIED_SEPARATOR) +
        (r.from === undefined ? '' : ` (${CLOSE_TEXT.carriedFrom(formatMonth(r.from))})`),
    )
    .join(CARRIED_SEPARATOR);
}
const CARRIED_SEPARATOR = '; ';

/** The figures' labels as `readCarried` matches them, the longest first: made once a tab, not once a row. */
type CarriedLabels = readonly { k: string; l: string }[];
function carriedLabels(labels: Readonly<Record<string, string>>): CarriedLabels {
  return Object.entries(labels)
    .map(([k, l]) => ({ k, l: l.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() }))
    .filter((x) => x.l)
    .sort((a, b) => b.l.length - a.l.length);
}

/**
 * `Lấy từ kỳ trước` read back: by the figures' headers (`byLabel`: carriedLabels of the tab's header row, the longest that fits
 * first, a header may hold commas and brackets) or by their keys (`staff_total, staff_installed (từ 05/2024)`, as
 * tabs written before the headers were used hold them). Figures without a period after them (a close written before
 * it was recorded) have none. `unknown`: what named no figure.
 */
function readCarried(v: CellValue, byLabel: CarriedLabels = []): { carried: string[]; from: Record<string, Month>; unknown?: string[] } {
  const carried: string[] = [];
  const from: Record<string, Month> = {};
  // Most units carry nothing: no work for them (the tab of a province's closes has one row a unit and period).
  if (isBlank(v)) return { carried, from };
  // One spelling of spaces and composed marks, lower case: positions in `lower` are those in `text`.
  const text = cellText(v).normalize('NFC').replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const unknown: string[] = [];
  const same = lower.length === text.length;
  let pending: string[] = [];
  let i = 0;
  const boundary = (j: number) => j >= text.length || /[\s,;(]/.test(text[j]);
  while (i < text.length) {
    if (/[\s,;]/.test(text[i])) {
      i++;
      continue;
    }
    const period = /^\(([^)]*\d{1,2}\/\d{4}[^)]*)\)/.exec(text.slice(i));
    if (period) {
      const p = /\d{1,2}\/\d{4}/.exec(period[1]);
      const mo = p ? readPeriod(p[0]) : null;
      if (mo !== null) for (const k of pending) from[k] = mo;
      pending = [];
      i += period[0].length;
      continue;
    }
    const hit = same ? byLabel.find((x) => lower.startsWith(x.l, i) && boundary(i + x.l.length)) : undefined;
    const key = hit ? null : /^[a-z][a-z0-9_]*/.exec(text.slice(i));
    if (hit || (key && boundary(i + key[0].length))) {
      const k = hit ? hit.k : key![0];
      carried.push(k);
      pending.push(k);
      i += hit ? hit.l.length : key![0].length;
      continue;
    }
    // Nothing known here: up to the next semicolon (or the end) is unknown.
    const end = text.indexOf(';', i);
    const part = text.slice(i, end < 0 ? text.length : end).trim();
    if (part) unknown.push(part);
    i = end < 0 ? text.length : end + 1;
  }
  return unknown.length ? { carried, from, unknown } : { carried, from };
}

/** Every close recorded in the closed tab (header in row 1); rows that do not read are left out (closedTabCheck says them). */
export function readClosed(grid: Grid | undefined): ClosedForm[] {
  return readClosedRows(grid).map((x) => x.close);
}

/** A cell of the closed tab that does not read: its sheet row (1-based), column (0-based), key and text as found. */
export interface UnreadClosedCell {
  row: number;
  col: number;
  /** One of CLOSED_KEYS, or a figure's key. */
  key: string;
  text: string;
  /** The close the row is dated with, when its `Chốt lúc`, `Kỳ báo cáo` and `Biểu mẫu` read. */
  close?: { form: FormId; period: Month; closedAt: number };
}

/** Every close of the closed tab with the sheet rows (1-based, in order) its units were read from. */
export function readClosedRows(grid: Grid | undefined): { close: ClosedForm; rows: number[] }[] {
  return scanClosed(grid).closes;
}

/**
 * The closed tab read: its closes (each with the rows its units came from) and every cell that does not read. A row
 * whose `Chốt lúc`, `Kỳ báo cáo`, `Biểu mẫu`, `Mã đơn vị` or `Trạng thái` does not read is left out (its unit is not in
 * any close; a close it is dated with lists it in `skipped`); a figure that is not a number counts as blank and a
 * `Thời điểm nộp` that is not a time as none, each kept in the unit's `unread`. `header`: false when the tab has rows
 * but its first header is not `Chốt lúc` (nothing of it reads).
 */
export function scanClosed(grid: Grid | undefined): {
  closes: { close: ClosedForm; rows: number[] }[];
  unread: UnreadClosedCell[];
  header: boolean;
} {
  const g = grid ?? [];
  const unread: UnreadClosedCell[] = [];
  if (g.length < 2) return { closes: [], unread, header: true };
  if (foldText(cellText(g[0][0] ?? '')) !== foldText(CLOSED_TAB.headers[0])) {
    const empty = g.slice(1).every((r) => (r ?? []).every((c) => isBlank(c)));
    return { closes: [], unread, header: empty };
  }
  const keys = g[0].slice(FIXED).map(keyOf);
  const labels = closedLabels(g[0]);
  const matchLabels = carriedLabels(labels);
  const byClose = new Map<string, { close: ClosedForm; rows: number[] }>();
  const out: { close: ClosedForm; rows: number[] }[] = [];
  const skipped: { row: number; id: string }[] = [];
  for (let r = 1; r < g.length; r++) {
    // A text kept literal by a leading apostrophe (as written) reads without it, wherever the grid comes from.
    const row = (g[r] ?? []).map((x) => (typeof x === 'string' && x.startsWith("'") ? x.slice(1) : x));
    if (row.every((x) => isBlank(x))) continue;
    const bad: UnreadClosedCell[] = [];
    const cell = (i: number) => row[i] ?? '';
    const miss = (i: number) => bad.push({ row: r + 1, col: i, key: CLOSED_KEYS[i], text: cellText(cell(i)).trim() });
    const at = readTime(cell(0)),
      period = readPeriod(cell(1)),
      form = readFormCode(cell(2)),
      status = readStatus(cell(5));
    const code = cellText(cell(3)).trim();
    if (!at) miss(0);
    if (period === null) miss(1);
    if (!form) miss(2);
    if (!code) miss(3);
    if (!status) miss(5);
    const id = at && period !== null && form ? `${at.getTime()}|${form}|${period}` : null;
    const dated = at && period !== null && form ? { form, period, closedAt: at.getTime() } : undefined;
    if (bad.length) {
      for (const b of bad) unread.push(dated ? { ...b, close: dated } : b);
      if (id) skipped.push({ row: r + 1, id });
      continue;
    }
    let found = byClose.get(id!);
    if (!found) {
      found = { close: { form: form!, period: period!, closedAt: at!, units: [] }, rows: [] };
      byClose.set(id!, found);
      out.push(found);
    }
    found.rows.push(r + 1);
    const c = found.close;
    const values: Record<string, number> = {};
    const odd: Record<string, string> = {};
    keys.forEach((k, i) => {
      const x = row[FIXED + i];
      if (!k) return;
      if (typeof x === 'number') values[k] = x;
      else if (FIGURE_KEY.test(k) && !isBlank(x)) odd[k] = cellText(x).trim();
    });
    const submittedAt = readTime(cell(6));
    if (!submittedAt && !isBlank(cell(6))) odd.submitted = cellText(cell(6)).trim();
    const carried = readCarried(cell(7), matchLabels);
    if (carried.unknown) unread.push({ row: r + 1, col: 7, key: 'carried', text: carried.unknown.join(CARRIED_SEPARATOR), close: dated });
    c.units.push({
      code,
      name: cellText(cell(4)),
      status: status!,
      submittedAt,
      values,
      carried: carried.carried,
      from: carried.from,
      ...(Object.keys(odd).length ? { unread: odd } : {}),
    });
  }
  for (const x of skipped) {
    const c = byClose.get(x.id)?.close;
    if (!c) continue;
    c.skipped = c.skipped ?? [];
    c.skipped.push(x.row);
  }
  return { closes: out, unread, header: true };
}

/**
 * The figures of a close that do not read, unit by unit (`unit` its index): a text where a number or a time was (as
 * the unit's `unread` holds it), or a blank ('') where the close must hold a figure: a carried one, or one required of
 * the period (`spec`'s) of a unit that reported, in a column another unit of the close has a figure in (a column added
 * to the definitions after the close has none).
 */
export function closeGaps(c: ClosedForm, spec: FormSpec | undefined): { unit: number; key: string; text: string }[] {
  const out: { unit: number; key: string; text: string }[] = [];
  const filled = new Set(c.units.flatMap((u) => [...Object.keys(u.values), ...Object.keys(u.unread ?? {})]));
  const required = spec ? indicators(spec).filter((x) => x.required && inForce(x, c.period) && filled.has(x.key)) : [];
  c.units.forEach((u, unit) => {
    const keys = new Set([...u.carried, ...(REPORTED.includes(u.status) ? required.map((x) => x.key) : [])]);
    for (const [key, text] of Object.entries(u.unread ?? {})) out.push({ unit, key, text });
    for (const key of keys) if (u.values[key] === undefined && !u.unread?.[key]) out.push({ unit, key, text: '' });
  });
  return out;
}

/**
 * The check of the closed tab, whose cells a hand edit may break: each that does not read, on its cell, with what the
 * report does with it and how to mend it. Not said: the cells of a close a later close of its period replaced (nothing
 * reads them) or dated at or after `cutoff` (not there yet). FORMS.md has no code of the closed tab's own: `required`
 * for a blank, `not_number` for a figure, `bad_period` for `Kỳ báo cáo`, `bad_directory` (a cell of a reference tab
 * that does not parse) for a time, a form, a status or `Lấy từ kỳ trước`; `missing_column` when A1 is not `Chốt lúc`.
 * Returns the closes before `cutoff` (as readClosed), the problems with their columns, and the tab's layout.
 */
export function closedTabCheck(
  grid: Grid | undefined,
  forms: readonly FormSpec[],
  cutoff: number,
): { closed: ClosedForm[]; problems: { problem: Problem; col: number }[]; layout: TabLayout | null } {
  const sheet = PERIOD_TAB.closed;
  const scan = scanClosed(grid);
  const closed = scan.closes.map((x) => x.close).filter((c) => c.closedAt.getTime() < cutoff);
  const problems: { problem: Problem; col: number }[] = [];
  const head = grid?.[0];
  if (!head) return { closed, problems, layout: null };
  const columns: Record<string, number> = {},
    headers: Record<string, string> = {};
  head.forEach((h, i) => {
    const k = i < FIXED ? CLOSED_KEYS[i] : keyOf(h);
    if (!k || k in columns) return;
    columns[k] = i;
    headers[k] = cellText(h).trim() || (CLOSED_TAB.headers[i] ?? k);
  });
  const cells: { row: number; col: number; key: string; code: ProblemCode; message: string }[] = [];
  if (!scan.header)
    cells.push({ row: 1, col: 0, key: '', code: 'missing_column', message: CLOSED_CELL_TEXT.header(CLOSED_TAB.headers[0]) });
  const latest = new Map<string, number>();
  for (const c of closed) latest.set(`${c.form}|${c.period}`, Math.max(latest.get(`${c.form}|${c.period}`) ?? 0, c.closedAt.getTime()));
  const current = (x?: { form: FormId; period: Month; closedAt: number }) =>
    !x || (x.closedAt < cutoff && x.closedAt >= (latest.get(`${x.form}|${x.period}`) ?? 0));
  const E = CLOSED_CELL_TEXT.expected;
  const expected = (k: string) =>
    k === 'unit_status'
      ? CLOSED_CELL_TEXT.status(Object.values(STATUS_LABEL))
      : (E[k === 'submitted' || k === 'closed_at' ? 'time' : k] ?? E.number);
  const say = (row: number, col: number, key: string, text: string, left: boolean, period: Month | undefined) => {
    const code: ProblemCode = !text ? 'required' : key === 'period' ? 'bad_period' : col < FIXED ? 'bad_directory' : 'not_number';
    const header = col < FIXED ? headers[key] : labelOf(headers[key]) || key;
    const p = period === undefined ? null : formatMonth(period);
    cells.push({ row, col, key, code, message: CLOSED_CELL_TEXT.cell(header, text, expected(key), left, p) });
  };
  for (const u of scan.unread) if (current(u.close)) say(u.row, u.col, u.key, u.text, u.key !== 'carried', u.close?.period);
  for (const { close: c, rows } of scan.closes) {
    if (!current({ form: c.form, period: c.period, closedAt: c.closedAt.getTime() })) continue;
    const spec = forms.find((f) => f.id === c.form);
    for (const g of closeGaps(c, spec)) if (g.key in columns) say(rows[g.unit], columns[g.key], g.key, g.text, false, c.period);
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const x of cells)
    problems.push({
      problem: {
        sheet,
        row: x.row,
        column: x.key ? headers[x.key] : CLOSED_TAB.headers[0],
        severity: 'error',
        code: x.code,
        message: x.message,
      },
      col: x.col,
    });
  return { closed, problems, layout: { sheet, headerRow: 1, columns, headers } };
}

/**
 * What to write to the closed tab for new closes: the new rows after the last one, or (when a new indicator key
 * needs a column) the whole tab from A1 with the old rows under the new header. One write either way.
 */
export function closedTabWrite(
  existing: Grid,
  closes: readonly ClosedForm[],
  forms: readonly FormSpec[],
): { row: number; values: CellValue[][] } {
  const blank = existing.length === 0 || existing.every((r) => r.every((c) => c === '' || c === null || c === undefined));
  const oldKeys = blank ? [] : (existing[0] ?? []).slice(FIXED).map(keyOf);
  const keys = oldKeys.slice();
  for (const c of closes) {
    const spec = forms.find((f) => f.id === c.form);
    for (const col of spec ? indicators(spec) : []) if (!keys.includes(col.key)) keys.push(col.key);
    for (const u of c.units) for (const k of Object.keys(u.values)) if (!keys.includes(k)) keys.push(k);
  }
  const width = FIXED + keys.length;
  const header: CellValue[] = [...CLOSED_TAB.headers, ...keys.map((k) => keyHeader(k, forms))];
  const labels = closedLabels(header);
  const line = (c: ClosedForm, u: ClosedUnit): CellValue[] => [
    // A leading apostrophe keeps '07/2024' and '03' as typed text (Sheets would read a date and a number).
    c.closedAt,
    `'${formatMonth(c.period)}`,
    `'${c.form}`,
    asSheetText(u.code),
    asSheetText(u.name),
    STATUS_LABEL[u.status],
    u.submittedAt ?? '',
    asSheetText(carriedText(u, labels)),
    ...keys.map((k) => (u.values[k] === undefined ? '' : u.values[k])),
  ];
  const fresh = closes.flatMap((c) => c.units.map((u) => line(c, u)));
  // The header as it should read (a tab of bare keys gets its labels): else only the new rows, after the last one.
  const sameHeader = header.every((h, i) => cellText(existing[0]?.[i] ?? '').trim() === h);
  if (!blank && keys.length === oldKeys.length && sameHeader) return { row: existing.length + 1, values: fresh };
  const oldLabels = carriedLabels(blank ? {} : closedLabels(existing[0] ?? []));
  const old = blank
    ? []
    : existing.slice(1).map((r) => {
        const out: CellValue[] = r.slice(0, FIXED);
        while (out.length < FIXED) out.push('');
        // `Lấy từ kỳ trước` names the figures by the header: said again with the new one (kept as found when it does
        // not read whole).
        const was = out[7];
        const carried = readCarried(typeof was === 'string' && was.startsWith("'") ? was.slice(1) : was, oldLabels);
        if (!carried.unknown && carried.carried.length)
          out[7] = asSheetText(carriedText({ ...carried, code: '', name: '', status: 'none', submittedAt: null, values: {} }, labels));
        for (const k of keys) {
          const i = oldKeys.indexOf(k);
          out.push(i >= 0 ? (r[FIXED + i] ?? '') : '');
        }
        return out;
      });
  return {
    row: 1,
    values: [header, ...old, ...fresh].map((r) => (r.length < width ? [...r, ...new Array(width - r.length).fill('')] : r)),
  };
}

/** Every difference between a close and the units' figures now, by unit code then the form's key order. */
export function correctionsOf(closed: ClosedForm, now: readonly UnitReport[], cols: readonly ColumnSpec[]): Correction[] {
  const out: Correction[] = [];
  const nowBy = new Map(now.map((u) => [u.code, u]));
  const closedBy = new Map(closed.units.map((u) => [u.code, u]));
  const codes = Array.from(new Set([...closedBy.keys(), ...nowBy.keys()])).sort();
  const order = cols.map((c) => c.key);
  for (const code of codes) {
    const c = closedBy.get(code),
      n = nowBy.get(code);
    if ((c?.status ?? null) !== (n?.status ?? null))
      out.push({ unit: code, key: 'status', closed: c?.status ?? null, now: n?.status ?? null });
    const keys = Array.from(new Set([...Object.keys(c?.values ?? {}), ...Object.keys(n?.values ?? {})]));
    keys.sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
    for (const k of keys) {
      const cv = c?.values[k] ?? null,
        nv = n?.values[k] ?? null;
      if (cv !== nv) out.push({ unit: code, key: k, closed: cv, now: nv });
    }
  }
  return out;
}

/** The report of a closed period: the closed figures, counted as the report counts them, and the corrections since. */
export function officialReport(
  live: FormReport,
  closed: ClosedForm,
  cols: readonly ColumnSpec[],
  sampleTarget: number,
  spec?: FormSpec,
): FormReport {
  const liveBy = new Map(live.units.map((u) => [u.code, u]));
  const units: UnitReport[] = closed.units
    .slice()
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => {
      const l = liveBy.get(c.code);
      const values: Record<string, number> = {};
      for (const col of cols) if (c.values[col.key] !== undefined) values[col.key] = c.values[col.key];
      return {
        code: c.code,
        name: c.name,
        emails: l?.emails ?? [],
        status: c.status,
        submittedAt: c.submittedAt,
        values,
        carried: c.carried.slice(),
        carriedFrom: { ...(c.from ?? {}) },
        installRate: ratio4(values.staff_installed ?? 0, values.staff_total ?? 0),
        installShare: share(values.staff_installed ?? 0, values.staff_total ?? 0),
        invalidRows: l?.invalidRows ?? [],
      };
    });
  const t = unitTally(live.form, units, live.dueBefore, cols, sampleTarget);
  const sum = (k: string) => units.reduce((n, u) => n + (u.values[k] ?? 0), 0);
  const indicatorsNow = live.indicators.map((i) => {
    const p = i.decimal ? round1(sum(i.key)) : sum(i.key);
    const fix = (x: number) => (i.decimal ? round1(x) : x);
    // Carried as the close carried them (a close written before it recorded the periods has none to say).
    const carried = carriedTally(units, i.key);
    return {
      ...i,
      period: p,
      cumulative: i.kind === 'stock' ? p : i.cumulative,
      change: i.previous === null ? null : fix(p - i.previous),
      carriedUnits: carried.units,
      carriedFrom: carried.from,
      carriedTo: carried.to,
    };
  });
  return {
    ...live,
    ...tallyFields(t, sum('staff_installed'), sum('staff_total')),
    indicators: indicatorsNow,
    units,
    sampleTargetReached: t.sampleTargetReached,
    chase: t.chase,
    closedAt: closed.closedAt,
    corrections: correctionsOf(closed, live.units, cols),
    // What of the close does not read counts as blank, said with the close (correctionsSection, the command line).
    closedGaps: closeGaps(closed, spec).map((g) => ({ unit: closed.units[g.unit].code, key: g.key, text: g.text })),
    closedSkipped: (closed.skipped ?? []).slice(),
  };
}

/**
 * changed_after_close (FORMS.md): on each cell of a counted row of a closed period whose unit's figure now differs
 * from the closed one. Only the form tabs that were read (`layouts`) are looked at. Returns each problem's column.
 */
export function closeWarnings(v: Validation, today: Day): { problem: Problem; col: number }[] {
  const out: { problem: Problem; col: number }[] = [];
  const closed = v.closed ?? [];
  if (!closed.length) return out;
  const cutoff = endOfDay(today);
  for (const spec of v.forms) {
    const layout = v.layouts[spec.tab];
    if (!layout?.headerRow) continue;
    // A period whose close was read as sums only (the report's narrow read) has no units to compare: no warning.
    const latest = Array.from(latestCloses(closed, spec.id).values()).filter((c) => !c.sums);
    if (!latest.length) continue;
    const live = unitReports(
      v,
      spec,
      latest.map((c) => c.period),
      today,
    );
    const rowsBy = new Map<string, typeof v.rows>();
    for (const r of v.rows) {
      if (r.form !== spec.id || !r.valid || r.unitCode === null || r.month === null) continue;
      if (r.submittedAt && r.submittedAt.getTime() >= cutoff) continue;
      const k = `${r.unitCode}|${r.month}`;
      const list = rowsBy.get(k);
      if (list) list.push(r);
      else rowsBy.set(k, [r]);
    }
    for (const c of latest) {
      const m = c.period;
      const cols = indicators(spec).filter((x) => inForce(x, m));
      for (const corr of correctionsOf(c, live.get(m) ?? [], cols)) {
        if (corr.key === 'status') continue;
        const col = layout.columns[corr.key];
        if (col === undefined) continue;
        for (const r of rowsBy.get(`${corr.unit}|${m}`) ?? []) {
          if (r.values[corr.key] === null || r.values[corr.key] === undefined) continue;
          const message = CLOSE_TEXT.changedAfterClose(
            layout.headers[corr.key] ?? corr.key,
            formatMonth(m),
            formatTimeAndDay(c.closedAt),
            corr.closed as number | null,
            corr.now as number | null,
          );
          out.push({
            problem: {
              sheet: spec.tab,
              row: r.row,
              column: layout.headers[corr.key] ?? '',
              severity: 'warning',
              code: 'changed_after_close',
              message,
            },
            col,
          });
        }
      }
    }
  }
  return out;
}

/** A correction as people read it: the column's header (or `Tình trạng`), then the closed and the present value. */
function correctionShown(
  columns: readonly { key: string; header: string }[],
  c: Correction,
): { what: string; closed: string; now: string } {
  const shown = (x: number | string | null) =>
    x === null
      ? '—'
      : c.key === 'status'
        ? (STATUS_LABEL[x as UnitStatus] ?? String(x))
        : typeof x === 'number'
          ? formatNumberVi(x, 1)
          : String(x);
  const what = c.key === 'status' ? CLOSE_TEXT.statusKey : (columns.find((k) => k.key === c.key)?.header ?? c.key);
  return { what, closed: shown(c.closed), now: shown(c.now) };
}

/** The digest after a run's closes: each close, then the corrections its re-close absorbed and those of earlier closes. */
export function closeDigest(
  v: Validation,
  closes: readonly ClosedForm[],
  corrections: ReadonlyMap<string, Correction[]>,
): { subject: string; text: string } {
  const tab = (form: FormId) => v.forms.find((f) => f.id === form)?.tab ?? form;
  const lines: string[] = [];
  for (const c of closes) {
    const reported = c.units.filter((u) => ['on_time', 'late', 'unknown_time', 'reported'].includes(u.status)).length;
    lines.push(CLOSE_TEXT.digestClosed(tab(c.form), formatMonth(c.period), formatTimeAndDay(c.closedAt), reported, c.units.length));
  }
  const corr: string[] = [];
  const unitName = (code: string) => {
    const u = v.units.find((x) => x.code === code);
    return u ? `${neutralize(u.name)} (${code})` : code;
  };
  for (const [id, list] of corrections) {
    const [form, period] = id.split('|');
    const columns = v.forms.find((f) => f.id === form)?.columns ?? [];
    for (const x of list) {
      const c = correctionShown(columns, x);
      corr.push(CLOSE_TEXT.digestCorrection(tab(form), formatMonth(Number(period)), unitName(x.unit), c.what, c.closed, c.now));
    }
  }
  const periods = Array.from(new Set(closes.map((c) => formatMonth(c.period))));
  return {
    subject: CLOSE_TEXT.digestSubject(periods.join(', ')),
    text: [
      MAIL_TEXT.adminGreeting,
      '',
      ...lines,
      '',
      corr.length ? CLOSE_TEXT.digestCorrectionsTitle : CLOSE_TEXT.digestNoCorrections,
      ...corr,
      '',
      textSignature(neutralize(oneLine(v.settings.department)), [], MAIL_TEXT.automatic),
    ].join('\n'),
  };
}

/** The most corrections of deleted reports a digest remembers having listed (a document property holds at most 9 KB). */
export const LISTED_GONE_MAX = 400;

/**
 * The corrections a close's digest lists: those made since the last digest the daily close sent, for every period
 * closed before (`closes`, the ones just made, have none). A correction is dated by its row's `Cập nhật lần cuối`,
 * listed when that is at or after the previous daily close: the first close of some period, for a re-close digests
 * only what it absorbs (a correction made before another period's re-close still comes in the next daily digest). A
 * correction with no row left to date it (a report deleted, its unit taken out of the directory) is listed once:
 * `listedGone` holds the ones already listed (their `goneKey`), and `gone` is what to keep for the next digest.
 */
export function digestCorrections(
  book: Readonly<Record<string, Grid | undefined>>,
  v: Validation,
  closes: readonly ClosedForm[],
  now: Date,
  listedGone: ReadonlySet<string>,
): { corrections: Map<string, Correction[]>; gone: string[] } {
  const corrections = new Map<string, Correction[]>();
  const gone: string[] = [];
  const earlier = (v.closed ?? []).filter((c) => c.closedAt.getTime() <= now.getTime());
  if (!earlier.length) return { corrections, gone };
  const firstClose = new Map<string, { form: FormId; period: Month; at: number }>();
  for (const c of earlier) {
    const id = `${c.form}|${c.period}`;
    const at = Math.min(firstClose.get(id)?.at ?? Infinity, c.closedAt.getTime());
    firstClose.set(id, { form: c.form, period: c.period, at });
  }
  const since = Math.max(...[...firstClose.values()].map((x) => x.at));
  const done = new Set(closes.map((c) => `${c.form}|${c.period}`));
  for (const [id, { form, period }] of firstClose) {
    if (done.has(id)) continue;
    const spec = v.forms.find((f) => f.id === form);
    const r = spec ? buildReport(v, period, [form], dayOf(now)).forms[0] : undefined;
    if (!spec || !r?.corrections.length) continue;
    const grid = book[spec.tab] ?? [];
    const updated = v.layouts[spec.tab]?.columns.updated_at;
    const list = r.corrections.filter((x) => {
      const rows = v.rows.filter((row) => row.form === form && row.unitCode === x.unit && row.month === period);
      const times = rows.map((row) => (updated === undefined ? undefined : grid[row.row - 1]?.[updated])).filter(isDate);
      if (times.length) return times.some((t) => t.getTime() >= since);
      const key = goneKey(id, x);
      gone.push(key);
      return !listedGone.has(key);
    });
    if (list.length) corrections.set(id, list);
  }
  return { corrections, gone: gone.slice(-LISTED_GONE_MAX) };
}

/** A correction without a row, as the digest remembers it: changed again, it is another one. */
export function goneKey(id: string, x: Correction): string {
  return fingerprint(`${id}|${x.unit}|${x.key}|${String(x.closed)}|${String(x.now)}`);
}

/** The corrections a re-close absorbs: the previous close against the new one, as a report would list them. */
export function absorbed(previous: ClosedForm, fresh: ClosedForm, cols: readonly ColumnSpec[]): Correction[] {
  return correctionsOf(
    previous,
    fresh.units.map((u) => ({
      ...u,
      carriedFrom: { ...(u.from ?? {}) },
      emails: [],
      installRate: null,
      installShare: null,
      invalidRows: [],
    })),
    cols,
  );
}

/** The most cells of a close that do not read a report names (it says how many there are). */
const GAPS_SHOWN = 5;

/**
 * What a report of a closed period says of its close's cells that do not read (counted as blank) and its rows left out
 * (their units not in the close): a line each, none when everything read. `period`: the report's. `fixes`: each line
 * says how to mend the tab (the working views); the signed document states the facts only.
 */
export function closedUnreadLines(f: FormReport, period: Month, fixes = true): string[] {
  if (!f.closedAt) return [];
  const lines: string[] = [];
  if (f.closedGaps.length) {
    const header = (k: string) => (k === 'submitted' ? CLOSED_TAB.headers[6] : (f.indicators.find((i) => i.key === k)?.header ?? k));
    const unit = (code: string) => {
      const u = f.units.find((x) => x.code === code);
      return u ? `${neutralize(u.name)} (${code})` : code;
    };
    const shown = f.closedGaps
      .slice(0, GAPS_SHOWN)
      .map((g) => CLOSED_CELL_TEXT.reportCell(unit(g.unit), header(g.key), neutralize(g.text)));
    lines.push(CLOSED_CELL_TEXT.reportCells(f.closedGaps.length, shown));
  }
  if (f.closedSkipped.length) lines.push(CLOSED_CELL_TEXT.reportRows(f.closedSkipped));
  return fixes ? lines.map((l) => `${l} ${CLOSED_CELL_TEXT.fix(formatMonth(period))}`) : lines;
}

/**
 * The section `Điều chỉnh sau khi chốt số liệu` of a report of a closed period (report tab, HTML, document); null
 * otherwise. `fixes`: its lines on the closed tab's unread cells say how to mend them (not in the signed document).
 */
export function correctionsSection(
  r: {
    forms: readonly FormReport[];
    period: Month;
  },
  fixes = true,
): { title: string; lines: string[]; headers: string[]; rows: string[][] } | null {
  const closed = r.forms.filter((f) => f.closedAt);
  if (!closed.length) return null;
  const rows: string[][] = [];
  for (const f of closed) {
    for (const x of f.corrections) {
      const c = correctionShown(f.indicators, x);
      rows.push([f.tab, x.unit, c.what, c.closed, c.now]);
    }
  }
  return {
    title: CLOSE_TEXT.section,
    lines: [
      ...closed.map((f) => `${f.tab}: ${CLOSE_TEXT.closedLine(formatTimeAndDay(f.closedAt!))}`),
      ...closed.flatMap((f) => closedUnreadLines(f, r.period, fixes).map((l) => `${f.tab}: ${l}`)),
      ...(rows.length ? [] : [CLOSE_TEXT.noCorrections]),
    ],
    headers: CLOSE_TEXT.correctionHeaders,
    rows,
  };
}
