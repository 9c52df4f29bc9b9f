// The benchmark's workloads: a seeded bench workbook, booted in the local runtime with the BUILT bundle, and each
// operation run once on it, with its service calls, the cells it moved and its time. Shared by bench.ts and the test.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRuntime, loadBundle, type Runtime, type Sandbox } from '../src/local/runtime';
import { cellCount, installCellCounter, resetCells } from '../src/local/runtime/cells';
import { spreadsheetFromBook } from '../src/local/workbook';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchToday, benchUnitsGrid, makeBenchWorkbook } from '../src/local/demo';
import { parseUnitsCsv, repoRoot } from '../src/local/units';
import { DIRECTORY_COLUMNS, FORMS, SETTINGS, TAB, formById } from '../src/core/forms/schema';
import { formatMonth, fromLocal, month, monthOfYear, yearOf } from '../src/core/periods';
import type { CellValue, Grid, Workbook } from '../src/core/types';
import { estimatedMs, propertyWrites, type Extra, type Op, type Run } from './model';

export interface Size {
  label: string;
  units: number;
  months: number;
}
/** The three sizes: about 1,000, 10,000 and 100,000 data rows. */
export const SIZES: Size[] = [
  { label: '1k', units: 200, months: 5 },
  { label: '10k', units: 1000, months: 10 },
  { label: '100k', units: 2000, months: 50 },
];
export const SEED = 20240601;
/** Workspace accounts: 1,500 recipients a day, so every due reminder of the run goes out. */
export const MAIL_QUOTA = 1500;
const START = month(2024, 6);
const EDIT_TAB = formById('03').tab;
const PASTE_ROWS = 500;

export interface Bench {
  size: Size;
  book: Workbook;
  /** Data rows of the four form tabs. */
  rows: number;
  rt: Runtime;
  app: Sandbox;
  /** The last period of the workbook and the day it was made for. */
  lastPeriod: string;
  today: Date;
  /** Set once a daily run has closed every period due (`remind` does, as production's runs have by then). */
  closed?: boolean;
}

export function dataRows(book: Workbook): number {
  return FORMS.reduce((n, f) => n + Math.max(0, (book[f.tab]?.length ?? 1) - 1), 0);
}

/** Builds the workbook and boots the bundle on it (uncounted: nothing of this is measured). */
export function prepare(size: Size, bundlePath?: string): Bench {
  installCellCounter();
  const book = makeBenchWorkbook({ seed: SEED, units: size.units, months: size.months });
  const today = benchToday(size.months);
  const rt = createRuntime({ spreadsheet: spreadsheetFromBook(book), now: today, mailQuota: MAIL_QUOTA });
  const app = loadBundle(rt, bundlePath);
  return { size, book, rows: dataRows(book), rt, app, lastPeriod: formatMonth(START + size.months - 1), today };
}

/** A full garbage collection before each measured operation, so one run does not pay for the garbage of the last. */
const collect: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    return typeof gc === 'function' ? gc : () => undefined;
  } catch {
    return () => undefined;
  }
})();

/** Runs `fn` as one measured operation: calls and cells from zero, wall time of the (CPU-bound) local run. */
export function measure(b: Bench, op: Op, fn: () => void, emails: () => number = () => 0): Run {
  const tracker = b.rt.state.tracker;
  b.rt.resetCalls();
  resetCells(tracker);
  const sent = b.rt.outbox.length;
  collect();
  const t0 = performance.now();
  fn();
  const cpuMs = Math.round((performance.now() - t0) * 10) / 10;
  const calls = { ...b.rt.calls };
  const c = cellCount(tracker);
  const cells = c.read + c.written;
  const readsByTab: Record<string, number> = {},
    writesByTab: Record<string, number> = {};
  for (const [tab, s] of Object.entries(c.bySheet)) {
    readsByTab[tab] = s.reads;
    writesByTab[tab] = s.writes;
  }
  const x: Extra = {
    checkedTabs: [TAB.directory, TAB.settings, ...FORMS.map((f) => f.tab)].filter((t) => b.rt.spreadsheet.sheet(t)).length,
    tabs: b.rt.spreadsheet.sheets.length,
    readsByTab,
    writesByTab,
    emails: b.rt.outbox.length - sent + emails(),
    cellsRead: c.read,
    propertyWrites: propertyWrites(calls),
  };
  return { m: { op, rows: b.rows, calls, cells, cpuMs, estimatedMs: estimatedMs(calls, cells, cpuMs) }, x };
}

/** Uncounted: the values of a tab's rows (1-based, inclusive) over its first `width` columns. */
export function rowsOf(b: Bench, tab: string, first: number, last: number, width: number): CellValue[][] {
  const sheet = b.rt.spreadsheet.sheet(tab)!;
  const out: CellValue[][] = [];
  for (let r = first; r <= last; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < width; c++) line.push(sheet.values.get(r - 1, c) ?? '');
    out.push(line);
  }
  return out;
}

