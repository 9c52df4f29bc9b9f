// The full check: every tab, every row. From the menu (with a summary) and from the daily trigger.
import { TAB } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { ERROR_BACKGROUND, WARNING_BACKGROUND, rowMarks } from '../core/marks';
import { firstDataRow, isColumnLabel } from '../core/layout';
import { isBlank } from '../core/cells';
import type { FormSpec } from '../core/forms/schema';
import type { CellValue } from '../core/types';
import type { TabLayout } from '../core/model';
import type { Validation } from '../core/model';
import { readSnapshot, type Snapshot } from './book';
import { annotateRows } from './annotate';
import { checkedStampNotes } from '../core/stamp';
import { fingerprint } from '../core/fingerprint';
import { documentCache, rememberWorkbook } from './editMemo';
import { PERIOD_TAB } from '../core/text/period';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Document property: what the daily run last did, as JSON [rules fingerprint, admin tabs' marks fingerprint, status
 * tab's print] (one property, written once at the end of a daily run, so a quiet day writes none; issue 14 items 3
 * and 5). Setup's rules, the menu's check and a status tab rebuilt outside the daily run keep it true too.
 */
export const MEMO_KEY = 'dailyMemo';
export type Memo = [rules: string | null, adminMarks: string | null, status: string | null];

export function parseMemo(raw: string | null): Memo {
  try {
    const m = JSON.parse(raw ?? 'null');
    return Array.isArray(m) ? [m[0] ?? null, m[1] ?? null, m[2] ?? null] : [null, null, null];
  } catch {
    return [null, null, null];
  }
}

export function readMemo(props: GoogleAppsScript.Properties.Properties): Memo {
  return parseMemo(props.getProperty(MEMO_KEY));
}

/**
 * The column-number row under a form's header (layout.ts isColumnNumbers) as an earlier version left it, which checked
 * it as a report: its script-owned cells hold a status or a stamp (`9 lỗi`) where a label or nothing was. Those are
 * cleared with their notes and colours, and so are the marks that check put on its other cells (a note over the error
 * or warning colour); the labels stay. Nothing is read or written when the row's script-owned cells hold labels or
 * nothing, as after the first check.
 */
function clearNumbersRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TabLayout, form: FormSpec, cells: readonly CellValue[]): void {
  const r = layout.numbersRow!;
  const owned = form.columns.filter((c) => c.scriptOwned && c.key in layout.columns).map((c) => layout.columns[c.key]);
  const stale = owned.filter((i) => !isBlank(cells[i]) && !isColumnLabel(cells[i]));
  if (!stale.length) return;
  const range = sheet.getRange(r, 1, 1, Math.max(cells.length - 1, ...owned) + 1);
  const notes = range.getNotes()[0],
    colours: (string | null)[] = range.getBackgrounds()[0];
  notes.forEach((note, c) => {
    if (stale.includes(c) || (note && (colours[c] === ERROR_BACKGROUND || colours[c] === WARNING_BACKGROUND))) {
      notes[c] = '';
      colours[c] = null;
    }
  });
  range.setNotes([notes]);
  range.setBackgrounds([colours]);
  // The script-owned columns side by side (the schema's order): one write over them; the labels among them as read.
  const lo = Math.min(...owned),
    n = Math.max(...owned) - lo + 1;
  if (n === owned.length)
    sheet.getRange(r, lo + 1, 1, n).setValues([Array.from({ length: n }, (_, i) => (stale.includes(lo + i) ? '' : (cells[lo + i] ?? '')))]);
}

/** Tabs only the full check annotates (an edit of one re-checks everything): their marks can be remembered. */
const ADMIN_TABS: readonly string[] = [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns];

/**
 * Validates the whole workbook and annotates every checked tab: the form tabs (notes, colours, status), the directory
 * (notes and colours on its data) and the settings (on the `Giá trị` column only: the `Tham số` cells carry setup's
 * help notes). `memo` (the daily run): the admin tabs are not written again when their marks are those it last
 * wrote (`memo.last`); `memo.next` receives them for the caller to store. Without it every tab is written and the
 * stored marks are updated. `keepIndex`: the edits' context and index are built again from this read. Returns the
 * validation for further use.
 */
