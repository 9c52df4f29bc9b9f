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

/** What a caller may give besides the marks (see annotateRows). */
export interface AnnotateOptions {
  /** The timestamps to write (an edit); without them only the status column, if the tab has one, is written. */
  owned?: Map<number, OwnedValues>;
  /** The stamp cells' notes of the full check, per row of the block. */
  stampNotes?: string[];
  /** The tab's values as just read (by sheet row - 1): a script-owned column already holding its values is not written. */
  current?: readonly (readonly CellValue[])[];
  /** The block's range when the caller already has it (no second look-up). */
  blockRange?: GoogleAppsScript.Spreadsheet.Range;
  /** The block's notes as just read (an edit): when they and the status texts are what would be written, the notes
   * and colours are not written again. */
  shownNotes?: readonly (readonly string[])[];
}

/** Annotates a block of rows: a row without marks is empty, so it is cleared. */
export function annotateRows(sheet: Sheet, layout: TabLayout, block: Block, marks: RowMarks[], opts: AnnotateOptions = {}): void {
  const { owned, stampNotes, current, blockRange, shownNotes } = opts;
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
  if (!(shownNotes && current && marksShown(notes, shownNotes, byRow, status >= 0 ? statusCol! : -1, first, last, current))) {
    const range = blockRange ?? sheet.getRange(first, fromCol + 1, last - first + 1, width);
    range.setNotes(notes);
    range.setBackgrounds(backgrounds);
  }

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

/**
 * True when the block already shows these marks. A cell's colour follows from its note (each message is of one
 * severity) and the status cell's from the row's status text (`2 lỗi, 1 cảnh báo`), so equal notes and status texts
 * mean equal colours, with one exception: a row still being typed marks its blank cells without a note, so such a
 * row is always written. A colour changed by hand stays until the row's marks change or the daily check.
 */
function marksShown(
  notes: readonly (readonly string[])[],
  shown: readonly (readonly string[])[],
  byRow: Map<number, RowMarks>,
  statusCol: number,
  first: number,
  last: number,
  current: readonly (readonly CellValue[])[],
): boolean {
  if (statusCol < 0 || shown.length !== notes.length) return false;
  for (let r = first; r <= last; r++) {
    const want = notes[r - first],
      have = shown[r - first];
    if (!have || have.length !== want.length) return false;
    for (let c = 0; c < want.length; c++) if ((have[c] ?? '') !== want[c]) return false;
    const m = byRow.get(r);
    if ((current[r - 1]?.[statusCol] ?? '') !== (m?.status ?? '')) return false;
    if (m) for (const col in m.cells) if (!m.cells[col].note) return false;
  }
  return true;
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
