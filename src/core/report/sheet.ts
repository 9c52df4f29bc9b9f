// The report tab `Báo cáo MM-YYYY` as a pure layout: the adapter writes it in a handful of batched calls.
import { correctionsSection } from '../close';
import type { Month } from '../types';
import type { Settings } from '../model';
import { formatDay, formatMonth, monthOfYear, yearOf } from '../periods';
import { asSheetText } from '../safety';
import { CARRIED_TEXT, KIND_LABEL, REPORT_TEXT as T, STATUS_LABEL } from '../text/report';
import { formatDateTime, share, shareRatio, type Share } from '../format';
import { stocksCarried, type FormReport, type Report, type UnitStatus } from './model';
import { SAMPLES_KEY } from '../forms/schema';
import { MEASURED_TEXT as MT } from '../text/measured';

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface SheetLayout {
  name: string;
  values: (string | number)[][];
  numberFormats: string[][];
  backgrounds: (string | null)[][];
  fontWeights: ('bold' | 'normal')[][];
  merges: Box[];
  columnWidths: number[];
  charts: ChartSpec[];
  /**
   * The blocks of rows to write, each only as wide as its widest row (the grids above are padded to one width): the
   * tables down to the chart data at the table width, the chart data and what follows at theirs (3 to 8 columns).
   */
  bands: Box[];
  /** The bold cells as boxes (header rows, titles): one RangeList call, not a grid of font weights. */
  bold: Box[];
}

/** `combo`: columns for every series but the last, drawn as a line (measured samples against the target). */
export interface ChartSpec {
  type: 'bar' | 'line' | 'combo';
  title: string;
  range: Box;
  anchor: { row: number; col: number };
}

export const FORMAT = {
  count: '#,##0',
  rate: '0.0%',
  decimal: '0.0',
  text: '@',
  // A change stays a number in the tab and reads as formatChange writes it elsewhere: +233, -455, 0.
  change: '+#,##0;-#,##0;0',
  decimalChange: '+#,##0.0;-#,##0.0;0',
} as const;

export const STATUS_COLOR: Record<UnitStatus, string | null> = {
  on_time: '#d9ead3',
  late: '#fff2cc',
  unknown_time: '#fff2cc',
  reported: '#d9ead3',
  invalid: '#f4cccc',
  missing: '#f4cccc',
  pending: '#eeeeee',
  none: '#eeeeee',
};
const HEADER_COLOR = '#cfe2f3';
const UNIT_FIXED_COLUMNS = 5;

/** 'Báo cáo MM-YYYY' (a slash is not allowed in every place a tab name travels). */
export function reportSheetName(period: Month): string {
  return T.sheetName(`${String(monthOfYear(period)).padStart(2, '0')}-${yearOf(period)}`);
}

interface Cell {
  value: string | number;
  format: string;
  background: string | null;
  bold: boolean;
}

/** Rows of cells, padded to one width at the end. */
class Grid {
  rows: Cell[][] = [];
  merges: Box[] = [];

  /** Appends a row; strings are written so they stay text. Returns the 1-based row. */
  add(cells: (Partial<Cell> & { value: string | number })[] = [], opts: { bold?: boolean; background?: string | null } = {}): number {
    this.rows.push(
      cells.map((c) => ({
        value: typeof c.value === 'string' ? asSheetText(c.value) : c.value,
        format: c.format ?? (typeof c.value === 'number' ? FORMAT.count : FORMAT.text),
        background: c.background !== undefined ? c.background : (opts.background ?? null),
        bold: c.bold ?? opts.bold ?? false,
      })),
    );
    return this.rows.length;
  }
  texts(values: string[], opts: { bold?: boolean; background?: string | null } = {}): number {
    return this.add(
      values.map((value) => ({ value })),
      opts,
    );
  }
  blank(): void {
    this.add([]);
  }
}

const num = (x: number | null, format: string = FORMAT.count) => (x === null ? { value: '', format: FORMAT.text } : { value: x, format });
/** A rate cell holds the ratio its percentage shows (0.496), so `0.0%` displays what every other renderer prints. */
const rate = (s: Share | null) => num(shareRatio(s), FORMAT.rate);

