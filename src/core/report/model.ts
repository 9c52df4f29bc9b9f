// The aggregate report: who reported, on time or late, and the stock/flow totals (INTERFACES.md `report --json`).
import type { FormId, Month } from '../types';
import type { FormRow, Unit, Validation } from '../model';
import { indicators, SAMPLES_KEY, type ColumnSpec, type FormSpec, type IndicatorKind } from '../forms/schema';
import { inForce } from '../forms/book';
import { dueBefore, deadlinePassed, endOfDay, formatDay, formatMonth, startOfDay, type Day } from '../periods';
import { CHASE_REASON } from '../text/report';
import { isActive } from '../directory';
import { measuredJson, measuredReport, type FormMeasured } from '../measured';
import { share, type Share } from '../format';
import {
  closedFlows,
  closeSums,
  latestCloses,
  localDateTime,
  officialReport,
  type ClosedForm,
  type ClosedUnit,
  type Correction,
} from '../close';

export type UnitStatus = 'on_time' | 'late' | 'unknown_time' | 'invalid' | 'pending' | 'missing' | 'reported' | 'none';

export interface UnitReport {
  code: string;
  name: string;
  emails: string[];
  status: UnitStatus;
  /** Earliest stamp among the unit's valid rows of the period. */
  submittedAt: Date | null;
  /** The figures that count for the unit: stocks (carried included) and, when it has valid rows, flows. */
  values: Record<string, number>;
  /** Stock keys whose figure comes from an earlier period. */
  carried: string[];
  /** The period each carried key's figure comes from. */
  carriedFrom: Record<string, Month>;
  installRate: number | null;
  /** staff_installed of staff_total: what every renderer formats the rate from. */
  installShare: Share | null;
  /** Sheet rows of the period on the unit's tab that have errors. */
  invalidRows: number[];
}

export interface IndicatorTotal {
  key: string;
  header: string;
  kind: IndicatorKind;
  /** True for decimal columns (airtime): shown with one decimal. */
  decimal: boolean;
  period: number;
  cumulative: number;
  /** The same figure for the previous period; null when the period is the campaign's first. */
  previous: number | null;
  change: number | null;
  /** Stocks: how many units' figures come from an earlier period, the oldest and newest such periods (null when none). */
  carriedUnits: number;
  carriedFrom: Month | null;
  carriedTo: Month | null;
}

export interface TrendPoint {
  month: Month;
  label: string;
  installRate: number | null;
  staffInstalled: number;
  staffTotal: number;
}

export interface ChaseItem {
  form: FormId;
  code: string;
  name: string;
  emails: string[];
  status: 'missing' | 'invalid';
  reason: string;
}

export interface FormReport {
  form: FormId;
  tab: string;
  group: string;
  dueBefore: Day | null;
  /** A `Một lần` form: the day before which its one report is due (dueBefore is null in its other periods); else null. */
  oneOffDue: Day | null;
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  unknownTime: number;
  invalid: string[];
  missing: string[];
  pending: string[];
  completeness: number | null;
  timeliness: number | null;
  installRate: number | null;
  /** The exact integers behind the three rates above: renderers format these (format.ts, the one number rule). */
  shares: { completeness: Share | null; timeliness: Share | null; installRate: Share | null };
  indicators: IndicatorTotal[];
  units: UnitReport[];
  /** Form 03: codes of the units whose samples reached settings.sampleTarget this month. */
  sampleTargetReached: string[];
  trend: TrendPoint[];
  chase: ChaseItem[];
  /** VNNIC's measured samples per unit for the period (tab `Dữ liệu i-Speed`); null without data for the period. */
  measured: FormMeasured | null;
  /** When the period's figures were closed (the figures above are then the closed ones), else null. */
  closedAt: Date | null;
  /** Every difference between the closed figures and the sheet now. */
  corrections: Correction[];
  /**
   * Of a closed period, the close's cells that do not read (core/close.ts closeGaps): each counts as blank (a time as
   * none), and the report says so; `text` as found, '' for a blank where the close must hold a figure.
   */
  closedGaps: { unit: string; key: string; text: string }[];
  /** Of a closed period, the closed tab's rows left out of its close (their unit code or status does not read). */
  closedSkipped: number[];
}

