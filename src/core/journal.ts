// The change journal `Nhật ký thay đổi`: one row per edit event (who, where, the old value when the event has one).
import type { CellValue } from './types';
import type { IndexedRow } from './rowIndex';
import type { Unit } from './model';
import { asSheetText } from './safety';
import { JOURNAL_TAB } from './text/period';
import { fingerprint } from './fingerprint';
import { formatDateTime } from './format';
import { isBlank, isDate, readPeriod } from './cells';
import { formatMonth } from './periods';
import { fromSerial, isSerialDay } from './stamp';

/** What an edit event tells (APPS_SCRIPT.md: oldValue/value only for a single cell; user may be empty). */
export interface EditFacts {
  at: Date;
  user: string;
  sheet: string;
  /** A1 notation of the edited range. */
  a1: string;
  rows: number;
  cols: number;
  oldValue?: string;
  value?: string;
  /** A pasted block's first cells (at most MAX_CELLS of them), row by row. */
  first?: CellValue[][];
  /**
   * A single cell's value now, as the edit read it from the sheet (no call of its own): a Date there is shown as a
   * date, not as the event's serial number, and the old value is then read as a date too.
   */
  cell?: CellValue;
  /** Where `Kỳ báo cáo` is, as a column of the edited block (0 = its first; may be outside it): a date there reads as its month. */
  monthCol?: number;
  /** A block whose every cell is empty after the edit (cells selected and cleared with Delete). */
  cleared?: boolean;
  /** Of a cleared block, what its rows held as the edit index knew them before the edit (`removedText`). */
  removed?: string;
}

/** At most this many cells of a pasted block, and this many characters of any value, are kept. */
export const MAX_CELLS = 12;
export const MAX_CHARS = 200;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/**
 * A cell as the journal shows it; a date in Gia Lai's time (the spreadsheet's zone: setup sets it to Asia/Ho_Chi_Minh),
 * never as a serial number or in UTC: in `Kỳ báo cáo` (`asMonth`) its month (06/2024), as periods are written
 * everywhere in the tool and as the check reads the cell; elsewhere its day and time (05/08/2024 07:15).
 */
function shown(v: CellValue, asMonth: boolean): string {
  return isDate(v) ? (asMonth ? formatMonth(readPeriod(v)!) : formatDateTime(v)) : String(v ?? '');
}

/**
 * The event's old value (`e.oldValue`) as the journal shows it. What Google documents: `value`/`oldValue` are the
 * cell's value, for a single cell only (developers.google.com/apps-script/guides/triggers/events), given as strings
 * (the event's JSON in Tanaike, "Benchmark: Event Objects for Google Apps Script", tanaikech.github.io). That a date
 * cell gives its serial number ("45444" for 01/06/2024: days since 30/12/1899, in the spreadsheet's zone, as Sheets
 * stores dates: developers.google.com/sheets/api/guides/concepts#datetime_serial_numbers) is what the stamp rule
 * already reads (src/core/stamp.ts fromSerial) and what the local runtime gives; no Google page found says so for
 * the event itself, so anything else (a formatted text) is shown as it comes. The new value never depends on it: it
 * is read from the cell. A serial (days since 30/12/1899) is read as a date when the cell holds a Date now, or when
 * it is a whole day of 2000-2099 in `Kỳ báo cáo` (the cell was emptied or retyped as text).
 */
function shownOldValue(raw: string, e: EditFacts): string {
  const n = Number(raw);
  const asMonth = e.monthCol === 0;
  // A smaller number in `Kỳ báo cáo` was typed as a number: shown as typed.
  const date = isDate(e.cell) || (asMonth && isSerialDay(n));
  return date && /^\d+(\.\d+)?$/.test(raw) ? shown(fromSerial(n), asMonth) : raw;
}

/**
 * Of a cleared block, what its rows held before the edit as the edit index knew them (`before`: their entries then),
 * each unit by its name in the directory: "dòng 18, Thành phố Pleiku, kỳ 06/2024; …" (clipped at MAX_CHARS).
 */
export function removedText(before: Iterable<IndexedRow>, units: readonly Unit[]): string {
  const name = (k: string) => (k[0] === '?' ? k.slice(1) : (units.find((u) => u.code === k) || { name: k }).name);
  return [...before]
    .sort((a, b) => a.r - b.r)
    .slice(0, MAX_CELLS)
    .map((x) => JOURNAL_TAB.removedRow(x.r, name(x.k), x.m === null ? '' : formatMonth(x.m)))
    .join('; ');
}

/** The journal row of an edit; every text stays text in the sheet. */
export function journalRow(e: EditFacts): CellValue[] {
  let fresh: string;
  let old = shownOldValue(e.oldValue || '', e);
  if (e.rows === 1 && e.cols === 1)
    // The new value is what the cell holds now: a Date as a date, anything else as the event gives it.
    fresh = e.value === undefined ? JOURNAL_TAB.cleared : isDate(e.cell) ? shown(e.cell, e.monthCol === 0) : e.value;
  else if (e.cleared) {
    // A block emptied (a row's cells selected, Delete): no cells to list; what was there, where the edit knew it.
    fresh = JOURNAL_TAB.cleared;
    old = e.removed || '';
  } else {
    // At most MAX_CELLS cells, row by row: cells apart by " | ", rows by " / ".
    let left = MAX_CELLS;
    const rows: string[] = [];
    for (const r of e.first ?? []) {
      if (left <= 0) break;
      const cells = r.slice(0, left).map((v, i) => shown(v, i === e.monthCol));
      left -= cells.length;
      rows.push(cells.join(' | '));
    }
    fresh = JOURNAL_TAB.block(e.rows, e.cols, rows.join(' / '));
  }
  return [
    e.at,
    asSheetText(e.user || JOURNAL_TAB.unknownUser),
    asSheetText(e.sheet),
    asSheetText(e.a1),
    asSheetText(clip(old)),
    asSheetText(clip(fresh)),
  ];
}

/** Whether every cell of a block is empty (a cleared block), read from cells the edit has. */
export function allBlank(part: readonly (readonly CellValue[] | undefined)[], fromCol: number, cols: number): boolean {
  return part.every((r) => !r || r.slice(fromCol, fromCol + cols).every(isBlank));
}

/** The key two deliveries of the same edit event share (two edit triggers): where, what and by whom, hashed (a cache key is at most 250 characters). */
export function editKey(e: EditFacts): string {
  return `journal:${fingerprint([e.sheet, e.a1, e.user, e.oldValue ?? '', e.value ?? '', JSON.stringify(e.first ?? [])].join('\u0000'))}`;
}

/** One digest for the whole code (src/core/fingerprint.ts); re-exported where it used to live. */
export { fingerprint };
