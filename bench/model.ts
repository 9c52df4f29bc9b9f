// The benchmark's cost model and targets: which calls are cell-data calls, what production time a run is estimated at,
// and which of the targets a set of measurements meets. Pure: shared by bench/bench.ts and test/bench.test.ts.

import { PERIOD_TAB } from '../src/core/text/period';

export type Op = 'setup' | 'edit_single' | 'edit_paste' | 'validate_all' | 'report' | 'daily' | 'remind' | 'day';
/** The per-size operations, in the order they run on one workbook (`day` is a workload of its own). */
export const OPS: Op[] = ['setup', 'edit_single', 'edit_paste', 'validate_all', 'remind', 'report', 'daily'];

/** Apps Script's trigger time a day on a consumer account (APPS_SCRIPT.md quotas): 90 minutes. */
export const CONSUMER_TRIGGER_MS = 90 * 60 * 1000;

/** One operation on one workbook size: the JSON line `npm run bench -- --json` prints. */
export interface Measurement {
  op: Op;
  rows: number;
  calls: Record<string, number>;
  cells: number;
  cpuMs: number;
  estimatedMs: number;
}

/** What the targets need beyond the JSON line (kept off the printed line). */
export interface Extra {
  /** Tabs the full check validates and annotates (the "per tab" of validate_all): forms, directory, settings. */
  checkedTabs: number;
  /** Tabs the bundle may read (every tab of the workbook). */
  tabs: number;
  /** getValues calls per tab name. */
  readsByTab: Record<string, number>;
  /** Range writes per tab name. */
  writesByTab: Record<string, number>;
  emails: number;
  /** Cells read (getValues and the other cell-data reads), writes left out. */
  cellsRead: number;
  /** Properties.setProperty / setProperties / deleteProperty calls. */
  propertyWrites: number;
}

export interface Run {
  m: Measurement;
  x: Extra;
}

/** Services billed 50 ms per call in production. */
const BILLED =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|DataValidation|DataValidationBuilder|ConditionalFormatRule|ConditionalFormatRuleBuilder|EmbeddedChart|EmbeddedChartBuilder|Ui|Menu|MailApp|PropertiesService|Properties|LockService|Lock|CacheService|Cache)\./;
/** Every Spreadsheet-service method (menus and dialogs of the spreadsheet UI included). */
const SPREADSHEET =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|DataValidation|DataValidationBuilder|ConditionalFormatRule|ConditionalFormatRuleBuilder|EmbeddedChart|EmbeddedChartBuilder|Ui|Menu)\./;
/** Calls that read or write cell contents or formatting: values, display values, formulas, notes, backgrounds, number
 * formats, fonts, wraps, alignments, data validations, conditional format rules, and the clears of any of them; a
 * sheet's block of values (Sheet.getSheetValues). */
const CELL_DATA =
  /^(Range\.((get|set)(RichTextValues?|Values?|DisplayValues?|Formulas?|Notes?|Backgrounds?|NumberFormats?|FontWeights?|FontColors?|FontStyles?|Wrap|Wraps|HorizontalAlignments?|DataValidations?)|clear|clearContent|clearFormat|clearNote|clearDataValidations)|RangeList\.(setFontWeight|setBackground|setNumberFormat|setValue)|Sheet\.(getSheetValues|clear|clearContents|clearFormats|clearNotes|appendRow|(get|set|clear)ConditionalFormatRules))$/;

/**
 * An edit's budget with the edit index (src/core/rowIndex.ts), at its worst (marks and statuses changed): the check's
 * 6 cell-data calls (the header rows, the edited rows, their notes, then notes, colours and script-owned values),
 * plus the period issue's: the journal row (1) and the edited units' rows of the status tab (1). In all calls, the 11
 * of the check (the event's sheet and name, the last row, 2 ranges: the header rows are one Sheet.getSheetValues, no
 * range; the event range's corners are its properties) plus the journal's 2 (lookup, appendRow) and the status rows'
 * 2 (one A1 range, setValues: issue 13's "at most two more calls per edit", a paste of many units included). Marks
 * and statuses the sheet already shows are not written again: a name retyped is 5 cell-data calls and 11 in all.
 */
export const EDIT_CELL_DATA = 6 + 2;
export const EDIT_CALLS = 11 + 4;
/** A daily run writes the log once for the reminders and, on a day periods close, once for the close digest. */
export const LOG_WRITES = 2;

