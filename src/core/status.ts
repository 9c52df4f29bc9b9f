// The status tab `Tình hình báo cáo`: one row per unit (grouped by form, sorted by name), one column per period with
// a deadline from `Kỳ bắt đầu` to today, each cell the unit's status as the report model gives it.
import type { FormId, Month } from './types';
import type { Validation } from './model';
import type { FormSpec } from './forms/schema';
import { isActive } from './directory';
import { dueBefore, formatMonth, monthOfDay, type Day } from './periods';
import { unitStatuses, type UnitStatus } from './report/model';
import { STATUS_CELL, STATUS_COLOUR, STATUS_TAB } from './text/period';
import { neutralize } from './safety';
import { columnLetter } from './a1';

export interface StatusRow {
  form: FormId;
  code: string;
  name: string;
  /** '#gid=…&range=…' to the unit's rows on its own tab ('' when the tab's id is unknown). */
  link: string;
  /** Per period column: the status, or null where the unit is not expected (no deadline, not active). */
  statuses: (UnitStatus | null)[];
}

export interface StatusTab {
  periods: Month[];
  rows: StatusRow[];
}

/** Vietnamese order of names, one collator for all comparisons (localeCompare builds one per call). */
const VI = new Intl.Collator('vi');

/** The periods a form is due in, from `Kỳ bắt đầu` to today's month. */
function duePeriods(spec: FormSpec, v: Validation, current: Month): Month[] {
  const out: Month[] = [];
  for (let m = v.settings.startMonth; m <= current; m++) if (dueBefore(spec, m, v.settings) !== null) out.push(m);
  return out;
}

/**
 * The whole tab. `gids` holds each form tab's sheet id (for the links); with `only`, statuses are computed for that
 * one unit alone (an edit), or its `codes`, in the periods from the first to the last of its `months`; the other rows
 * and columns keep their place but carry no statuses.
 */
export function statusTab(
  v: Validation,
  today: Day,
  gids: Record<string, number>,
  only?: { form: FormId; code?: string; codes?: ReadonlySet<string>; months?: readonly Month[] },
): StatusTab {
  const current = monthOfDay(today);
  // An edit's months (`months`): it writes the columns from the first to the last of them, so only those are computed.
  const months = only?.months;
  const lo = months ? Math.min(...months) : -Infinity,
    hi = months ? Math.max(...months) : Infinity;
  const within = (m: Month) => m >= lo && m <= hi;
  const byForm = v.forms.map((spec) => ({ spec, periods: duePeriods(spec, v, current) }));
  const periods = Array.from(new Set(byForm.flatMap((f) => f.periods))).sort((a, b) => a - b);
  const rows: StatusRow[] = [];
  // Each unit's first and last row on its tab, in one pass; an edit (`only`) writes no links and needs none.
  const span = new Map<string, [number, number]>();
  if (!only) {
    for (const r of v.rows) {
      if (r.unitCode === null) continue;
      const k = `${r.form}|${r.unitCode}`,
        s = span.get(k);
      if (!s) span.set(k, [r.row, r.row]);
      else {
        if (r.row < s[0]) s[0] = r.row;
        if (r.row > s[1]) s[1] = r.row;
      }
    }
  }
  for (const { spec, periods: own } of byForm) {
    const units = v.units
      .filter((u) => u.form === spec.id && u.enabled && own.some((m) => isActive(u, m)))
      .sort((a, b) => VI.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
    if (!units.length) continue;
    const wanted = !only || only.form === spec.id;
    // Per period, code -> status: one pass over each period's units, not one search per cell.
    const reports = new Map<Month, Map<string, UnitStatus>>();
    // An edit's units only (`codes`): a unit's status depends on its own rows alone, so the others are not computed.
    const of = only?.codes ? { ...v, units: v.units.filter((u) => only.codes!.has(u.code)) } : v;
    if (wanted) for (const [m, statuses] of unitStatuses(of, spec, own.filter(within), today)) reports.set(m, statuses);
    const layout = v.layouts[spec.tab];
    const width = layout ? Math.max(0, ...Object.values(layout.columns)) + 1 : 1;
    for (const u of units) {
      const computed = wanted && (!only?.code || only.code === u.code) && (!only?.codes || only.codes.has(u.code));
      const statuses = periods.map((m) => {
        if (!computed || !own.includes(m)) return null;
        return reports.get(m)?.get(u.code) ?? null;
      });
      const gid = gids[spec.tab];
      const s = span.get(`${spec.id}|${u.code}`);
      const link = gid === undefined ? '' : s ? `#gid=${gid}&range=A${s[0]}:${columnLetter(width)}${s[1]}` : `#gid=${gid}`;
      rows.push({ form: spec.id, code: u.code, name: u.name, link, statuses });
    }
  }
  return { periods, rows };
}

/** The header row of the tab. */
export function statusHeader(tab: StatusTab): string[] {
  return [...STATUS_TAB.headers, ...tab.periods.map(formatMonth)];
}

/**
 * The colour of each status text, one per distinct text (two statuses shown alike share one colour): what the status
 * tab's conditional format rules give, so a row's statuses are written as plain values.
 */
export function statusTextColours(): { text: string; colour: string }[] {
  const out = new Map<string, string>();
  for (const s of Object.keys(STATUS_CELL) as UnitStatus[]) if (!out.has(STATUS_CELL[s])) out.set(STATUS_CELL[s], STATUS_COLOUR[s]);
  return Array.from(out, ([text, colour]) => ({ text, colour }));
}

/** A row's cells: form, code, name, then each period's status text; and their backgrounds. */
export function statusCells(row: StatusRow): { texts: string[]; colours: (string | null)[] } {
  return {
    // Rich text is literal, but a directory name that looks like a formula is shown neutralised all the same.
    texts: [row.form, row.code, neutralize(row.name), ...row.statuses.map((s) => (s ? STATUS_CELL[s] : ''))],
    colours: [null, null, null, ...row.statuses.map((s) => (s ? STATUS_COLOUR[s] : null))],
  };
}
