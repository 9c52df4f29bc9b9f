// `Thiết lập biểu mẫu`: creates what is missing and re-applies rules, never moving or rewriting a user's cell.
// Idempotent: a second run finds everything in place and changes nothing (no second trigger either).
import { DIRECTORY_COLUMNS, LOG_COLUMNS, SETTINGS, SETTINGS_HEADERS, TAB, type ColumnSpec, type FormSpec } from '../core/forms/schema';
import { findLayout, firstDataRow } from '../core/layout';
import { columnLetter } from '../core/a1';
import { isActive } from '../core/directory';
import { validateWorkbook } from '../core/validate';
import { dayOf, formatMonth, localParts, month, monthOfDay, TIME_ZONE } from '../core/periods';
import { formsOf } from '../core/forms/book';
import { formColumns, type HeaderMapping } from '../core/forms/columns';
import { FORM_COLUMN_COLUMNS, FORM_LIST_COLUMNS, misspeltHeaders, templateGrids, type DefinitionColumn } from '../core/forms/definitions';
import { DEF_MSG } from '../core/text/definitions';
import { asSheetText } from '../core/safety';
import type { Grid, Month } from '../core/types';
import type { Settings, Validation } from '../core/model';
import { fingerprint } from '../core/fingerprint';
import { SETUP, PROTECTION, CHOICE_LISTS } from '../core/text/ui';
import { documentCache, rememberWorkbook } from './editMemo';
import { findSheet, readBook, readSnapshot, readTab, rememberForms, type Snapshot } from './book';
import { checkAll, MEMO_KEY, readMemo, type Memo } from './check';
import { setupPeriodTabs } from './period';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const LOCALE = 'vi_VN';
const HEADER_BACKGROUND = '#cfe2f3';

const NUMBER_FORMAT: Partial<Record<ColumnSpec['type'], string>> = {
  int: '#,##0',
  decimal: '#,##0.0',
  datetime: 'dd/MM/yyyy HH:mm',
  phone: '@',
  period: '@',
  text: '@',
  links: '@',
};

/** Everything setup did, for the summary dialog. */
export interface SetupReport {
  createdTabs: string[];
  /** Headers written, new tabs' included (the summary names only those added to tabs that were there). */
  addedColumns: Array<{ tab: string; header: string }>;
  addedSettings: number;
  triggers: string[];
  notes: string[];
}

type Range = GoogleAppsScript.Spreadsheet.Range;

export function setupSpreadsheet(ss: Spreadsheet, now: Date = new Date()): SetupReport {
  const report: SetupReport = { createdTabs: [], addedColumns: [], addedSettings: 0, triggers: [], notes: [] };
  if (ss.getSpreadsheetLocale() !== LOCALE) ss.setSpreadsheetLocale(LOCALE);
  if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);

  const directory = ensureTab(ss, TAB.directory, report);
  ensureHeaderRow(
    directory,
    readTab(ss, TAB.directory),
    DIRECTORY_COLUMNS.map((c) => ({ header: c.header, help: c.help, width: c.width })),
    report,
  );
  const settingsSheet = ensureTab(ss, TAB.settings, report);
  ensureSettingsRows(settingsSheet, readTab(ss, TAB.settings), report);
  const logSheet = ensureTab(ss, TAB.log, report);
  ensureHeaderRow(
    logSheet,
    readTab(ss, TAB.log),
    LOG_COLUMNS.map((h, i) => ({ header: h, help: '', width: i === LOG_COLUMNS.length - 1 ? 320 : 140 })),
    report,
  );
  formatLogColumns(logSheet);
  const template = templateGrids();
  const listSheet = ensureTab(ss, TAB.formList, report);
  ensureDefinitionTab(listSheet, readTab(ss, TAB.formList), FORM_LIST_COLUMNS, template.list, report);
  const columnsSheet = ensureTab(ss, TAB.formColumns, report);
  ensureDefinitionTab(columnsSheet, readTab(ss, TAB.formColumns), FORM_COLUMN_COLUMNS, template.columns, report);

  const defined = formsOf(readBook(ss, [TAB.formList, TAB.formColumns]));
  setupForms(ss, defined.forms, now, report);
  rememberForms(defined);
  const snap = readSnapshot(ss);
  const v = validateWorkbook(snap.book, now);
  rememberWorkbook(documentCache(), snap.book, v); // the edits' context and index, from this read
  ensureTriggers(ss, v.settings, report); // first: the trigger owner it records stays an editor below
  const lists = applyNativeValidation(snap, v, now, ss);
  protectAdminTabs(v.settings, [directory, settingsSheet, logSheet, listSheet, columnsSheet, lists]);
  setupPeriodTabs(ss, now, snap, v);
  return report;
}

