// When `Thời điểm nộp` is renewed: only when the row's unit or period really changed. The identity the stamp was
// written for lives in a note on the stamp cell itself, so it moves with the row (sorting, cut and paste).
import type { FormId, Grid, Month } from './types';
import type { FormRow, Validation } from './model';
import { formatMonth, parseMonthStrict } from './periods';
import { isDate, readPeriod } from './cells';
import { matchUnit } from './directory';
import { STAMP_TEXT } from './text/stamp';

/** What a report is: the canonical unit code and the parsed month. */
export interface StampIdentity {
  unit: string;
  period: Month;
}

/**
 * What the stamp cell's note records: the identity the stamp was written for, and the stamp itself. A unit '' or a
 * period null is an identity the full check found unreadable (a typo left overnight): any readable one renews it.
 */
export interface StampRecord {
  unit: string;
  period: Month | null;
  at: Date;
}

export interface StampInput {
  /**
   * The stamp before the edit, when it can be trusted: the cell as read when the edit did not write into it, the
   * single-cell event's oldValue when it did; null when the edit pasted over it (a pasted value is never trusted).
   */
  previous: Date | null;
  /** The stamp cell's note as read back; null for a row stamped before notes were kept (or never stamped). */
  recorded: StampRecord | null;
  /** The row's identity before the edit, when the event tells it (a single-cell edit of the unit or the period). */
  before?: StampIdentity | null;
  /** The row as it stands now: unit and month as the check resolved them (null when they do not resolve). */
  current: { unit: string | null; period: Month | null; valid: boolean };
  now: Date;
}

export interface StampDecision {
  stamp: Date | '';
  record: StampRecord | null;
}

const same = (a: { unit: string; period: Month | null }, b: StampIdentity) => a.unit === b.unit && a.period === b.period;

/** The stamp and the record to write for one edited row. */
export function decideStamp(input: StampInput): StampDecision {
  const { recorded, current, now } = input;
  // The note is the truth when there is one: the cell's value may have been typed or pasted over.
  const prior = recorded ? recorded.at : input.previous;
  const was: { unit: string; period: Month | null } | null = recorded
    ? { unit: recorded.unit, period: recorded.period }
    : (input.before ?? null);
  if (current.unit === null || current.period === null) {
    // Unit or period unreadable for now (a typo): nothing to compare with, so nothing is renewed yet.
    return { stamp: prior ?? '', record: recorded };
  }
  const cur: StampIdentity = { unit: current.unit, period: current.period };
  // A row stamped before notes were kept has no recorded identity: it keeps its stamp unless the event says otherwise.
  if (prior && (was === null || same(was, cur))) return { stamp: prior, record: { ...cur, at: prior } };
  return current.valid ? { stamp: now, record: { ...cur, at: now } } : { stamp: '', record: null };
}

const MACHINE = /\n?\[i-Speed: (\{[^\n]*\})\]\s*$/;

/** The note to write on the stamp cell ('' for none); `unitLabel` is what the readable part shows. */
export function stampNote(record: StampRecord | null, unitLabel?: string): string {
  if (!record) return '';
  return stampNoteHead(record.unit, record.period, unitLabel) + stampNoteTail(record.at);
}

/**
 * The note up to the stamp's instant: the same for every row of a unit and period, so the full check builds it once.
 * The machine line is JSON.stringify({ u, k, t }) written out, `t` being an ISO instant (nothing in it to escape).
 */
function stampNoteHead(unit: string, period: Month | null, unitLabel?: string): string {
  const k = period === null ? '' : formatMonth(period);
  const text = STAMP_TEXT.note(unitLabel || unit || STAMP_TEXT.unknown, k || STAMP_TEXT.unknown);
  return `${text}\n[i-Speed: {"u":${JSON.stringify(unit)},"k":${JSON.stringify(k)},"t":"`;
}

function stampNoteTail(at: Date): string {
  return `${at.toISOString()}"}]`;
}

/** The record a stamp cell's note holds, or null when it holds none (or something else). */
export function readStampNote(note: string | null | undefined): StampRecord | null {
  const m = MACHINE.exec(String(note ?? ''));
  if (!m) return null;
  try {
    const o = JSON.parse(m[1]) as { u?: unknown; k?: unknown; t?: unknown };
    const period = typeof o.k === 'string' && o.k !== '' ? parseMonthStrict(o.k) : null;
    const at = typeof o.t === 'string' ? new Date(o.t) : null;
    if (typeof o.u !== 'string' || typeof o.k !== 'string' || (o.k !== '' && period === null) || !at || Number.isNaN(at.getTime()))
      return null;
    return { unit: o.u, period, at };
  } catch {
    return null;
  }
}

/**
 * Whether a number is a whole day of 2000–2099 as Sheets counts days (from 30/12/1899: 36526 is 01/01/2000, 73051
 * 01/01/2100): a date whose format was lost, or the serial an edit event gives for a date cell.
 */
export function isSerialDay(n: number): boolean {
  return Number.isInteger(n) && n >= 36526 && n < 73051;
}

/** A date cell's value in an edit event (a serial day number, wall clock in Asia/Ho_Chi_Minh) as an instant. */
export function fromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000) - 7 * 3600 * 1000);
}

