// The report reads each form tab as its header and the columns that decide a row (src/gas/narrowRead.ts): the report
// must be exactly the one built from the whole workbook, whatever is typed in the columns it does not read.
import { boot } from './boot';
import { cellCount, installCellCounter, resetCells } from '../../src/local/runtime/cells';
import { createRuntime } from '../../src/local/runtime';
import { bookFromSpreadsheet, spreadsheetFromBook } from '../../src/local/workbook';
import { makeBenchWorkbook, makeDemoWorkbook, benchToday, mulberry32 } from '../../src/local/demo';
import { readForReport, HEAD_ROWS, columnBlocks } from '../../src/gas/narrowRead';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { reportSheet } from '../../src/core/report/sheet';
import { decidingColumns } from '../../src/core/forms/deciding';
import { builtinForms, TAB, type FormSpec } from '../../src/core/forms/schema';
import { dayOf, formatMonth, fromLocal, monthOfDay } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { Validation } from '../../src/core/model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DEMO_TODAY = fromLocal(2024, 8, 20, 12);

const copy = (book: Workbook): Workbook => Object.fromEntries(Object.entries(book).map(([t, g]) => [t, g.map((r) => r.slice())]));
const col = (f: FormSpec, key: string) => f.columns.findIndex((c) => c.key === key);

/** Values that break every rule somewhere: blanks, words in numbers, bad links and periods, formulas, dates, booleans. */
const BAD: CellValue[] = [
  '',
  'abc',
  '-5',
  '1,5',
  '2.000',
  '=SUM(A1)',
  'http//sai',
  'https://ok.example/tin',
  '13/2024',
  '05/2099',
  'Đơn vị lạ',
  new Date(Date.UTC(2030, 0, 1)),
  3.7,
  -1,
  true,
  '0905 123 456',
  '12',
];

/**
 * The bench workbook with about 4% of the cells of EVERY column of every form tab (script-owned ones included)
 * replaced by a bad value, exact duplicates, near-duplicates differing only in a free-text column, and rows with
 * content only in columns the report does not read.
 */
function sprinkled(seed: number): { book: Workbook; today: Date } {
  const months = 6;
  const book = makeBenchWorkbook({ seed, units: 94, months });
  const r = mulberry32(seed + 1);
  for (const f of builtinForms()) {
    const g = book[f.tab];
    // A column of no definition, as a Department adds one: kept and never checked, but part of a whole row.
    g.forEach((row, i) => {
      row.push(i === 0 ? 'Cột riêng của Sở' : r() < 0.5 ? `x${Math.floor(r() * 3)}` : '');
    });
    const width = g[0].length;
    const data = g.length;
    for (let c = 0; c < width; c++) for (let row = 1; row < data; row++) if (r() < 0.04) g[row][c] = BAD[Math.floor(r() * BAD.length)];
    for (let i = 0; i < 4; i++) {
      const source = g[1 + Math.floor(r() * (data - 1))];
      g.push(source.slice()); // an exact duplicate
      const near = source.slice();
      near[col(f, 'note')] = `Bản sao ${i}`; // differs only in a note
      g.push(near);
      const other = source.slice();
      other[width - 1] = `khác ${i}`; // differs only in the column of no definition
      g.push(other);
    }
    for (const key of ['note', 'phone', 'seq', 'status']) {
      const only = new Array<CellValue>(width).fill('');
      only[col(f, key)] = key === 'phone' ? '0905123456' : `Chỉ ${key}`;
      g.push(only);
    }
  }
  return { book, today: benchToday(months) };
}

/** The report of every period from `Kỳ bắt đầu` to this month, all forms. */
function reports(v: Validation, now: Date) {
  const today = dayOf(now);
  const out = [];
  for (let m = v.settings.startMonth; m <= monthOfDay(today); m++)
    out.push(
      buildReport(
        v,
        m,
        v.forms.map((f) => f.id),
        today,
      ),
    );
  return out;
}

