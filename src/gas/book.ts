// Reading the spreadsheet: one getValues per tab, handed to the core as a plain Workbook.
import type { Grid, Workbook } from '../core/types';
import { FORMS, TAB } from '../core/forms/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const FORM_TABS: string[] = FORMS.map((f) => f.tab);
export const ALL_TABS: string[] = [TAB.directory, TAB.settings, ...FORM_TABS, TAB.log];

/** The values of the tabs read, and the sheets themselves, so the writes after a read look nothing up again. */
export interface Snapshot { book: Workbook; sheets: Record<string, Sheet> }

/** The named tabs, one getValues each (missing ones are left out, as the core expects). */
export function readSnapshot(ss: Spreadsheet, names: string[] = ALL_TABS): Snapshot {
  const snap: Snapshot = { book: {}, sheets: {} };
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    snap.sheets[name] = sheet;
    snap.book[name] = sheet.getDataRange().getValues() as Grid;
  }
  return snap;
}

export function readBook(ss: Spreadsheet, names: string[] = ALL_TABS): Workbook {
  return readSnapshot(ss, names).book;
}

/** The values of a tab from A1 to its last used cell; [] when the tab is missing. */
export function readTab(ss: Spreadsheet, name: string): Grid {
  return readBook(ss, [name])[name] ?? [];
}
