// Writes the check's results onto a form tab: notes and backgrounds on problem cells, the script-owned columns.
// One batched call per kind over a block of rows, whatever its size (Google's batching advice, APPS_SCRIPT.md).
import type { CellValue } from '../core/types';
import type { TabLayout } from '../core/model';
import type { RowMarks } from '../core/marks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The script-owned values of one row; `undefined` leaves that column as it is. */
export interface OwnedValues {
  submittedAt?: Date | '';
  updatedAt?: Date | '' /** The stamp cell's note (src/core/stamp.ts). */;
  stampNote?: string;
}

/** Rows first..last (1-based) and columns fromCol..toCol-1 (0-based) that the check owns the notes and colours of. */
export interface Block {
  first: number;
  last: number;
  fromCol: number;
  toCol: number;
}

/**
 * Annotates a block of rows: a row without marks is empty, so it is cleared. `owned` gives the timestamps to write
 * (edit); without it only the status column, if the tab has one, is written (full check). `current`: the tab's values
 * as just read (full check); a script-owned column whose values it already holds is not written again. `blockRange`:
 * the block's range when the caller already has it (no second look-up).
 */
export function annotateRows(
  sheet: Sheet,
  layout: TabLayout,
  block: Block,
  marks: RowMarks[],
  owned?: Map<number, OwnedValues>,
  stampNotes?: string[],
  current?: readonly (readonly CellValue[])[],
  blockRange?: GoogleAppsScript.Spreadsheet.Range,
): void {
  const { first, last, fromCol, toCol } = block;
  const width = toCol - fromCol;
  if (last < first || width < 1) return;
  const byRow = new Map<number, RowMarks>();
  for (const m of marks) byRow.set(m.row, m);
  const statusCol = layout.columns.status;
  const subCol = layout.columns.submitted_at;
  const status = statusCol !== undefined && statusCol >= fromCol && statusCol < toCol ? statusCol - fromCol : -1;
  const stamp = subCol !== undefined && subCol >= fromCol && subCol < toCol ? subCol - fromCol : -1;
  const blankNotes = filled<string>(width, '');
  const blankColours = filled<string | null>(width, null);
  // Rows whose only colour is the status cell's share one row array per colour (most rows of a checked tab).
  const statusOnly = new Map<string | null, (string | null)[]>();
  const notes: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  for (let r = first; r <= last; r++) {
    const m = byRow.get(r);
    const noteRow = blankNotes.slice();
    let bgRow = blankColours;
    if (m) {
      let marked = false;
      for (const col in m.cells) {
        const c = Number(col) - fromCol;
        if (c < 0 || c >= width) continue;
        if (!marked) bgRow = blankColours.slice();
        marked = true;
        noteRow[c] = m.cells[col].note;
        bgRow[c] = m.cells[col].background;
      }
      if (status >= 0) {
        noteRow[status] = m.statusNote;
        if (marked) bgRow[status] = m.statusBackground;
        else {
          let shared = statusOnly.get(m.statusBackground);
          if (!shared) {
            shared = blankColours.slice();
            shared[status] = m.statusBackground;
            statusOnly.set(m.statusBackground, shared);
          }
          bgRow = shared;
        }
      }
    }
    if (stamp >= 0) {
      // The stamp cell's note is the stamp's memory (src/core/stamp.ts): the edit's, or the full check's.
      noteRow[stamp] = owned ? (owned.get(r)?.stampNote ?? '') : (stampNotes?.[r - first] ?? '');
    }
    notes.push(noteRow);
    backgrounds.push(bgRow);
  }
  const range = blockRange ?? sheet.getRange(first, fromCol + 1, last - first + 1, width);
  range.setNotes(notes);
  range.setBackgrounds(backgrounds);

  // Script-owned columns: written as one block when adjacent (the schema's order), else one call per column.
  const cols: { index: number; key: 'submittedAt' | 'updatedAt' | 'status' }[] = [];
  if (owned) {
    const sub = layout.columns.submitted_at,
      upd = layout.columns.updated_at;
    if (sub !== undefined) cols.push({ index: sub, key: 'submittedAt' });
    if (upd !== undefined) cols.push({ index: upd, key: 'updatedAt' });
  }
  if (statusCol !== undefined) cols.push({ index: statusCol, key: 'status' });
  cols.sort((a, b) => a.index - b.index);
  for (const run of adjacentRuns(cols)) {
    const values: CellValue[][] = [];
    let same = !!current;
    for (let r = first; r <= last; r++) {
      const line: CellValue[] = new Array(run.length);
      const o = owned?.get(r);
      for (let i = 0; i < run.length; i++) {
        const key = run[i].key;
        const v = key === 'status' ? (byRow.get(r)?.status ?? '') : (o?.[key] ?? '');
        line[i] = v;
        if (same && (current![r - 1]?.[run[i].index] ?? '') !== v) same = false;
      }
      values.push(line);
    }
    if (same) continue; // unchanged since the read: no call
    sheet.getRange(first, run[0].index + 1, last - first + 1, run.length).setValues(values);
  }
}

/** A packed array of `n` times `v` (copied per row with slice, which keeps it packed). */
function filled<T>(n: number, v: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(v);
  return out;
}

function adjacentRuns<T extends { index: number }>(cols: T[]): T[][] {
  const runs: T[][] = [];
  for (const c of cols) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].index === c.index - 1) run.push(c);
    else runs.push([c]);
  }
  return runs;
}
