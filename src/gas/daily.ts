// The daily clock trigger: the full check (script and API edits fire no edit trigger), fresh drop-downs, and the
// reminders and the digest when the setting is on. A missed day is caught up by the next run (the plan looks back).
// One read of the workbook serves them all, under the document lock so two runs never overlap. Each job runs even
// when one before it throws: a failure is logged in `Nhật ký` and told to the admins once, never swallowed.
import { checkAll, readMemo } from './check';
import { applyNativeValidation } from './setup';
import { appendLog, messageOf, ReminderSession } from './remind';
import { readSnapshot, rememberForms, type Snapshot } from './book';
import { formsOf } from '../core/forms/book';
import { closeDuePeriods } from './close';
import type { ClosedForm } from '../core/close';
import { documentCache, rememberWorkbook } from './editMemo';
import { rebuildStatusTab } from './statusTab';
import { TAB } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { readSettings } from '../core/settings';
import { dayOf } from '../core/periods';
import type { Validation } from '../core/model';
import {
  failureEmail,
  failureEntries,
  failureNotice,
  recordChanged,
  TOLD_FAILURES_KEY,
  type DailyStep,
  type StepFailure,
} from '../core/reminders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function dailyTick(_e?: GoogleAppsScript.Events.TimeDriven): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock(); // null outside a container-bound context
  if (!lock.tryLock(30 * 1000)) return; // another run is at work; tomorrow's run catches up
  try {
    runDaily(ss, now);
  } finally {
    lock.releaseLock();
  }
}

/** The jobs in order, each in its own try; then the failures are logged and told. */
function runDaily(ss: Spreadsheet, now: Date): void {
  // Without the workbook's values nothing can run: the execution fails and Apps Script records it.
  const snap = readSnapshot(ss);
  const failures: StepFailure[] = [];
  const step = (name: DailyStep, job: () => void) => {
    try {
      job();
    } catch (err) {
      failures.push({ step: name, message: messageOf(err) });
    }
  };
  let v: Validation | null = null;
  const memo: { last: string | null; next?: string } = { last: null };
  step('check', () => {
    v = validateWorkbook(snap.book, now);
    memo.last = readMemo(PropertiesService.getDocumentProperties())[1];
    checkAll(ss, now, snap, v, memo); // the admin tabs only when their marks changed
  });
  // The edits read the forms from the document cache (a best-effort cache: a failure here costs nothing more).
  try {
    rememberForms(formsOf(snap.book));
  } catch (err) {
    console.error(`dailyTick forms cache: ${messageOf(err)}`);
  }
  let closed: ClosedForm[] = [];
  if (v) {
    const valid: Validation = v;
    step('dropdowns', () => applyNativeValidation(snap, valid, now, ss, true, memo.next)); // only when the forms, directory or months changed
    step('close', () => {
      closed = closeDuePeriods(ss, now, snap, valid);
    });
    // The edit index, with the closes just made (the edits' changed_after_close needs them): best effort.
    try {
      rememberWorkbook(documentCache(), snap.book, valid, [...(valid.closed ?? []), ...closed]);
    } catch (err) {
      console.error(`dailyTick edit index: ${messageOf(err)}`);
    }
    step('status', () => rebuildStatusTab(ss, now, snap, valid));
    if (valid.settings.autoRemind) {
      const session = new ReminderSession(ss, now, snap, valid);
      step('reminders', () => session.sendUnits());
      step('digest', () => session.sendDigest());
      step('log', () => session.close());
    }
  }
  if (failures.length) reportFailures(ss, now, snap, v, failures);
  else forgetToldFailures();
}

/** Every job worked: the failures told before are forgotten, so the same failure later is told again. */
function forgetToldFailures(): void {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(TOLD_FAILURES_KEY);
  if (stored !== null && recordChanged(stored, {})) props.setProperty(TOLD_FAILURES_KEY, '{}');
}

/**
 * Logs the failures in `Nhật ký` and emails the admins the ones not told before. When neither could be done, the
 * execution fails with them, so they show in the script's executions (and Google's failure email) instead.
 */
function reportFailures(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation | null, failures: StepFailure[]): void {
  for (const f of failures) console.error(`dailyTick ${f.step}: ${f.message}`);
  const problems: string[] = [];
  let logged = false,
    told = false;
  try {
    appendLog(ss, snap.sheets[TAB.log] ?? null, failureEntries(failures, now));
    logged = true;
  } catch (err) {
    problems.push(messageOf(err));
  }
  try {
    const admins = v ? v.settings.adminEmails : readSettings(snap.book[TAB.settings]).settings.adminEmails;
    const props = PropertiesService.getDocumentProperties();
    const stored = props.getProperty(TOLD_FAILURES_KEY);
    const notice = failureNotice(stored, failures);
    if (notice.tell.length && admins.length) {
      const email = failureEmail(notice.tell, dayOf(now), ss.getUrl());
      MailApp.sendEmail({ to: admins.join(','), subject: email.subject, body: email.text, htmlBody: email.html });
    }
    told = notice.tell.length === 0 || admins.length > 0;
    if (told && recordChanged(stored, notice.record)) props.setProperty(TOLD_FAILURES_KEY, JSON.stringify(notice.record));
  } catch (err) {
    problems.push(messageOf(err));
  }
  if (!logged && !told)
    throw new Error(
      failures
        .map((f) => `${f.step}: ${f.message}`)
        .concat(problems)
        .join('; '),
    );
}
