// The status tab `Tình hình báo cáo`: rebuilt by the daily run in one write (only when what it shows changed), one
// form's rows rewritten by an edit in one write of plain values; conditional format rules give the statuses' colours.
import type { Validation } from '../core/model';
import type { FormSpec } from '../core/forms/schema';
import { dayOf } from '../core/periods';
import { statusCells, statusHeader, statusTab, statusTextColours, type StatusTab } from '../core/status';
import { columnLetter, quotedSheet } from '../core/a1';
import { PERIOD_TAB, STATUS_TAB } from '../core/text/period';
import type { CellValue, Month } from '../core/types';
import { findSheet, readSnapshot, type Snapshot } from './book';
import { protectAdminTabs } from './setup';
import { validateWorkbook } from '../core/validate';
import { fingerprint } from '../core/journal';
import { MEMO_KEY, readMemo } from './check';
import type { OwnedValues } from './annotate';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cache = GoogleAppsScript.Cache.Cache;

/** Document cache key of the tab's shape (the rows and columns it was built with); a miss means unknown: rebuild. */
export const STATUS_SHAPE_KEY = 'ispeed:statusShape';
/** CacheService's longest expiry, 6 hours (APPS_SCRIPT.md); the daily run puts it again every day. */
const SHAPE_SECONDS = 21600;
const HEADER_BACKGROUND = '#cfe2f3';

/** The shape the last rebuild stored, or null (no cache, expired, evicted). */
export function storedStatusShape(cache: Cache | null): string | null {
  try {
    return cache?.get(STATUS_SHAPE_KEY) ?? null;
  } catch {
    return null; // a cache that fails is a miss: the tab is rebuilt
  }
}

export function storeStatusShape(cache: Cache | null, shape: string): void {
  try {
    cache?.put(STATUS_SHAPE_KEY, shape, SHAPE_SECONDS);
  } catch {
    /* best effort: the next edit rebuilds */
  }
}

function shapeOf(tab: StatusTab): string {
  return fingerprint(JSON.stringify([tab.periods, tab.rows.map((r) => `${r.form}|${r.code}`)]));
}

/** The code column (B), the name column (C) and its width in pixels, the first month's column (D): STATUS_TAB's order. */
const CODE_COLUMN = 2,
  NAME_COLUMN = 3,
  NAME_WIDTH = 240,
  FIRST_MONTH_COLUMN = STATUS_TAB.headers.length + 1;

/** The script-owned tab, created (and protected like the admin tabs) when missing. */
function ensureSheet(ss: Spreadsheet, v: Validation, name: string, found: Sheet | null): Sheet {
  if (found) return found;
  const sheet = ss.insertSheet(name);
  protectAdminTabs(v.settings, [sheet]);
  return sheet;
}

/** Grows the sheet to hold rows x cols (a sheet starts at 1,000 x 26). */
function fit(sheet: Sheet, rows: number, cols: number): void {
  const maxR = sheet.getMaxRows(),
    maxC = sheet.getMaxColumns();
  if (rows > maxR) sheet.insertRowsAfter(maxR, rows - maxR);
  if (cols > maxC) sheet.insertColumnsAfter(maxC, cols - maxC);
}

/** Rich text cells (always text, never a formula), the unit's name linking to its rows; one builder serves all. */
function richRows(rows: { texts: readonly string[]; link?: string }[], width: number): GoogleAppsScript.Spreadsheet.RichTextValue[][] {
  const b = SpreadsheetApp.newRichTextValue();
  return rows.map((r) => {
    const out: GoogleAppsScript.Spreadsheet.RichTextValue[] = [];
    for (let c = 0; c < width; c++) {
      const text = r.texts[c] ?? '';
      const link = c === 2 && r.link && text ? r.link : null;
      out.push(b.setText(text).setLinkUrl(link).build());
    }
    return out;
  });
}

/** One rule per status text over the period columns: an edit then writes statuses only, the colours follow. */
function colourRules(sheet: Sheet, rows: number, periods: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  if (rows < 1 || periods < 1) return [];
  const range = sheet.getRange(2, FIRST_MONTH_COLUMN, rows, periods);
  return statusTextColours().map(({ text, colour }) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build(),
  );
}

/**
 * What the edits wrote since: every form row's `Cập nhật lần cuối` (each edit of a row stamps it). Kept in the daily
 * print, so a tab an edit rewrote is rebuilt the next day even when the figures went back to what the print knew.
 */