export interface Report {
  period: Month;
  today: Day;
  startMonth: Month;
  sampleTarget: number;
  forms: FormReport[];
  /** All chosen forms together, per month from the campaign start. */
  trend: TrendPoint[];
  chase: ChaseItem[];
}

/** Half-up to 4 decimals from exact integers (57/800 -> 0.0713); null when the denominator is 0. */
export function ratio4(num: number, den: number): number | null {
  if (!den) return null;
  if (Number.isInteger(num) && Number.isInteger(den) && num >= 0 && den > 0) {
    return Math.floor((2 * num * 10000 + den) / (2 * den)) / 10000;
  }
  return Math.round((num / den) * 10000 + 1e-9) / 10000;
}

/** Decimal flows (airtime) are shown to 0.1, half-up. */
export function round1(x: number): number {
  return Math.round(x * 10 + 1e-9) / 10;
}

/** Valid rows of one unit, by month; `months` sorted newest first once, for the stock look-ups. */
interface UnitHistory {
  byMonth: Map<Month, FormRow[]>;
  months: Month[];
}

interface FormIndex {
  units: Unit[];
  /** month -> the form's latest close of that month: a closed month's figures are its closed ones (see stocksAt). */
  closes: Map<Month, ClosedForm>;
  /** The closed months, newest first. */
  closedMonths: Month[];
  valid: Map<string, UnitHistory>;
  /** month -> valid rows of the form's units (flows sum these). */
  validByMonth: Map<Month, FormRow[]>;
  /** code -> month -> invalid rows on the unit's own tab. */
  invalid: Map<string, Map<Month, FormRow[]>>;
}

function indexForm(v: Validation, form: FormId, stampLimit: number): FormIndex {
  const units = v.units.filter((u) => u.form === form).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const closes = latestCloses(v.closed ?? [], form);
  const closedMonths = Array.from(closes.keys()).sort((a, b) => b - a);
  const known = new Set(units.map((u) => u.code));
  const valid = new Map<string, UnitHistory>();
  const invalid = new Map<string, Map<Month, FormRow[]>>();
  const validByMonth = new Map<Month, FormRow[]>();
  for (const r of v.rows) {
    if (r.form !== form || r.unitCode === null || r.month === null || !known.has(r.unitCode)) continue;
    // The workbook is read as it stood on `today`: a row stamped later did not exist yet.
    if (r.submittedAt && r.submittedAt.getTime() >= stampLimit) continue;
    if (r.valid) {
      let h = valid.get(r.unitCode);
      if (!h) {
        h = { byMonth: new Map(), months: [] };
        valid.set(r.unitCode, h);
      }
      push(h.byMonth, r.month, r);
      push(validByMonth, r.month, r);
    } else {
      let byMonth = invalid.get(r.unitCode);
      if (!byMonth) {
        byMonth = new Map();
        invalid.set(r.unitCode, byMonth);
      }
      push(byMonth, r.month, r);
    }
  }
  valid.forEach((h) => {
    h.months = Array.from(h.byMonth.keys()).sort((a, b) => b - a);
  });
  return { units, valid, invalid, validByMonth, closes, closedMonths };
}

/** The latest close of a month before m: where a unit's stocks are carried from once its live rows after it run out. */
function closeBefore(ix: FormIndex, m: Month): ClosedForm | null {
  const c = ix.closedMonths.find((x) => x < m);
  return c === undefined ? null : ix.closes.get(c)!;
}

