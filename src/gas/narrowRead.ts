// Reading for the report: the context tabs whole, each form tab as its header rows and the column blocks that decide
// its rows (core/forms/deciding.ts), so a 100,000-row workbook is not read cell by cell for columns no rule looks at.
import type { CellValue, Grid, Workbook } from '../core/types';
import { TAB, type FormSpec } from '../core/forms/schema';
import { formsOf } from '../core/forms/book';
import { decidingColumns } from '../core/forms/deciding';
import { findLayout, firstDataRow } from '../core/layout';
import { readPeriod } from '../core/cells';
import { PERIOD_TAB } from '../core/text/period';
import { readClosedRows, type ClosedForm } from '../core/close';
import { readCloseStore, reportNeeds, summedCloses, type CloseStore } from '../core/closeStore';
import type { KnownRows } from '../core/validate';
import type { Month } from '../core/types';
import { CONTEXT_TABS, sheetFinder } from './book';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows read whole at the top of a form tab, where its header row is looked for (a title block above it included). */
export const HEAD_ROWS = 20;

/** Tabs besides the forms that the report reads whole: VNNIC's samples and the closed figures (small, script-fed). */
const REPORT_TABS: string[] = [TAB.measured, PERIOD_TAB.closed];

/** Column index runs [first, last] (0-based, inclusive) of sorted distinct indexes. */
export function columnBlocks(columns: number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else blocks.push([c, c]);
  }
  return blocks;
}

/** A read costs one call (Sheet.getSheetValues: 50 ms in the benchmark's model), a cell 0.01 ms: rows between two runs
 * are read through when they are fewer cells than this, else the runs are read apart. */
const GAP_CELLS = 5000;

/**
 * The row spans to read for these blocks of rows (sorted or not): near blocks as one span, when the rows between them
 * cost fewer cells (`width` a row) than the `reads` reads a span more would take cost in calls.
 */
function readSpans(blocks: readonly { first: number; last: number }[], width: number, reads = 1): [number, number][] {
  const spans: [number, number][] = [];
  for (const b of [...blocks].sort((x, y) => x.first - y.first)) {
    const prev = spans[spans.length - 1];
    if (prev && (b.first - prev[1] - 1) * width <= GAP_CELLS * reads) prev[1] = Math.max(prev[1], b.last);
    else spans.push([b.first, b.last]);
  }
  return spans;
}

/**
 * A form tab as validateWorkbook needs it for the report: the rows above and at the header whole, then only the
 * deciding columns (one getSheetValues per block), the others blank. A tab whose header row is not among the
 * first HEAD_ROWS - 1 rows is read whole, so it is checked exactly as from the whole tab. `months`: only the rows whose
 * period is one of these count for the report (the other months are closed: their figures are the closed ones), so the
 * period column is read first and then only those rows; the others stay blank, as empty rows the check skips.
 */
function readFormTab(sheet: Sheet, form: FormSpec, months?: (m: Month | null) => boolean): Grid {
  const lastRow = sheet.getLastRow(),
    lastCol = sheet.getLastColumn();
  // An empty tab reads as getDataRange does: one blank cell.
  if (!lastRow || !lastCol) return [['']];
  const keys = decidingColumns(form);
  // Whole rows decide (several rows a period), and no month is left out: the whole tab.
  if (keys === null && !months) return sheet.getSheetValues(1, 1, lastRow, lastCol) as Grid;
  const head = sheet.getSheetValues(1, 1, Math.min(HEAD_ROWS, lastRow), lastCol) as Grid;
  if (lastRow <= HEAD_ROWS) return head;
  const layout = findLayout(form.tab, head, form.columns, ['unit', 'period']);
  // Both anchors found: the first row holding them is in the head, as it is in the whole tab (layout.ts).
  // The row under the header row must be in the head too, to tell a column-number row (layout.ts isColumnNumbers).
  if (!('unit' in layout.columns && 'period' in layout.columns) || layout.headerRow >= head.length)
    return sheet.getSheetValues(1, 1, lastRow, lastCol) as Grid;
  // The header block whole: the header row and the column-number row under it (layout.ts firstDataRow), as in the tab.
  const headerRow = firstDataRow(layout) - 1;
  const grid: Grid = head.slice(0, headerRow);
  const dataRows = lastRow - headerRow;
  for (let r = 0; r < dataRows; r++) grid.push(new Array<CellValue>(lastCol).fill(''));
  const wanted = keys === null ? [...Array(lastCol).keys()] : keys.filter((k) => k in layout.columns).map((k) => layout.columns[k]);
  const blocks = columnBlocks(wanted);
  let spans: [number, number][] = [[0, dataRows - 1]];
  if (months) {
    const col = layout.columns.period;
    const periods = sheet.getSheetValues(headerRow + 1, col + 1, dataRows, 1) as Grid;
    const rows: number[] = [];
    for (let r = 0; r < dataRows; r++) if (months(readPeriod(periods[r][0]))) rows.push(r);
    spans = readSpans(
      rows.map((r) => ({ first: r, last: r })),
      wanted.length,
      blocks.length,
    );
  }
  for (const [r0, r1] of spans)
    for (const [first, last] of blocks) {
      const block = sheet.getSheetValues(headerRow + 1 + r0, first + 1, r1 - r0 + 1, last - first + 1) as Grid;
      for (let r = r0; r <= r1; r++) {
        const from = block[r - r0],
          to = grid[headerRow + r];
        for (let c = first; c <= last; c++) to[c] = from[c - first];
      }
    }
  return grid;
}

