// Reading the spreadsheet: one getValues per tab, handed to the core as a plain Workbook.
import type { Grid, Workbook } from '../core/types';
import { FORMS, TAB } from '../core/forms/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const FORM_TABS: string[] = FORMS.map((f) => f.tab);
export const ALL_TABS: string[] = [TAB.directory, TAB.settings, ...FORM_TABS, TAB.log];

/** The values of a tab from A1 to its last used cell; [] when the tab is missing. */
export function readTab(ss: Spreadsheet, name: string): Grid {
  return readBook(ss, [name])[name] ?? [];
}

/** The named tabs (missing ones are left out, as the core expects). */
export function readBook(ss: Spreadsheet, names: string[] = ALL_TABS): Workbook {
  const book: Workbook = {};
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) book[name] = sheet.getDataRange().getValues() as Grid;
  }
  return book;
}