function editStamps(snap: Snapshot, v: Validation): string {
  const out: string[] = [];
  for (const f of v.forms) {
    const col = v.layouts[f.tab]?.columns.updated_at;
    const grid = snap.book[f.tab];
    if (col === undefined || !grid) continue;
    const stamps = grid.map((r) => {
      const t = r[col];
      return t instanceof Date || Object.prototype.toString.call(t) === '[object Date]' ? (t as Date).getTime() : String(t ?? '');
    });
    out.push(`${f.tab}:${stamps.join(',')}`);
  }
  return fingerprint(out.join('\n'));
}

/**
 * The whole tab from the workbook just read: cleared, then its values (one call), the header's colour and the status
 * colours' rules. Returns the shape it has. `daily` (the daily run): nothing is written when the tab exists, has the
 * rows it would have, and what it would show (rows, statuses, links, the edits since) is what the run last wrote there
 * (`daily.last`); the print goes to `daily.next` for the caller's one memo write. Without it, the print is stored at
 * once (setup, an edit).
 */
export function rebuildStatusTab(
  ss: Spreadsheet,
  now: Date,
  snap: Snapshot,
  v: Validation,
  daily?: { last: string | null; next?: string; find?: (name: string) => Sheet | null },
): string {
  const gids: Record<string, number> = {};
  for (const f of v.forms) {
    const s = snap.sheets[f.tab];
    if (s) gids[f.tab] = s.getSheetId();
  }
  const tab = statusTab(v, dayOf(now), gids);
  const header = statusHeader(tab);
  const width = header.length;
  const body = tab.rows.map((r) => ({ texts: statusCells(r).texts, link: r.link }));
  const shape = shapeOf(tab);
  const print = fingerprint(JSON.stringify([header, body, statusTextColours(), editStamps(snap, v)]));
  const found = (daily?.find ?? ((name: string) => findSheet(ss, name)))(PERIOD_TAB.status);
  const cache = CacheService.getDocumentCache();
  if (daily) daily.next = print;
  // An admin may sort, retype, add or delete its rows by hand (no trigger fires): unless it shows exactly what it
  // would be written with, it is rewritten too (one read of the tab).
  if (daily && found && daily.last === print && shows(found, [header, ...body.map((r) => r.texts)])) {
    storeStatusShape(cache, shape); // the cache forgets within 6 hours: the edits of the day find it again
    return shape;
  }
  const sheet = ensureSheet(ss, v, PERIOD_TAB.status, found);
  sheet.clear();
  fit(sheet, body.length + 1, width);
  sheet.getRange(1, 1, body.length + 1, width).setRichTextValues(richRows([{ texts: header }, ...body], width));
  sheet.getRange(1, 1, 1, width).setBackground(HEADER_BACKGROUND);
  sheet.setConditionalFormatRules(colourRules(sheet, body.length, tab.periods.length));
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // The unit's name is what a reader looks for: wide enough for "Huyện Chư Prông" and most department names.
  if (sheet.getColumnWidth(NAME_COLUMN) < NAME_WIDTH) sheet.setColumnWidth(NAME_COLUMN, NAME_WIDTH);
  storeStatusShape(cache, shape);
  if (!daily) {
    // Outside the daily run: what the next daily run compares with must be what the tab now shows.
    const props = PropertiesService.getDocumentProperties();
    const memo = readMemo(props);
    if (memo[2] !== print) props.setProperty(MEMO_KEY, JSON.stringify([memo[0], memo[1], print]));
  }
  return shape;
}

/** Whether the tab's cells are these texts, no more rows and no other text (cells past a line's end empty). */
function shows(sheet: Sheet, lines: readonly (readonly string[])[]): boolean {
  const grid = sheet.getDataRange().getValues();
  if (grid.length !== lines.length) return false;
  return grid.every((cells, i) => {
    const want = lines[i];
    for (let j = 0; j < Math.max(cells.length, want.length); j++) if (String(cells[j] ?? '') !== (want[j] ?? '')) return false;
    return true;
  });
}

/**
 * The first and last column (0-based among the periods) spanning `months`, all of them without `months`; null when
 * none of `months` is a column of the tab (nothing to write).
 */
export function periodColumns(periods: readonly Month[], months?: readonly Month[]): [number, number] | null {
  if (!months) return [0, periods.length - 1];
  const at = months.map((m) => periods.indexOf(m)).filter((i) => i >= 0);
  return at.length ? [Math.min(...at), Math.max(...at)] : null;
}