const unitsOfClose = new WeakMap<ClosedForm, Map<string, ClosedUnit>>();
function closedUnit(c: ClosedForm, code: string): ClosedUnit | undefined {
  let by = unitsOfClose.get(c);
  if (!by) {
    by = new Map(c.units.map((u) => [u.code, u]));
    unitsOfClose.set(c, by);
  }
  return by.get(code);
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Form 02 may have several rows: the stock row is the latest stamp; unstamped rows are older, the lowest on the sheet last. */
function latestRow(rows: FormRow[]): FormRow {
  let best = rows[0];
  for (const r of rows.slice(1)) if (newer(r, best)) best = r;
  return best;
}
function newer(a: FormRow, b: FormRow): boolean {
  const ta = a.submittedAt ? a.submittedAt.getTime() : -Infinity;
  const tb = b.submittedAt ? b.submittedAt.getTime() : -Infinity;
  return ta !== tb ? ta > tb : a.row > b.row;
}

/**
 * A unit's stock figures at period m: per key, the latest valid figure of a period <= m. A closed month's figures are
 * its closed ones (PRODUCT.md: the official report is reproducible): the live rows count down to the latest close
 * before m, and below it the unit's figures in that close (carried ones included, with the period they came from).
 */
function stocksAt(
  ix: FormIndex,
  code: string,
  keys: string[],
  m: Month,
): { values: Record<string, number>; carried: string[]; from: Record<string, Month> } {
  const values: Record<string, number> = {};
  const carried: string[] = [];
  const from: Record<string, Month> = {};
  const history = ix.valid.get(code);
  const base = closeBefore(ix, m);
  const floor = base ? base.period : -Infinity;
  for (const key of keys) {
    let found = false;
    for (const mo of history?.months ?? []) {
      if (mo > m) continue;
      if (mo <= floor) break;
      const val = latestRow(history!.byMonth.get(mo)!).values[key];
      if (val !== null && val !== undefined) {
        values[key] = val;
        if (mo < m) {
          carried.push(key);
          from[key] = mo;
        }
        found = true;
        break;
      }
    }
    const closed = !found && base ? closedUnit(base, code) : undefined;
    if (closed && closed.values[key] !== undefined) {
      values[key] = closed.values[key];
      carried.push(key);
      // A close before this version recorded no period for a carried figure: the close's own is the nearest known.
      from[key] = closed.carried.includes(key) ? (closed.from?.[key] ?? base!.period) : base!.period;
    }
  }
  return { values, carried, from };
}

function flowsOf(rows: FormRow[] | undefined, keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows ?? []) {
    for (const key of keys) {
      const val = r.values[key];
      if (val !== null && val !== undefined) out[key] = (out[key] ?? 0) + val;
    }
  }
  return out;
}

function earliestStamp(rows: FormRow[]): Date | null {
  let best: Date | null = null;
  for (const r of rows) if (r.submittedAt && (!best || r.submittedAt.getTime() < best.getTime())) best = r.submittedAt;
  return best;
}

/** Province totals of every indicator for one period: stocks over active units, flows over the period's valid rows. */
function totalsAt(ix: FormIndex, cols: readonly ColumnSpec[], m: Month): Record<string, number> {
  const stockKeys = cols.filter((c) => c.kind === 'stock').map((c) => c.key);
  const flowKeys = cols.filter((c) => c.kind === 'flow').map((c) => c.key);
  const totals: Record<string, number> = {};
  for (const c of cols) totals[c.key] = 0;
  const closed = ix.closes.get(m);
  if (closed) {
    const sums = closeSums(closed);
    for (const c of cols) totals[c.key] = sums[c.key] ?? 0;
    return totals;
  }
  for (const u of ix.units) {
    if (!isActive(u, m)) continue;
    const s = stocksAt(ix, u.code, stockKeys, m).values;
    for (const k of stockKeys) totals[k] += s[k] ?? 0;
  }
  // Flows come from valid rows, which belong to units active in their period by validation.
  const f = flowsOf(ix.validByMonth.get(m), flowKeys);
  for (const k of flowKeys) totals[k] += f[k] ?? 0;
  return totals;
}

