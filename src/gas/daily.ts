// The daily clock trigger: the full check (script and API edits fire no edit trigger), fresh drop-downs, and the
// reminders and the digest when the setting is on. A missed day is caught up by the next run (the plan looks back).
// One read of the workbook serves them all, under the document lock so two runs never overlap. Each job runs even
// when one before it throws: a failure is logged in `Nhật ký` and told to the admins once, never swallowed.
import { checkAll, MEMO_KEY, readMemo, type Memo } from './check';
import { applyNativeValidation } from './setup';
import { appendLog, messageOf, ReminderSession } from './remind';
import { listedSheetFinder, readSnapshot, rememberForms, type Snapshot } from './book';
import { formsOf } from '../core/forms/book';
import { closeDuePeriods, keepCloseStore } from './close';
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

/** The jobs in order, each in its own try; then the memo is written (once), the failures logged and told. */
function runDaily(ss: Spreadsheet, now: Date): void {
  // One listing of the tabs serves the snapshot and the status tab: the daily run looks up a dozen, some missing.
  const find = listedSheetFinder(ss);
  // Without the workbook's values nothing can run: the execution fails and Apps Script records it.
  const snap = readSnapshot(ss, undefined, find);
  const failures: StepFailure[] = [];
  const step = (name: DailyStep, job: () => void) => {
    try {
      job();
    } catch (err) {
      failures.push({ step: name, message: messageOf(err) });
    }
  };
  let v: Validation | null = null;
  // What the last run did (its memo), and what this one learns: written once at the end, only when it changed.
  const props = PropertiesService.getDocumentProperties();
  let last: Memo = [null, null, null];
  step('check', () => {
    last = readMemo(props);
  });
  const next: Memo = [...last];
  step('check', () => {
    v = validateWorkbook(snap.book, now);
    const marks: { last: string | null; next?: string } = { last: last[1] };
    checkAll(ss, now, snap, v, marks); // the admin tabs only when their marks changed
    next[1] = marks.next ?? null;
  });
  // The edits read the forms from the document cache (a best-effort cache: a failure here costs nothing more).
  try {
    rememberForms(formsOf(snap.book));
  } catch (err) {
    console.error(`dailyTick forms cache: ${messageOf(err)}`);
  }
  let closed: ClosedForm[] = [];
  let memoWritten = false;
  const memoChange = (): Record<string, string> =>
    JSON.stringify(next) === JSON.stringify(last) ? {} : { [MEMO_KEY]: JSON.stringify(next) };
  if (v) {
    const valid: Validation = v;
    // Only when the forms, directory or months changed; the rules' print lands in next[0] once applied.
    step('dropdowns', () => applyNativeValidation(snap, valid, now, ss, true, { last, next }));
    // Nothing due since the last close: no write, no lookup (the closed tab is in the snapshot).
    step('close', () => {
      closed = closeDuePeriods(ss, now, snap, valid);
    });
    // The edit index, with the closes just made (the edits' changed_after_close needs them): best effort.
    try {
      rememberWorkbook(documentCache(), snap.book, valid, [...(valid.closed ?? []), ...closed]);
    } catch (err) {
      console.error(`dailyTick edit index: ${messageOf(err)}`);
    }
    step('status', () => {
      const status: { last: string | null; next?: string; find: typeof find } = { last: last[2], find };
      rebuildStatusTab(ss, now, snap, valid, status); // not rewritten when it would show what it shows
      next[2] = status.next ?? null;
    });
    if (valid.settings.autoRemind) {
      // With the closes just made: an overdue email of a period closed this morning says so.
      const session = new ReminderSession(
        ss,
        now,
        snap,
        closed.length ? { ...valid, closed: [...(valid.closed ?? []), ...closed] } : valid,
      );
      step('reminders', () => session.sendUnits());
      step('digest', () => session.sendDigest());
      // The memo rides on the write that confirms the last email: N emails, at most N + 2 writes in all.
      step('log', () => {
        memoWritten = session.close(memoChange());
      });
    }
  }
  const memo = memoChange();
  if (!memoWritten && Object.keys(memo).length)
    step('check', () => {
      props.setProperties(memo);
    });
  // Last, in a write of its own (src/gas/close.ts): the report's close store, when the closes changed.
  keepCloseStore(props, snap);
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
