// VNNIC's measured i-Speed samples by locality (tab `Dữ liệu i-Speed`): read as the officer pastes the table, matched to
// units, and set beside what each unit reports (PRODUCT.md, "The outcome, not only the effort").
import type { CellValue, FormId, Grid, Month, Problem, ProblemCode, Severity } from './types';
import type { TabLayout, Unit } from './model';
import { SAMPLES_KEY, TAB, type FormSpec } from './forms/schema';
import { cellText, foldText, isBlank, isDate, readNumber, readPeriod } from './cells';
import { findLayout, firstDataRow, isColumnNumbers, type HeaderSpec } from './layout';
import { unitMatcher } from './directory';
import { formatMonth, month as monthOf } from './periods';
import { MEASURED_DAY_RANGE, MEASURED_HEADERS as H, MEASURED_MONTH_LABEL, MEASURED_MSG as MSG, PROVINCE_TOTAL } from './text/measured';

/** One locality row of the table that has a month and a samples cell. */
export interface MeasuredRow {
  /** 1-based sheet row. */
  row: number;
  locality: string;
  /** The header of the column the locality was read from (the commune column, or the district column). */
  header: string;
  month: Month;
  /** null when the cell does not read as a whole number (the problem says so). */
  samples: number | null;
  download: number | null;
  upload: number | null;
  /** The canonical unit the locality matched, or null (listed as unmatched). */
  unit: string | null;
  /** Another row of the same unit and month exists: neither counts. */
  duplicate: boolean;
}

export interface MeasuredTable {
  sheet: string;
  rows: MeasuredRow[];
  /** The forms whose units the localities were matched against: those with a `samples` column, else every form. */
  forms: FormId[];
  problems: Problem[];
  layout: TabLayout;
}

const COLUMNS: HeaderSpec[] = (Object.keys(H) as (keyof typeof H)[]).map((key) => ({ key, header: H[key][0], aliases: H[key].slice(1) }));
const SPEED_COLUMNS = COLUMNS.filter((c) => c.key === 'download' || c.key === 'upload');
/** Rows scanned for the header row: a title block sits above it. */
const HEADER_SCAN = 100;

/** A header without a trailing unit such as `(Mbps)` or `(lượt)`, so `Tốc độ tải xuống (Mbps)` is `Tốc độ tải xuống`. */
function bareHeader(v: CellValue): CellValue {
  return typeof v === 'string' ? v.replace(/\s*\([^()]*\)\s*$/, '') : v;
}

/** The month a cell above the table gives the whole table (`Kỳ: 07/2024`, `Tháng 07/2024`, or `Kỳ:` then `07/2024`). */
function tableMonth(rows: Grid): Month | null {
  for (const cells of rows) {
    for (let c = 0; c < (cells || []).length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || !v.trim()) continue;
      const text = foldText(v);
      const m = MEASURED_MONTH_LABEL.exec(text);
      if (m) {
        const mo = Number(m[1]),
          y = Number(m[2]);
        if (mo >= 1 && mo <= 12) return monthOf(y, mo);
      }
      const range = MEASURED_DAY_RANGE.exec(text);
      if (range && range[1] === range[3] && range[2] === range[4] && Number(range[1]) >= 1 && Number(range[1]) <= 12)
        return monthOf(Number(range[2]), Number(range[1]));
      if (/^(kỳ báo cáo|kỳ|tháng|thời gian)\s*:?$/.test(text)) {
        const next = cells.slice(c + 1).find((x) => !isBlank(x));
        const p = next === undefined ? null : readPeriod(typeof next === 'string' ? next.trim() : next);
        if (p !== null) return p;
      }
    }
  }
  return null;
}

function emptyLayout(sheet: string): TabLayout {
  return { sheet, headerRow: 0, columns: {}, headers: {}, via: {} };
}

/** The 0-based column of a problem of the table (by the header it names), for sorting; 0 for a whole-table one. */
export function problemColumn(table: MeasuredTable, p: Problem): number {
  const key = Object.keys(table.layout.headers).find((k) => table.layout.headers[k] === p.column);
  return key === undefined ? 0 : table.layout.columns[key];
}

/** The forms a locality is matched against (FORMS.md: the column `samples` is the one held against the target). */
export function measuredForms(forms: readonly FormSpec[]): FormId[] {
  const withSamples = forms.filter((f) => f.columns.some((c) => c.key === SAMPLES_KEY)).map((f) => f.id);
  return withSamples.length ? withSamples : forms.map((f) => f.id);
}