function trendOf(ix: FormIndex, from: Month, to: Month): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let m = from; m <= to; m++) {
    let installed = 0,
      total = 0;
    const closed = ix.closes.get(m);
    if (closed) {
      const sums = closeSums(closed);
      installed = sums.staff_installed ?? 0;
      total = sums.staff_total ?? 0;
    } else
      for (const u of ix.units) {
        if (!isActive(u, m)) continue;
        const s = stocksAt(ix, u.code, ['staff_total', 'staff_installed'], m).values;
        installed += s.staff_installed ?? 0;
        total += s.staff_total ?? 0;
      }
    points.push({ month: m, label: formatMonth(m), installRate: ratio4(installed, total), staffInstalled: installed, staffTotal: total });
  }
  return points;
}

/** Per stock: how many units' figures come from an earlier period, and the oldest and newest such periods. */
export function carriedTally(units: readonly UnitReport[], key: string): { units: number; from: Month | null; to: Month | null } {
  let n = 0,
    from: Month | null = null,
    to: Month | null = null;
  for (const u of units) {
    if (!u.carried.includes(key)) continue;
    n++;
    const m = u.carriedFrom[key];
    if (m === undefined) continue;
    if (from === null || m < from) from = m;
    if (to === null || m > to) to = m;
  }
  return { units: n, from, to };
}

/** A stock's figure carried from an earlier period: by how many units, since when (MM/YYYY), and whether every unit's is. */
export interface Carried {
  units: number;
  from: string;
  /** Every unit with a figure for it has none this period, and all come from the one period `from`. */
  all: boolean;
}

/** One stock's carry, or null. `from` is the oldest period carried from. */
export function carriedOf(f: FormReport, i: IndicatorTotal): Carried | null {
  if (i.carriedFrom === null) return null;
  const everyUnit = i.carriedUnits === f.units.filter((u) => i.key in u.values).length;
  return { units: i.carriedUnits, from: formatMonth(i.carriedFrom), all: everyUnit && i.carriedTo === i.carriedFrom };
}

/** The form's stocks as one: the most units and the oldest period any of them is carried from; null when none is. */
export function stocksCarried(f: FormReport): Carried | null {
  const stocks = f.indicators.filter((i) => i.kind === 'stock');
  const carried = stocks.filter((i) => i.carriedFrom !== null);
  if (!carried.length) return null;
  const each = carried.map((i) => carriedOf(f, i)!);
  const from = Math.min(...carried.map((i) => i.carriedFrom!));
  return {
    units: Math.max(...each.map((c) => c.units)),
    from: formatMonth(from),
    all: carried.length === stocks.length && each.every((c) => c.all) && carried.every((i) => i.carriedFrom === from),
  };
}

/** Some unit gave a figure for the indicator this period (a carried stock counts): else its total of 0 says nothing. */
export function hasFigure(f: FormReport, i: IndicatorTotal): boolean {
  return f.units.some((u) => i.key in u.values);
}

/**
 * A form with nothing to report: no unit in the directory for the period and no figure, now or in any month of the
 * trend. A document leaves it out rather than print its zeros.
 */
export function isEmptyForm(f: FormReport): boolean {
  return (
    f.units.length === 0 &&
    f.indicators.every((i) => i.period === 0 && i.cumulative === 0) &&
    f.trend.every((p) => p.staffTotal === 0 && p.staffInstalled === 0)
  );
}

/** The forms a document prints, and those it only names as having no units. */
export function formsToPrint(r: Report): { shown: FormReport[]; empty: FormReport[] } {
  return { shown: r.forms.filter((f) => !isEmptyForm(f)), empty: r.forms.filter(isEmptyForm) };
}

/**
 * A unit's status in a period from its rows there (valid ones, the earliest stamp among them, invalid ones) and the
 * period's deadline; with those rows, which the report's unit line goes on to use.
 */