export function checkAll(
  ss: Spreadsheet,
  now: Date = new Date(),
  snap: Snapshot = readSnapshot(ss),
  v: Validation = validateWorkbook(snap.book, now),
  memo?: { last: string | null; next?: string },
  keepIndex = false,
): Validation {
  const { book, sheets } = snap;
  const jobs: { tab: string; run: () => void; print?: unknown }[] = [];
  for (const form of v.forms) {
    const layout = v.layouts[form.tab];
    if (layout?.numbersRow && sheets[form.tab] && book[form.tab])
      clearNumbersRow(sheets[form.tab], layout, form, book[form.tab][layout.numbersRow - 1] ?? []);
  }
  for (const tab of [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns, ...v.forms.map((f) => f.tab), TAB.measured]) {
    const layout = v.layouts[tab];
    const grid = book[tab];
    // A tab whose header row was not found is left alone (the settings tab may go without one), as is its header block
    // (the column-number row under the header included: layout.ts firstDataRow).
    if (!layout || (!layout.headerRow && tab !== TAB.settings) || !grid || grid.length < firstDataRow(layout)) continue;
    const sheet = sheets[tab];
    if (!sheet) continue;
    const value = tab === TAB.settings ? layout.columns.value : -1;
    // VNNIC's pasted table keeps its own look outside the columns read.
    const read = tab === TAB.measured ? Object.values(layout.columns) : [];
    const cols =
      value >= 0
        ? { fromCol: value, toCol: value + 1 }
        : read.length
          ? { fromCol: Math.min(...read), toCol: Math.max(...read) + 1 }
          : { fromCol: 0, toCol: grid[0].length };
    const first = firstDataRow(layout);
    const block = { first, last: grid.length, ...cols },
      marks = rowMarks(v, tab),
      stamps = checkedStampNotes(v, tab, grid, first, grid.length);
    jobs.push({
      tab,
      run: () => annotateRows(sheet, layout, block, marks, { stampNotes: stamps, current: grid }),
      print: ADMIN_TABS.includes(tab) ? [tab, block, marks, stamps] : undefined,
    });
  }
  // The closed tab: the notes and colours of its cells that do not read (core/close.ts closedTabCheck). It has marks
  // only after a hand edit, so it is written with the admin tabs' marks when they change, and when it has none it is
  // written only to clear those (the marks' print changed: it is left out of it when empty). The menu's check writes
  // it whenever it has marks.
  const closedLayout = v.layouts[PERIOD_TAB.closed];
  const closedGrid = book[PERIOD_TAB.closed];
  const closedSheet = sheets[PERIOD_TAB.closed];
  let closedEmpty = false;
  if (closedLayout && closedGrid && closedSheet && closedGrid.length > 1) {
    const block = { first: 2, last: closedGrid.length, fromCol: 0, toCol: closedGrid[0].length };
    const marks = rowMarks(v, PERIOD_TAB.closed, undefined, false);
    closedEmpty = !marks.length;
    jobs.push({
      tab: PERIOD_TAB.closed,
      run: () => annotateRows(closedSheet, closedLayout, block, marks),
      print: marks.length ? [PERIOD_TAB.closed, block, marks] : null,
    });
  }
  const adminMarks = fingerprint(JSON.stringify(jobs.filter((j) => j.print !== undefined && j.print !== null).map((j) => j.print)));
  const props = memo ? null : PropertiesService.getDocumentProperties();
  const read = props ? readMemo(props) : null;
  const stored = memo ? memo.last : read![1];
  const skipAdmin = !!memo && memo.last === adminMarks;
  for (const j of jobs) {
    if (skipAdmin && j.print !== undefined) continue;
    // Unmarked, the closed tab is cleared only when the marks last written were others.
    if (j.tab === PERIOD_TAB.closed && closedEmpty && stored === adminMarks) continue;
    j.run();
  }
  if (memo) memo.next = adminMarks;
  else {
    // Written outside the daily run: what the daily run compares with must be what the sheet now shows.
    const [rules, last, status] = read!;
    if (last !== adminMarks) props!.setProperty(MEMO_KEY, JSON.stringify([rules, adminMarks, status]));
    // After a directory, settings or definition edit every row's meaning changed: the edits' index is built again
    // (the daily run keeps it itself, after its closes; a check from the menu changes nothing it holds).
    if (keepIndex) rememberWorkbook(documentCache(), book, v);
  }
  return v;
}