const column = (key: string) => formById('03').columns.findIndex((c) => c.key === key);

/** Uncounted write of one setting's value (as an admin typing it, without firing the edit trigger). */
function putSetting(b: Bench, key: string, value: string): void {
  const name = SETTINGS.find((s) => s.key === key)!.name;
  const sheet = b.rt.spreadsheet.sheet(TAB.settings)!;
  const tracker = b.rt.spreadsheet.tracker;
  b.rt.spreadsheet.tracker = null;
  try {
    let r = 1;
    while (r < sheet.maxRows && sheet.values.get(r, 0) !== undefined && String(sheet.values.get(r, 0)).trim() !== name) r++;
    sheet.writeCell(r + 1, 1, name);
    sheet.writeCell(r + 1, 2, value);
  } finally {
    b.rt.spreadsheet.tracker = tracker;
  }
}

/** The 5th of the month after next: D-7 of the period after the workbook's last one (a weekday at the three sizes). */
function reminderDay(b: Bench): Date {
  const m = START + b.size.months + 1;
  return fromLocal(yearOf(m), monthOfYear(m), 5, 8, 20);
}

/** The report tab of the workbook's last period, all forms, as the sidebar's button makes it, measured. */
export function measureReport(b: Bench): Run {
  return measure(b, 'report', () =>
    b.app.createReportTab(
      b.lastPeriod,
      FORMS.map((f) => f.id),
    ),
  );
}

export const OPERATIONS: Record<Exclude<Op, 'day'>, (b: Bench) => Run> = {
  setup: (b) => measure(b, 'setup', () => b.app.menuSetup()),

  edit_single: (b) => {
    const n = b.book[EDIT_TAB].length - 1;
    const row = 1 + Math.max(1, Math.ceil(n / 2));
    return measure(b, 'edit_single', () => b.rt.edit(b.app, EDIT_TAB, row, column('reporter') + 1, [['Nguyễn Văn Bình']]));
  },

  /**
   * 500 rows over the user's columns from row 2 (fewer where the tab is shorter, so the paste lands on rows that exist
   * at every size): the tab's own rows pasted back with a new note in each, the other cells as they were.
   */
  edit_paste: (b) => {
    const width = column('submitted_at');
    const n = b.book[EDIT_TAB].length - 1;
    const block = rowsOf(b, EDIT_TAB, 2, 1 + Math.min(n, PASTE_ROWS), width).map((line) => line.slice());
    const note = column('note');
    block.forEach((line, i) => {
      line[note] = `Dán lại ${i + 1}`;
    });
    return measure(b, 'edit_paste', () => b.rt.edit(b.app, EDIT_TAB, 2, 1, block));
  },

  validate_all: (b) => measure(b, 'validate_all', () => b.app.menuCheckAll()),

  /**
   * The report of the last period once it closed, with every period before it: the state a workbook in use is in when
   * the Department reports (the daily runs close each period two days after its deadline). Run after `remind`, whose
   * daily run closes them; alone, one uncounted daily run (reminders off) closes them first.
   */
  report: (b) => {
    if (!b.closed) {
      putSetting(b, 'autoRemind', 'Không');
      b.rt.setNow(reminderDay(b));
      b.app.dailyTick();
      b.closed = true;
    }
    return measureReport(b);
  },

  /** After `remind`, reminders off: a first daily run (uncounted), then the next day's, nothing changed, nothing to send. */
  daily: (b) => {
    putSetting(b, 'autoRemind', 'Không');
    const day = reminderDay(b).getTime() + 24 * 3600 * 1000;
    b.rt.setNow(new Date(day));
    b.app.dailyTick();
    b.rt.setNow(new Date(day + 24 * 3600 * 1000));
    return measure(b, 'daily', () => b.app.dailyTick());
  },

  /** One daily run (full check, drop-downs, reminders) on D-7 of the next period, reminders on. */
  remind: (b) => {
    putSetting(b, 'autoRemind', 'Có');
    b.rt.setNow(reminderDay(b));
    const run = measure(b, 'remind', () => b.app.dailyTick());
    b.closed = true;
    return run;
  },
};

/**
 * Every operation in order on one workbook (edits and reports land on the set-up workbook, as in production). Setup
 * does not mark the rows; the daily run's full check does, and a tab in use has had one: so the edits find the marks
 * and stamp notes a day in production finds (one uncounted full check after setup).
 */
export function runSize(size: Size, ops: Op[], bundlePath?: string): { bench: Bench; runs: Run[] } {
  const bench = prepare(size, bundlePath);
  if (!ops.includes('setup')) bench.app.menuSetup(); // the edit trigger and the rules come from setup
  const runs: Run[] = [];
  let checked = false;
  for (const op of ops) {
    if (op === 'day') continue;
    if (op !== 'setup' && !checked) {
      bench.app.menuCheckAll();
      checked = true;
    }
    runs.push(OPERATIONS[op](bench));
  }
  return { bench, runs };
}