/** One edit event on a form tab, as the stamp rule needs it. */
export interface StampEdit {
  sheet: string;
  form: FormId;
  /** 1-based rows first..last of the edited block that hold data (below the header). */
  first: number;
  last: number;
  /** Schema keys of the columns the edit wrote into. */
  touched: string[];
  /** A single-cell edit: the event's oldValue (undefined when the cell was empty); absent for a block. */
  single?: { oldValue?: string };
}

/** What to write in the stamp column of each edited row: the stamp and its note. */
export interface RowStamp {
  stamp: Date | '';
  note: string;
}

/**
 * The stamps of the rows of one edit. `grid` is the tab as read after the edit; `notes[i]` the note of the stamp cell
 * of row first+i as read after it.
 */
export function editStamps(v: Validation, grid: Grid, notes: string[], edit: StampEdit, now: Date): Map<number, RowStamp> {
  const layout = v.layouts[edit.sheet];
  const out = new Map<number, RowStamp>();
  const subCol = layout?.columns.submitted_at;
  const rows = new Map(v.rows.filter((r) => r.sheet === edit.sheet).map((r) => [r.row, r]));
  const names = new Map(v.units.map((u) => [u.code, u.name]));
  const wrote = (key: string) => edit.touched.includes(key);
  for (let r = edit.first; r <= edit.last; r++) {
    const row = rows.get(r);
    if (!row || subCol === undefined) {
      out.set(r, { stamp: '', note: '' });
      continue;
    } // an empty row keeps nothing
    const cell = grid[r - 1]?.[subCol];
    let previous: Date | null = !wrote('submitted_at') && isDate(cell) ? cell : null;
    let before: StampIdentity | null = null;
    if (edit.single) {
      const old = edit.single.oldValue;
      if (wrote('submitted_at')) previous = old !== undefined && /^\d+(\.\d+)?$/.test(old) ? fromSerial(Number(old)) : null;
      before = identityBefore(v, edit, row.unitCode, row.month, old);
    }
    const d = decideStamp({
      previous,
      recorded: readStampNote(notes[r - edit.first]),
      before,
      current: { unit: row.unitCode, period: row.month, valid: row.valid },
      now,
    });
    out.set(r, { stamp: d.stamp, note: stampNote(d.record, unitLabel(names, d.record?.unit ?? '')) });
  }
  return out;
}

/** 'Name (CODE)' as the note shows the unit; '' for an unknown one. */
function unitLabel(names: Map<string, string>, code: string): string {
  return code ? `${names.get(code) ?? code} (${code})` : '';
}

/** The row's identity before a single-cell edit of its unit or period; null when the event cannot tell. */
function identityBefore(
  v: Validation,
  edit: StampEdit,
  unit: string | null,
  period: Month | null,
  old: string | undefined,
): StampIdentity | null {
  if (edit.touched.includes('unit')) {
    if (old === undefined || period === null) return null;
    const m = matchUnit(v.units, old, edit.form, period);
    return m.kind === 'one' ? { unit: m.unit.code, period } : null;
  }
  if (edit.touched.includes('period')) {
    if (old === undefined || unit === null) return null;
    const p = /^\d+(\.\d+)?$/.test(old) ? readPeriod(fromSerial(Number(old))) : readPeriod(old);
    return p === null ? null : { unit, period: p };
  }
  return unit !== null && period !== null ? { unit, period } : null;
}

/**
 * The stamp notes the full check writes (it writes every note of the tab in one call, so it cannot leave these as
 * they are): each stamped row recorded as it stands now. Edits renew a stamp as they happen, so the sheet's stamps
 * are the ones to keep; a row stamped before notes were kept is recorded too. A stamped row whose unit or period
 * does not read is recorded as unknown, so whatever it becomes later is a new report.
 */
export function checkedStampNotes(v: Validation, sheet: string, grid: Grid, first: number, last: number): string[] {
  const subCol = v.layouts[sheet]?.columns.submitted_at;
  const rows = new Map<number, FormRow>();
  for (let i = 0; i < v.rows.length; i++) if (v.rows[i].sheet === sheet) rows.set(v.rows[i].row, v.rows[i]); // no iterator per row
  const names = new Map(v.units.map((u) => [u.code, u.name]));
  // Many rows share a unit and period: their notes differ only by the instant (unit -> month -> head).
  const heads = new Map<string, Map<Month | null, string>>();
  const out: string[] = new Array(Math.max(0, last - first + 1));
  for (let r = first; r <= last; r++) {
    const row = rows.get(r);
    const cell = subCol === undefined ? undefined : grid[r - 1]?.[subCol];
    if (!row || !isDate(cell)) {
      out[r - first] = '';
      continue;
    }
    const unit = row.unitCode ?? '';
    let ofUnit = heads.get(unit);
    if (!ofUnit) {
      ofUnit = new Map();
      heads.set(unit, ofUnit);
    }
    let head = ofUnit.get(row.month);
    if (head === undefined) {
      head = stampNoteHead(unit, row.month, unitLabel(names, unit));
      ofUnit.set(row.month, head);
    }
    out[r - first] = head + stampNoteTail(cell);
  }
  return out;
}
