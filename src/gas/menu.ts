import { MENU, SIDEBAR_TITLE } from '../core/text';

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
