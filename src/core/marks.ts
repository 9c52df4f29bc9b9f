// What the sheet shows for each row: the status cell, its note, and a note and colour on each faulty cell.
import type { Problem, Severity } from './types';
import type { Validation } from './model';
import { STATUS } from './text/validation';

export const ERROR_BACKGROUND = '#f4cccc';
export const WARNING_BACKGROUND = '#fff2cc';

export interface RowMarks {
  /** 1-based sheet row. */
  row: number;
  /** 'Hợp lệ' | '2 lỗi' | '2 lỗi, 1 cảnh báo' | '1 cảnh báo'; '' for a requested row that is empty (clear it). */
  status: string;
  /** Every message of the row, one per line (each names its column). */
  statusNote: string;
  /** 0-based column -> the worst severity and the messages of that cell, one per line. */
  cells: Record<number, { severity: Severity; note: string }>;
}

/** The background of a cell with problems of this severity. */
export function background(severity: Severity): string {
  return severity === 'error' ? ERROR_BACKGROUND : WARNING_BACKGROUND;
}

/**
 * Marks for the data rows of `sheet` (all of them, or only `rows`). Problems without a column in the sheet
 * (whole-row problems) go to the status note only. Sheet-level problems (missing_column, anything on or above
 * the header row) are not row marks.
 */
export function rowMarks(v: Validation, sheet: string, rows?: number[]): RowMarks[] {
  const layout = v.layouts[sheet];
  const headerRow = layout ? layout.headerRow : 0;
  const columnOf = new Map<string, number>();
  if (layout) for (const key of Object.keys(layout.headers)) columnOf.set(layout.headers[key], layout.columns[key]);
  const byRow = new Map<number, Problem[]>();
  for (const p of v.problems) {
    if (p.sheet !== sheet || p.row <= headerRow || p.code === 'missing_column') continue;
    const list = byRow.get(p.row);
    if (list) list.push(p); else byRow.set(p.row, [p]);
  }
  const known = new Set<number>(byRow.keys());
  for (const r of v.rows) if (r.sheet === sheet) known.add(r.row);
  const wanted = rows ? Array.from(new Set(rows)) : Array.from(known);
  wanted.sort((a, b) => a - b);
  return wanted.map((row) => {
    if (!known.has(row)) return { row, status: '', statusNote: '', cells: {} };
    const problems = byRow.get(row) || [];
    let errors = 0;
    const cells: RowMarks['cells'] = {};
    for (const p of problems) {
      if (p.severity === 'error') errors++;
      const col = columnOf.get(p.column);
      if (col === undefined) continue;
      const cell = cells[col];
      if (!cell) cells[col] = { severity: p.severity, note: p.message };
      else {
        cell.note += `\n${p.message}`;
        if (p.severity === 'error') cell.severity = 'error';
      }
    }
    const warnings = problems.length - errors;
    return {
      row,
      status: problems.length ? STATUS.counts(errors, warnings) : STATUS.valid,
      statusNote: problems.map((p) => p.message).join('\n'),
      cells,
    };
  });
}