function statusAt(ix: FormIndex, code: string, m: Month, due: Day | null, passed: boolean) {
  const validRows = ix.valid.get(code)?.byMonth.get(m) ?? [];
  const invalidRows = ix.invalid.get(code)?.get(m) ?? [];
  const stamp = earliestStamp(validRows);
  let status: UnitStatus;
  if (validRows.length > 0) {
    if (due === null) status = 'reported';
    else if (!stamp) status = 'unknown_time';
    else status = stamp.getTime() < startOfDay(due).getTime() ? 'on_time' : 'late';
  } else if (invalidRows.length > 0) status = 'invalid';
  else if (due === null) status = 'none';
  else status = passed ? 'missing' : 'pending';
  return { status, stamp, validRows, invalidRows };
}

/** Every active unit's status and figures for one period, from an index of its form's rows. */
function unitsAt(ix: FormIndex, cols: readonly ColumnSpec[], period: Month, due: Day | null, passed: boolean): UnitReport[] {
  const stockKeys = cols.filter((c) => c.kind === 'stock').map((c) => c.key);
  const flowKeys = cols.filter((c) => c.kind === 'flow').map((c) => c.key);
  const decimalKeys = new Set(cols.filter((c) => c.type === 'decimal').map((c) => c.key));
  const units: UnitReport[] = [];
  for (const u of ix.units) {
    if (!isActive(u, period)) continue;
    const { status, stamp, validRows, invalidRows } = statusAt(ix, u.code, period, due, passed);
    const { values, carried, from } = stocksAt(ix, u.code, stockKeys, period);
    if (validRows.length > 0) {
      const flows = flowsOf(validRows, flowKeys);
      for (const k of flowKeys) if (k in flows) values[k] = decimalKeys.has(k) ? round1(flows[k]) : flows[k];
    }
    // Schema order, so the JSON reads like the form.
    const ordered: Record<string, number> = {};
    for (const c of cols) if (c.key in values) ordered[c.key] = values[c.key];
    units.push({
      code: u.code,
      name: u.name,
      emails: u.emails.slice(),
      status,
      submittedAt: stamp,
      values: ordered,
      carried: stockKeys.filter((k) => carried.indexOf(k) >= 0),
      carriedFrom: from,
      installRate: ratio4(values.staff_installed ?? 0, values.staff_total ?? 0),
      installShare: share(values.staff_installed ?? 0, values.staff_total ?? 0),
      invalidRows: invalidRows.map((r) => r.row).sort((a, b) => a - b),
    });
  }

  return units;
}

/**
 * What a report says of its units' statuses, whether the units are live or closed: the counts, completeness and
 * timeliness (exact and as shown), who reached the sample target, and whom to chase.
 */
/** A report's counts, rates and shares from its tally, the install rate from these staff figures. */
export function tallyFields(t: ReturnType<typeof unitTally>, installed: number, total: number) {
  return {
    expected: t.expected,
    reported: t.reported,
    onTime: t.onTime,
    late: t.late,
    unknownTime: t.unknownTime,
    invalid: t.invalid,
    missing: t.missing,
    pending: t.pending,
    completeness: t.completeness,
    timeliness: t.timeliness,
    installRate: ratio4(installed, total),
    shares: { completeness: t.completenessShare, timeliness: t.timelinessShare, installRate: share(installed, total) },
  };
}

