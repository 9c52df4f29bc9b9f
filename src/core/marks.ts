// What the sheet shows for each row: the status cell, its note, and a note and colour on each faulty cell.
import type { Problem, Severity } from './types';
import type { FormRow, Validation } from './model';
import { STATUS } from './text/validation';

export const ERROR_BACKGROUND = '#f4cccc';
export const WARNING_BACKGROUND = '#fff2cc';
/** The `Kiểm tra` cell of a valid row. */
export const VALID_BACKGROUND = '#d9ead3';
/** A blank required cell of a row still being typed: a light mark, not the error red. */
export const PARTIAL_BACKGROUND = '#fdeeee';
/** The `Kiểm tra` cell of a row with warnings only: amber. */
export const STATUS_WARNING_BACKGROUND = '#fce5cd';

export interface RowMarks {
  /** 1-based sheet row. */
  row: number;
  /** 'Hợp lệ' | '2 lỗi' | '2 lỗi, 1 cảnh báo' | '1 cảnh báo'; '' for a requested row that is empty (clear it). */
  status: string;
  /** Every message of the row, one per line (each names its column). */
  statusNote: string;
  /** The `Kiểm tra` cell's colour: green valid, red errors, amber warnings, light for a row being typed; null = none. */
  statusBackground: string | null;
  /** 0-based column -> the worst severity, the messages (one per line) and the colour of that cell. */
  cells: Record<number, { severity: Severity; note: string; background: string }>;
}

/** The background of a cell with problems of this severity. */
export function background(severity: Severity): string {
  return severity === 'error' ? ERROR_BACKGROUND : WARNING_BACKGROUND;
}

/**
 * Marks for the data rows of `sheet` (all of them, or only `rows`). Problems without a column in the sheet
 * (whole-row problems) go to the status note only. Sheet-level problems (missing_column, anything on or above
 * the header row) are not row marks. `typing`: a row whose only errors are blank required cells may be one being typed
 * (its cells then get no note); false for a tab nobody types rows into (the closed figures).
 */
export function rowMarks(v: Validation, sheet: string, rows?: number[], typing = true): RowMarks[] {
  const layout = v.layouts[sheet];
  const headerRow = layout ? layout.headerRow : 0;
  const columnOf = new Map<string, number>();
  if (layout) for (const key of Object.keys(layout.headers)) columnOf.set(layout.headers[key], layout.columns[key]);
  const byRow = new Map<number, Problem[]>();
  for (let i = 0; i < v.problems.length; i++) {
    const p = v.problems[i];
    if (p.sheet !== sheet || p.row <= headerRow || p.code === 'missing_column') continue;
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const known = new Set<number>(byRow.keys());
  const models = new Map<number, FormRow>();
  // Indexed loops: once per tab over every row of the workbook, and for...of allocated an iterator result per row here.
  for (let i = 0; i < v.rows.length; i++) {
    const r = v.rows[i];
    if (r.sheet !== sheet) continue;
    known.add(r.row);
    models.set(r.row, r);
  }
  const wanted = rows ? Array.from(new Set(rows)) : Array.from(known);
  wanted.sort((a, b) => a - b);
  const unitHeader = layout?.headers.unit,
    periodHeader = layout?.headers.period;
  return wanted.map((row) => {
    if (!known.has(row)) return { row, status: '', statusNote: '', statusBackground: null, cells: {} };
    const problems = byRow.get(row);
    // Most rows: nothing wrong.
    if (!problems) return { row, status: STATUS.valid, statusNote: '', statusBackground: VALID_BACKGROUND, cells: {} };
    // Being typed: never submitted, its unit and period given, and nothing wrong but blank required cells.
    const errors0 = problems.filter((p) => p.severity === 'error');
    const typed =
      typing &&
      errors0.length > 0 &&
      errors0.every((p) => p.code === 'required' && p.column !== unitHeader && p.column !== periodHeader) &&
      !models.get(row)?.submittedAt;
    if (typed) {
      const cells: RowMarks['cells'] = {};
      for (const p of errors0) {
        const col = columnOf.get(p.column);
        if (col !== undefined) cells[col] = { severity: 'error', note: '', background: PARTIAL_BACKGROUND };
      }
      const warnings = problems.filter((p) => p.severity !== 'error');
      for (const p of warnings) {
        const col = columnOf.get(p.column);
        if (col !== undefined && !cells[col]) cells[col] = { severity: 'warning', note: p.message, background: WARNING_BACKGROUND };
      }
      const headers = errors0.map((p) => p.column).filter(Boolean);
      return {
        row,
        status: STATUS.partial(errors0.length),
        statusNote: [STATUS.partialNote(errors0.length, headers), ...warnings.map((p) => p.message)].join('\n'),
        statusBackground: PARTIAL_BACKGROUND,
        cells,
      };
    }
    let errors = 0;
    const cells: RowMarks['cells'] = {};
    // Errors before warnings (each in column order): a note shown cut short starts with what keeps the row out.
    const ordered = problems.some((p) => p.severity !== 'error')
      ? [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')]
      : problems;
    for (const p of ordered) {
      if (p.severity === 'error') errors++;
      const col = columnOf.get(p.column);
      if (col === undefined) continue;
      const cell = cells[col];
      if (!cell) cells[col] = { severity: p.severity, note: p.message, background: background(p.severity) };
      else {
        cell.note += `\n${p.message}`;
        if (p.severity === 'error') {
          cell.severity = 'error';
          cell.background = ERROR_BACKGROUND;
        }
      }
    }
    const warnings = problems.length - errors;
    return {
      row,
      status: problems.length ? STATUS.counts(errors, warnings) : STATUS.valid,
      statusNote: ordered.map((p) => p.message).join('\n'),
      statusBackground: errors ? ERROR_BACKGROUND : warnings ? STATUS_WARNING_BACKGROUND : VALID_BACKGROUND,
      cells,
    };
  });
}
