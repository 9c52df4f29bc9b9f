// Finding columns by header text: a title block may sit above, columns may be reordered or extra.
import type { Grid } from './types';
import type { TabLayout } from './model';
import { normalizeHeader } from './cells';

export interface HeaderSpec { key: string; header: string }

/** Rows scanned for a header row when the anchors are not found together. */
const FALLBACK_SCAN = 100;

function matchRow(row: unknown[] | undefined, wanted: Map<string, string>): { columns: Record<string, number>; headers: Record<string, string> } {
  const columns: Record<string, number> = {}, headers: Record<string, string> = {};
  (row || []).forEach((cell, i) => {
    if (typeof cell !== 'string' || !cell.trim()) return;
    const key = wanted.get(normalizeHeader(cell));
    if (key !== undefined && !(key in columns)) { columns[key] = i; headers[key] = cell.replace(/\s+/g, ' ').trim(); }
  });
  return { columns, headers };
}

/**
 * The header row is the first row holding both anchors (by default `Đơn vị` and `Kỳ báo cáo` when the columns
 * have the keys unit and period, else the first two columns given). When no row holds both (an anchor column was deleted), the row matching the most
 * headers (at least two) among the first rows is used, so the other columns are still checked.
 */
export function findLayout(sheet: string, grid: Grid | undefined, columns: readonly HeaderSpec[], anchors?: [string, string]): TabLayout {
  const wanted = new Map(columns.map((c) => [normalizeHeader(c.header), c.key]));
  const hasForm = columns.some((c) => c.key === 'unit') && columns.some((c) => c.key === 'period');
  const [a, b] = anchors ?? (hasForm ? ['unit', 'period'] : [columns[0].key, columns[1].key]);
  const keyA = normalizeHeader(columns.find((c) => c.key === a)!.header);
  const keyB = normalizeHeader(columns.find((c) => c.key === b)!.header);
  const rows = grid || [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] || [];
    let hasA = false, hasB = false;
    for (const cell of row) {
      if (typeof cell !== 'string' || !cell) continue;
      const k = normalizeHeader(cell);
      if (k === keyA) hasA = true; else if (k === keyB) hasB = true;
    }
    if (hasA && hasB) return { sheet, headerRow: r + 1, ...matchRow(row, wanted) };
  }
  let best: TabLayout = { sheet, headerRow: 0, columns: {}, headers: {} };
  let bestCount = 1;
  for (let r = 0; r < Math.min(rows.length, FALLBACK_SCAN); r++) {
    const m = matchRow(rows[r], wanted);
    const n = Object.keys(m.columns).length;
    if (n > bestCount) { best = { sheet, headerRow: r + 1, ...m }; bestCount = n; }
  }
  return best;
}