/** What the report can see of the rows: those of a unit, with their validity, figures, stamp and errors. */
function unitRows(v: Validation) {
  return v.rows
    .filter((r) => r.unitCode !== null)
    .map((r) => ({
      sheet: r.sheet,
      row: r.row,
      unit: r.unitCode,
      month: r.month,
      valid: r.valid,
      values: r.values,
      submittedAt: r.submittedAt,
      errors: r.problems.filter((p) => p.severity === 'error').map((p) => `${p.column}|${p.code}|${p.message}`),
    }));
}

function compare(book: Workbook, now: Date) {
  const rt = createRuntime({ spreadsheet: spreadsheetFromBook(book), now });
  const full = validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), now);
  const narrowBook = readForReport(rt.spreadsheet as unknown as Spreadsheet);
  const narrow = validateWorkbook(narrowBook, now);
  return { rt, full, narrow, narrowBook };
}

function expectSameReport(full: Validation, narrow: Validation, now: Date) {
  expect(reports(narrow, now)).toEqual(reports(full, now));
  expect(unitRows(narrow)).toEqual(unitRows(full));
  const errorsOf = (v: Validation) => unitRows(v).reduce((n, r) => n + r.errors.length, 0);
  expect(errorsOf(narrow)).toBe(errorsOf(full));
  // Nothing is found that the whole read does not find; what it alone finds is a warning of an unread column or a
  // problem of a row that names no unit (content only in unread columns), which no report counts.
  const key = (p: Validation['problems'][number]) => `${p.sheet}|${p.row}|${p.column}|${p.code}|${p.message}`;
  const all = new Set(full.problems.map(key));
  expect(narrow.problems.filter((p) => !all.has(key(p)))).toEqual([]);
  const seen = new Set(narrow.problems.map(key));
  const unitless = new Set(full.rows.filter((r) => r.unitCode === null).map((r) => `${r.sheet}|${r.row}`));
  for (const p of full.problems.filter((x) => !seen.has(key(x)))) {
    const form = full.forms.find((f) => f.tab === p.sheet)!;
    const layout = full.layouts[p.sheet];
    const column = Object.keys(layout.headers).find((k) => layout.headers[k] === p.column);
    const unreadWarning = p.severity === 'warning' && column !== undefined && !(decidingColumns(form) ?? []).includes(column);
    expect([key(p), unreadWarning || unitless.has(`${p.sheet}|${p.row}`)]).toEqual([key(p), true]);
  }
}

