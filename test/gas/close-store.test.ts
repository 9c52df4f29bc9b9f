// The report reads of `Số liệu đã chốt` only the reported period's closes and the sums of the others, from the close
// store the daily run keeps in the document properties (src/core/closeStore.ts, src/gas/narrowRead.ts): the report must
// be the one the whole tab gives, and the tab is read whole whenever the store does not describe it.
import { boot } from './boot';
import { cellCount, installCellCounter, resetCells } from '../../src/local/runtime/cells';
import { makeBenchWorkbook, benchToday } from '../../src/local/demo';
import { closeStoreOf, closeStoreValues, CLOSE_STORE_KEY, readCloseStore, reportNeeds, summedCloses } from '../../src/core/closeStore';
import { closedFlows, readClosed } from '../../src/core/close';
import { dayOf, formatMonth, fromLocal, monthOfDay, monthOfYear, parseMonthStrict, yearOf } from '../../src/core/periods';
import { PERIOD_TAB } from '../../src/core/text/period';
import { TAB } from '../../src/core/forms/schema';
import { DEF_WORD } from '../../src/core/text/definitions';
import { bookFromSpreadsheet } from '../../src/local/workbook';
import type { Runtime, Sandbox } from '../../src/local/runtime';
import type { Grid } from '../../src/core/types';

installCellCounter();

const MONTHS = 6;

/**
 * A bench workbook whose months closed as in production: a daily run on the 20th of each month closes the month
 * before (every form at once, so a period's closes are one block); `atOnce`: one run closes them all (form by form).
 */
function closedBook(atOnce = false, allMonthly = false): { rt: Runtime; app: Sandbox } {
  const book = makeBenchWorkbook({ seed: 5, units: 94, months: MONTHS });
  const today = benchToday(MONTHS);
  const first = parseMonthStrict('06/2024')!;
  const day20 = (m: number) => fromLocal(yearOf(m), monthOfYear(m), 20, 9, 0);
  const { rt, app } = boot(book, { now: atOnce ? today : day20(first + 1) });
  // Forms 01 and 02 made monthly in `Danh sách biểu mẫu` (column `Kỳ báo cáo`, rows 2 and 3), so that they close
  // every month too: form 02, several rows a period, is then read by whole rows.
  if (allMonthly) for (const row of [2, 3]) rt.spreadsheet.sheet(TAB.formList)!.writeCell(row, 4, DEF_WORD.monthly);
  for (let m = atOnce ? first + MONTHS + 1 : first + 1; m <= first + MONTHS + 1; m++) {
    rt.setNow(day20(m));
    app.dailyTick();
  }
  return { rt, app };
}

/** Everything the sidebar shows and writes of one report (its summary and its report tab), and the closed tab's cells
 * read by the two (each reads it once). */
function sidebarReport(rt: Runtime, app: Sandbox, period: string, forms: string[]) {
  const tracker = rt.state.tracker;
  resetCells(tracker);
  const summary = app.sidebarReport(period, forms);
  const tab = app.createReportTab(period, forms).sheetName as string;
  const closedRead = cellCount(tracker).bySheet[PERIOD_TAB.closed]?.cellsRead ?? 0;
  const form03Read = cellCount(tracker).bySheet['Biểu mẫu 03']?.cellsRead ?? 0;
  const form02Reads = cellCount(tracker).bySheet['Biểu mẫu 02']?.reads ?? 0;
  const grid = rt.spreadsheet.sheet(tab)!;
  const cells: unknown[] = [];
  for (let r = 0; r < grid.maxRows; r++) for (let c = 0; c < grid.maxColumns; c++) cells.push(grid.values.get(r, c) ?? '');
  return { summary: JSON.parse(JSON.stringify(summary)), cells, closedRead, form03Read, form02Reads };
}

const closedGrid = (rt: Runtime) => bookFromSpreadsheet(rt.spreadsheet)[PERIOD_TAB.closed] as Grid;
/** The cells of the closed tab's data range (what a whole read moves). */
const tabCells = (rt: Runtime) => {
  const g = closedGrid(rt);
  return g.length * Math.max(...g.map((r) => r.length));
};
/** Without the store: the report reads the whole closed tab, as before the store existed. */
const dropStore = (rt: Runtime) => rt.state.properties.document.delete(CLOSE_STORE_KEY);

