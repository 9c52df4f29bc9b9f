// The `Dữ liệu i-Speed` tab after a paste: only that tab is checked and annotated (the directory and settings are read).
import { TAB } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import { firstDataRow } from '../core/layout';
import { definedForms, readSnapshot } from './book';
import { annotateRows } from './annotate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Checks VNNIC's table as it now stands and writes notes and colours on the columns read; nothing else is touched. */
export function checkMeasuredTab(ss: Spreadsheet, now: Date = new Date()): void {
  const snap = readSnapshot(ss, [TAB.directory, TAB.settings, TAB.measured]);
  const grid = snap.book[TAB.measured],
    sheet = snap.sheets[TAB.measured];
  if (!grid || !sheet) return;
  const v = validateWorkbook(snap.book, now, definedForms(ss));
  const layout = v.layouts[TAB.measured];
  const read = layout ? Object.values(layout.columns) : [];
  if (!layout?.headerRow || grid.length < firstDataRow(layout) || !read.length) return;
  annotateRows(
    sheet,
    layout,
    { first: firstDataRow(layout), last: grid.length, fromCol: Math.min(...read), toCol: Math.max(...read) + 1 },
    rowMarks(v, TAB.measured),
  );
}
