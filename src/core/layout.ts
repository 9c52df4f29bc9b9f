// Finding columns by header text: a title block may sit above, columns may be reordered or extra.
import type { CellValue, Grid } from './types';
import type { TabLayout } from './model';
import { isBlank, normalizeHeader } from './cells';

export interface HeaderSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  /** The script's own column (`Thời điểm nộp`, `Cập nhật lần cuối`, `Kiểm tra`): what it holds is the script's. */
  scriptOwned?: boolean;
}

/** Every normalised header text that means a column: its header, then its other names (`Tên gọi khác`). */
export function headerKeys(columns: readonly HeaderSpec[]): Map<string, { key: string; via: 'header' | 'alias' }> {
  const wanted = new Map<string, { key: string; via: 'header' | 'alias' }>();
  for (const c of columns) {
    const k = normalizeHeader(c.header);
    if (k && !wanted.has(k)) wanted.set(k, { key: c.key, via: 'header' });
  }
  for (const c of columns) {
    for (const a of c.aliases ?? []) {
      const k = normalizeHeader(a);
      if (k && !wanted.has(k)) wanted.set(k, { key: c.key, via: 'alias' });
    }
  }
  return wanted;
}

/** Rows scanned for a header row when the anchors are not found together. */
const FALLBACK_SCAN = 100;

type Matched = Pick<TabLayout, 'columns' | 'headers' | 'via'>;

function matchRow(row: unknown[] | undefined, wanted: ReturnType<typeof headerKeys>): Matched {
  const columns: Record<string, number> = {},
    headers: Record<string, string> = {},
    via: Record<string, 'header' | 'alias'> = {};
  (row || []).forEach((cell, i) => {
    if (typeof cell !== 'string' || !cell.trim()) return;
    const w = wanted.get(normalizeHeader(cell));
    if (w !== undefined && !(w.key in columns)) {
      columns[w.key] = i;
      headers[w.key] = cell.replace(/\s+/g, ' ').trim();
      via[w.key] = w.via;
    }
  });
  return { columns, headers, via };
}

// ---- The column-number row ----

/** A column-number label: `1`…`999` (a number cell or text), a capital `A`…`Z`, either in parentheses or not. */
const LABEL = '\\(?(?:[1-9]\\d{0,2}|[A-Z])\\)?';
const LONE = new RegExp(`^${LABEL}$`);
/** Labels joined by + - * / x × : = (`(4)=(2)+(3)`, `5=3+4`, `(6)=(5)/(2)x100`): a computed column's. */
const JOINED = new RegExp(`^${LABEL}(?:[-+*/x×:=]${LABEL})*$`);

/** The cell as a label, as compared for repeats (`(1)` is `1`), or null; `lone`: a single label only. */
function label(cell: unknown, lone?: boolean): string | null {
  const t = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.normalize('NFKC').replace(/\s+/g, '') : '';
  return (lone ? LONE : JOINED).test(t) ? t.replace(/[()]/g, '') : null;
}

/** True when the cell is a column-number label (a computed one included). */
export const isColumnLabel = (cell: unknown): boolean => label(cell) !== null;

/**
 * True when `row`, the row right under the header row, is the column-number row Vietnamese forms put there
 * (`(1) (2) (3)…`, `1 2 3…`, `A B C (1) (2)…`, `(4)=(2)+(3)`): it then belongs to the header block and is no data row
 * (nothing is wrong with it: no problem, no mark, no stamp, not in the report, the index or the status). The rule is
 * kept narrow so that no row that could be a report is ever skipped:
 * - every non-blank cell is a label (label: a whole number 1–999, as a number cell or as text, or a capital letter,
 *   in ( ) or not, or such labels joined by + - * / x × : =): a unit name, a period (`07/2024`, a date), a phone, a
 *   0, a figure with a decimal or a thousands mark, a lower-case `x`, any word makes it a data row;
 * - no label repeats (`(1)` and `1` are one label): a column number is given once, figures repeat;
 * - each anchor column found (the unit and the period on a form tab) holds a lone label (not a computed one: `7/24`
 *   may be a period typed short), at least one anchor is found, and there are at least two labels.
 * The script-owned columns (`ignore`) do not count: what they hold is the script's (a status an earlier check wrote
 * over a label there, `9 lỗi`, must not make the row a report again). Only the one row directly under the header row
 * is ever looked at.
 */
export function isColumnNumbers(
  row: readonly unknown[] | undefined,
  anchorCols: readonly (number | undefined)[],
  ignore?: ReadonlySet<number | undefined>,
): boolean {
  const found = anchorCols.filter((c) => c !== undefined) as number[];
  if (!row || !found.length || found.some((c) => label(row[c], true) === null)) return false;
  const seen = new Set<string>();
  for (let i = 0; i < row.length; i++) {
    if (ignore?.has(i) || isBlank(row[i] as CellValue)) continue;
    const l = label(row[i]);
    if (l === null || seen.has(l)) return false;
    seen.add(l);
  }
  return seen.size > 1;
}

/** The 1-based row the data of a tab starts at: under the header row and its column-number row (the one rule). */
export function firstDataRow(layout: Pick<TabLayout, 'headerRow' | 'numbersRow'>): number {
  return (layout.numbersRow || layout.headerRow) + 1;
}

/** The layout with its column-number row, when the row under its header row is one (isColumnNumbers). */
function withNumbers(l: TabLayout, rows: Grid, anchors: string[], columns: readonly HeaderSpec[]): TabLayout {
  const owned = new Set(columns.filter((c) => c.scriptOwned).map((c) => l.columns[c.key]));
  if (
    l.headerRow &&
    isColumnNumbers(
      rows[l.headerRow],
      anchors.map((k) => l.columns[k]),
      owned,
    )
  )
    l.numbersRow = l.headerRow + 1;
  return l;
}

/**
 * The header row is the first row holding both anchors (by default `Đơn vị` and `Kỳ báo cáo` when the columns
 * have the keys unit and period, else the first two columns given), under their headers or their other names. When no row holds both (an anchor column was deleted), the row matching the most
 * headers (at least two) among the first rows is used, so the other columns are still checked. A column-number row
 * right under the header row is `numbersRow` (isColumnNumbers); the data starts at firstDataRow.
 */
export function findLayout(sheet: string, grid: Grid | undefined, columns: readonly HeaderSpec[], anchors?: [string, string]): TabLayout {
  const wanted = headerKeys(columns);
  const hasForm = columns.some((c) => c.key === 'unit') && columns.some((c) => c.key === 'period');
  const [a, b] = anchors ?? (hasForm ? ['unit', 'period'] : [columns[0].key, columns[1].key]);
  const rows = grid || [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] || [];
    let hasA = false,
      hasB = false;
    for (const cell of row) {
      if (typeof cell !== 'string' || !cell) continue;
      const k = wanted.get(normalizeHeader(cell))?.key;
      if (k === a) hasA = true;
      else if (k === b) hasB = true;
    }
    if (hasA && hasB) return withNumbers({ sheet, headerRow: r + 1, ...matchRow(row, wanted) }, rows, [a, b], columns);
  }
  let best: TabLayout = { sheet, headerRow: 0, columns: {}, headers: {}, via: {} };
  let bestCount = 1;
  for (let r = 0; r < Math.min(rows.length, FALLBACK_SCAN); r++) {
    const m = matchRow(rows[r], wanted);
    const n = Object.keys(m.columns).length;
    if (n > bestCount) {
      best = { sheet, headerRow: r + 1, ...m };
      bestCount = n;
    }
  }
  return withNumbers(best, rows, [a, b], columns);
}
