// Counts the cells moved by cell-data calls (Range and RangeList reads and writes, Sheet.getSheetValues), per runtime,
// for the benchmark's cost model. Additive and self-contained: it wraps those methods once (installCellCounter) instead
// of editing them, and only counts calls made while the spreadsheet has a tracker (uncounted setup and test helpers
// stay uncounted).
import { MemRange, MemRangeList, MemSheet } from './spreadsheet';
import type { CallTracker } from './calls';

export interface SheetCells {
  reads: number;
  writes: number;
  cellsRead: number;
  cellsWritten: number;
}
export interface CellCount {
  read: number;
  written: number;
  bySheet: Record<string, SheetCells>;
}

/** Getters returning one value per cell of the range. */
const GRID_READS = [
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNumberFormats',
  'getNotes',
  'getBackgrounds',
  'getFontWeights',
  'getDataValidations',
];
/** Getters of the top-left cell only. */
const ONE_READS = [
  'getValue',
  'getDisplayValue',
  'getFormula',
  'getNumberFormat',
  'getNote',
  'getBackground',
  'getFontWeight',
  'getWrap',
  'getHorizontalAlignment',
  'getDataValidation',
];
/** Setters and clears writing every cell of the range (from a 2-D array or one value for all). */
const WRITES = [
  'setValues',
  'setFormulas',
  'setNumberFormats',
  'setNotes',
  'setBackgrounds',
  'setFontWeights',
  'setFontColors',
  'setDataValidations',
  'setValue',
  'setFormula',
  'setNumberFormat',
  'setNote',
  'setBackground',
  'setFontWeight',
  'setFontColor',
  'setFontStyle',
  'setWrap',
  'setHorizontalAlignment',
  'setDataValidation',
  'clear',
  'clearContent',
  'clearFormat',
  'clearNote',
  'clearDataValidations',
];

const counts = new WeakMap<CallTracker, CellCount>();
const INSTALLED = Symbol.for('ispeed.cellCounter');

/** The live cell count of a runtime's tracker (`rt.state.tracker`). */
export function cellCount(tracker: CallTracker): CellCount {
  let c = counts.get(tracker);
  if (!c) {
    c = { read: 0, written: 0, bySheet: {} };
    counts.set(tracker, c);
  }
  return c;
}

export function resetCells(tracker: CallTracker): void {
  counts.set(tracker, { read: 0, written: 0, bySheet: {} });
}

/** Adds n cells read or written on `sheet` to its spreadsheet's count (nothing without a tracker). */
function tally(sheet: MemSheet, kind: 'read' | 'write', n: number): void {
  const tracker = sheet.ss.tracker;
  if (!tracker) return;
  const c = cellCount(tracker);
  c.bySheet[sheet.name] ??= { reads: 0, writes: 0, cellsRead: 0, cellsWritten: 0 };
  const s = c.bySheet[sheet.name];
  if (kind === 'read') {
    c.read += n;
    s.reads += 1;
    s.cellsRead += n;
  } else {
    c.written += n;
    s.writes += 1;
    s.cellsWritten += n;
  }
}

/** Replaces proto[name] by a wrapper that tallies what each call moved: `measure` names the sheet and the cells. */
function wrap<T>(
  proto: Record<string, unknown>,
  name: string,
  kind: 'read' | 'write',
  measure: (self: T, args: unknown[]) => { sheet: MemSheet; n: number },
): void {
  const original = proto[name] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof original !== 'function') return;
  proto[name] = function (this: T, ...args: unknown[]) {
    const out = original.apply(this, args);
    const { sheet, n } = measure(this, args);
    tally(sheet, kind, n);
    return out;
  };
}

/** Wraps the cell-data methods of MemRange, MemRangeList and MemSheet (idempotent). Costs one WeakMap lookup per call,
 * nothing per cell. */
export function installCellCounter(): void {
  const ranges = MemRange.prototype as unknown as Record<string | symbol, unknown>;
  if (ranges[INSTALLED]) return;
  ranges[INSTALLED] = true;
  const all = (r: MemRange) => ({ sheet: r.sheet, n: r.numRows * r.numCols });
  for (const m of GRID_READS) wrap(ranges, m, 'read', all);
  for (const m of ONE_READS) wrap(ranges, m, 'read', (r: MemRange) => ({ sheet: r.sheet, n: 1 }));
  for (const m of WRITES) wrap(ranges, m, 'write', all);
  // RangeList setters: one call writing every cell of every range in the list.
  const lists = MemRangeList.prototype as unknown as Record<string, unknown>;
  for (const m of RANGE_LIST_WRITES)
    wrap(lists, m, 'write', (l: MemRangeList) => ({ sheet: l.sheet, n: l.ranges.reduce((k, r) => k + r.numRows * r.numCols, 0) }));
  // Sheet.getSheetValues(row, column, rows, columns): a block's values without a Range.
  const sheets = MemSheet.prototype as unknown as Record<string, unknown>;
  wrap(sheets, 'getSheetValues', 'read', (sheet: MemSheet, a) => ({ sheet, n: Number(a[2]) * Number(a[3]) }));
}

/** RangeList setters the local runtime has. */
const RANGE_LIST_WRITES = ['setFontWeight'];