/** The form definition tabs the workbook has: they say what every form tab means, so only admins may edit them. */
function definitionTabs(ss: Spreadsheet): Sheet[] {
  return [TAB.formList, TAB.formColumns].map((name) => findSheet(ss, name)).filter((s): s is Sheet => s !== null);
}

/** An empty sheet reads as [['']] (getDataRange is at least A1). */
function isBlank(grid: Grid): boolean {
  return grid.every((row) => row.every((v) => v === ''));
}

/**
 * A definition tab: an empty one gets the built-in template (as text, so `01` and `06/2024` stay as written), an
 * existing one only its missing headers, but for a header that one of its headers misspells (`Tên khác` for `Tên gọi
 * khác`): a second, empty column would leave the Department's unread for good; the summary says which to correct.
 * The Department's own rows are never touched.
 */
function ensureDefinitionTab(sheet: Sheet, grid: Grid, columns: readonly DefinitionColumn[], template: Grid, report: SetupReport): void {
  if (!isBlank(grid)) {
    const found = new Set(grid[0].map((v) => String(v).trim()));
    const misspelt = misspeltHeaders(grid[0], columns, new Set(columns.filter((c) => found.has(c.header)).map((c) => c.key)));
    for (const m of misspelt) report.notes.push(`${sheet.getName()}: ${DEF_MSG.misspeltHeader(m.found, m.expected)}`);
    ensureHeaderRow(
      sheet,
      grid,
      columns
        .filter((c) => !misspelt.some((m) => m.expected === c.header))
        .map((c) => ({ header: c.header, help: c.help, width: c.width })),
      report,
    );
    return;
  }
  writeHeaders(
    sheet,
    1,
    1,
    columns.map((c) => ({ header: c.header, help: c.help, width: c.width })),
  );
  const rows = template.slice(1).map((r) => columns.map((_, i) => asSheetText(String(r[i] ?? ''))));
  if (rows.length) {
    const range = sheet.getRange(2, 1, rows.length, columns.length);
    range.setNumberFormat('@');
    range.setValues(rows);
    range.setWrap(true);
  }
  sheet.setFrozenRows(1);
  report.addedColumns.push(...columns.map((c) => ({ tab: sheet.getName(), header: c.header })));
}

/** Each form's tab, headers and formats; a tab found under another case or with spaces is that tab (FORMS.md). */
function setupForms(ss: Spreadsheet, forms: readonly FormSpec[], now: Date, report: SetupReport): void {
  const current = monthOfDay(dayOf(now));
  for (const form of forms) {
    const sheet = ensureTab(ss, form.tab, report);
    setupFormTab(sheet, sheet.getDataRange().getValues() as Grid, form, current, report);
  }
}

/**
 * A definition cell was edited: setup's work for the forms (tabs, headers, rules), then the full check, so the
 * change takes effect at once. Nothing a user typed changes.
 */
export function applyDefinitions(ss: Spreadsheet, now: Date = new Date()): Validation {
  const report: SetupReport = { createdTabs: [], addedColumns: [], addedSettings: 0, triggers: [], notes: [] };
  const defined = formsOf(readBook(ss, [TAB.formList, TAB.formColumns]));
  setupForms(ss, defined.forms, now, report);
  rememberForms(defined);
  const snap = readSnapshot(ss);
  const v = checkAll(ss, now, snap, undefined, undefined, true);
  applyNativeValidation(snap, v, now, ss);
  return v;
}