export const MS_PER_CALL = 50;
export const MS_PER_CELL = 0.01;

const sum = (calls: Record<string, number>, re: RegExp) => Object.entries(calls).reduce((n, [k, v]) => (re.test(k) ? n + v : n), 0);
export const billedCalls = (calls: Record<string, number>) => sum(calls, BILLED);
export const spreadsheetCalls = (calls: Record<string, number>) => sum(calls, SPREADSHEET);
export const cellDataCalls = (calls: Record<string, number>) => sum(calls, CELL_DATA);
export const mailCalls = (calls: Record<string, number>) => sum(calls, /^MailApp\.sendEmail$/);
export const propertyWrites = (calls: Record<string, number>) =>
  sum(calls, /^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/);

/**
 * An edit's calls without the status tab's pair (`Spreadsheet.getRange` by its A1, `setValues`): an edit writes the
 * status rows only when a status changed, which depends on what it changed, never on the tab's size.
 */
export function callsBeyondStatus(r: Run): Record<string, number> {
  const n = r.x.writesByTab[PERIOD_TAB.status] ?? 0;
  const out = { ...r.m.calls };
  for (const k of ['Spreadsheet.getRange', 'Range.setValues']) {
    out[k] = (out[k] ?? 0) - n;
    if (!out[k]) delete out[k];
  }
  return out;
}

/**
 * True when two runs of one edit make the same calls, the status rows aside, but for the cache reads: the first read
 * brings a small tab's buckets along (src/gas/editMemo.ts PREFETCHED_BUCKETS), so a small tab's edit may make one
 * cache read where a big tab's makes two, never more.
 */
export function sameEditCalls(small: Run, big: Run): boolean {
  const a = callsBeyondStatus(small),
    b = callsBeyondStatus(big);
  const reads = [a['Cache.getAll'] ?? 0, b['Cache.getAll'] ?? 0];
  delete a['Cache.getAll'];
  delete b['Cache.getAll'];
  return sameCalls(a, b) && reads[0] >= 1 && reads[0] <= reads[1] && reads[1] <= 2;
}

export function estimatedMs(calls: Record<string, number>, cells: number, cpuMs: number): number {
  return Math.round(cpuMs + MS_PER_CALL * billedCalls(calls) + MS_PER_CELL * cells);
}

export interface Verdict {
  op: Op | 'bundle';
  rows: number | null;
  target: string;
  actual: string;
  holds: boolean;
}

const fmtN = (n: number) => n.toLocaleString('en-US');

const sameCalls = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
};

/**
 * Every target of the issue that can be judged from these runs. Time targets are judged only when `times` is true
 * (the test asserts call counts, never times). Sizes: the smallest and the largest runs of each op are compared.
 */