/** The `day` workload: the merged province's communes plus the other units, `DAY_MONTHS` months of history. */
export const DAY_MONTHS = 12;
/** Edits of its own row each unit makes in the day (a few cells typed one by one, each an edit trigger). */
export const DAY_EDITS_PER_UNIT = 3;
/** Pastes in the day: blocks of `DAY_PASTE_ROWS` rows re-pasted on the communes' tab. */
export const DAY_PASTES = 5;
export const DAY_PASTE_ROWS = 30;

/** The directory of a reporting day: data/gialai-2025-communes.csv (135 communes, form 03) and about 60 units of forms 01, 02, 04. */
export function dayDirectory(): Grid {
  const communes = parseUnitsCsv(readFileSync(join(repoRoot(), 'data', 'gialai-2025-communes.csv'), 'utf8'));
  const from = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'from');
  // The history starts before 07/2025: the communes' start month is cleared so their older rows are not inactive-unit errors.
  const rows = communes.slice(1).map((r) => r.map((v, i) => (i === from ? '' : v)));
  const formCol = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'form');
  const others = benchUnitsGrid(94, SEED)
    .slice(1)
    .filter((r) => r[formCol] !== '03');
  return [communes[0], ...rows, ...others];
}

/**
 * A reporting day: every unit edits its latest row DAY_EDITS_PER_UNIT times, DAY_PASTES pastes, then one daily run.
 * Each trigger execution is measured on its own; the line sums them (calls, cells, CPU, estimated time).
 */
export function runDay(bundlePath?: string): { run: Run; executions: number; units: number } {
  installCellCounter();
  const directory = dayDirectory();
  const book = makeBenchWorkbook({ seed: SEED, units: directory.length - 1, months: DAY_MONTHS, directory });
  const today = benchToday(DAY_MONTHS);
  const rt = createRuntime({ spreadsheet: spreadsheetFromBook(book), now: today, mailQuota: MAIL_QUOTA });
  const app = loadBundle(rt, bundlePath);
  const b: Bench = {
    size: { label: 'day', units: directory.length - 1, months: DAY_MONTHS },
    book,
    rows: dataRows(book),
    rt,
    app,
    lastPeriod: formatMonth(START + DAY_MONTHS - 1),
    today,
  };
  app.menuSetup();
  app.menuCheckAll(); // yesterday's daily run checked and marked every row (uncounted)
  const nameCol = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'name');
  const formCol = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'form');
  const runs: Run[] = [];
  for (const unit of directory.slice(1)) {
    const form = formById(String(unit[formCol]) as Parameters<typeof formById>[0]);
    const grid = book[form.tab];
    const unitCol = form.columns.findIndex((c) => c.key === 'unit');
    let row = 0;
    for (let r = grid.length - 1; r >= 1 && !row; r--) if (grid[r][unitCol] === unit[nameCol]) row = r + 1;
    if (!row) continue;
    const cols = ['reporter', 'phone', 'note'].map((k) => form.columns.findIndex((c) => c.key === k)).filter((c) => c >= 0);
    for (let i = 0; i < DAY_EDITS_PER_UNIT; i++) {
      const col = cols[i % cols.length];
      runs.push(measure(b, 'day', () => rt.edit(app, form.tab, row, col + 1, [[i === 1 ? '0905123456' : `Cập nhật ${i + 1}`]])));
    }
  }
  const tab = formById('03').tab,
    width = formById('03').columns.findIndex((c) => c.key === 'submitted_at');
  const n = book[tab].length - 1;
  for (let p = 0; p < DAY_PASTES; p++) {
    const first = 2 + ((p * 97) % Math.max(1, n - DAY_PASTE_ROWS));
    const block = rowsOf(b, tab, first, first + DAY_PASTE_ROWS - 1, width);
    runs.push(measure(b, 'day', () => rt.edit(app, tab, first, 1, block)));
  }
  runs.push(measure(b, 'day', () => app.dailyTick()));
  const calls: Record<string, number> = {};
  let cells = 0,
    cpuMs = 0,
    estimated = 0,
    cellsRead = 0,
    writes = 0;
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.m.calls)) calls[k] = (calls[k] ?? 0) + v;
    cells += r.m.cells;
    cpuMs += r.m.cpuMs;
    estimated += r.m.estimatedMs;
    cellsRead += r.x.cellsRead;
    writes += r.x.propertyWrites;
  }
  const x: Extra = { ...runs[runs.length - 1].x, cellsRead, propertyWrites: writes };
  return {
    run: { m: { op: 'day', rows: b.rows, calls, cells, cpuMs: Math.round(cpuMs), estimatedMs: estimated }, x },
    executions: runs.length,
    units: directory.length - 1,
  };
}