/**
 * Reads VNNIC's table as pasted: the header row found by header (a title block above it), a month column or one month
 * for the whole table, merged cells (a value then blanks) carried down, numbers as VNNIC writes them. Each locality is
 * matched to a unit of the measured forms; one that matches none is kept and reported, never dropped.
 */
export function readMeasured(
  grid: Grid | undefined,
  units: readonly Unit[],
  forms: readonly FormSpec[],
  place: string,
  sheet: string = TAB.measured,
): MeasuredTable {
  const formIds = measuredForms(forms);
  const table: MeasuredTable = { sheet, rows: [], forms: formIds, problems: [], layout: emptyLayout(sheet) };
  if (!grid || grid.every((r) => (r || []).every((v) => isBlank(v)))) return table;
  const problem = (row: number, column: string, severity: Severity, code: ProblemCode, message: string) =>
    table.problems.push({ sheet, row, column, severity, code, message });

  const scan = grid.slice(0, HEADER_SCAN).map((r) => (r || []).map(bareHeader));
  const found = findLayout(sheet, scan, COLUMNS, ['locality', 'samples']);
  if (!found.headerRow || !('locality' in found.columns || 'district' in found.columns) || !('samples' in found.columns)) {
    problem(
      found.headerRow || 1,
      'locality' in found.columns ? H.samples[0] : H.locality[0],
      'error',
      'missing_column',
      MSG.noHeader(H.samples[0], H.locality[0]),
    );
    return table;
  }
  // A two-row header: `Tốc độ trung bình (Mbps)` merged above `Tải xuống` | `Tải lên`.
  const sub =
    'download' in found.columns || 'upload' in found.columns
      ? null
      : findLayout(sheet, [(grid[found.headerRow] || []).map(bareHeader)], SPEED_COLUMNS, ['download', 'upload']);
  const speedRow = sub?.headerRow ? found.headerRow + 1 : 0;
  if (speedRow) Object.assign(found.columns, sub!.columns);
  // Problems name the header as it stands in the sheet, `(Mbps)` and all.
  const headers: Record<string, string> = {};
  for (const key of Object.keys(found.columns)) {
    const from = grid[(speedRow && (key === 'download' || key === 'upload') ? speedRow : found.headerRow) - 1] || [];
    headers[key] = cellText(from[found.columns[key]]).replace(/\s+/g, ' ').trim();
  }
  const layout: TabLayout = { ...found, headers };
  // The column numbers (`(1) (2) (3)…`) sit under the last header row, the speeds' when there are two; looked for in the
  // cells as pasted (the scan drops a trailing `(…)`, so `(1)` would read blank there).
  delete layout.numbersRow;
  const lastHeader = speedRow || found.headerRow;
  if (isColumnNumbers(grid[lastHeader], [layout.columns.locality ?? layout.columns.district, layout.columns.samples]))
    layout.numbersRow = lastHeader + 1;
  table.layout = layout;
  const col = layout.columns;

  const whole = 'month' in col ? null : tableMonth(grid.slice(0, found.headerRow - 1));
  if (!('month' in col) && whole === null) {
    problem(found.headerRow, '', 'error', 'missing_column', MSG.noMonth(H.month[0]));
    return table;
  }

  const provinceKey = foldText(place);
  let carriedMonth: CellValue = '',
    carriedProvince: CellValue = '',
    monthRow = 0, // the row whose cell gave carriedMonth
    toldRow = 0; // the month cell whose problem was said
  for (let r = firstDataRow(layout) - 1; r < grid.length; r++) {
    const cells = grid[r] || [];
    const get = (key: string): CellValue => (key in col ? (cells[col[key]] ?? '') : '');
    const row = r + 1;
    // Merged cells arrive as a value in the first cell and blanks after: carry the month and the province down.
    if (!isBlank(get('month'))) {
      carriedMonth = get('month');
      monthRow = row;
    }
    if (!isBlank(get('province'))) carriedProvince = get('province');
    const from = isBlank(get('locality')) && 'district' in col ? 'district' : 'locality';
    const locality = cellText(get(from)).replace(/\s+/g, ' ').trim();
    const samplesCell = get('samples');
    // A province-level row has no locality; a group heading or a note has no samples.
    if (!locality || isBlank(samplesCell)) continue;
    const key = foldText(locality);
    if (PROVINCE_TOTAL.test(key) || key === provinceKey || (!isBlank(carriedProvince) && key === foldText(cellText(carriedProvince))))
      continue;

    let month: Month | null = whole;
    if ('month' in col) {
      month = isBlank(carriedMonth) ? null : readPeriod(typeof carriedMonth === 'string' ? carriedMonth.trim() : carriedMonth);
      // A month that does not read is said once, on its own cell (a merged cell's first), not on each row below it;
      // those rows count for no month, and their own cells are still checked.
      if (month === null && (isBlank(carriedMonth) || toldRow !== monthRow)) {
        toldRow = isBlank(carriedMonth) ? toldRow : monthRow;
        problem(
          isBlank(carriedMonth) ? row : monthRow,
          headers.month,
          'error',
          'bad_period',
          MSG.badMonth(headers.month, isDate(carriedMonth) ? cellText(carriedMonth) : cellText(carriedMonth).trim()),
        );
      }
    }
    const samples = readCount(samplesCell, headers.samples, row, problem);
    const speed = (k: 'download' | 'upload'): number | null => {
      const v = get(k);
      if (isBlank(v)) return null;
      const n = readNumber(v, false);
      if (n.ok) return n.value;
      problem(
        row,
        headers[k],
        'error',
        n.code === 'negative' ? 'negative' : 'not_number',
        n.code === 'negative' ? MSG.negative(headers[k], n.text) : MSG.notNumber(headers[k], n.text),
      );
      return null;
    };
    const download = speed('download'),
      upload = speed('upload');
    if (month === null) continue;
    table.rows.push({
      row,
      locality,
      header: headers[from],
      month,
      samples,
      download,
      upload,
      unit: null,
      duplicate: false,
    });
  }
  matchRows(table, units);
  return table;
}

