// The installable edit trigger: checks the rows an edit touched (one cell or a pasted block: ONE event).
import { TAB } from '../core/forms/schema';
import { formOfTab, tabKey } from '../core/forms/book';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import { editStamps } from '../core/stamp';
import { definedForms, readBook } from './book';
import { applyDefinitions } from './setup';
import { annotateRows, type OwnedValues } from './annotate';
import { checkAll } from './check';
import { checkMeasuredTab } from './measured';
import { journalEdit } from './journal';
import { refreshStatusRows } from './statusTab';
import { PERIOD_TAB } from '../core/text/period';
import type { Grid } from '../core/types';

/** A column's letters (A, Z, AA…) as its 1-based number. */
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The edited block's corners from one getA1Notation call (not four); a whole-row or whole-column A1 asks the range. */
export function rangeBox(range: GoogleAppsScript.Spreadsheet.Range): { row: number; col: number; lastRow: number; lastCol: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.getA1Notation());
  if (!m) return { row: range.getRow(), col: range.getColumn(), lastRow: range.getLastRow(), lastCol: range.getLastColumn() };
  const col = colNumber(m[1]),
    row = Number(m[2]);
  return { row, col, lastRow: m[4] ? Number(m[4]) : row, lastCol: m[3] ? colNumber(m[3]) : col };
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const ss = e.source;
  journalEdit(e, name);
  // The directory, the settings and the form definitions change what every row means: check everything again.
  if ([TAB.directory, TAB.settings].some((t) => tabKey(t) === tabKey(name))) {
    checkAll(ss);
    return;
  }
  if ([TAB.formList, TAB.formColumns].some((t) => tabKey(t) === tabKey(name))) {
    applyDefinitions(ss);
    return;
  }
  if (tabKey(TAB.measured) === tabKey(name)) {
    checkMeasuredTab(ss);
    return;
  }

  const now = new Date();
  const book = readBook(ss, [TAB.directory, TAB.settings, PERIOD_TAB.closed]);
  book[name] = sheet.getDataRange().getValues() as Grid; // the edited tab is the event's own sheet: no look-up
  const v = validateWorkbook(book, now, definedForms(ss));
  const form = formOfTab(v.forms, name);
  if (!form) return;
  const grid = book[name] ?? [];
  const layout = v.layouts[form.tab];
  if (!layout?.headerRow) return;

  const box = rangeBox(range);
  const top = box.row,
    bottom = box.lastRow;
  const first = Math.max(top, layout.headerRow + 1);
  const last = Math.min(bottom, grid.length);
  if (last < first) return;
  const editFirstCol = box.col - 1,
    editLastCol = box.lastCol - 1;
  const touched = Object.keys(layout.columns).filter((key) => layout.columns[key] >= editFirstCol && layout.columns[key] <= editLastCol);
  // value/oldValue exist only when one single cell was edited (APPS_SCRIPT.md); a block gives neither.
  const single =
    top === bottom && editFirstCol === editLastCol ? { oldValue: e.oldValue === undefined ? undefined : String(e.oldValue) } : undefined;

  const rowNumbers: number[] = [];
  for (let r = first; r <= last; r++) rowNumbers.push(r);
  const marks = rowMarks(v, form.tab, rowNumbers);
  const subCol = layout.columns.submitted_at;
  // The stamp cell's note records what the stamp was written for; it travels with the row when rows move.
  const notes =
    subCol === undefined
      ? []
      : (sheet.getRange(first, subCol + 1, last - first + 1, 1).getNotes() as string[][]).map((n) => String(n[0] ?? ''));
  const stamps = editStamps(v, grid, notes, { sheet: form.tab, form: form.id, first, last, touched, single }, now);
  const owned = new Map<number, OwnedValues>();
  for (const m of marks) {
    const s = stamps.get(m.row) ?? { stamp: '', note: '' };
    // A row left empty (its data cleared) keeps no script values either.
    owned.set(m.row, { submittedAt: s.stamp, stampNote: s.note, updatedAt: m.status ? now : '' });
  }
  annotateRows(sheet, layout, { first, last, fromCol: 0, toCol: grid[0]?.length ?? 0 }, marks, owned);
  // A row whose unit or period changed may leave another unit's row stale: then the form's rows are all rewritten.
  refreshStatusRows(ss, v, form, now, owned, touched.includes('unit') || touched.includes('period'));
}