export function unitTally(form: FormId, units: readonly UnitReport[], due: Day | null, cols: readonly ColumnSpec[], sampleTarget: number) {
  const codes = (s: UnitStatus) => units.filter((x) => x.status === s).map((x) => x.code);
  const onTime = codes('on_time').length,
    late = codes('late').length,
    unknownTime = codes('unknown_time').length;
  const reported = onTime + late + unknownTime + codes('reported').length;
  const expected = due === null ? 0 : units.length;
  const chase: ChaseItem[] = units
    .filter((x) => x.status === 'missing' || x.status === 'invalid')
    .map((x) => ({
      form,
      code: x.code,
      name: x.name,
      emails: x.emails,
      status: x.status as 'missing' | 'invalid',
      reason: x.status === 'missing' ? CHASE_REASON.missing(due ? formatDay(due) : '') : CHASE_REASON.invalid(x.invalidRows.join(', ')),
    }));
  return {
    expected,
    reported,
    onTime,
    late,
    unknownTime,
    invalid: codes('invalid'),
    missing: codes('missing'),
    pending: codes('pending'),
    completeness: expected ? reported / expected : null,
    timeliness: expected ? onTime / expected : null,
    completenessShare: expected ? share(reported, expected) : null,
    timelinessShare: expected ? share(onTime, expected) : null,
    // The column held against `Chỉ tiêu mẫu đo mỗi tháng` is the form's `samples` (FORMS.md, Mã cột).
    sampleTargetReached: cols.some((c) => c.key === SAMPLES_KEY)
      ? units.filter((x) => x.values.samples !== undefined && x.values.samples >= sampleTarget).map((x) => x.code)
      : [],
    chase,
  };
}

function buildForm(v: Validation, spec: FormSpec, period: Month, today: Day): FormReport {
  const form = spec.id;
  const settings = v.settings;
  // The indicators in force for the period (`Từ kỳ`/`Đến kỳ` of the definition).
  const cols = indicators(spec).filter((c) => inForce(c, period));
  const flowKeys = cols.filter((c) => c.kind === 'flow').map((c) => c.key);
  const decimalKeys = new Set(cols.filter((c) => c.type === 'decimal').map((c) => c.key));
  const ix = indexForm(v, form, endOfDay(today));
  const { due, passed } = deadlineOf(spec, period, settings, today);

  const units = unitsAt(ix, cols, period, due, passed);

  const tally = unitTally(form, units, due, cols, settings.sampleTarget);

  const start = settings.startMonth;
  const current = totalsAt(ix, cols, period);
  const previous = period - 1 >= start ? totalsAt(ix, cols, period - 1) : null;
  const cumulativeFlows: Record<string, number> = {};
  for (const k of flowKeys) cumulativeFlows[k] = 0;
  for (let m = start; m <= period; m++) {
    const f = (v.closed && closedFlows(v.closed, form, m, flowKeys)) || flowsOf(ix.validByMonth.get(m), flowKeys);
    for (const k of flowKeys) cumulativeFlows[k] += f[k] ?? 0;
  }
  const fix = (k: string, x: number) => (decimalKeys.has(k) ? round1(x) : x);
  const totals: IndicatorTotal[] = cols.map((c) => {
    const p = fix(c.key, current[c.key]);
    const prev = previous ? fix(c.key, previous[c.key]) : null;
    const carried = carriedTally(units, c.key);
    return {
      key: c.key,
      header: c.header,
      kind: c.kind!,
      decimal: decimalKeys.has(c.key),
      period: p,
      cumulative: c.kind === 'stock' ? p : fix(c.key, cumulativeFlows[c.key]),
      previous: prev,
      change: prev === null ? null : fix(c.key, p - prev),
      carriedUnits: carried.units,
      carriedFrom: carried.from,
      carriedTo: carried.to,
    };
  });

  const report: FormReport = {
    form,
    tab: spec.tab,
    group: spec.group,
    dueBefore: due,
    oneOffDue: spec.monthly ? null : (spec.dueDate ?? settings.oneOffDeadline),
    ...tallyFields(tally, current.staff_installed, current.staff_total),
    indicators: totals,
    units,
    sampleTargetReached: tally.sampleTargetReached,
    trend: trendOf(ix, Math.min(start, period), period),
    chase: tally.chase,
    measured: measuredReport(v.measured, form, units, period, settings.sampleTarget),
    closedAt: null,
    corrections: [],
    closedGaps: [],
    closedSkipped: [],
  };
  // A closed period reports its closed figures, and every difference since (the period issue).
  const closed = ix.closes.get(period) ?? null;
  return closed ? officialReport(report, closed, cols, settings.sampleTarget, spec) : report;
}

