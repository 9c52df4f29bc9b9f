// Writes the report tab from its pure layout: a handful of batched calls whatever the number of rows.
import type { Box, SheetLayout } from '../core/report/sheet';
import { columnLetter } from '../core/a1';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Replaces the tab `layout.name` (never a form tab: report tabs have their own names). */
export function writeReportTab(ss: Spreadsheet, layout: SheetLayout): GoogleAppsScript.Spreadsheet.Sheet {
  const old = ss.getSheetByName(layout.name);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(layout.name);
  const rows = layout.values.length,
    cols = layout.values[0]?.length ?? 0;
  if (!rows || !cols) return sheet;
  // Always one insert (at least a spare row), so the calls are the same for 10 units or 2,000.
  const maxRows = sheet.getMaxRows(),
    maxCols = sheet.getMaxColumns();
  sheet.insertRowsAfter(maxRows, Math.max(1, rows - maxRows));
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  // Each band only as wide as its widest row: blank padding is never written (formats first: '@' keeps text as text).
  for (const b of layout.bands) {
    const cut = <T>(grid: T[][]) => grid.slice(b.row - 1, b.row - 1 + b.numRows).map((r) => r.slice(b.col - 1, b.col - 1 + b.numCols));
    const block = sheet.getRange(b.row, b.col, b.numRows, b.numCols);
    block.setNumberFormats(cut(layout.numberFormats));
    block.setValues(cut(layout.values));
    block.setBackgrounds(cut(layout.backgrounds));
  }
  // A new sheet's cells are not bold: only the bold ones are set, in one call.
  if (layout.bold.length) sheet.getRangeList(layout.bold.map(a1)).setFontWeight('bold');
  // Title rows merged across the same columns, one under the other, in one call.
  for (let i = 0; i < layout.merges.length; ) {
    const m = layout.merges[i];
    let n = 1;
    const next = (k: number) => layout.merges[i + k];
    if (m.numRows === 1)
      while (next(n) && next(n).numRows === 1 && next(n).row === m.row + n && next(n).col === m.col && next(n).numCols === m.numCols) n++;
    if (n > 1) sheet.getRange(m.row, m.col, n, m.numCols).mergeAcross();
    else sheet.getRange(m.row, m.col, m.numRows, m.numCols).merge();
    i += n;
  }
  // Adjacent columns of one width in one call.
  for (let i = 0; i < layout.columnWidths.length; ) {
    let n = 1;
    while (i + n < layout.columnWidths.length && layout.columnWidths[i + n] === layout.columnWidths[i]) n++;
    sheet.setColumnWidths(i + 1, n, layout.columnWidths[i]);
    i += n;
  }
  for (const c of layout.charts) {
    let builder = sheet
      .newChart()
      .setChartType(c.type === 'bar' ? Charts.ChartType.BAR : c.type === 'combo' ? Charts.ChartType.COMBO : Charts.ChartType.LINE)
      .addRange(sheet.getRange(c.range.row, c.range.col, c.range.numRows, c.range.numCols))
      .setPosition(c.anchor.row, c.anchor.col, 0, 0)
      .setOption('title', c.title);
    // A combo chart draws its series as columns but the last (the target), drawn as a line; both named in the legend.
    if (c.type === 'combo')
      builder = builder
        .setOption('seriesType', 'bars')
        .setOption('series', { [c.range.numCols - 2]: { type: 'line' } })
        .setOption('legend', { position: 'bottom' });
    else builder = builder.setOption('legend', { position: 'none' });
    sheet.insertChart(builder.build());
  }
  return sheet;
}

/** A box in A1 notation (`A5:M5`), as RangeList takes them. */
function a1(b: Box): string {
  return `${columnLetter(b.col)}${b.row}:${columnLetter(b.col + b.numCols - 1)}${b.row + b.numRows - 1}`;
}
