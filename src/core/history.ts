// Warnings from a unit's own history: a stock that went down, a flow far above the unit's usual figures.
import type { Month } from './types';
import type { FormRow } from './model';
import type { FormSpec } from './forms/schema';
import { indicators } from './forms/schema';

/** A unit's valid figures for one period: stocks from its latest-stamped row, flows summed over its rows. */
export interface PeriodFigures {
  month: Month;
  /** The latest-stamped row's values (read for the stock columns). */
  stocks: Readonly<Record<string, number | null>>;
  flows: Record<string, number | null>;
}

/** Outlier: over this many times the median of earlier periods … */
export const OUTLIER_FACTOR = 10;
/** … and over this absolute figure. */
export const OUTLIER_FLOOR = 100;

/** Later `Thời điểm nộp` wins; unstamped rows are older than any stamped one; then the lower row wins. */
export function isLaterReport(a: FormRow, b: FormRow): boolean {
  const ta = a.submittedAt ? a.submittedAt.getTime() : -Infinity,
    tb = b.submittedAt ? b.submittedAt.getTime() : -Infinity;
  return ta !== tb ? ta > tb : a.row > b.row;
}

/** Each unit's valid periods, sorted by month. */
export function unitPeriods(form: FormSpec, rows: readonly FormRow[]): Map<string, PeriodFigures[]> {
  const flowKeys = indicators(form)
    .filter((c) => c.kind === 'flow')
    .map((c) => c.key);
  // Flow records copied from one shape, not built key by key (each added key costs a shape change).
  const noFlows = Object.fromEntries(flowKeys.map((k) => [k, null])) as Record<string, number | null>;
  const byUnit = new Map<string, Map<Month, { latest: FormRow; flows: Record<string, number | null> }>>();
  // Indexed loops over the rows: a for...of here allocated an iterator result per row.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.valid || r.unitCode === null || r.month === null) continue;
    let months = byUnit.get(r.unitCode);
    if (!months) {
      months = new Map();
      byUnit.set(r.unitCode, months);
    }
    const p = months.get(r.month);
    if (!p) {
      const flows = { ...noFlows };
      for (const k of flowKeys) flows[k] = r.values[k] ?? null;
      months.set(r.month, { latest: r, flows });
      continue;
    }
    if (isLaterReport(r, p.latest)) p.latest = r;
    for (const k of flowKeys) {
      const v = r.values[k];
      if (v !== null && v !== undefined) p.flows[k] = (p.flows[k] ?? 0) + v;
    }
  }
  const out = new Map<string, PeriodFigures[]>();
  byUnit.forEach((months, unit) => {
    const list: PeriodFigures[] = [];
    months.forEach((p, m) => {
      // The latest row's own values: every indicator key is there (null when blank), so no copy per period.
      list.push({ month: m, stocks: p.latest.values, flows: p.flows });
    });
    list.sort((a, b) => a.month - b.month);
    out.set(unit, list);
  });
  return out;
}

/** medians[i] = median of the first i non-null values (undefined when none). Insertion keeps it simple and fast for tens of months. */
function prefixMedians(values: Array<number | null>): Array<number | undefined> {
  const sorted: number[] = [];
  const out: Array<number | undefined> = [undefined];
  for (const v of values) {
    if (v !== null) {
      let i = sorted.length;
      while (i > 0 && sorted[i - 1] > v) i--;
      sorted.splice(i, 0, v);
    }
    const n = sorted.length;
    out.push(n === 0 ? undefined : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }
  return out;
}

/** How many periods lie strictly before `m`. */
function countBefore(list: readonly PeriodFigures[], m: Month): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].month < m) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface HistoryWarning {
  row: FormRow;
  key: string;
  code: 'stock_decreased' | 'outlier';
  value: number;
  reference: number;
  referenceMonth?: Month;
}

/**
 * Compares each row with its unit's earlier valid periods. A form with several rows per period (02) compares the
 * period's total: the valid rows of the period, plus this row when it is not one of them. `warnOn`: only these rows
 * are compared (the others are their units' history).
 */
export function historyWarnings(form: FormSpec, rows: readonly FormRow[], warnOn?: ReadonlySet<FormRow>): HistoryWarning[] {
  const periods = unitPeriods(form, rows);
  const cols = indicators(form);
  // unit -> column key -> prefix medians (Maps: a record per unit would change shape with every key added).
  const medians = new Map<string, Map<string, Array<number | undefined>>>();
  const out: HistoryWarning[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.unitCode === null || r.month === null || (warnOn && !warnOn.has(r))) continue;
    const list = periods.get(r.unitCode);
    if (!list) continue;
    const before = countBefore(list, r.month);
    if (before === 0) continue;
    const previous = list[before - 1];
    const current = list[before] && list[before].month === r.month ? list[before] : undefined;
    for (const c of cols) {
      const value = r.values[c.key];
      if (value === null || value === undefined) continue;
      if (c.kind === 'stock') {
        const ref = previous.stocks[c.key];
        if (ref !== null && value < ref)
          out.push({ row: r, key: c.key, code: 'stock_decreased', value, reference: ref, referenceMonth: previous.month });
        continue;
      }
      if (form.multipleRowsPerPeriod && value === 0) continue; // the row adds nothing to the period's total
      let unitMedians = medians.get(r.unitCode);
      if (!unitMedians) {
        unitMedians = new Map();
        medians.set(r.unitCode, unitMedians);
      }
      let byPeriod = unitMedians.get(c.key);
      if (!byPeriod) {
        byPeriod = prefixMedians(list.map((p) => p.flows[c.key]));
        unitMedians.set(c.key, byPeriod);
      }
      const med = byPeriod[before];
      if (med === undefined) continue;
      const total = form.multipleRowsPerPeriod ? (current?.flows[c.key] ?? 0) + (r.valid ? 0 : value) : value;
      if (total > OUTLIER_FACTOR * med && total > OUTLIER_FLOOR)
        out.push({ row: r, key: c.key, code: 'outlier', value: total, reference: med });
    }
  }
  return out;
}
