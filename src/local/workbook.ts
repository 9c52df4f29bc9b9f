// Plain workbooks (tab -> values, as the core reads them) in and out of the in-memory spreadsheet.
import type { CellValue, Workbook } from '../core/types';
import { MemSpreadsheet } from './runtime';

/** A spreadsheet holding these tabs, sized to fit (at least Sheets' default 1000 x 26), values written uncounted. */
export function spreadsheetFromBook(book: Workbook, name = 'i-Speed'): MemSpreadsheet {
  const ss = new MemSpreadsheet({ name, firstSheet: null });
  const tracker = ss.tracker;
  ss.tracker = null;
  try {
    for (const [tab, grid] of Object.entries(book)) {
      const sheet = ss.addSheet(tab);
      const width = Math.max(0, ...grid.map((r) => r.length));
      sheet.maxRows = Math.max(sheet.maxRows, grid.length + 100);
      sheet.maxColumns = Math.max(sheet.maxColumns, width);
      grid.forEach((row, r) => {
        row.forEach((v, c) => {
          sheet.writeCell(r + 1, c + 1, asTyped(v));
        });
      });
    }
  } finally {
    ss.tracker = tracker;
  }
  if (ss.sheets.length) ss.active = ss.sheets[0];
  return ss;
}

/** Text that looks like a formula is kept as typed text (an export holds values, never formulas to evaluate). */
function asTyped(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
}

/** The values of every tab, as getDataRange().getValues() gives them. */
export function bookFromSpreadsheet(ss: MemSpreadsheet): Workbook {
  const book: Workbook = {};
  const tracker = ss.tracker;
  ss.tracker = null;
  try {
    for (const sheet of ss.sheets) book[sheet.name] = sheet.getDataRange().getValues() as CellValue[][];
  } finally {
    ss.tracker = tracker;
  }
  return book;
}