export function judge(runs: Run[], opts: { times: boolean }): Verdict[] {
  const out: Verdict[] = [];
  const byOp = (op: Op) => runs.filter((r) => r.m.op === op).sort((a, b) => a.m.rows - b.m.rows);
  const v = (op: Op, rows: number | null, target: string, actual: string, holds: boolean) => out.push({ op, rows, target, actual, holds });

  for (const op of ['edit_single', 'edit_paste'] as Op[]) {
    const rs = byOp(op);
    for (const r of rs) {
      const cd = cellDataCalls(r.m.calls),
        all = spreadsheetCalls(r.m.calls);
      v(op, r.m.rows, `cell-data calls <= ${EDIT_CELL_DATA}`, String(cd), cd <= EDIT_CELL_DATA);
      v(op, r.m.rows, `calls in all <= ${EDIT_CALLS}`, String(all), all <= EDIT_CALLS);
    }
    if (rs.length > 1) {
      const same = sameEditCalls(rs[0], rs[rs.length - 1]);
      const reads = rs.map((r) => r.m.calls['Cache.getAll'] ?? 0);
      v(
        op,
        null,
        `same calls at ${rs[0].m.rows} and ${rs[rs.length - 1].m.rows} rows (status rows aside; cache reads ${reads[0]} <= ${reads[reads.length - 1]} <= 2)`,
        same ? 'same' : 'different',
        same,
      );
    }
    const big = rs[rs.length - 1],
      small = rs[0];
    if (rs.length > 1 && small.m.rows <= 2_000 && big.m.rows >= 50_000) {
      const growth = big.x.cellsRead / Math.max(1, small.x.cellsRead);
      v(
        op,
        null,
        `cells read ${small.m.rows} -> ${big.m.rows} rows <= 3x`,
        `${fmtN(small.x.cellsRead)} -> ${fmtN(big.x.cellsRead)} (${growth.toFixed(1)}x)`,
        growth <= 3,
      );
    }
    if (opts.times && big && big.m.rows >= 50_000)
      v(op, big.m.rows, 'estimated <= 1.5 s', `${big.m.estimatedMs} ms`, big.m.estimatedMs <= 1500);
  }

  for (const r of byOp('validate_all')) {
    const cd = cellDataCalls(r.m.calls),
      max = 4 * r.x.checkedTabs + 6;
    v('validate_all', r.m.rows, `cell-data calls <= 4/tab + 6 = ${max}`, String(cd), cd <= max);
    if (opts.times && r.m.rows >= 50_000) v('validate_all', r.m.rows, 'CPU <= 2 s', `${r.m.cpuMs} ms`, r.m.cpuMs <= 2000);
  }

  const reports = byOp('report');
  for (const r of reports) {
    const cd = cellDataCalls(r.m.calls),
      all = spreadsheetCalls(r.m.calls);
    v('report', r.m.rows, 'cell-data calls <= 40', String(cd), cd <= 40);
    v('report', r.m.rows, 'calls in all <= 150', String(all), all <= 150);
    if (opts.times && r.m.rows >= 50_000) v('report', r.m.rows, 'estimated <= 15 s', `${r.m.estimatedMs} ms`, r.m.estimatedMs <= 15_000);
  }
  if (reports.length > 1) {
    // Its reads are one per column block and run of rows of the open months and per run of closes: a few more where
    // runs that a small tab reads through lie too far apart in a big one (narrowRead.ts GAP_CELLS), never one per row.
    const counts = reports.map((r) => spreadsheetCalls(r.m.calls));
    const ok = Math.max(...counts) <= Math.ceil(counts[0] * 1.1);
    v('report', null, 'calls do not grow with the rows (<= +10 %)', counts.join(' / '), ok);
  }

  for (const r of byOp('daily')) {
    const all = spreadsheetCalls(r.m.calls);
    v('daily', r.m.rows, 'nothing to send: calls in all <= 60', String(all), all <= 60);
  }

  for (const r of byOp('remind')) {
    const writes = r.x.propertyWrites;
    v('remind', r.m.rows, 'Properties writes <= emails + 2', `${writes} writes, ${r.x.emails} emails`, writes <= r.x.emails + 2);
    const worst = Math.max(0, ...Object.values(r.x.readsByTab));
    const unread = Object.entries(r.x.readsByTab)
      .filter(([, n]) => n > 1)
      .map(([t, n]) => `${t} x${n}`);
    v('remind', r.m.rows, 'one read per tab', unread.length ? unread.join(', ') : `max ${worst}`, worst <= 1);
    const mails = mailCalls(r.m.calls);
    v('remind', r.m.rows, 'one mail call per email', `${mails} calls, ${r.x.emails} emails`, mails === r.x.emails);
    const logWrites = r.x.writesByTab['Nhật ký'] ?? 0;
    v('remind', r.m.rows, `log written in one call per step (${LOG_WRITES})`, String(logWrites), logWrites <= LOG_WRITES);
  }

  for (const r of byOp('day')) {
    const share = r.m.estimatedMs / CONSUMER_TRIGGER_MS;
    if (opts.times)
      v(
        'day',
        r.m.rows,
        'trigger time <= 5% of 90 min',
        `${(r.m.estimatedMs / 1000).toFixed(0)} s = ${(share * 100).toFixed(1)}%`,
        share <= 0.05,
      );
  }

  if (opts.times) {
    for (const op of OPS) {
      const rs = byOp(op);
      const mid = rs.find((r) => r.m.rows >= 5_000 && r.m.rows < 50_000),
        big = rs.find((r) => r.m.rows >= 50_000);
      if (!mid || !big) continue;
      const ratio = big.m.cpuMs / Math.max(1, mid.m.cpuMs);
      v(op, null, `CPU ${big.m.rows} / ${mid.m.rows} rows <= 12x`, `${ratio.toFixed(1)}x`, ratio <= 12);
    }
  }
  return out;
}