describe('the close store (the report reads only the closes it needs)', () => {
  test('made from the tab: the latest close of each period, its rows and sums; kept in pieces; damage reads as none', () => {
    const { rt } = closedBook();
    const grid = closedGrid(rt);
    const store = closeStoreOf(grid)!;
    const closes = readClosed(grid);
    expect(store.lastRow).toBe(grid.length);
    expect(store.closes.length).toBe(closes.length);
    expect(store.closes.length).toBeGreaterThan(8);
    // Each summary's rows are its units' rows, and its sums give closedFlows' figures exactly.
    for (const c of store.closes) {
      const full = closes.find((x) => x.form === c.form && x.period === c.period)!;
      expect(c.last - c.first + 1).toBe(full.units.length);
      expect(grid[c.first - 1][3]).toBe(full.units[0].code);
      const keys = Object.keys(c.sums);
      expect(
        closedFlows(
          summedCloses(store, () => false),
          c.form,
          c.period,
          keys,
        ),
      ).toEqual(closedFlows(closes, c.form, c.period, keys));
    }
    // Stored in pieces under the 9 KB a value, read back whole; a missing or altered piece reads as no store. (Years
    // of closes: the store of 8 times these.) Far more would crowd the reminders' ledger out of the 500 KB: none.
    const times = (n: number) => ({ ...store, closes: Array.from({ length: n }, () => store.closes).flat() });
    expect(closeStoreValues(times(200)).values).toEqual({ [CLOSE_STORE_KEY]: '' });
    const years = times(8);
    const { values, print } = closeStoreValues(years);
    expect(Object.keys(values).length).toBeGreaterThan(2);
    for (const v of Object.values(values)) expect(v.length).toBeLessThan(9 * 1024);
    expect(readCloseStore(values)).toEqual(years);
    expect(closeStoreValues(readCloseStore(values)).print).toBe(print);
    expect(readCloseStore({ ...values, [`${CLOSE_STORE_KEY}:1`]: values[`${CLOSE_STORE_KEY}:1`].replace(/\d/, '9') })).toBeNull();
    const partial = { ...values };
    delete partial[`${CLOSE_STORE_KEY}:0`];
    expect(readCloseStore(partial)).toBeNull();
    // A close whose rows are not one block (the tab sorted by hand): no store, the report reads the tab whole.
    const shuffled = [grid[0], ...grid.slice(1).sort((a, b) => String(a[3]).localeCompare(String(b[3])))];
    expect(closeStoreOf(shuffled)).toBeNull();
    expect(closeStoreValues(null).values).toEqual({ [CLOSE_STORE_KEY]: '' });
  });

  test('the daily run writes the store; the report of every period is the one of the whole tab, reading only its closes', () => {
    const { rt, app } = closedBook();
    const stored = readCloseStore(Object.fromEntries(rt.state.properties.document));
    expect(stored).toEqual(closeStoreOf(closedGrid(rt)));
    const whole = tabCells(rt);
    const last = monthOfDay(dayOf(rt.now()));
    let periods = 0;
    for (let m = last - MONTHS - 1; m <= last; m++) {
      const period = formatMonth(m);
      let ok: ReturnType<typeof sidebarReport>;
      try {
        ok = sidebarReport(rt, app, period, ['01', '02', '03', '04']);
      } catch {
        continue; // a period before `Kỳ bắt đầu`
      }
      const forms = ['03'];
      const one = sidebarReport(rt, app, period, forms);
      const props = new Map(rt.state.properties.document);
      dropStore(rt);
      expect(sidebarReport(rt, app, period, ['01', '02', '03', '04'])).toMatchObject({ summary: ok.summary, cells: ok.cells });
      expect(sidebarReport(rt, app, period, forms)).toMatchObject({ summary: one.summary, cells: one.cells });
      const without = sidebarReport(rt, app, period, forms);
      expect(without.closedRead).toBeGreaterThanOrEqual(whole);
      rt.state.properties.document.clear();
      for (const [k, v] of props) rt.state.properties.document.set(k, v);
      // With the store: the header and the closes read unit by unit (the period's and those its stocks are carried
      // from), once by each of the two: at least their rows, at most the rows from the first to the last of them.
      const needed = stored!.closes.filter(reportNeeds(stored!.closes, m).unitByUnit);
      const rows = needed.reduce((n, c) => n + c.last - c.first + 1, 0);
      const span = needed.length ? Math.max(...needed.map((c) => c.last)) - Math.min(...needed.map((c) => c.first)) + 1 : 0;
      const width = closedGrid(rt)[0].length;
      expect(ok.closedRead).toBeGreaterThanOrEqual(rows ? 2 * (1 + rows) * width : 0);
      expect(ok.closedRead).toBeLessThanOrEqual(rows ? 2 * (1 + span) * width : 0);
      // And of the form tab only the rows of the months not closed and of the period (after the period column): once
      // the months before it closed, a few months' rows instead of the whole history.
      if (m >= last - 1) expect(one.form03Read * 2).toBeLessThan(without.form03Read);
      if (ok.summary.forms.some((f: { closedLine?: string | null }) => f.closedLine)) periods++;
    }
    // Every month but the last closed (the report then says so), and these reports were compared.
    expect(periods).toBeGreaterThanOrEqual(MONTHS);
  });

  test('every form monthly (form 02 read by whole rows): the report of every period is the one without the store', () => {
    const { rt, app } = closedBook(false, true);
    const last = monthOfDay(dayOf(rt.now()));
    const forms = ['01', '02', '03', '04'];
    let compared = 0;
    for (let m = last - MONTHS; m <= last; m++) {
      const period = formatMonth(m);
      const narrow = sidebarReport(rt, app, period, forms);
      const props = new Map(rt.state.properties.document);
      dropStore(rt);
      const whole = sidebarReport(rt, app, period, forms);
      for (const [k, v] of props) rt.state.properties.document.set(k, v);
      expect(narrow).toMatchObject({ summary: whole.summary, cells: whole.cells });
      // Once its earlier months closed, form 02 is read by its period column and then whole rows of the open months (its
      // tab here is a few rows: the reads show the path, the cells are what the 100,000-row benchmark measures).
      if (m >= last - 1) expect(narrow.form02Reads).toBeGreaterThan(whole.form02Reads);
      compared++;
    }
    expect(compared).toBe(MONTHS + 1);
    expect(readClosed(closedGrid(rt)).some((c) => c.form === '02' && c.period === last - 1)).toBe(true);
  });

  test("closes made all at once (each period's closes apart, read block by block or through): the same report", () => {
    const { rt, app } = closedBook(true);
    const period = formatMonth(monthOfDay(dayOf(rt.now())) - 3);
    const narrow = sidebarReport(rt, app, period, ['01', '02', '03', '04']);
    dropStore(rt);
    const whole = sidebarReport(rt, app, period, ['01', '02', '03', '04']);
    expect(narrow).toMatchObject({ summary: whole.summary, cells: whole.cells });
    expect(narrow.closedRead).toBeLessThan(whole.closedRead);
  });

  test("a form tab sorted by unit (each month's rows apart) and a late row for a closed month: the same report", () => {
    const { rt, app } = closedBook();
    const tab = 'Biểu mẫu 03';
    const sheet = rt.spreadsheet.sheet(tab)!;
    const grid = bookFromSpreadsheet(rt.spreadsheet)[tab] as Grid;
    const header = grid.findIndex((r) => r.some((c) => c === 'Kỳ báo cáo'));
    const data = grid
      .slice(header + 1)
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[2]).localeCompare(String(b[2])));
    // A late copy of a closed month's row typed under the others (a correction after the close).
    const late = data.find((r) => String(r[2]) === formatMonth(monthOfDay(dayOf(rt.now())) - 3))!.slice();
    late[4] = Number(late[4]) + 1;
    for (const [r, row] of [...data, late].entries()) for (const [c, v] of row.entries()) sheet.writeCell(header + 2 + r, c + 1, v);
    for (const back of [1, 2, 3]) {
      const period = formatMonth(monthOfDay(dayOf(rt.now())) - back);
      const narrow = sidebarReport(rt, app, period, ['03', '04']);
      const props = new Map(rt.state.properties.document);
      dropStore(rt);
      const whole = sidebarReport(rt, app, period, ['03', '04']);
      for (const [k, v] of props) rt.state.properties.document.set(k, v);
      expect(narrow).toMatchObject({ summary: whole.summary, cells: whole.cells });
      // Months interleaved: the runs of open rows lie close, so they are read through; the period column is the cost.
      expect(narrow.form03Read).toBeLessThanOrEqual(whole.form03Read + 2 * (data.length + 1));
    }
  });

  test('a tab the store does not describe (rows sorted by hand, a row added) is read whole: the same report', () => {
    const { rt, app } = closedBook();
    const last = formatMonth(monthOfDay(dayOf(rt.now())) - 2);
    const base = sidebarReport(rt, app, last, ['03']);
    expect(base.closedRead).toBeLessThan(tabCells(rt) / 2);
    const sheet = rt.spreadsheet.sheet(PERIOD_TAB.closed)!;
    // Rows sorted by hand (the last row unchanged): the rows read are not the store's closes, so the tab is read whole.
    const grid = closedGrid(rt);
    const sorted = [grid[0], ...grid.slice(1).reverse()];
    sorted.forEach((row, r) => {
      row.forEach((v, c) => {
        sheet.writeCell(r + 1, c + 1, v);
      });
    });
    const afterSort = sidebarReport(rt, app, last, ['03']);
    expect(afterSort).toMatchObject({ summary: base.summary, cells: base.cells });
    expect(afterSort.closedRead).toBeGreaterThanOrEqual(tabCells(rt));
    // A row typed under the closes: the last row moved, the tab is read whole (its new row does not read as a close).
    sheet.writeCell(grid.length + 1, 1, 'ghi chú');
    const afterRow = sidebarReport(rt, app, last, ['03']);
    expect(afterRow).toMatchObject({ summary: base.summary, cells: base.cells });
    expect(afterRow.closedRead).toBeGreaterThanOrEqual(tabCells(rt));
  });
});