export function reportSheet(r: Report, settings: Settings, generatedAt: Date): SheetLayout {
  const maxIndicators = Math.max(0, ...r.forms.map((f) => f.indicators.length));
  const width = Math.max(T.completenessHeaders.length, UNIT_FIXED_COLUMNS + maxIndicators, T.chaseHeaders.length);
  const g = new Grid();

  // Title block, merged across the table width.
  for (const [text, bold] of [
    [settings.department.toUpperCase(), true],
    [T.title, true],
    [T.period(formatMonth(r.period)), false],
    [T.generatedAt(formatDateTime(generatedAt)), false],
  ] as [string, boolean][]) {
    const row = g.texts([text], { bold });
    g.merges.push({ row, col: 1, numRows: 1, numCols: width });
  }
  g.blank();

  g.texts([T.completenessTitle], { bold: true });
  g.texts(T.completenessHeaders, { bold: true, background: HEADER_COLOR });
  for (const f of r.forms) {
    g.add([
      { value: T.formName(f.form) },
      { value: f.group },
      { value: f.dueBefore ? formatDay(f.dueBefore) : T.noDeadline },
      num(f.expected),
      num(f.reported),
      num(f.onTime),
      num(f.late),
      num(f.unknownTime),
      num(f.invalid.length),
      num(f.missing.length),
      rate(f.shares.completeness),
      rate(f.shares.timeliness),
      rate(f.shares.installRate),
    ]);
  }
  g.blank();

  g.texts([T.sectionTotals], { bold: true });
  for (const f of r.forms) totalsTable(g, f);

  g.texts([T.sectionUnits], { bold: true });
  for (const f of r.forms) unitsTable(g, f, r.sampleTarget);

  g.texts([T.sectionChase], { bold: true });
  g.texts(T.chaseHeaders, { bold: true, background: HEADER_COLOR });
  if (r.chase.length === 0) g.texts([T.noChase]);
  for (const c of r.chase) {
    g.add(
      [
        { value: c.code },
        { value: c.name },
        { value: T.formName(c.form) },
        { value: STATUS_LABEL[c.status] },
        { value: c.emails.join(', ') },
        { value: c.reason },
      ],
      { background: STATUS_COLOR[c.status] },
    );
  }
  g.blank();

  // A closed period: its close and every correction since (the period issue).
  const corrections = correctionsSection(r);
  if (corrections) {
    g.texts([corrections.title], { bold: true });
    for (const line of corrections.lines) g.texts([line]);
    if (corrections.rows.length) g.texts(corrections.headers, { bold: true, background: HEADER_COLOR });
    for (const row of corrections.rows) g.texts(row);
    g.blank();
  }

  // Chart data: name + rate side by side (columns 2-3), so each chart reads one contiguous range.
  const chartsFrom = g.rows.length + 1;
  g.texts([T.sectionCharts], { bold: true });
  g.texts(['', T.chartByUnit], { bold: true });
  const unitHeader = g.texts(T.chartUnitHeaders, { bold: true, background: HEADER_COLOR });
  const chartUnits = r.forms.flatMap((f) => f.units);
  for (const u of chartUnits) g.add([{ value: u.code }, { value: u.name }, rate(u.installShare)]);
  g.blank();
  const trendTitle = T.chartTrend(r.forms.map((f) => f.form));
  g.texts(['', trendTitle], { bold: true });
  const trendHeader = g.texts(T.chartTrendHeaders, { bold: true, background: HEADER_COLOR });
  for (const p of r.trend) g.add([{ value: '' }, { value: p.label }, rate(share(p.staffInstalled, p.staffTotal)), num(p.staffInstalled)]);

  const measured = measuredSection(g, r);
  const charts: ChartSpec[] = [
    {
      type: 'bar',
      title: T.chartByUnit,
      range: { row: unitHeader, col: 2, numRows: 1 + chartUnits.length, numCols: 2 },
      anchor: { row: unitHeader, col: 5 },
    },
    {
      type: 'line',
      title: trendTitle,
      range: { row: trendHeader, col: 2, numRows: 1 + r.trend.length, numCols: 2 },
      anchor: { row: unitHeader, col: 12 },
    },
    ...measured,
  ];

  const pad = <V>(cells: Cell[], pick: (c: Cell) => V, blank: V): V[] =>
    Array.from({ length: width }, (_, i) => (i < cells.length ? pick(cells[i]) : blank));
  return {
    name: reportSheetName(r.period),
    values: g.rows.map((cells) => pad(cells, (c) => c.value, '' as string | number)),
    numberFormats: g.rows.map((cells) => pad(cells, (c) => c.format, FORMAT.text as string)),
    backgrounds: g.rows.map((cells) => pad(cells, (c) => c.background, null as string | null)),
    fontWeights: g.rows.map((cells) => pad(cells, (c) => (c.bold ? 'bold' : 'normal') as 'bold' | 'normal', 'normal' as 'bold' | 'normal')),
    merges: g.merges,
    columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 90 : i === 1 ? 240 : i === 2 ? 170 : 120)),
    charts,
    bands: [band(g.rows, 1, chartsFrom - 1, width), band(g.rows, chartsFrom, g.rows.length, 1)].filter((b) => b.numRows > 0),
    bold: boldBoxes(g.rows),
  };
}

