// The full check: every tab, every row. From the menu (with a summary) and from the daily trigger.
import { FORMS } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import type { Validation } from '../core/model';
import type { Workbook } from '../core/types';
import { readBook } from './book';
import { annotateRows } from './annotate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Validates the whole workbook and annotates every form tab; returns the validation for further use. */
export function checkAll(ss: Spreadsheet, now: Date = new Date(), book: Workbook = readBook(ss)): Validation {
  const v = validateWorkbook(book, now);
  for (const form of FORMS) {
    const layout = v.layouts[form.tab];
    const grid = book[form.tab];
    if (!layout || !layout.headerRow || !grid || grid.length <= layout.headerRow) continue;
    const sheet = ss.getSheetByName(form.tab);
    if (!sheet) continue;
    annotateRows(sheet, layout, grid[0].length, layout.headerRow + 1, grid.length, rowMarks(v, form.tab));
  }
  return v;
}
