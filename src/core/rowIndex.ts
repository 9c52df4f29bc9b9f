// The edit index: what an edit needs to know of a form tab's OTHER rows (each unit's own history, duplicates, the
// closed figures), kept per unit so that an edit reads the rows it touched and its units' entries, never the whole
// tab (issue 14). The full check builds it; each edit updates the units it touched. It is a hint, never the truth:
// the edit checks it against what it reads and falls back to reading the whole tab when they disagree.
import type { CellValue, Grid, Month } from './types';
import type { FormRow, Validation } from './model';
import type { FormSpec } from './forms/schema';
import type { ClosedForm, ClosedUnit } from './close';
import { cellText, isBlank, isDate } from './cells';
import { fingerprint } from './fingerprint';

/** One data row as the index keeps it (short keys: the index lives in a size-limited cache). */
export interface IndexedRow {
  /** 1-based sheet row. */
  r: number;
  /** The unit key (`unitKey`): the key of its entry, not stored in it. */
  k: string;
  /** Digests of the `Đơn vị` and `Kỳ báo cáo` cells as read (`cellKey`): an edit compares them with what it reads. */
  t: string;
  p: string;
  m: Month | null;
  /** `Thời điểm nộp` in ms, null when blank. */
  s: number | null;
  /** Valid apart from duplicates (duplicates are found again among the unit's rows at every edit). */
  ok: boolean;
  /** The parsed numbers (FormRow.values). */
  v: Record<string, number | null>;
  /** The row's identity digest (forms with several rows per period: duplicates are identical rows). */
  d?: string;
}

/** A unit's entry: its rows on the tab and its closed figures (`c`: [period, close time ms, figures]). */
export interface UnitEntry {
  rows: IndexedRow[];
  c: [Month, number, ClosedUnit][];
}

/** What the index knows of the tab as a whole: an edit trusts the entries only when these still hold. */
export interface IndexMeta {
  /** Build id: entries of another build are not mixed in. */
  b: string;
  headerRow: number;
  width: number;
  /** Digest of the rows above the data (the header row and any title block). */
  head: string;
  /** Sheet.getLastRow() when built (rows inserted or deleted elsewhere move every row below). */
  lastRow: number;
  buckets: number;
  /** Every close of this form: [period, close time ms] (a unit missing from a close is told apart from no close). */
  closes: [Month, number][];
}

/** A cell as a short comparable digest (dates by their instant, other values trimmed): 8 hex digits. */
export function cellKey(v: CellValue | undefined): string {
  if (isBlank(v)) return '';
  const text = isDate(v) ? `d${v.getTime()}` : `${typeof v}:${String(v).trim()}`;
  let k = digests.get(text);
  if (k === undefined) {
    if (digests.size > 5000) digests.clear(); // a tab repeats a few hundred unit names and periods
    k = fingerprint(text).slice(0, 8);
    digests.set(text, k);
  }
  return k;
}
const digests = new Map<string, string>();

/** Digest of the rows above the data: a changed header (a column inserted, renamed) invalidates the index. */
export function headDigest(grid: Grid, headerRow: number, width: number): string {
  const parts: string[] = [String(width)];
  for (let r = 0; r < headerRow; r++) for (let c = 0; c < width; c++) parts.push(cellText(grid[r]?.[c] ?? '').trim());
  return fingerprint(parts.join('\u0000'));
}

/** The key a row is kept under: its canonical unit, else the unit text it holds ('?' first), so identical texts meet. */
export function unitKey(row: FormRow, unitText: CellValue | undefined): string {
  return row.unitCode ?? `?${cellText(unitText ?? '').trim()}`;
}

/** Bucket of a unit key among n (a stable string hash). */
export function bucketOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/** A row of the validation as the index keeps it; `cells` the sheet row, `skip` the script-owned columns. */
export function indexRow(spec: FormSpec, v: Validation, row: FormRow, cells: readonly CellValue[]): IndexedRow {
  const col = v.layouts[spec.tab].columns;
  const ok = !row.problems.some((p) => p.severity === 'error' && p.code !== 'duplicate');
  const out: IndexedRow = {
    r: row.row,
    k: unitKey(row, cells[col.unit]),
    t: cellKey(cells[col.unit]),
    p: cellKey(cells[col.period]),
    m: row.month,
    s: row.submittedAt ? row.submittedAt.getTime() : null,
    ok,
    v: row.values,
  };
  if (spec.multipleRowsPerPeriod) out.d = identityDigest(spec, v, cells);
  return out;
}

/** Columns a row's identity leaves out: the script-owned ones. */
function ownedColumns(spec: FormSpec, v: Validation): Set<number> {
  const col = v.layouts[spec.tab].columns;
  return new Set(spec.columns.filter((c) => c.scriptOwned && c.key in col).map((c) => col[c.key]));
}