/**
 * The workbook the report is built from, keyed by the tabs' own names (the tab-name rule, FORMS.md): the context tabs,
 * VNNIC's samples and the closed figures whole, each form tab narrowly (readFormTab), each tab found once (`find`,
 * which a caller may go on using). `only`: just these forms' tabs besides the context tabs. `live`: the
 * months whose rows each form tab is read for (reportSource, which then reads the closed tab itself).
 */
export function readForReport(
  ss: Spreadsheet,
  only?: readonly string[],
  find = sheetFinder(ss),
  live?: (form: FormSpec) => ((m: Month | null) => boolean) | undefined,
): Workbook {
  const book: Workbook = {};
  const whole = (list: string[]) => {
    for (const name of list) {
      const sheet = find(name);
      if (sheet && !(name in book)) book[name] = sheet.getDataRange().getValues() as Grid;
    }
  };
  whole(CONTEXT_TABS);
  for (const form of formsOf(book).forms) {
    if (only && !only.includes(form.id)) continue;
    const sheet = find(form.tab);
    if (sheet && !(form.tab in book)) book[form.tab] = readFormTab(sheet, form, live?.(form));
  }
  if (!only) whole(live ? REPORT_TABS.filter((t) => t !== PERIOD_TAB.closed) : REPORT_TABS);
  return book;
}

/**
 * The closes a report on `period` needs, from the closed tab read narrowly: of `forms`, that period's latest closes and
 * those its stocks are carried from unit by unit (their rows only, core/closeStore.ts reportNeeds), every other latest
 * close as its sums (the store's). Null when the store does not describe the tab as it is (its last row moved: a close
 * since, rows added or deleted by hand) or the rows read are not the closes it says: the caller then reads the tab
 * whole.
 */
export function closedForReport(
  sheet: Sheet,
  store: CloseStore,
  forms: readonly string[],
  needs: Pick<ReturnType<typeof reportNeeds>, 'unitByUnit'>,
): ClosedForm[] | null {
  if (sheet.getLastRow() !== store.lastRow) return null;
  const wanted = (c: CloseStore['closes'][number]) => forms.includes(c.form) && needs.unitByUnit(c);
  const mine = store.closes.filter(wanted);
  const full: ClosedForm[] = [];
  if (mine.length) {
    const width = sheet.getLastColumn();
    if (!width || mine.some((c) => c.first < 2 || c.last > store.lastRow || c.last < c.first)) return null;
    const head = sheet.getSheetValues(1, 1, 1, width) as Grid;
    const read: { close: ClosedForm; rows: number[] }[] = [];
    for (const [first, last] of readSpans(mine, width)) {
      const rows = sheet.getSheetValues(first, 1, last - first + 1, width) as Grid;
      // Row i of [head, ...rows] is sheet row first + i - 1 (i >= 1).
      for (const x of readClosedRows([head[0], ...rows])) read.push({ close: x.close, rows: x.rows.map((r) => first + r - 2) });
    }
    for (const c of mine) {
      const hit = read.find((x) => x.close.form === c.form && x.close.period === c.period && x.close.closedAt.getTime() === c.closedAt);
      if (!hit || hit.rows[0] !== c.first || hit.rows[hit.rows.length - 1] !== c.last || hit.rows.length !== c.last - c.first + 1)
        return null;
      full.push(hit.close);
    }
  }
  return [...full, ...summedCloses(store, wanted)];
}

/**
 * What the sidebar's report is built from: readForReport's workbook and, when the close store (core/closeStore.ts)
 * describes the closed tab, the closes for `period` read narrowly (`extra`, for validateWorkbook) and of each form tab
 * only the rows of the months that are not closed and of the period; else the closed tab and the form tabs' rows
 * whole. `props`: the document properties (read by the caller, one call).
 */
export function reportSource(
  ss: Spreadsheet,
  period: Month | null,
  forms: readonly string[],
  props: Record<string, string>,
  find = sheetFinder(ss),
): { book: Workbook; extra?: KnownRows } {
  const store = period === null ? null : readCloseStore(props);
  // VNNIC's samples first: the one tab a workbook in use may lack (until its first paste), so a miss lists the tabs
  // before any exact lookup is spent (sheetFinder).
  find(TAB.measured);
  const sheet = find(PERIOD_TAB.closed);
  const needs = store && period !== null ? reportNeeds(store.closes, period) : null;
  const closed = store && sheet && needs ? closedForReport(sheet, store, forms, needs) : null;
  if (!closed || !needs) return { book: readForReport(ss, undefined, find) };
  const book = readForReport(ss, undefined, find, (form) => needs.liveMonths(form.id));
  return { book, extra: { rows: {}, closed } };
}
