// Reading the spreadsheet: one getValues per tab, handed to the core as a plain Workbook.
import type { Grid, Workbook } from '../core/types';
import { TAB } from '../core/forms/schema';
import { formsOf, knownTabs, tabKey, type BookForms } from '../core/forms/book';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tabs that say what every other tab means: read first, so the form tabs can be found. */
export const CONTEXT_TABS: string[] = [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns];

/** The values of the tabs read, and the sheets themselves, so the writes after a read look nothing up again. */
export interface Snapshot {
  book: Workbook;
  sheets: Record<string, Sheet>;
}

interface Listed {
  sheet: Sheet;
  name: string;
  key: string;
}

/** Every sheet with its name (one call each: Apps Script has no call that lists the names). */
const listSheets = (ss: Spreadsheet): Listed[] =>
  ss.getSheets().map((sheet) => {
    const name = sheet.getName();
    return { sheet, name, key: tabKey(name) };
  });

/** The sheet named exactly `name`, else the one whose name is the same by the tab-name rule. */
function pick(all: readonly Listed[], name: string): Sheet | null {
  const key = tabKey(name);
  return (all.find((s) => s.name === name) ?? all.find((s) => s.key === key))?.sheet ?? null;
}

/**
 * The tab `name` by the tab-name rule (FORMS.md): the exact name first (one call), else every sheet's name compared
 * trimmed, NFC and case folded, so `Biểu mẫu 03 ` is found rather than ignored or created twice. Once the sheets have
 * been listed (a first miss), the listing answers every later name: no exact lookup is made again. Each name is looked
 * up once, as the sheets stood then. A workbook gains a report tab a month, so a caller that finds every tab it needs
 * by its exact name costs the same calls however many tabs there are; one that expects a tab to be missing looks it up
 * first, and the listing then serves the rest.
 */
export function sheetFinder(ss: Spreadsheet): (name: string) => Sheet | null {
  let all: Listed[] | null = null;
  const seen = new Map<string, Sheet | null>();
  return (name) => {
    const known = seen.get(name);
    if (known !== undefined) return known;
    let sheet = all ? null : ss.getSheetByName(name);
    if (!sheet) {
      all ??= listSheets(ss);
      sheet = pick(all, name);
    }
    seen.set(name, sheet);
    return sheet;
  };
}

/**
 * The same rule from one listing of every tab (getSheets, then each name once): for a caller that looks many tabs up,
 * several of them often missing, as the daily run does (its status tab, journal and VNNIC's samples among them).
 */
export function listedSheetFinder(ss: Spreadsheet): (name: string) => Sheet | null {
  let all: Listed[] | null = null;
  return (name) => {
    all ??= listSheets(ss);
    return pick(all, name);
  };
}

export function findSheet(ss: Spreadsheet, name: string): Sheet | null {
  return sheetFinder(ss)(name);
}

/**
 * The named tabs, one getValues each, keyed by the name asked for (missing ones are left out, as the core expects).
 * Without names: the context tabs, then the tabs of the forms they define, then the log.
 */
export function readSnapshot(ss: Spreadsheet, names?: string[], find = sheetFinder(ss)): Snapshot {
  const snap: Snapshot = { book: {}, sheets: {} };
  const read = (list: readonly string[]) => {
    for (const name of list) {
      if (name in snap.book) continue;
      const sheet = find(name);
      if (!sheet) continue;
      snap.sheets[name] = sheet;
      snap.book[name] = sheet.getDataRange().getValues() as Grid;
    }
  };
  if (names) read(names);
  else {
    read(CONTEXT_TABS);
    read(knownTabs(formsOf(snap.book).forms));
  }
  return snap;
}

/** Where the forms read from the definition tabs are kept between executions (a best-effort cache). */
const FORMS_CACHE_KEY = 'ispeed:forms:v1';
/** CacheService's longest expiry, 6 hours (APPS_SCRIPT.md); the daily run and any definition edit refresh it. */
const FORMS_CACHE_SECONDS = 21600;

/**
 * The forms in force, for an edit: from the document cache when it holds them (one call instead of reading two
 * tabs on every keystroke), else read from the definition tabs and remembered. `getDocumentCache()` is null when the
 * script is not bound to the spreadsheet, and a cache may lose items early: both fall back to reading.
 */
export function definedForms(ss: Spreadsheet): BookForms {
  const cache = CacheService.getDocumentCache();
  const hit = cache?.get(FORMS_CACHE_KEY);
  if (hit) {
    try {
      return JSON.parse(hit) as BookForms;
    } catch {
      /* a damaged entry is read again below */
    }
  }
  const defined = formsOf(readBook(ss, [TAB.formList, TAB.formColumns]));
  rememberForms(defined, cache);
  return defined;
}

/** Keeps the forms just read for the next edits (setup, a definition edit and the daily run call this). */
export function rememberForms(defined: BookForms, cache = CacheService.getDocumentCache()): void {
  try {
    cache?.put(FORMS_CACHE_KEY, JSON.stringify(defined), FORMS_CACHE_SECONDS);
  } catch {
    /* over 100 KB: edits read the tabs */
  }
}

export function readBook(ss: Spreadsheet, names?: string[]): Workbook {
  return readSnapshot(ss, names).book;
}

/** The values of a tab from A1 to its last used cell; [] when the tab is missing. */
export function readTab(ss: Spreadsheet, name: string): Grid {
  return readBook(ss, [name])[name] ?? [];
}