/** Text that identifies a row apart from its script-owned cells (the duplicate rule of forms with several rows). */
export function rowIdentity(cells: readonly CellValue[], skip: Set<number>): string {
  const parts: string[] = [];
  let last = -1;
  for (let i = 0; i < cells.length; i++) if (!skip.has(i) && !isBlank(cells[i])) last = i;
  for (let i = 0; i <= last; i++) {
    if (skip.has(i)) continue;
    const x = cells[i];
    parts.push(isDate(x) ? `d${x.getTime()}` : isBlank(x) ? '' : `${typeof x}:${typeof x === 'string' ? x.trim() : String(x)}`);
  }
  return fingerprint(parts.join('\u0000'));
}

export function identityDigest(spec: FormSpec, v: Validation, cells: readonly CellValue[]): string {
  return rowIdentity(cells, ownedColumns(spec, v));
}

/** The closes of one form as the index keeps them: per unit, and the list of closes. */
function closedByUnit(spec: FormSpec, closed: readonly ClosedForm[]): { byUnit: Map<string, UnitEntry['c']>; closes: [Month, number][] } {
  const byUnit = new Map<string, UnitEntry['c']>();
  const closes: [Month, number][] = [];
  for (const c of closed) {
    if (c.form !== spec.id) continue;
    closes.push([c.period, c.closedAt.getTime()]);
    for (const u of c.units) {
      const list = byUnit.get(u.code) ?? [];
      list.push([c.period, c.closedAt.getTime(), u]);
      byUnit.set(u.code, list);
    }
  }
  return { byUnit, closes };
}

/** The whole index of one form tab from a full validation of it (`grid`: the tab as read). */
export function buildIndex(
  spec: FormSpec,
  v: Validation,
  grid: Grid,
  closed: readonly ClosedForm[],
  lastRow: number,
  build: string,
): { meta: IndexMeta; units: Map<string, UnitEntry> } | null {
  const layout = v.layouts[spec.tab];
  if (!layout?.headerRow || !('unit' in layout.columns)) return null;
  const width = grid[0]?.length ?? 0;
  const units = new Map<string, UnitEntry>();
  const { byUnit, closes } = closedByUnit(spec, closed);
  for (const row of v.rows) {
    if (row.sheet !== spec.tab) continue;
    const entry = indexRow(spec, v, row, grid[row.row - 1] ?? []);
    let u = units.get(entry.k);
    if (!u) {
      u = { rows: [], c: byUnit.get(entry.k) ?? [] };
      units.set(entry.k, u);
    }
    u.rows.push(entry);
  }
  for (const [code, c] of byUnit) if (!units.has(code)) units.set(code, { rows: [], c });
  const meta: IndexMeta = {
    b: build,
    headerRow: layout.headerRow,
    width,
    head: headDigest(grid, layout.headerRow, width),
    lastRow,
    buckets: 1,
    closes,
  };
  return { meta, units };
}

/** The closed figures of the given units, as `readClosed` would give them restricted to those units. */
export function closedOf(spec: FormSpec, meta: IndexMeta, entries: readonly UnitEntry[]): ClosedForm[] {
  const byClose = new Map<string, ClosedForm>();
  for (const [period, at] of meta.closes) byClose.set(`${period}|${at}`, { form: spec.id, period, closedAt: new Date(at), units: [] });
  for (const e of entries) for (const [period, at, u] of e.c) byClose.get(`${period}|${at}`)?.units.push(u);
  return Array.from(byClose.values());
}

/** The index row back as a form row (no problems: only its validity, figures and place matter to the edit). */
export function asFormRow(spec: FormSpec, e: IndexedRow): FormRow {
  return {
    form: spec.id,
    sheet: spec.tab,
    row: e.r,
    unitCode: e.k.startsWith('?') ? null : e.k,
    month: e.m,
    values: { ...e.v },
    submittedAt: e.s === null ? null : new Date(e.s),
    problems: [],
    valid: e.ok,
  };
}

/** The group a row's duplicates share (markDuplicates' key, from an index row): null when it can have none. */
function duplicateGroup(spec: FormSpec, e: IndexedRow): string | null {
  if (spec.multipleRowsPerPeriod) return e.d ?? null;
  return e.k.startsWith('?') || e.m === null ? null : `${e.k}\u0000${e.m}`;
}

/**
 * The rows of `others` (outside an edit) in a duplicate group with one of `edited` (the edited rows' entries before
 * and after the edit): their duplicate marks name the edited rows, so the edit marks them again. Sorted.
 */
export function duplicatePartners(spec: FormSpec, others: readonly IndexedRow[], edited: Iterable<IndexedRow>): number[] {
  const groups = new Set<string>();
  for (const e of edited) {
    const g = duplicateGroup(spec, e);
    if (g !== null) groups.add(g);
  }
  if (!groups.size) return [];
  const out = new Set<number>();
  for (const o of others) {
    const g = duplicateGroup(spec, o);
    if (g !== null && groups.has(g)) out.add(o.r);
  }
  return [...out].sort((a, b) => a - b);
}
