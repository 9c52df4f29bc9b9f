// The daily clock trigger: the full check (script and API edits fire no edit trigger), fresh drop-downs, and the
// reminders when the setting is on. A missed day is caught up by the next run (the plan looks back).
// One read of the workbook serves all three, under the document lock so two runs never overlap.
import { checkAll } from './check';
import { applyNativeValidation } from './setup';
import { sendReminders } from './remind';
import { readSnapshot, rememberForms } from './book';
import { formsOf } from '../core/forms/book';

export function dailyTick(_e?: GoogleAppsScript.Events.TimeDriven): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock(); // null outside a container-bound context
  if (!lock.tryLock(30 * 1000)) return; // another run is at work; tomorrow's run catches up
  try {
    const snap = readSnapshot(ss);
    const v = checkAll(ss, now, snap);
    rememberForms(formsOf(snap.book));
    applyNativeValidation(snap, v, now);
    if (v.settings.autoRemind) sendReminders(ss, now, snap, v);
  } finally {
    lock.releaseLock();
  }
}
