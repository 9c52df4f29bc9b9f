// Writes the report tab from its pure layout: a handful of batched calls whatever the number of rows.
import type { SheetLayout } from '../core/report/sheet';

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
  const block = sheet.getRange(1, 1, rows, cols);
  block.setNumberFormats(layout.numberFormats); // formats first: '@' cells then keep text as text
  block.setValues(layout.values);
  block.setBackgrounds(layout.backgrounds);
  block.setFontWeights(layout.fontWeights);
  for (const m of layout.merges) sheet.getRange(m.row, m.col, m.numRows, m.numCols).merge();
  layout.columnWidths.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
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
