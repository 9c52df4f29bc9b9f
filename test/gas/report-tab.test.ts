// The report tab is written as its bands (each as wide as its widest row) and its bold boxes: every cell that carries
// a value, a format, a colour or bold is as the layout says, and no padding cell is written.
import { boot } from './boot';
import { makeBenchWorkbook, benchToday, makeDemoWorkbook } from '../../src/local/demo';
import { cellCount, installCellCounter, resetCells } from '../../src/local/runtime/cells';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { reportSheet, type SheetLayout } from '../../src/core/report/sheet';
import { dayOf, formatMonth, fromLocal, month, monthOfDay } from '../../src/core/periods';
import type { Workbook } from '../../src/core/types';

const FORMS = ['01', '02', '03', '04'];
const copy = (book: Workbook): Workbook => Object.fromEntries(Object.entries(book).map(([t, g]) => [t, g.map((r) => r.slice())]));

function written(book: Workbook, now: Date, period: number) {
  installCellCounter();
  const layout = reportSheet(
    buildReport(validateWorkbook(copy(book), now), period, FORMS, dayOf(now)),
    validateWorkbook(copy(book), now).settings,
    now,
  );
  const { rt, app } = boot(book, { now, setup: false });
  resetCells(rt.state.tracker);
  app.createReportTab(formatMonth(period), FORMS);
  const sheet = rt.spreadsheet.sheet(layout.name)!;
  return { rt, sheet, layout, cells: cellCount(rt.state.tracker).bySheet[layout.name] };
}

const area = (boxes: SheetLayout['bands']) => boxes.reduce((n, b) => n + b.numRows * b.numCols, 0);

describe('the report tab writes only what carries something', () => {
  test('every cell of the demo report reads as the layout: value, number format, background, bold', () => {
    const now = fromLocal(2024, 8, 20, 9);
    const { sheet, layout } = written(makeDemoWorkbook(), now, month(2024, 7));
    const width = layout.values[0].length;
    for (let r = 0; r < layout.values.length; r++)
      for (let c = 0; c < width; c++) {
        const v = layout.values[r][c];
        const at = `R${r + 1}C${c + 1}`;
        const want = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
        expect([at, sheet.values.get(r, c) ?? '']).toEqual([at, want]);
        expect([at, sheet.backgrounds.get(r, c) ?? null]).toEqual([at, layout.backgrounds[r][c]]);
        expect([at, sheet.fontWeights.get(r, c) ?? 'normal']).toEqual([at, layout.fontWeights[r][c]]);
        if (v !== '') expect([at, sheet.formats.get(r, c)]).toEqual([at, layout.numberFormats[r][c]]);
      }
    expect(sheet.merges.length).toBe(layout.merges.length);
    expect(layout.columnWidths.map((_, i) => sheet.columnWidths[i + 1])).toEqual(layout.columnWidths);
  });

  test('at 10,000 rows: three grids over the bands and the bold boxes, far below the padded rectangle', () => {
    const months = 10;
    const now = benchToday(months);
    const { layout, cells } = written(makeBenchWorkbook({ seed: 5, units: 1000, months }), now, monthOfDay(dayOf(now)) - 1);
    const padded = layout.values.length * layout.values[0].length;
    expect(layout.bands.length).toBe(2);
    expect(cells.cellsWritten).toBe(3 * area(layout.bands) + area(layout.bold));
    // The chart data (a row a unit, 3 columns) is no longer padded to the widest table.
    expect(cells.cellsWritten).toBeLessThan(0.55 * 4 * padded);
    // Values, formats, backgrounds per band, then one RangeList for bold: 3 x 2 + 1 writes.
    expect(cells.writes).toBe(7);
  });
});