/**
 * After an edit of `form`'s tab: the rows of the status tab of the units the edit touched, in one write of plain
 * statuses over the period columns (the names and their links stay; the colours follow by the tab's rules): one
 * unit's row, or (several units) the span from the first to the last, its other rows written back as read (the span
 * is read anyway, for its codes). `units`: those units (their rows are all in `checked`);
 * undefined: the units of the edited rows; null: every row of the form (`checked` then holds the whole tab).
 * `knownShape`: the shape the caller knows the tab has (null: unknown). `months`: the months the edit can have changed
 * (only their columns are written). A missing tab, one cut down by hand, or another shape (a new month, a new unit):
 * rebuilt. Returns the shape the tab now has.
 */
export function refreshStatusRows(
  ss: Spreadsheet,
  checked: Validation,
  form: FormSpec,
  now: Date,
  owned: Map<number, OwnedValues> | undefined,
  units: ReadonlySet<string> | null | undefined,
  knownShape: string | null,
  months?: readonly Month[],
): string {
  // The rows as the edit just stamped them (a row that became valid now has its submission time).
  const v: Validation = !owned
    ? checked
    : {
        ...checked,
        rows: checked.rows.map((r) => {
          const o = r.sheet === form.tab ? owned.get(r.row) : undefined;
          return o && o.submittedAt !== undefined ? { ...r, submittedAt: o.submittedAt === '' ? null : o.submittedAt } : r;
        }),
      };
  const tab = statusTab(v, dayOf(now), {}, { form: form.id, codes: units ?? undefined, months });
  const shape = shapeOf(tab);
  const rebuild = () => {
    const snap = readSnapshot(ss);
    return rebuildStatusTab(ss, now, snap, validateWorkbook(snap.book, now));
  };
  if (knownShape !== shape) return rebuild();
  const edited =
    units ?? new Set(v.rows.filter((r) => r.sheet === form.tab && r.unitCode !== null && owned?.has(r.row)).map((r) => r.unitCode!));
  const wanted = (r: StatusTab['rows'][number]) => r.form === form.id && (units === null || edited.has(r.code));
  const runs: [number, number][] = [];
  tab.rows.forEach((r, i) => {
    if (!wanted(r)) return;
    const run = runs[runs.length - 1];
    if (run && run[1] === i - 1) run[1] = i;
    else runs.push([i, i]);
  });
  if (!runs.length || !tab.periods.length) return shape;
  const from = runs[0][0],
    to = runs[runs.length - 1][1];
  // `months`: the only periods the edit can have changed (its rows' months before and after it), so only their
  // columns are written; the others change with time alone, which the daily run writes.
  const cols = periodColumns(tab.periods, months);
  if (!cols) return shape;
  const [c0, c1] = cols;
  // The ranges by their A1 with the tab's name (no getSheetByName): the span's codes and its months' columns. They
  // throw when the tab was deleted or cut down by hand (rows or columns deleted: outside the sheet); then the tab is
  // built again. The codes are read: an admin may have sorted or retyped the rows by hand (no trigger fires), and a
  // unit's statuses must never land on another unit's row; then too the tab is built again.
  const tabA1 = quotedSheet(PERIOD_TAB.status);
  let range: GoogleAppsScript.Spreadsheet.Range;
  let codes: CellValue[][];
  const code = columnLetter(CODE_COLUMN),
    month0 = columnLetter(FIRST_MONTH_COLUMN + c0),
    month1 = columnLetter(FIRST_MONTH_COLUMN + c1);
  try {
    codes = ss.getRange(`${tabA1}!${code}${from + 2}:${code}${to + 2}`).getValues() as CellValue[][];
    range = ss.getRange(`${tabA1}!${month0}${from + 2}:${month1}${to + 2}`);
  } catch {
    return rebuild();
  }
  const rows = tab.rows.slice(from, to + 1);
  const texts = rows.map((r) => statusCells(r).texts);
  if (texts.some((t, i) => String(codes[i]?.[0] ?? '') !== t[CODE_COLUMN - 1])) return rebuild();
  // Several units: the rows between them are written back as read. Read whenever the span has more than one row,
  // gaps or not, so an edit's calls do not depend on where its units sit.
  const keep = to > from ? (range.getValues() as CellValue[][]) : null;
  range.setValues(
    rows.map((r, i) =>
      !keep || wanted(r)
        ? texts[i].slice(FIRST_MONTH_COLUMN - 1 + c0, FIRST_MONTH_COLUMN + c1)
        : (keep[i] ?? []).map((x) => String(x ?? '')),
    ),
  );
  return shape;
}