describe('the report reads only the columns that decide a row', () => {
  test('the deciding columns come from the FormSpec: notes, an optional phone, STT and script-owned columns but the stamp are left out', () => {
    for (const f of builtinForms()) {
      // Several rows a period: duplicates are whole rows, so every cell decides (the tab is read whole).
      if (f.multipleRowsPerPeriod) {
        expect(decidingColumns(f)).toBeNull();
        continue;
      }
      const keys = decidingColumns(f)!;
      expect(keys).toEqual(expect.arrayContaining(['unit', 'period', 'submitted_at', 'reporter']));
      for (const c of f.columns.filter((x) => x.kind)) expect(keys).toContain(c.key);
      for (const c of f.columns.filter((x) => x.type === 'links')) expect(keys).toContain(c.key);
      expect(keys).not.toContain('updated_at');
      expect(keys).not.toContain('status');
      expect(keys.filter((k) => ['seq', 'note', 'phone'].includes(k))).toEqual([]);
    }
    expect(builtinForms().some((f) => f.multipleRowsPerPeriod)).toBe(true);
    // A column made required by its definition is read: a blank there is an error.
    const f = builtinForms().find((x) => !x.multipleRowsPerPeriod)!;
    const strict = { ...f, columns: f.columns.map((c) => (c.key === 'note' ? { ...c, required: true } : c)) };
    expect(decidingColumns(strict)).toContain('note');
    // Not a hard-coded list: a number column added by a definition is read, as its words can be errors.
    const added = { ...f, columns: [...f.columns, { key: 'extra', header: 'Số khác', type: 'int' as const, required: false, help: '' }] };
    expect(decidingColumns(added)).toContain('extra');
  });

  test('column blocks are the runs of adjacent columns', () => {
    expect(columnBlocks([12, 1, 2, 3, 10, 2])).toEqual([
      [1, 3],
      [10, 10],
      [12, 12],
    ]);
  });

  test('on the demo workbook: the same report, every period, and the same errors on every unit row', () => {
    const demo = makeDemoWorkbook();
    const { full, narrow, narrowBook } = compare(demo, DEMO_TODAY);
    expectSameReport(full, narrow, DEMO_TODAY);
    // Narrow indeed: the demo's notes on its longest tab (a tab within the first rows is read whole) are not read.
    const f = narrow.forms.filter((x) => !x.multipleRowsPerPeriod).sort((x, y) => demo[y.tab].length - demo[x.tab].length)[0];
    expect(demo[f.tab].length).toBeGreaterThan(HEAD_ROWS);
    expect(demo[f.tab].slice(1).some((r) => r[col(f, 'note')] !== '')).toBe(true);
    expect(narrowBook[f.tab].slice(1).every((r) => r[col(f, 'note')] === '')).toBe(true);
  });

  test('on a bench workbook with errors in every column: the same report and the same unit rows', () => {
    const { book, today } = sprinkled(41);
    const { full, narrow } = compare(book, today);
    expect(full.summary.errors).toBeGreaterThan(200);
    expect(full.problems.some((p) => p.code === 'duplicate')).toBe(true);
    expectSameReport(full, narrow, today);
  });

  test('a title block above the header, and a header below the rows searched first (then the tab is read whole)', () => {
    const { book, today } = sprinkled(7);
    const [a, b] = builtinForms();
    const title = (n: number) => Array.from({ length: n }, (_, i) => [i === 0 ? `BÁO CÁO ${a.group}` : '', ...new Array(4).fill('')]);
    book[a.tab] = [...title(3), ...book[a.tab]];
    book[b.tab] = [...title(HEAD_ROWS + 5), ...book[b.tab]];
    const { rt, full, narrow } = compare(book, today);
    expect(narrow.layouts[a.tab].headerRow).toBe(4);
    expect(narrow.layouts[b.tab].headerRow).toBe(HEAD_ROWS + 6);
    expectSameReport(full, narrow, today);
    rt.resetCalls();
  });

  test('a form tab is read in a handful of calls: its extent, its head and one read per column block', () => {
    const { book, today } = sprinkled(3);
    const rt = createRuntime({ spreadsheet: spreadsheetFromBook(book), now: today });
    rt.resetCalls();
    readForReport(rt.spreadsheet as unknown as Spreadsheet);
    const narrow = builtinForms().filter((f) => decidingColumns(f) !== null);
    const blocks = narrow.reduce((n, f) => n + columnBlocks(decidingColumns(f)!.map((k) => col(f, k))).length, 0);
    // The context tabs whole (the missing ones not read: getDataRange + getValues); a form read narrowly: head +
    // blocks; one of whole rows: 1. A form tab's reads are getSheetValues: one call each, no Range.
    const present = ['Danh mục đơn vị', 'Cấu hình'].length;
    const whole = builtinForms().length - narrow.length;
    expect(rt.calls['Range.getValues']).toBe(present);
    expect(rt.calls['Sheet.getSheetValues']).toBe(narrow.length + blocks + whole);
    expect(rt.calls['Sheet.getRange']).toBeUndefined();
    expect(rt.calls['Sheet.getLastRow']).toBe(builtinForms().length);
    // Found by their exact names until the first missing one (the definitions, after the directory and settings);
    // then one listing serves every other tab.
    expect(rt.calls['Spreadsheet.getSheetByName']).toBe(present + 1);
    expect(rt.calls['Spreadsheet.getSheets']).toBe(1);
  });

  test('through the bundle: the report tab holds the layout of the report from the whole workbook', () => {
    const { book, today } = sprinkled(11);
    const full = validateWorkbook(copy(book), today);
    const { rt, app } = boot(book, { now: today, setup: false });
    const period = formatMonth(monthOfDay(dayOf(today)) - 1);
    app.createReportTab(period, ['01', '02', '03', '04']);
    const tab = rt.spreadsheet.sheet(`Báo cáo ${period.replace('/', '-')}`)!;
    const layout = reportSheet(
      buildReport(full, monthOfDay(dayOf(today)) - 1, ['01', '02', '03', '04'], dayOf(today)),
      full.settings,
      today,
    );
    const values = tab.getDataRange().getValues();
    expect(values.length).toBe(layout.values.length);
    // Every cell but the generation time (its minute may differ).
    const strip = (g: unknown[][]) => g.map((row, i) => (i === 3 ? [] : row.map((v) => (v === '' ? '' : v))));
    const width = layout.values[0].length;
    expect(strip(values.map((r) => r.slice(0, width)))).toEqual(strip(layout.values));
    // The sidebar's figures agree too.
    const sidebar = app.sidebarReport(period, ['01', '02', '03', '04']);
    const model = buildReport(full, monthOfDay(dayOf(today)) - 1, ['01', '02', '03', '04'], dayOf(today));
    expect(sidebar.forms.map((f) => [f.form, f.expected, f.reported, f.onTime, f.late])).toEqual(
      model.forms.map((f) => [f.form, f.expected, f.reported, f.onTime, f.late]),
    );
  });

  test("a report's calls do not grow with the tabs: each found by its exact name; a missing one lists them once", () => {
    const { rt, app } = boot(makeDemoWorkbook(), { now: DEMO_TODAY });
    const period = '07/2024';
    const calls = () => {
      rt.resetCalls();
      const summary = app.sidebarReport(period, ['03']);
      const n = Object.entries(rt.calls).reduce((sum, [, c]) => sum + c, 0);
      return {
        n,
        names: rt.calls['Sheet.getName'] ?? 0,
        exact: rt.calls['Spreadsheet.getSheetByName'] ?? 0,
        measured: summary.forms[0].measured,
      };
    };
    const before = calls();
    expect(before.names).toBe(0);
    expect(before.measured).not.toBeNull();
    // Two years of monthly report tabs (one per period, src/core/report/sheet.ts reportSheetName).
    for (let i = 0; i < 24; i++)
      rt.spreadsheet.insertSheet(`Báo cáo ${String((i % 12) + 1).padStart(2, '0')}-${2025 + Math.floor(i / 12)}`);
    expect(calls()).toEqual(before);
    // VNNIC's tab named loosely (the tab-name rule): a first miss, then one listing, and the tab is found.
    const measured = rt.spreadsheet.sheet(TAB.measured)!;
    measured.setName(` ${TAB.measured.toLowerCase()} `);
    const loose = calls();
    expect(loose.measured).toEqual(before.measured);
    expect(loose.names).toBe(rt.spreadsheet.sheets.length);
    // The exact lookups give way to the listing (getSheets, a name each) after the first one, which missed.
    expect(loose.exact).toBe(1);
    expect(loose.n).toBe(before.n - before.exact + 1 + 1 + rt.spreadsheet.sheets.length);
  });

  test('opening the sidebar reads the form tabs once: its periods come from the definitions and the settings alone', () => {
    installCellCounter();
    const { book, today } = sprinkled(13);
    const { rt, app } = boot(book, { now: today, setup: false });
    const formReads = () => {
      const by = cellCount(rt.state.tracker).bySheet;
      return builtinForms().reduce((n, f) => n + (by[f.tab]?.reads ?? 0), 0);
    };
    resetCells(rt.state.tracker);
    const data = app.sidebarData();
    expect(data.periods.length).toBeGreaterThan(0);
    expect(data.forms.map((f) => f.id)).toEqual(['01', '02', '03', '04']);
    expect(formReads()).toBe(0);
    app.sidebarReport(data.defaultPeriod!, ['01', '02', '03', '04']);
    // Each form tab read once: narrowly (head and blocks) or whole (several rows a period).
    const narrow = builtinForms().filter((f) => decidingColumns(f) !== null);
    const blocks = narrow.reduce((n, f) => n + columnBlocks(decidingColumns(f)!.map((k) => col(f, k))).length, 0);
    expect(formReads()).toBe(narrow.length + blocks + (builtinForms().length - narrow.length));
  });
});