function readCount(
  v: CellValue,
  header: string,
  row: number,
  problem: (row: number, column: string, severity: Severity, code: ProblemCode, message: string) => void,
): number | null {
  const n = readNumber(v, true);
  if (n.ok) return n.value;
  if (n.code === 'not_integer')
    problem(
      row,
      header,
      'error',
      'not_integer',
      n.thousands !== undefined ? MSG.notIntegerThousands(n.text, n.thousands) : MSG.notInteger(header, n.text),
    );
  else if (n.code === 'negative') problem(row, header, 'error', 'negative', MSG.negative(header, n.text));
  else problem(row, header, 'error', 'not_number', MSG.notNumber(header, n.text));
  return null;
}

/** Each locality to a unit of the measured forms, by the directory's matcher; unmatched and duplicate rows are reported. */
function matchRows(table: MeasuredTable, units: readonly Unit[]): void {
  const match = unitMatcher(units);
  const wanted = new Set(table.forms);
  const byUnit = new Map<string, MeasuredRow[]>();
  for (const r of table.rows) {
    let many: Unit[] | null = null;
    const closest: string[] = [];
    for (const form of table.forms) {
      const m = match(r.locality, form, r.month);
      if (m.kind === 'one' && wanted.has(m.unit.form)) {
        r.unit = m.unit.code;
        break;
      }
      if (m.kind === 'many') many = m.units;
      if (m.kind === 'none') for (const u of m.suggestions) if (!closest.includes(u.name)) closest.push(u.name);
    }
    if (r.unit === null) {
      const message = many
        ? MSG.ambiguous(
            r.locality,
            many.map((u) => `${u.name} (${u.code})`),
          )
        : MSG.unmatched(r.locality, closest);
      table.problems.push({ sheet: table.sheet, row: r.row, column: r.header, severity: 'warning', code: 'unmatched_locality', message });
      continue;
    }
    const key = `${r.unit}\u0000${r.month}`;
    const list = byUnit.get(key);
    if (list) list.push(r);
    else byUnit.set(key, [r]);
  }
  const names = new Map(units.map((u) => [u.code, u.name]));
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    const rows = list.map((r) => r.row);
    for (const r of list) {
      r.duplicate = true;
      table.problems.push({
        sheet: table.sheet,
        row: r.row,
        column: r.header,
        severity: 'error',
        code: 'duplicate',
        message: MSG.duplicate(names.get(r.unit!) ?? r.unit!, formatMonth(r.month), rows),
      });
    }
  }
  table.problems.sort((a, b) => a.row - b.row);
}

