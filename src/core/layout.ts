// Finding columns by header text: a title block may sit above, columns may be reordered or extra.
import type { Grid } from './types';
import type { TabLayout } from './model';
import { normalizeHeader } from './cells';

export interface HeaderSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
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

/**
 * The header row is the first row holding both anchors (by default `Đơn vị` and `Kỳ báo cáo` when the columns
 * have the keys unit and period, else the first two columns given), under their headers or their other names. When no row holds both (an anchor column was deleted), the row matching the most
 * headers (at least two) among the first rows is used, so the other columns are still checked.
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
    if (hasA && hasB) return { sheet, headerRow: r + 1, ...matchRow(row, wanted) };
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
  return best;
}