/** Rows first..last (1-based) as one box, as wide as its widest row (at least `min` columns). */
function band(rows: Cell[][], first: number, last: number, min: number): Box {
  let numCols = min;
  for (let r = first; r <= last; r++) numCols = Math.max(numCols, rows[r - 1].length);
  return { row: first, col: 1, numRows: Math.max(0, last - first + 1), numCols };
}

/** Runs of bold cells in each row, a run repeated on the next rows grown into one box. */
function boldBoxes(rows: Cell[][]): Box[] {
  const boxes: Box[] = [];
  let open: Box[] = [];
  rows.forEach((cells, i) => {
    const runs: Box[] = [];
    cells.forEach((c, j) => {
      if (!c.bold) return;
      const last = runs[runs.length - 1];
      if (last && last.col + last.numCols === j + 1) last.numCols++;
      else runs.push({ row: i + 1, col: j + 1, numRows: 1, numCols: 1 });
    });
    const next: Box[] = [];
    for (const r of runs) {
      const above = open.find((b) => b.col === r.col && b.numCols === r.numCols);
      if (above) {
        above.numRows++;
        next.push(above);
      } else {
        boxes.push(r);
        next.push(r);
      }
    }
    open = next;
  });
  return boxes;
}

function totalsTable(g: Grid, f: FormReport): void {
  g.texts([T.totalsTitle(T.formName(f.form), f.group)], { bold: true });
  g.texts(T.totalsHeaders, { bold: true, background: HEADER_COLOR });
  f.indicators.forEach((ind, i) => {
    const format = ind.decimal ? FORMAT.decimal : FORMAT.count;
    g.add([
      num(i + 1),
      { value: ind.header },
      { value: KIND_LABEL[ind.kind] },
      num(ind.period, format),
      num(ind.cumulative, format),
      num(ind.change, ind.decimal ? FORMAT.decimalChange : FORMAT.change),
    ]);
  });
  const carried = stocksCarried(f);
  if (carried) g.texts(['', CARRIED_TEXT.stocks(carried)]);
  g.blank();
}

function unitsTable(g: Grid, f: FormReport, sampleTarget: number): void {
  g.texts([T.unitsTitle(T.formName(f.form), f.group)], { bold: true });
  g.texts([...T.unitHeaders, ...f.indicators.map((i) => i.header)], { bold: true, background: HEADER_COLOR });
  for (const u of f.units) {
    g.add(
      [
        { value: u.code },
        { value: u.name },
        { value: STATUS_LABEL[u.status] },
        { value: u.submittedAt ? formatDateTime(u.submittedAt) : '' },
        rate(u.installShare),
        ...f.indicators.map((i) => num(u.values[i.key] ?? null, i.decimal ? FORMAT.decimal : FORMAT.count)),
      ],
      { background: STATUS_COLOR[u.status] },
    );
  }
  if (f.indicators.some((i) => i.key === SAMPLES_KEY)) {
    const names = f.units.filter((u) => f.sampleTargetReached.indexOf(u.code) >= 0).map((u) => u.name);
    g.texts([T.sampleTargetTitle(sampleTarget), names.length ? names.join(', ') : T.none]);
  }
  g.blank();
}

/** VNNIC's measured samples per unit, one table per form that has them, each with a combo chart against the target. */
function measuredSection(g: Grid, r: Report): ChartSpec[] {
  const forms = r.forms.filter((f) => f.measured);
  if (!forms.length) return [];
  g.blank();
  g.texts([MT.section], { bold: true });
  const charts: ChartSpec[] = [];
  for (const f of forms) {
    const m = f.measured!;
    if (charts.length) g.blank();
    g.texts([MT.title(T.formName(f.form), f.group)], { bold: true });
    const header = g.texts(MT.headers, { bold: true, background: HEADER_COLOR });
    for (const u of m.units) {
      const note = [
        u.samples === null ? MT.unreadable : !u.listed ? MT.notListed : u.atTarget ? MT.atTarget : MT.below,
        ...(u.mismatch ? [MT.mismatch] : []),
      ].join('; ');
      g.add(
        [
          { value: u.code },
          { value: u.name },
          num(u.samples),
          num(m.target),
          num(u.previous),
          num(u.change, FORMAT.change),
          num(u.reported),
          { value: note },
        ],
        { background: u.samples !== null && u.atTarget ? STATUS_COLOR.on_time : STATUS_COLOR.missing },
      );
    }
    g.texts([MT.summary(m.atTarget, m.units.length, m.target)], { bold: true });
    g.texts([MT.belowList, m.below.map((c) => m.units.find((u) => u.code === c)!.name).join(', ') || T.none]);
    g.texts([MT.unmatchedList, m.unmatched.join(', ') || T.none]);
    charts.push({
      type: 'combo',
      title: MT.chartTitle(m.target),
      range: { row: header, col: 2, numRows: 1 + m.units.length, numCols: 3 },
      anchor: { row: header, col: 10 },
    });
  }
  return charts;
}
