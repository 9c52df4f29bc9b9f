// Files the command line writes: workbooks, the report tab, the report as PDF, and the log appended in place.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CellValue, Workbook } from '../../core/types';
import { DIRECTORY_COLUMNS, LOG_COLUMNS, TAB } from '../../core/forms/schema';
import { formsOf } from '../../core/forms/book';
import { looksLikeFormula } from '../../core/safety';
import type { SheetLayout } from '../../core/report/sheet';
import ExcelJS from 'exceljs';
import type { MemSpreadsheet } from '../runtime/spreadsheet';
import { writeXlsx } from '../xlsx';
import { launchChromium } from '../chromium';
import { spreadsheetFromBook } from '../workbook';

const OFFSET_MS = 7 * 3600 * 1000;
const DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm:ss';
const HEADER_BACKGROUND = '#cfe2f3';

/** Writes through a temporary file in the same folder, so a failure never leaves half a file. */
export async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A workbook of values as a spreadsheet a person can use: bold frozen headers, widths, readable times. */
export function workbookToSpreadsheet(book: Workbook): MemSpreadsheet {
  const ss = spreadsheetFromBook(book);
  const { forms } = formsOf(book);
  for (const [name, rows] of Object.entries(book)) {
    const sheet = ss.sheet(name)!;
    const width = Math.max(1, ...rows.map((r) => r.length));
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    const form = forms.find((f) => f.tab === name);
    const columns = form ? form.columns : name === TAB.directory ? DIRECTORY_COLUMNS : [];
    columns.forEach((c, i) => {
      if (c.width) sheet.setColumnWidth(i + 1, c.width);
    });
    if (name === TAB.settings) {
      sheet.setColumnWidth(1, 280);
      sheet.setColumnWidth(2, 420);
    }
    if (name === TAB.log)
      LOG_COLUMNS.forEach((_, i) => {
        sheet.setColumnWidth(i + 1, i === 7 ? 320 : 140);
      });
    if (form && rows.length > 1) {
      form.columns.forEach((c, i) => {
        if (c.type === 'datetime') sheet.getRange(2, i + 1, rows.length - 1, 1).setNumberFormat(DATE_TIME_FORMAT);
        if (c.type === 'phone' || c.type === 'period') sheet.getRange(2, i + 1, rows.length - 1, 1).setNumberFormat('@');
      });
    }
  }
  return ss;
}

export async function writeSpreadsheet(ss: MemSpreadsheet, path: string): Promise<void> {
  await writeAtomically(path, (tmp) => writeXlsx(ss, tmp));
}

/** An instant as the wall-clock time of Gia Lai, the way an .xlsx date cell holds it. */
export function toWallClock(d: Date): Date {
  return new Date(d.getTime() + OFFSET_MS);
}

/** Text that stays text in the file: the apostrophe Sheets needs is not part of an .xlsx string cell. */
function cellForXlsx(v: CellValue): CellValue {
  if (typeof v === 'string' && v.startsWith("'") && looksLikeFormula(v.slice(1))) return v.slice(1);
  if (v instanceof Date) return toWallClock(v);
  return v;
}

/** exceljs colours are ARGB. */
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** The report tab (tables only: exceljs writes no charts) as its own .xlsx. */
export async function writeReportXlsx(layout: SheetLayout, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(layout.name);
  layout.values.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value === '' && !layout.backgrounds[i]?.[j]) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = cellForXlsx(value) as string | number;
      const format = layout.numberFormats[i]?.[j];
      if (format) cell.numFmt = format;
      const bg = layout.backgrounds[i]?.[j];
      if (bg) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(bg) } };
      if (layout.fontWeights[i]?.[j] === 'bold') cell.font = { bold: true };
      if (typeof value === 'string' && value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  for (const m of layout.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
  // Sheets widths are pixels; Excel's are characters of about 7 pixels.
  layout.columnWidths.forEach((px, j) => {
    if (px) ws.getColumn(j + 1).width = Math.round((px / 7) * 10) / 10;
  });
  await writeAtomically(path, async (tmp) => {
    await wb.xlsx.writeFile(tmp);
  });
}

/** The report page printed to A4 by headless Chromium, backgrounds and charts included. */
export async function writePdf(html: string, path: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await writeAtomically(path, async (tmp) => {
      // The page's CSS sets each page's size and margins (A4 portrait for the document, landscape for its appendix).
      await page.pdf({ path: tmp, format: 'A4', printBackground: true, preferCSSPageSize: true });
    });
  } finally {
    await browser.close();
  }
}

/** Appends rows to the log tab of an .xlsx in place, leaving every other tab and cell as it was. */
export async function appendLogRows(path: string, rows: CellValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let ws = wb.worksheets.find((w) => w.name.normalize('NFC').trim() === TAB.log);
  if (!ws) {
    ws = wb.addWorksheet(TAB.log);
    ws.addRow([...LOG_COLUMNS]).font = { bold: true };
  }
  // After the last row that holds anything: a sheet's row count may include formatted empty rows.
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (Array.isArray(row.values) && row.values.some((v) => v !== null && v !== undefined && v !== '')) last = n;
  });
  rows.forEach((values, i) => {
    const row = ws!.getRow(last + 1 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = cellForXlsx(v) as string | number | Date;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm:ss';
    });
    row.commit();
  });
  await writeAtomically(path, async (tmp) => {
    await wb.xlsx.writeFile(tmp);
  });
}
