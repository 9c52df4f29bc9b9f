// The daily clock trigger: the full check (script and API edits fire no edit trigger), fresh drop-downs, and the
// reminders when the setting is on. A missed day is caught up by the next run (the plan looks back).
import { TAB } from '../core/forms/schema';
import { readDirectory } from '../core/directory';
import { checkAll } from './check';
import { applyNativeValidation } from './setup';
import { runReminders } from './remind';
import { readTab } from './book';

export function dailyTick(_e?: GoogleAppsScript.Events.TimeDriven): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const v = checkAll(ss, now);
  applyNativeValidation(ss, v.settings, readDirectory(readTab(ss, TAB.directory), v.settings).units, now);
  if (v.settings.autoRemind) runReminders(ss, now);
}
