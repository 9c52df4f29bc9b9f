// `Thiết lập biểu mẫu`: creates what is missing and re-applies rules, never moving or rewriting a user's cell.
// Idempotent: a second run finds everything in place and changes nothing (no second trigger either).
import { DIRECTORY_COLUMNS, LOG_COLUMNS, SETTINGS, SETTINGS_HEADERS, TAB, type ColumnSpec, type FormSpec } from '../core/forms/schema';
import { findLayout } from '../core/layout';
import { isActive } from '../core/directory';
import { validateWorkbook } from '../core/validate';
import { dayOf, formatMonth, localParts, month, monthOfDay, TIME_ZONE } from '../core/periods';
import { formsOf } from '../core/forms/book';
import { formColumns } from '../core/forms/columns';
import { FORM_COLUMN_COLUMNS, FORM_LIST_COLUMNS, templateGrids, type DefinitionColumn } from '../core/forms/definitions';
import { asSheetText } from '../core/safety';
import type { Grid, Month } from '../core/types';
import type { Settings, Validation } from '../core/model';
import { SETUP, PROTECTION } from '../core/text';
import { findSheet, readBook, readSnapshot, readTab, rememberForms, type Snapshot } from './book';
import { checkAll } from './check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const LOCALE = 'vi_VN';
const HEADER_BACKGROUND = '#cfe2f3';

const NUMBER_FORMAT: Partial<Record<ColumnSpec['type'], string>> = {
  int: '#,##0', decimal: '#,##0.0', datetime: 'dd/MM/yyyy HH:mm', phone: '@', period: '@', text: '@', links: '@',
};

/** Everything setup did, for the summary dialog. */
export interface SetupReport { createdTabs: string[]; addedColumns: string[]; addedSettings: number; triggers: string[]; notes: string[] }

export function setupSpreadsheet(ss: Spreadsheet, now: Date = new Date()): SetupReport {
  const report: SetupReport = { createdTabs: [], addedColumns: [], addedSettings: 0, triggers: [], notes: [] };
  if (ss.getSpreadsheetLocale() !== LOCALE) ss.setSpreadsheetLocale(LOCALE);
  if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);

  const directory = ensureTab(ss, TAB.directory, report);
  ensureHeaderRow(directory, readTab(ss, TAB.directory), DIRECTORY_COLUMNS.map((c) => ({ header: c.header, help: c.help, width: c.width })), report);
  const settingsSheet = ensureTab(ss, TAB.settings, report);
  ensureSettingsRows(settingsSheet, readTab(ss, TAB.settings), report);
  const logSheet = ensureTab(ss, TAB.log, report);
  ensureHeaderRow(logSheet, readTab(ss, TAB.log), LOG_COLUMNS.map((h) => ({ header: h, help: '', width: 140 })), report);
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
  applyNativeValidation(snap, v, now);
  protectAdminTabs(ss, v.settings, [directory, settingsSheet, logSheet, listSheet, columnsSheet]);
  ensureTriggers(ss, v.settings, report);
  return report;
}

/** An empty sheet reads as [['']] (getDataRange is at least A1). */
function isBlank(grid: Grid): boolean {
  return grid.every((row) => row.every((v) => v === ''));
}

/**
 * A definition tab: an empty one gets the built-in template (as text, so `01` and `06/2024` stay as written), an
 * existing one only its missing headers; the Department's own rows are never touched.
 */
function ensureDefinitionTab(sheet: Sheet, grid: Grid, columns: readonly DefinitionColumn[], template: Grid, report: SetupReport): void {
  if (!isBlank(grid)) {
    ensureHeaderRow(sheet, grid, columns.map((c) => ({ header: c.header, help: c.help, width: c.width })), report);
    return;
  }
  writeHeaders(sheet, 1, 1, columns.map((c) => ({ header: c.header, help: c.help, width: c.width })));
  const rows = template.slice(1).map((r) => columns.map((_, i) => asSheetText(String(r[i] ?? ''))));
  if (rows.length) {
    const range = sheet.getRange(2, 1, rows.length, columns.length);
    range.setNumberFormat('@');
    range.setValues(rows);
    range.setWrap(true);
  }
  sheet.setFrozenRows(1);
  report.addedColumns.push(...columns.map((c) => `${sheet.getName()}: ${c.header}`));
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
  const v = checkAll(ss, now, snap);
  applyNativeValidation(snap, v, now);
  return v;
}

