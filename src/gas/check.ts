// The full check: every tab, every row. From the menu (with a summary) and from the daily trigger.
import { TAB } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import type { Validation } from '../core/model';
import { readSnapshot, type Snapshot } from './book';
import { annotateRows } from './annotate';
import { checkedStampNotes } from '../core/stamp';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Validates the whole workbook and annotates every checked tab: the form tabs (notes, colours, status), the directory
 * (notes and colours on its data) and the settings (on the `Giá trị` column only: the `Tham số` cells carry setup's
 * help notes). Returns the validation for further use.
 */
export function checkAll(ss: Spreadsheet, now: Date = new Date(), snap: Snapshot = readSnapshot(ss), v: Validation = validateWorkbook(snap.book, now)): Validation {
  const { book, sheets } = snap;
  for (const tab of [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns, ...v.forms.map((f) => f.tab), TAB.measured]) {
    const layout = v.layouts[tab];
    const grid = book[tab];
    // A tab whose header row was not found is left alone (the settings tab may go without one).
    if (!layout || (!layout.headerRow && tab !== TAB.settings) || !grid || grid.length <= layout.headerRow) continue;
    const sheet = sheets[tab];
    if (!sheet) continue;
    const value = tab === TAB.settings ? layout.columns.value : -1;
    // VNNIC's pasted table keeps its own look outside the columns read.
    const read = tab === TAB.measured ? Object.values(layout.columns) : [];
    const cols = value >= 0 ? { fromCol: value, toCol: value + 1 }
      : read.length ? { fromCol: Math.min(...read), toCol: Math.max(...read) + 1 } : { fromCol: 0, toCol: grid[0].length };
    const first = layout.headerRow + 1;
    annotateRows(sheet, layout, { first, last: grid.length, ...cols }, rowMarks(v, tab), undefined, checkedStampNotes(v, tab, grid, first, grid.length), grid);
  }
  return v;
}
