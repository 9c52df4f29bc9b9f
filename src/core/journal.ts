// The change journal `Nhật ký thay đổi`: one row per edit event (who, where, the old value when the event has one).
import type { CellValue } from './types';
import { asSheetText } from './safety';
import { JOURNAL_TAB } from './text/period';
import { fingerprint } from './fingerprint';
import { formatDateTime } from './format';

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
}

/** At most this many cells of a pasted block, and this many characters of any value, are kept. */
export const MAX_CELLS = 12;
export const MAX_CHARS = 200;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** A pasted cell as the journal shows it: a date as the sheet reads it in Gia Lai (20/08/2024 08:00), not in UTC. */
function shown(v: CellValue): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return formatDateTime(v as Date);
  return String(v ?? '');
}

/** The journal row of an edit; every text stays text in the sheet. */
export function journalRow(e: EditFacts): CellValue[] {
  let fresh: string;
  if (e.rows === 1 && e.cols === 1) fresh = e.value === undefined ? JOURNAL_TAB.cleared : e.value;
  else {
    // At most MAX_CELLS cells, row by row: cells apart by " | ", rows by " / ".
    let left = MAX_CELLS;
    const rows: string[] = [];
    for (const r of e.first ?? []) {
      if (left <= 0) break;
      const cells = r.slice(0, left).map(shown);
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
    asSheetText(clip(e.oldValue ?? '')),
    asSheetText(clip(fresh)),
  ];
}

/** The key two deliveries of the same edit event share (two edit triggers): where, what and by whom, hashed (a cache key is at most 250 characters). */
export function editKey(e: EditFacts): string {
  return `journal:${fingerprint([e.sheet, e.a1, e.user, e.oldValue ?? '', e.value ?? '', JSON.stringify(e.first ?? [])].join('\u0000'))}`;
}

/** One digest for the whole code (src/core/fingerprint.ts); re-exported where it used to live. */
export { fingerprint };