function ensureTab(ss: Spreadsheet, name: string, report: SetupReport): Sheet {
  const existing = findSheet(ss, name);
  if (existing) return existing;
  report.createdTabs.push(name);
  return ss.insertSheet(name);
}

interface HeaderSpec { header: string; help: string; width: number }

/** Row-1 header tabs (directory, log): writes the missing headers after the last used column. */
function ensureHeaderRow(sheet: Sheet, grid: Grid, columns: HeaderSpec[], report: SetupReport): void {
  const present = new Set((grid[0] ?? []).map((v) => String(v).trim()));
  const missing = columns.filter((c) => !present.has(c.header));
  if (missing.length === 0) return;
  const start = isBlank(grid) ? 1 : grid[0].length + 1;
  writeHeaders(sheet, 1, start, missing);
  report.addedColumns.push(...missing.map((c) => `${sheet.getName()}: ${c.header}`));
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
  columns.forEach((c, i) => sheet.setColumnWidth(startCol + i, c.width));
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
    report.addedColumns.push(...form.columns.map((c) => `${form.tab}: ${c.header}`));
  } else {
    styleHeaders(sheet, headerRow, layout.columns, form);
    // A column found under one of its other names is present; a column no longer asked (`Đến kỳ` passed) is not added.
    const missing = form.columns.filter((c) => layout.columns[c.key] === undefined && (c.to == null || c.to >= current));
    const extra = formColumns(form, grid, current).columns.filter((c) => c.key === null).map((c) => c.header);
    if (extra.length) report.notes.push(SETUP.extraHeaders(form.tab, extra));
    if (missing.length) {
      writeHeaders(sheet, headerRow, (grid[headerRow - 1] ?? []).length + 1, specs(missing));
      report.addedColumns.push(...missing.map((c) => `${form.tab}: ${c.header}`));
    }
  }
  if (sheet.getFrozenRows() !== headerRow) sheet.setFrozenRows(headerRow);
}