function ensureTab(ss: Spreadsheet, name: string, report: SetupReport): Sheet {
  const existing = findSheet(ss, name);
  if (existing) return existing;
  report.createdTabs.push(name);
  return ss.insertSheet(name);
}

interface HeaderSpec {
  header: string;
  help: string;
  width: number;
}

/** Row-1 header tabs (directory, log): styles the headers found, writes the missing ones after the last used column. */
function ensureHeaderRow(sheet: Sheet, grid: Grid, columns: HeaderSpec[], report: SetupReport): void {
  const found = (grid[0] ?? []).map((v) => String(v).trim());
  const present = new Set(found);
  const at: Record<string, number> = {};
  for (const c of columns) if (present.has(c.header)) at[c.header] = found.indexOf(c.header);
  if (!isBlank(grid) && Object.keys(at).length)
    styleHeaderCells(
      sheet,
      1,
      columns.filter((c) => at[c.header] !== undefined).map((c) => ({ col: at[c.header], width: c.width })),
    );
  const missing = columns.filter((c) => !present.has(c.header));
  if (missing.length === 0) return;
  const start = isBlank(grid) ? 1 : grid[0].length + 1;
  writeHeaders(sheet, 1, start, missing);
  report.addedColumns.push(...missing.map((c) => ({ tab: sheet.getName(), header: c.header })));
  sheet.setFrozenRows(1);
}

