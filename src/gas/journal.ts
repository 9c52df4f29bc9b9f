// The change journal `Nhật ký thay đổi`: one appended row per edit event of a form, directory, settings or definition
// tab. Apps Script gives `e.user` only for editors of the owner's domain (APPS_SCRIPT.md): otherwise "không rõ".
import { TAB } from '../core/forms/schema';
import { knownTabs, tabKey } from '../core/forms/book';
import { editKey, journalRow, type EditFacts } from '../core/journal';
import { JOURNAL_TAB, PERIOD_TAB } from '../core/text/period';
import { definedForms, findSheet } from './book';
import { protectAdminTabs } from './setup';
import { readSettings } from '../core/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Two deliveries of one event (two edit triggers) come within seconds: the first one's key is kept this long. */
const DEDUPE_SECONDS = 20;
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

/** Journals one edit event; a failure here never stops the check of the edit. */
export function journalEdit(e: GoogleAppsScript.Events.SheetsOnEdit, sheetName: string, now: Date = new Date()): void {
  try {
    const tracked = knownTabs(definedForms(e.source).forms)
      .filter((t) => t !== TAB.log && t !== PERIOD_TAB.closed)
      .map(tabKey);
    if (!tracked.includes(tabKey(sheetName))) return;
    const range = e.range;
    const rows = range.getNumRows(),
      cols = range.getNumColumns();
    const ev = e as unknown as { oldValue?: unknown; value?: unknown };
    const facts: EditFacts = { at: now, user: userOf(e), sheet: sheetName, a1: range.getA1Notation(), rows, cols };
    if (rows === 1 && cols === 1) {
      if (ev.oldValue !== undefined) facts.oldValue = String(ev.oldValue);
      if (ev.value !== undefined) facts.value = String(ev.value);
    } else {
      facts.first = range.offset(0, 0, Math.min(rows, BLOCK_ROWS), Math.min(cols, BLOCK_COLS)).getValues();
    }
    const cache = CacheService.getDocumentCache();
    const key = editKey(facts);
    if (cache?.get(key)) return;
    cache?.put(key, '1', DEDUPE_SECONDS);
    ensureJournal(e.source).appendRow(journalRow(facts));
  } catch (err) {
    console.error(`journal: ${err instanceof Error ? err.message : String(err)}`);
  }
}
