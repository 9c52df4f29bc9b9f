// The change journal `Nhật ký thay đổi`: one appended row per edit event of a form, directory, settings, definition or
// VNNIC tab, or of the closed figures. Apps Script gives `e.user` only for editors of the owner's domain (APPS_SCRIPT.md): otherwise "không rõ".
import { TAB } from '../core/forms/schema';
import { knownTabs, tabKey } from '../core/forms/book';
import { allBlank, editKey, journalRow, type EditFacts } from '../core/journal';
import { JOURNAL_TAB, PERIOD_TAB } from '../core/text/period';
import { findSheet } from './book';
import type { FormSpec } from '../core/forms/schema';
import type { CellValue } from '../core/types';
import { protectAdminTabs } from './setup';
import { readSettings } from '../core/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Two deliveries of one event (two edit triggers) come within seconds: the first one's key is kept this long. */
export const DEDUPE_SECONDS = 20;
/** Of a pasted block, the first rows and columns read for the journal (bounded whatever the paste). */
const BLOCK_ROWS = 2,
  BLOCK_COLS = 6;

/** The journal tab, created with its header and protected like the admin tabs when missing. */
export function ensureJournal(ss: Spreadsheet, adminEmails?: string[]): Sheet {
  const found = findSheet(ss, PERIOD_TAB.journal);
  if (found) return found;
  const sheet = ss.insertSheet(PERIOD_TAB.journal);
  sheet.appendRow([...JOURNAL_TAB.headers]);
  sheet.setFrozenRows(1);
  const settings = readSettings(adminEmails ? undefined : findSheet(ss, TAB.settings)?.getDataRange().getValues()).settings;
  protectAdminTabs(adminEmails ? { ...settings, adminEmails } : settings, [sheet]);
  return sheet;
}

function userOf(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user ? String(e.user.getEmail() || '') : '';
  } catch {
    return '';
  }
}

/**
 * Whether an event whose key was kept (by `uid`, the trigger that journaled it) is a second delivery: another trigger's
 * (two edit triggers deliver one event). The same trigger's is a new edit: the same cell typed the same way again
 * within the seconds the key is kept (5, cleared, 5 again). Without a trigger id (a simple trigger) any kept key is one.
 */
export function deliveredTwice(kept: string | null | undefined, uid: string): boolean {
  return kept != null && (!uid || kept !== uid);
}

/** The id of the installable trigger that delivered an event ('' for a simple trigger). */
export function triggerOf(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  return String((e as { triggerUid?: unknown }).triggerUid ?? '');
}

/** Keeps an event's journal key for DEDUPE_SECONDS, alone (the indexed edit keeps it in its meta when it writes one). */
export function keepJournaled(cache: GoogleAppsScript.Cache.Cache, key: string, uid: string): void {
  try {
    cache.put(key, uid || '1', DEDUPE_SECONDS);
  } catch (err) {
    console.error(`journal key: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Whether edits of this tab are journaled: the form, directory, settings, definition and VNNIC tabs, and the closed
 * figures (`Số liệu đã chốt`: protected, so an edit of it is an admin's hand edit of the official figures, the one
 * most worth a record). Not `Nhật ký`, which only the script writes to.
 */
export function journaled(forms: readonly FormSpec[], sheetName: string): boolean {
  const key = tabKey(sheetName);
  return knownTabs(forms).some((t) => t !== TAB.log && tabKey(t) === key);
}

/** What the event tells; `first` a pasted block's first cells (read by the caller: the edit may have them already). */
export function editFacts(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  sheetName: string,
  a1: string,
  rows: number,
  cols: number,
  now: Date,
  first?: () => CellValue[][],
): EditFacts {
  const ev = e as unknown as { oldValue?: unknown; value?: unknown };
  const facts: EditFacts = { at: now, user: userOf(e), sheet: sheetName, a1, rows, cols };
  if (rows === 1 && cols === 1) {
    if (ev.oldValue !== undefined) facts.oldValue = String(ev.oldValue);
    if (ev.value !== undefined) facts.value = String(ev.value);
  } else facts.first = first ? first() : e.range.offset(0, 0, Math.min(rows, BLOCK_ROWS), Math.min(cols, BLOCK_COLS)).getValues();
  return facts;
}

/** The edited block's corners, 1-based (rows row..lastRow, columns col..lastCol). */
interface Corners {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/**
 * The journal's facts of an edit (`sole`: a single cell's, made from its event; else made here) with what the
 * sheet tells, from cells the edit has read anyway (no call): a block's first cells, a single cell's value now (a Date
 * there is journaled as a date, not as the event's serial number), where `Kỳ báo cáo` is (`periodCol`, 0-based in the
 * sheet) and whether the block is empty after the edit (cleared). `grid`: the sheet's rows as read, 0-based, from the
 * block's first row at least; a row not there (past the data) is empty.
 */
export function sheetFacts(
  edit: { sole?: { facts: EditFacts }; facts: (first: () => CellValue[][]) => EditFacts },
  grid: readonly (readonly CellValue[] | undefined)[],
  box: Corners,
  periodCol?: number,
): EditFacts {
  const c = box.col - 1,
    part = grid.slice(box.row - 1, box.lastRow),
    sole = edit.sole;
  const facts = sole ? sole.facts : edit.facts(() => firstCells(part as CellValue[][], c, box.lastCol - c));
  facts.monthCol = (periodCol as number) - c; // outside the block (NaN without the column) when not one of its columns
  if (sole) facts.cell = (part[0] || [])[c];
  else facts.cleared = allBlank(part, c, facts.cols);
  return facts;
}

/** Of a block read by the edit (`rows` from its first row, all columns), the journal's first cells. */
export function firstCells(rows: readonly (readonly CellValue[])[], fromCol: number, cols: number): CellValue[][] {
  return rows.slice(0, BLOCK_ROWS).map((r) => r.slice(fromCol, fromCol + Math.min(cols, BLOCK_COLS)));
}

/**
 * Appends the journal row unless this event was journaled already (`seen`: its key found in the cache, read by the
 * caller with its other keys; undefined: looked up here). With a cache it keeps the key, by `uid` (deliveredTwice).
 * A failure here never stops the check of the edit.
 */
export function journalEdit(
  ss: Spreadsheet,
  facts: EditFacts,
  cache: GoogleAppsScript.Cache.Cache | null,
  uid: string,
  seen?: boolean,
): void {
  try {
    const key = editKey(facts);
    if (seen ?? deliveredTwice(cache?.get(key), uid)) return;
    if (cache) keepJournaled(cache, key, uid);
    ensureJournal(ss).appendRow(journalRow(facts));
  } catch (err) {
    console.error(`journal: ${err instanceof Error ? err.message : String(err)}`);
  }
}