function writeHeaders(sheet: Sheet, row: number, startCol: number, columns: HeaderSpec[]): void {
  const needed = startCol + columns.length - 1;
  if (needed > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
  const range = sheet.getRange(row, startCol, 1, columns.length);
  range.setNumberFormat('@');
  range.setValues([columns.map((c) => c.header)]);
  range.setNotes([columns.map((c) => c.help)]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  range.setWrap(true);
  columns.forEach((c, i) => {
    sheet.setColumnWidth(startCol + i, c.width);
  });
}

function setupFormTab(sheet: Sheet, grid: Grid, form: FormSpec, current: Month, report: SetupReport): void {
  const layout = findLayout(form.tab, grid, form.columns);
  let headerRow = layout.headerRow;
  const specs = (cols: ColumnSpec[]) => cols.map((c) => ({ header: c.header, help: c.help, width: c.width ?? 120 }));
  if (!headerRow) {
    if (!isBlank(grid)) {
      report.notes.push(SETUP.noHeaderRow(form.tab));
      return;
    }
    headerRow = 1;
    writeHeaders(sheet, 1, 1, specs(form.columns));
    report.addedColumns.push(...form.columns.map((c) => ({ tab: form.tab, header: c.header })));
  } else {
    styleHeaders(sheet, headerRow, layout.columns, form);
    // A column found under one of its other names is present; a column no longer asked (`Đến kỳ` passed) is not added.
    let missing = form.columns.filter((c) => layout.columns[c.key] === undefined && (c.to == null || c.to >= current));
    const mapped = formColumns(form, grid, current);
    // A header repeating a column already read is no column the definitions lack: it is said apart, with its letter.
    const extra = mapped.columns.filter((c) => c.key === null && !c.repeats).map((c) => c.header);
    // A sheet being adopted has its columns under its own headers: a missing column may be one of the headers not
    // read yet, so on a tab with data none is appended (it would be an empty second column), only the script's own.
    const held = grid.length >= firstDataRow(layout) && extra.length ? missing.filter((c) => !c.scriptOwned) : [];
    if (held.length) {
      report.notes.push(
        SETUP.missingHeld(
          form.tab,
          held.map((c) => c.header),
          extra,
          headerRow,
        ),
      );
      missing = missing.filter((c) => c.scriptOwned);
    } else if (extra.length) report.notes.push(SETUP.extraHeaders(form.tab, extra));
    const letter = (m: HeaderMapping) => columnLetter(m.index + 1);
    for (const c of mapped.columns.filter((x) => x.repeats)) {
      const first = mapped.columns.find((x) => x.key === c.repeats)!;
      report.notes.push(SETUP.repeatedHeader(form.tab, c.header, letter(c), first.header, letter(first)));
    }
    if (missing.length) {
      writeHeaders(sheet, headerRow, (grid[headerRow - 1] ?? []).length + 1, specs(missing));
      report.addedColumns.push(...missing.map((c) => ({ tab: form.tab, header: c.header })));
    }
  }
  // The header block stays in view: the header row and the column-number row under it (layout.ts firstDataRow).
  const frozen = layout.headerRow ? firstDataRow(layout) - 1 : headerRow;
  if (sheet.getFrozenRows() !== frozen) sheet.setFrozenRows(frozen);
  // The unit stays in view while scrolling right: freeze up to it when it is among the first columns (STT, Đơn vị).
  const unitCol = layout.headerRow ? layout.columns.unit : form.columns.findIndex((c) => c.key === 'unit');
  if (unitCol !== undefined && unitCol < FREEZE_UNIT_WITHIN && sheet.getFrozenColumns() !== unitCol + 1)
    sheet.setFrozenColumns(unitCol + 1);
}

/** The unit column is frozen only when it is one of this many first columns (a wide frozen block hides the rest). */
const FREEZE_UNIT_WITHIN = 4;

/** Header cells found in place: the header style and each column's width (formatting only: no header text changes). */
function styleHeaderCells(sheet: Sheet, headerRow: number, cols: Array<{ col: number; width: number }>): void {
  if (!cols.length) return;
  const range = sheet.getRange(headerRow, 1, 1, Math.max(...cols.map((c) => c.col)) + 1);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  range.setWrap(true);
  for (const c of cols) sheet.setColumnWidth(c.col + 1, c.width);
}

/** An existing header row gets the schema's help notes, header style and column widths (no header text changes). */
function styleHeaders(sheet: Sheet, headerRow: number, columns: Record<string, number>, form: FormSpec): void {
  const width = Math.max(...Object.values(columns)) + 1;
  const range = sheet.getRange(headerRow, 1, 1, width);
  const notes = range.getNotes()[0];
  for (const c of form.columns) if (columns[c.key] !== undefined) notes[columns[c.key]] = c.help;
  range.setNotes([notes]);
  styleHeaderCells(
    sheet,
    headerRow,
    form.columns.filter((c) => columns[c.key] !== undefined).map((c) => ({ col: columns[c.key], width: c.width ?? 120 })),
  );
}

/**
 * Drop-downs and bounds that guide (they never reject: the script decides). Setup and a definition edit always apply
 * them; the daily run (`onlyIfChanged`) skips them when the forms, their tabs' layouts and sizes, the directory's
 * names and the months offered are those of the last application (the memo, src/gas/check.ts) and the choice-list
 * tab is still there. `daily`: the daily run's memo as read and as it will write it at its end (nothing is written here).
 * The unit and period drop-downs list from a range of the hidden choice-list tab: an inline list (requireValueInList)
 * is refused above 500 items, and Excel caps one at 255 characters. Returns the choice-list tab.
 */
export function applyNativeValidation(
  snap: Snapshot,
  v: Validation,
  now: Date,
  ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  onlyIfChanged = false,
  daily?: { last: Memo; next: Memo },
): Sheet {
  const { settings, units } = v;
  const p = localParts(now);
  const current = month(p.year, p.month);
  const months: string[] = [];
  for (let m = current; m >= settings.startMonth && months.length < 240; m--) months.push(formatMonth(m));
  const forms = v.forms.filter((f) => snap.sheets[f.tab] && v.layouts[f.tab]?.headerRow);
  const names = (form: FormSpec) =>
    units.filter((u) => u.form === form.id && u.enabled && (isActive(u, current) || isActive(u, current - 1))).map((u) => u.name);
  const heights = forms.map((f) => snap.sheets[f.tab].getMaxRows());
  const print = fingerprint(
    // The rules start at the first data row (under the header and its column-number row: layout.ts firstDataRow).
    JSON.stringify([months, forms.map((f, i) => [f, firstDataRow(v.layouts[f.tab]) - 1, v.layouts[f.tab].columns, heights[i], names(f)])]),
  );
  // The daily run keeps the memo and writes it once at its end; setup writes its part at once.
  const props = daily ? null : PropertiesService.getDocumentProperties();
  const memo = daily ? daily.last : readMemo(props!);
  const store = () => {
    if (daily) daily.next[0] = print;
    else if (print !== memo[0]) props!.setProperty(MEMO_KEY, JSON.stringify([print, memo[1], memo[2]]));
  };
  if (onlyIfChanged && memo[0] === print) {
    const existing = findSheet(ss, CHOICE_LISTS.tab);
    if (existing) {
      store();
      return existing;
    }
  }
  const lists = writeChoiceLists(ss, settings, [
    ...forms.map((f) => ({ header: CHOICE_LISTS.unitsHeader(f.tab), values: names(f) })),
    { header: CHOICE_LISTS.periodsHeader, values: months },
  ]);
  forms.forEach((form, i) => {
    const sheet = snap.sheets[form.tab];
    const layout = v.layouts[form.tab];
    const first = firstDataRow(layout);
    const rows = heights[i] - first + 1;
    if (rows < 1) return;
    for (const c of form.columns) {
      const col = layout.columns[c.key];
      if (col === undefined) continue;
      const range = sheet.getRange(first, col + 1, rows, 1);
      const format = NUMBER_FORMAT[c.type];
      if (format) range.setNumberFormat(format);
      let rule: GoogleAppsScript.Spreadsheet.DataValidation | null = null;
      const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(c.help);
      const list = c.type === 'unit' ? lists.ranges[i] : c.type === 'period' ? lists.ranges[forms.length] : null;
      if (list) rule = builder().requireValueInRange(list, true).build();
      else if (c.type === 'int' || c.type === 'decimal')
        rule = builder()
          .requireNumberGreaterThanOrEqualTo(c.min ?? 0)
          .build();
      if (rule) range.setDataValidation(rule);
    }
    protectScriptColumns(sheet, form, layout.columns, first, rows);
  });
  store();
  return lists.sheet;
}

/**
 * The script-owned, hidden tab the drop-downs list from: a header row, then one column per list. Written in one
 * setValues (stale cells of longer old lists are blanked); each value goes in with a leading apostrophe so it stays
 * text (a period '07/2024' is not turned into a date, a name starting with '=' is no formula). Returns each list's
 * range below its header, or null for an empty list.
 */
function writeChoiceLists(
  ss: Spreadsheet,
  settings: Settings,
  columns: Array<{ header: string; values: string[] }>,
): { sheet: Sheet; ranges: Array<Range | null> } {
  let sheet = findSheet(ss, CHOICE_LISTS.tab);
  if (!sheet) {
    sheet = ss.insertSheet(CHOICE_LISTS.tab);
    protectAdminTabs(settings, [sheet]); // the daily run may recreate it: protected from the start
  }
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  const height = 1 + Math.max(0, ...columns.map((c) => c.values.length));
  const rows = Math.max(height, sheet.getLastRow());
  const cols = Math.max(columns.length, sheet.getLastColumn());
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (cols > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  const grid: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) {
      const text = columns[c] ? (r === 0 ? columns[c].header : columns[c].values[r - 1]) : undefined;
      line.push(text === undefined || text === '' ? '' : `'${text}`);
    }
    grid.push(line);
  }
  sheet.getRange(1, 1, rows, cols).setValues(grid);
  const ranges = columns.map((c, i) => (c.values.length ? sheet!.getRange(2, i + 1, c.values.length, 1) : null));
  return { sheet, ranges };
}

/** Warning-only protection on the script-owned columns: editors are warned, never blocked. */
function protectScriptColumns(sheet: Sheet, form: FormSpec, columns: Record<string, number>, first: number, rows: number): void {
  const existing = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  for (const c of form.columns.filter((x) => x.scriptOwned)) {
    const col = columns[c.key];
    const description = PROTECTION.scriptColumn(c.header);
    if (col === undefined || existing.has(description)) continue;
    sheet
      .getRange(first - 1, col + 1, rows + 1, 1)
      .protect()
      .setDescription(description)
      .setWarningOnly(true);
  }
}

/**
 * The directory, settings, log and choice lists: only the owner, the user running setup, the admin emails and the
 * account the triggers run as may edit. A new protection mirrors the file's permissions (protects nobody) until its
 * editor list changes, so this follows Google's sample: add the effective user, remove everyone removable (the owner
 * and the current user stay), no domain-wide edit, then add the admins. Run every time, so the editors always match
 * `Email quản trị`.
 */
export function protectAdminTabs(settings: Settings, sheets: Sheet[]): void {
  const me = Session.getEffectiveUser();
  // The triggers run as their owner and write these tabs (notes, log, lists): a script is held to its user's protections.
  const triggerOwner = PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY);
  const editors = [...settings.adminEmails, ...(triggerOwner && !settings.adminEmails.includes(triggerOwner) ? [triggerOwner] : [])];
  for (const sheet of sheets) {
    const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const protection = found.length ? found[0] : sheet.protect().setDescription(PROTECTION.adminTab);
    protection.addEditor(me);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    if (editors.length) protection.addEditors(editors);
  }
}

