// The units directory from a CSV file (shared/data format), as the `Danh mục đơn vị` tab grid.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CellValue, Grid } from '../core/types';
import { DIRECTORY_COLUMNS } from '../core/forms/schema';

export const UNITS_CSV = 'data/gialai-2024-units.csv';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * CSV -> the directory tab grid: DIRECTORY_COLUMNS headers in row 1, one row per unit.
 * CSV columns are found by key (`code`, `name`, …) or by Vietnamese header; `form` stays text ('03'),
 * `communes` becomes a number when it is one.
 */
export function parseUnitsCsv(text: string): Grid {
  const [head = [], ...body] = parseCsv(text);
  const index = DIRECTORY_COLUMNS.map((col) =>
    head.findIndex((h) => fold(h) === fold(col.key) || fold(h) === fold(col.header)));
  if (index[0] < 0 || index[1] < 0) throw new Error('units CSV: no code/name column');
  const grid: Grid = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (const r of body) {
    grid.push(DIRECTORY_COLUMNS.map((col, j): CellValue => {
      const raw = index[j] >= 0 ? (r[index[j]] ?? '').trim() : '';
      if (col.key === 'form' && /^\d$/.test(raw)) return `0${raw}`;
      if (col.key === 'communes' && /^\d+$/.test(raw)) return Number(raw);
      return raw;
    }));
  }
  return grid;
}

/** The repository root: the first folder up from here (or the working directory) holding the units CSV. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, UNITS_CSV))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`${UNITS_CSV} not found`);
}

let cached: string | null = null;

/** The 2024 units of Gia Lai (data/gialai-2024-units.csv). */
export function defaultUnitsGrid(): Grid {
  cached ??= readFileSync(join(repoRoot(), UNITS_CSV), 'utf8');
  return parseUnitsCsv(cached);
}