// ---- In the report ----

export interface MeasuredUnit {
  code: string;
  name: string;
  /** The measured samples of the period; 0 when the table has no row for the unit; null when its row does not read. */
  samples: number | null;
  /** The table has a row for the unit this period. */
  listed: boolean;
  /** The previous month's figure (same rules), null when the table has no row at all for that month. */
  previous: number | null;
  change: number | null;
  /** What the unit reported in its own `samples` column, null when it did not. */
  reported: number | null;
  /** The self-reported figure differs from the measured one by more than half of the measured one. */
  mismatch: boolean;
  atTarget: boolean;
  download: number | null;
  upload: number | null;
}

export interface FormMeasured {
  target: number;
  /** Every unit of the form active for the period, in the report's order (by code). */
  units: MeasuredUnit[];
  atTarget: number;
  /** Units under the target, lowest first (then by code). */
  below: string[];
  /** Localities of the period's table that match no unit, as written, in table order. */
  unmatched: string[];
  /** Units whose own `samples` differ from the measured figure by more than half. */
  mismatch: string[];
}

interface ReportedUnit {
  code: string;
  name: string;
  values: Record<string, number>;
}

/** A unit's figure for one month: 0 without a row, null when its row does not count (unreadable or duplicated). */
function figureOf(rows: MeasuredRow[] | undefined): { samples: number | null; row: MeasuredRow | null } {
  if (!rows || rows.length === 0) return { samples: 0, row: null };
  const r = rows[0];
  return { samples: rows.length > 1 || r.duplicate ? null : r.samples, row: r };
}

/**
 * The measured samples of one form for `period`: null when the table has no row for the period, or when the form is not
 * one the localities are matched against (a form without a `samples` column while another form has one).
 */
export function measuredReport(
  table: MeasuredTable | null | undefined,
  form: FormId,
  units: readonly ReportedUnit[],
  period: Month,
  target: number,
): FormMeasured | null {
  if (!table?.forms.includes(form)) return null;
  const now = table.rows.filter((r) => r.month === period);
  if (!now.length) return null;
  const before = table.rows.filter((r) => r.month === period - 1);
  const group = (rows: MeasuredRow[]) => {
    const out = new Map<string, MeasuredRow[]>();
    for (const r of rows)
      if (r.unit !== null) {
        const l = out.get(r.unit);
        if (l) l.push(r);
        else out.set(r.unit, [r]);
      }
    return out;
  };
  const nowBy = group(now),
    beforeBy = group(before);
  const list: MeasuredUnit[] = units.map((u) => {
    const cur = figureOf(nowBy.get(u.code));
    const previous = before.length ? figureOf(beforeBy.get(u.code)).samples : null;
    const reported = u.values[SAMPLES_KEY] ?? null;
    const samples = cur.samples;
    return {
      code: u.code,
      name: u.name,
      samples,
      listed: cur.row !== null,
      previous,
      change: samples !== null && previous !== null ? samples - previous : null,
      reported,
      mismatch: reported !== null && samples !== null && Math.abs(reported - samples) > samples / 2,
      atTarget: samples !== null && samples >= target,
      download: cur.row?.download ?? null,
      upload: cur.row?.upload ?? null,
    };
  });
  const below = list
    .filter((u) => u.samples !== null && u.samples < target)
    .sort((a, b) => a.samples! - b.samples! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((u) => u.code);
  const unmatched: string[] = [];
  for (const r of now) if (r.unit === null && !unmatched.includes(r.locality)) unmatched.push(r.locality);
  return {
    target,
    units: list,
    atTarget: list.filter((u) => u.atTarget).length,
    below,
    unmatched,
    mismatch: list.filter((u) => u.mismatch).map((u) => u.code),
  };
}

/** The `measured` object of `report --json`. */
export function measuredJson(m: FormMeasured | null) {
  if (!m) return null;
  const units: Record<string, number> = {},
    change: Record<string, number> = {};
  for (const u of m.units) {
    if (u.listed && u.samples !== null) units[u.code] = u.samples;
    if (u.change !== null) change[u.code] = u.change;
  }
  return {
    units,
    atTarget: m.atTarget,
    below: m.below.slice(),
    unmatched: m.unmatched.slice(),
    target: m.target,
    change,
    mismatch: m.units.filter((u) => u.mismatch).map((u) => ({ unit: u.code, reported: u.reported, measured: u.samples })),
  };
}