/** The log keeps form codes and periods as typed ('03', '07/2024'), not as a number and a date. */
export function formatLogColumns(sheet: Sheet): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  sheet.getRange(2, 1, rows, 1).setNumberFormat('dd/MM/yyyy HH:mm:ss');
  sheet.getRange(2, 2, rows, LOG_COLUMNS.length - 1).setNumberFormat('@');
}

function ensureSettingsRows(sheet: Sheet, grid: Grid, report: SetupReport): void {
  if (isBlank(grid)) grid = [];
  if (grid.length === 0 || String(grid[0][0]).trim() !== SETTINGS_HEADERS.name) {
    if (grid.length === 0)
      writeHeaders(sheet, 1, 1, [
        { header: SETTINGS_HEADERS.name, help: '', width: 300 },
        { header: SETTINGS_HEADERS.value, help: '', width: 480 },
      ]);
    else {
      report.notes.push(SETUP.noHeaderRow(TAB.settings));
      return;
    }
  } else
    styleHeaderCells(sheet, 1, [
      { col: 0, width: 300 },
      { col: 1, width: 480 },
    ]);
  const present = new Set(grid.slice(1).map((r) => String(r[0]).trim()));
  const missing = SETTINGS.filter((s) => !present.has(s.name));
  if (!missing.length) return;
  const start = Math.max(grid.length, 1) + 1;
  const range = sheet.getRange(start, 1, missing.length, 2);
  range.setNumberFormat('@'); // defaults like 06/2024 stay as typed, not Dates
  range.setValues(missing.map((s) => [s.name, s.default]));
  range.setNotes(missing.map((s) => [s.help, '']));
  range.setWrap(true);
  report.addedSettings = missing.length;
  sheet.setFrozenRows(1);
}