/** An existing header row gets the schema's help notes and header style (formatting only: no header text changes). */
function styleHeaders(sheet: Sheet, headerRow: number, columns: Record<string, number>, form: FormSpec): void {
  const width = Math.max(...Object.values(columns)) + 1;
  const range = sheet.getRange(headerRow, 1, 1, width);
  const notes = range.getNotes()[0];
  for (const c of form.columns) if (columns[c.key] !== undefined) notes[columns[c.key]] = c.help;
  range.setNotes([notes]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  range.setWrap(true);
}

/** Drop-downs and bounds that guide (they never reject: the script decides). Re-applied daily, since a paste wipes them. */
export function applyNativeValidation(snap: Snapshot, v: Validation, now: Date): void {
  const { settings, units } = v;
  const p = localParts(now);
  const current = month(p.year, p.month);
  const months: string[] = [];
  for (let m = current; m >= settings.startMonth && months.length < 240; m--) months.push(formatMonth(m));
  for (const form of v.forms) {
    const sheet = snap.sheets[form.tab];
    if (!sheet) continue;
    const layout = v.layouts[form.tab];
    if (!layout || !layout.headerRow) continue;
    const first = layout.headerRow + 1;
    const rows = sheet.getMaxRows() - layout.headerRow;
    if (rows < 1) continue;
    const names = units.filter((u) => u.form === form.id && u.enabled && (isActive(u, current) || isActive(u, current - 1))).map((u) => u.name);
    for (const c of form.columns) {
      const col = layout.columns[c.key];
      if (col === undefined) continue;
      const range = sheet.getRange(first, col + 1, rows, 1);
      const format = NUMBER_FORMAT[c.type];
      if (format) range.setNumberFormat(format);
      let rule: GoogleAppsScript.Spreadsheet.DataValidation | null = null;
      const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(c.help);
      if (c.type === 'unit' && names.length) rule = builder().requireValueInList(names, true).build();
      else if (c.type === 'period' && months.length) rule = builder().requireValueInList(months, true).build();
      else if (c.type === 'int' || c.type === 'decimal') rule = builder().requireNumberGreaterThanOrEqualTo(c.min ?? 0).build();
      if (rule) range.setDataValidation(rule);
    }
    protectScriptColumns(sheet, form, layout.columns, first, rows);
  }
}

/** Warning-only protection on the script-owned columns: editors are warned, never blocked. */
function protectScriptColumns(sheet: Sheet, form: FormSpec, columns: Record<string, number>, first: number, rows: number): void {
  const existing = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  for (const c of form.columns.filter((x) => x.scriptOwned)) {
    const col = columns[c.key];
    const description = PROTECTION.scriptColumn(c.header);
    if (col === undefined || existing.has(description)) continue;
    sheet.getRange(first - 1, col + 1, rows + 1, 1).protect().setDescription(description).setWarningOnly(true);
  }
}

/** The directory, settings and log: only the owner (the script's user) and the admin emails may edit. */
function protectAdminTabs(ss: Spreadsheet, settings: Settings, sheets: Sheet[]): void {
  const me = Session.getEffectiveUser().getEmail();
  for (const sheet of sheets) {
    const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const protection = found.length ? found[0] : sheet.protect().setDescription(PROTECTION.adminTab);
    const editors = protection.getEditors().map((u) => u.getEmail());
    const wanted = [me, ...settings.adminEmails].filter(Boolean);
    const extra = editors.filter((e) => !wanted.includes(e));
    if (me && !editors.includes(me)) protection.addEditor(me);
    if (extra.length) protection.removeEditors(extra);
    const toAdd = settings.adminEmails.filter((e) => !editors.includes(e));
    if (toAdd.length) protection.addEditors(toAdd);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
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
    if (grid.length === 0) writeHeaders(sheet, 1, 1, [
      { header: SETTINGS_HEADERS.name, help: '', width: 300 },
      { header: SETTINGS_HEADERS.value, help: '', width: 480 },
    ]);
    else { report.notes.push(SETUP.noHeaderRow(TAB.settings)); return; }
  }
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

/** The two triggers the product lives on; never a second one. */
/** Document property holding the hour the daily trigger was installed at (a Trigger cannot tell its hour). */
const DAILY_HOUR_KEY = 'dailyTickHour';

/** The two triggers the product lives on; never a second one. A changed `Giờ gửi nhắc` moves the daily one. */
export function ensureTriggers(ss: Spreadsheet, settings: Settings, report?: SetupReport): void {
  const triggers = ScriptApp.getProjectTriggers();
  const handlers = new Set(triggers.map((t) => t.getHandlerFunction()));
  if (!handlers.has('handleEdit')) {
    ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    report?.triggers.push('handleEdit');
  }
  const props = PropertiesService.getDocumentProperties();
  const hour = String(settings.sendHour);
  if (handlers.has('dailyTick') && props.getProperty(DAILY_HOUR_KEY) !== hour) {
    for (const t of triggers) if (t.getHandlerFunction() === 'dailyTick') ScriptApp.deleteTrigger(t);
    handlers.delete('dailyTick');
  }
  if (!handlers.has('dailyTick')) {
    ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(settings.sendHour).inTimezone(TIME_ZONE).create();
    props.setProperty(DAILY_HOUR_KEY, hour);
    report?.triggers.push('dailyTick');
  }
}
