// The i-Speed menu and what its items do.
import { MENU, SIDEBAR_TITLE, SETUP, CHECK, REMINDER_SWITCH, TRIGGERS } from '../core/text/ui';
import { NO, SETTINGS, TAB, YES } from '../core/forms/schema';
import { releaseTriggers, setupSpreadsheet, takeOverTriggers, TRIGGER_OWNER_KEY } from './setup';
import { checkAll } from './check';
import { readSettings } from '../core/settings';
import { readTab } from './book';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU.title)
    .addItem(MENU.setup, 'menuSetup')
    .addItem(MENU.checkAll, 'menuCheckAll')
    .addSeparator()
    .addItem(MENU.report, 'showSidebar')
    .addSeparator()
    .addItem(MENU.remindOn, 'menuRemindersOn')
    .addItem(MENU.remindOff, 'menuRemindersOff')
    .addSeparator()
    .addItem(MENU.releaseTriggers, 'menuReleaseTriggers')
    .addItem(MENU.takeOverTriggers, 'menuTakeOverTriggers')
    .addToUi();
}

/** Editor add-on install: the same menu (Google's add-on template does this). */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuSetup(): void {
  const report = setupSpreadsheet(SpreadsheetApp.getActiveSpreadsheet());
  SpreadsheetApp.getUi().alert(SETUP.doneTitle, SETUP.done(report), SpreadsheetApp.getUi().ButtonSet.OK);
}

export function menuCheckAll(): void {
  const v = checkAll(SpreadsheetApp.getActiveSpreadsheet());
  const tabs = [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns, ...v.forms.map((f) => f.tab), TAB.measured];
  const perTab = tabs.map((sheet) => ({
    sheet,
    errors: v.problems.filter((p) => p.sheet === sheet && p.severity === 'error').length,
    warnings: v.problems.filter((p) => p.sheet === sheet && p.severity === 'warning').length,
  }));
  SpreadsheetApp.getUi().alert(CHECK.title, CHECK.summary(perTab), SpreadsheetApp.getUi().ButtonSet.OK);
}

/** Deletes this account's own triggers; the record of the owner goes with them if it was this account. */
export function menuReleaseTriggers(): void {
  const r = releaseTriggers();
  const ui = SpreadsheetApp.getUi();
  const lines = [TRIGGERS.released(r.removed), r.owner && r.owner !== r.me ? TRIGGERS.releasedNotOwner(r.owner) : ''];
  ui.alert(TRIGGERS.title, lines.filter(Boolean).join('\n'), ui.ButtonSet.OK);
}

/** Installs this account's triggers and records it as their owner, after a confirmation when another owner is recorded. */
export function menuTakeOverTriggers(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owner = PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY);
  const me = Session.getEffectiveUser().getEmail();
  if (owner && owner === me) {
    ui.alert(TRIGGERS.title, TRIGGERS.alreadyYours, ui.ButtonSet.OK);
    return;
  }
  if (ui.alert(TRIGGERS.title, TRIGGERS.confirmTakeOver(owner), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const r = takeOverTriggers(ss, readSettings(readTab(ss, TAB.settings)).settings);
  ui.alert(TRIGGERS.title, TRIGGERS.tookOver(r.me), ui.ButtonSet.OK);
}

export function menuRemindersOn(): void {
  setAutoRemind(true);
  SpreadsheetApp.getUi().alert(REMINDER_SWITCH.on);
}
export function menuRemindersOff(): void {
  setAutoRemind(false);
  SpreadsheetApp.getUi().alert(REMINDER_SWITCH.off);
}

/** Flips the `Nhắc nhở tự động` setting (the trigger stays: it checks the setting every day). */
export function setAutoRemind(on: boolean): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const name = SETTINGS.find((s) => s.key === 'autoRemind')!.name;
  const sheet = ss.getSheetByName(TAB.settings) ?? ss.insertSheet(TAB.settings);
  const values = sheet.getDataRange().getValues();
  const index = values.findIndex((r) => String(r[0]).trim() === name);
  const row = index >= 0 ? index + 1 : Math.max(values.length, 1) + 1;
  sheet.getRange(row, 1, 1, 2).setValues([[name, on ? YES : NO]]);
}