/** A period's deadline for `spec` (null: none) and whether it has passed by `today`. */
function deadlineOf(spec: FormSpec, m: Month, settings: Validation['settings'], today: Day): { due: Day | null; passed: boolean } {
  const due = dueBefore(spec, m, settings);
  return { due, passed: due !== null && deadlinePassed(due, today) };
}

/** Each active unit's status and figures in each of `periods` (one pass over the form's rows): the close. */
export function unitReports(v: Validation, spec: FormSpec, periods: readonly Month[], today: Day): Map<Month, UnitReport[]> {
  const ix = indexForm(v, spec.id, endOfDay(today));
  const out = new Map<Month, UnitReport[]>();
  for (const m of periods) {
    const { due, passed } = deadlineOf(spec, m, v.settings, today);
    out.set(
      m,
      unitsAt(
        ix,
        indicators(spec).filter((c) => inForce(c, m)),
        m,
        due,
        passed,
      ),
    );
  }
  return out;
}

/**
 * Each active unit's status alone in each of `periods`: what the status tab shows, without the figures `unitReports`
 * adds (an edit of many units refreshes their statuses, and the stocks of every period would cost it most of its CPU).
 */
export function unitStatuses(v: Validation, spec: FormSpec, periods: readonly Month[], today: Day): Map<Month, Map<string, UnitStatus>> {
  const ix = indexForm(v, spec.id, endOfDay(today));
  const out = new Map<Month, Map<string, UnitStatus>>();
  for (const m of periods) {
    const { due, passed } = deadlineOf(spec, m, v.settings, today);
    const statuses = new Map<string, UnitStatus>();
    for (const u of ix.units) if (isActive(u, m)) statuses.set(u.code, statusAt(ix, u.code, m, due, passed).status);
    out.set(m, statuses);
  }
  return out;
}

export function buildReport(v: Validation, period: Month, forms: readonly FormId[], today: Day): Report {
  const chosen = v.forms.filter((f) => forms.includes(f.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reports = chosen.map((f) => buildForm(v, f, period, today));
  const trend: TrendPoint[] = (reports[0]?.trend ?? []).map((p, i) => {
    let installed = 0,
      total = 0;
    for (const r of reports) {
      installed += r.trend[i].staffInstalled;
      total += r.trend[i].staffTotal;
    }
    return { month: p.month, label: p.label, installRate: ratio4(installed, total), staffInstalled: installed, staffTotal: total };
  });
  return {
    period,
    today,
    startMonth: v.settings.startMonth,
    sampleTarget: v.settings.sampleTarget,
    forms: reports,
    trend,
    chase: reports.flatMap((r) => r.chase),
  };
}

/** Exactly the `report --json` shape of INTERFACES.md. */
export function reportJson(r: Report) {
  return {
    period: formatMonth(r.period),
    forms: r.forms.map((f) => ({
      form: f.form,
      dueBefore: f.dueBefore,
      expected: f.expected,
      reported: f.reported,
      onTime: f.onTime,
      late: f.late,
      unknownTime: f.unknownTime,
      invalid: f.invalid.slice(),
      missing: f.missing.slice(),
      installRate: f.installRate,
      indicators: f.indicators.map((i) => ({ key: i.key, kind: i.kind, period: i.period, cumulative: i.cumulative })),
      units: f.units.map((u) => ({ code: u.code, name: u.name, status: u.status, values: { ...u.values }, carried: u.carried.slice() })),
      measured: measuredJson(f.measured),
      closedAt: f.closedAt ? localDateTime(f.closedAt) : null,
      corrections: f.corrections.map((c) => ({ ...c })),
    })),
  };
}

/** What `report --json` prints (INTERFACES.md), typed so tests read it without casts. */
export type ReportJson = ReturnType<typeof reportJson>;