/** Document property holding the hour the daily trigger was installed at (a Trigger cannot tell its hour). */
const DAILY_HOUR_KEY = 'dailyTickHour';
/** Document property holding the account whose triggers serve this spreadsheet. */
export const TRIGGER_OWNER_KEY = 'triggerOwner';
const HANDLERS = ['handleEdit', 'dailyTick'];

/** The current user's own triggers of this product (getProjectTriggers never lists another user's). */
function myTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => HANDLERS.includes(t.getHandlerFunction()));
}

/**
 * Exactly one edit and one daily trigger per spreadsheet, whoever runs setup. Installable triggers belong to the account
 * that created them and getProjectTriggers() lists only the current user's, so a second admin cannot see the first
 * one's: the owner is recorded in the document properties, and anyone else installs none (their own strays are
 * removed) and is told who owns them. A changed `Giờ gửi nhắc` moves the owner's daily trigger.
 */
export function ensureTriggers(ss: Spreadsheet, settings: Settings, report?: SetupReport): void {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(TRIGGER_OWNER_KEY);
  const mine = myTriggers();
  if (owner && me && owner !== me) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    report?.notes.push(SETUP.triggersOwnedBy(owner));
    return;
  }
  installTriggers(ss, settings, mine, props, report);
  if (me && owner !== me) props.setProperty(TRIGGER_OWNER_KEY, me);
}

function installTriggers(
  ss: Spreadsheet,
  settings: Settings,
  found: GoogleAppsScript.Script.Trigger[],
  props: GoogleAppsScript.Properties.Properties,
  report?: SetupReport,
): void {
  const handlers = new Set<string>();
  const mine: GoogleAppsScript.Script.Trigger[] = [];
  for (const t of found) {
    const handler = t.getHandlerFunction();
    if (handlers.has(handler))
      ScriptApp.deleteTrigger(t); // a copy of one's own (an old version's): one of each is enough
    else {
      handlers.add(handler);
      mine.push(t);
    }
  }
  if (!handlers.has('handleEdit')) {
    ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    report?.triggers.push('handleEdit');
  }
  const hour = String(settings.sendHour);
  if (handlers.has('dailyTick') && props.getProperty(DAILY_HOUR_KEY) !== hour) {
    for (const t of mine) if (t.getHandlerFunction() === 'dailyTick') ScriptApp.deleteTrigger(t);
    handlers.delete('dailyTick');
  }
  if (!handlers.has('dailyTick')) {
    ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(settings.sendHour).inTimezone(TIME_ZONE).create();
    props.setProperty(DAILY_HOUR_KEY, hour);
    report?.triggers.push('dailyTick');
  }
}

/** What `releaseTriggers` and `takeOverTriggers` did, for their dialog. */
export interface TriggerChange {
  owner: string | null;
  me: string;
  removed: number;
  installed: string[];
}

/**
 * `Gỡ trình kích hoạt của tôi`: deletes the current user's own triggers (the only ones anyone can delete) and, if they
 * owned the spreadsheet's triggers, clears the record so the next admin's setup installs theirs.
 */
export function releaseTriggers(): TriggerChange {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(TRIGGER_OWNER_KEY);
  const mine = myTriggers();
  for (const t of mine) ScriptApp.deleteTrigger(t);
  if (owner === me) {
    props.deleteProperty(TRIGGER_OWNER_KEY);
    props.deleteProperty(DAILY_HOUR_KEY);
  }
  return { owner: owner === me ? null : owner, me, removed: mine.length, installed: [] };
}

/**
 * `Nhận trình kích hoạt`: for when the owner cannot release them (their account is gone, so their triggers no longer
 * run): the current user installs their own and becomes the recorded owner. It deletes nothing of the old owner's
 * (no one can); if those still run, an edit is handled twice, which does no harm, until the old owner releases them.
 */
export function takeOverTriggers(ss: Spreadsheet, settings: Settings): TriggerChange {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(TRIGGER_OWNER_KEY);
  const report: SetupReport = { createdTabs: [], addedColumns: [], addedSettings: 0, triggers: [], notes: [] };
  if (owner !== me) props.deleteProperty(DAILY_HOUR_KEY); // the hour recorded was the old owner's trigger's
  installTriggers(ss, settings, myTriggers(), props, report);
  if (me) props.setProperty(TRIGGER_OWNER_KEY, me);
  // the new owner's triggers write the protected tabs: list it among their editors now, not at the next setup
  const tabs = [TAB.directory, TAB.settings, TAB.log, CHOICE_LISTS.tab]
    .map((name) => findSheet(ss, name))
    .filter((s): s is Sheet => s !== null);
  protectAdminTabs(settings, [...tabs, ...definitionTabs(ss)]);
  return { owner, me, removed: 0, installed: report.triggers };
}
