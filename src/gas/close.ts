// The period close: the daily run closes every period whose moment has come (whatever runs were missed), the officer
// may close one again from the sidebar; each close is written to `Số liệu đã chốt` in one write and digested by email.
import { TAB } from '../core/forms/schema';
import type { Validation } from '../core/model';
import type { Month } from '../core/types';
import { validateWorkbook } from '../core/validate';
import { indicators } from '../core/forms/schema';
import { inForce } from '../core/forms/book';
import {
  absorbed,
  closeDigest,
  closeFigures,
  closedTabWrite,
  closesDue,
  digestCorrections,
  latestClose,
  type ClosedForm,
  type Correction,
} from '../core/close';
import { formatTimeAndDay } from '../core/format';
import type { LogEntry } from '../core/reminders';
import { CLOSE_STORE_KEY, closeStoreOf, closeStoreValues } from '../core/closeStore';
import { formatMonth, parseMonthStrict } from '../core/periods';
import { CLOSE_TEXT, PERIOD_TAB } from '../core/text/period';
import { SIDEBAR_ERRORS } from '../core/text/ui';
import { documentCache, rememberWorkbook } from './editMemo';
import { findSheet, readSnapshot, type Snapshot } from './book';
import { protectAdminTabs } from './setup';
import { appendLog } from './remind';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Writes new closes to the closed tab (created and protected when missing) in one write. */
function writeCloses(ss: Spreadsheet, snap: Snapshot, v: Validation, closes: ClosedForm[]): void {
  let sheet = snap.sheets[PERIOD_TAB.closed] ?? findSheet(ss, PERIOD_TAB.closed);
  if (!sheet) {
    sheet = ss.insertSheet(PERIOD_TAB.closed);
    protectAdminTabs(v.settings, [sheet]);
    snap.sheets[PERIOD_TAB.closed] = sheet;
  }
  const w = closedTabWrite(snap.book[PERIOD_TAB.closed] ?? [], closes, v.forms);
  if (!w.values.length) return;
  const width = w.values[0].length;
  const maxR = sheet.getMaxRows(),
    maxC = sheet.getMaxColumns();
  const needR = w.row + w.values.length - 1;
  if (needR > maxR) sheet.insertRowsAfter(maxR, needR - maxR);
  if (width > maxC) sheet.insertColumnsAfter(maxC, width - maxC);
  const range = sheet.getRange(w.row, 1, w.values.length, width);
  range.setValues(w.values);
  if (w.row === 1 && sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // The snapshot follows the tab (what the close store is made from), without reading it back.
  snap.book[PERIOD_TAB.closed] = w.row === 1 ? w.values : [...(snap.book[PERIOD_TAB.closed] ?? []), ...w.values];
}

/**
 * The report's close store (core/closeStore.ts), from the closed tab as it now stands (the snapshot holds the closes
 * just written): written when its head (which carries its print) differs from the stored one (a close, the tab edited
 * by hand), in a write of its own, so that it never fails or moves a reminder's record or the daily memo. It is an
 * aid: a failure only leaves the report reading the closed tab whole (the stale store's last row is another one), and
 * the next daily run tries again.
 */
export function keepCloseStore(props: GoogleAppsScript.Properties.Properties, snap: Snapshot): void {
  const store = closeStoreValues(closeStoreOf(snap.book[PERIOD_TAB.closed]));
  try {
    if (props.getProperty(CLOSE_STORE_KEY) !== store.values[CLOSE_STORE_KEY]) props.setProperties(store.values);
  } catch (err) {
    console.error(`close store: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The digest to the admins after closes, logged in `Nhật ký` (one write); without admins it is logged as skipped. */
function digestAndLog(
  ss: Spreadsheet,
  snap: Snapshot,
  v: Validation,
  closes: ClosedForm[],
  corrections: Map<string, Correction[]>,
  step: string,
  by: string,
  now: Date,
): LogEntry['result'] {
  const mail = closeDigest(v, closes, corrections);
  const to = v.settings.adminEmails;
  const periods = Array.from(new Set(closes.map((c) => formatMonth(c.period))));
  const detail = CLOSE_TEXT.logDetail(Array.from(new Set(closes.map((c) => c.form))), by);
  let result: LogEntry['result'] = 'skipped';
  if (to.length && MailApp.getRemainingDailyQuota() >= to.length) {
    try {
      MailApp.sendEmail({ to: to.join(','), subject: mail.subject, body: mail.text, name: v.settings.department });
      result = 'sent';
    } catch {
      result = 'failed';
    }
  }
  const entries: LogEntry[] = periods.map((p) => ({
    unit: '',
    form: '',
    period: p,
    step,
    at: now,
    to: result === 'sent' ? to : [],
    result,
    detail,
  }));
  appendLog(ss, snap.sheets[TAB.log] ?? null, entries);
  // Kept in the snapshot: the reminders of the same run append to this same tab.
  const log = snap.sheets[TAB.log] ?? findSheet(ss, TAB.log);
  if (log) snap.sheets[TAB.log] = log;
  return result;
}

/** The corrections of deleted reports the close digests have listed (core/close.ts `digestCorrections`). */
const LISTED_GONE_KEY = 'ispeed:closeDigest:gone';

/** The corrections the daily close's digest lists; what it remembers of them is kept only once the digest went. */
function correctionsSince(snap: Snapshot, v: Validation, closes: ClosedForm[], now: Date) {
  const props = PropertiesService.getDocumentProperties();
  let listed: string[] = [];
  try {
    listed = JSON.parse(props.getProperty(LISTED_GONE_KEY) ?? '[]');
  } catch {
    /* unreadable: listed again, once */
  }
  const found = digestCorrections(snap.book, v, closes, now, new Set(Array.isArray(listed) ? listed : []));
  const remember = () => {
    const value = JSON.stringify(found.gone);
    if (value !== JSON.stringify(listed)) props.setProperty(LISTED_GONE_KEY, value);
  };
  return { corrections: found.corrections, remember };
}

/** The daily step: closes what is due (nothing when nothing is), in one write, then the digest. */
export function closeDuePeriods(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): ClosedForm[] {
  const due = closesDue(v, now);
  if (!due.length) return [];
  // A form's period without any unit expected has nothing to close (it closes once a unit is added).
  const closes = closeFigures(v, due, now).filter((c) => c.units.length > 0);
  if (!closes.length) return [];
  writeCloses(ss, snap, v, closes);
  // The digest after a close lists the corrections made to closed periods since: none, no email (the deadline's
  // digest already gave the figures).
  const { corrections, remember } = correctionsSince(snap, v, closes, now);
  // A digest that failed to go lists its deleted reports' corrections again next time.
  const result = corrections.size ? digestAndLog(ss, snap, v, closes, corrections, CLOSE_TEXT.logStep, '', now) : 'skipped';
  if (result !== 'failed') remember();
  return closes;
}

/** Closes a period again (the sidebar, after the officer confirmed): every form already closed for it. */
export function reclose(ss: Spreadsheet, period: Month, now: Date = new Date()): ClosedForm[] {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30 * 1000)) throw new Error(CLOSE_TEXT.busy);
  try {
    const snap = readSnapshot(ss);
    const v = validateWorkbook(snap.book, now);
    const specs = v.forms.filter((f) => latestClose(v.closed ?? [], f.id, period));
    if (!specs.length) throw new Error(CLOSE_TEXT.notClosed(formatMonth(period)));
    const closes = closeFigures(
      v,
      specs.map((spec) => ({ spec, period })),
      now,
    );
    writeCloses(ss, snap, v, closes);
    keepCloseStore(PropertiesService.getDocumentProperties(), snap);
    // The edits' index holds the closed figures: kept again with these closes.
    rememberWorkbook(documentCache(), snap.book, v, [...(v.closed ?? []), ...closes]);
    const corrections = new Map<string, Correction[]>();
    for (const c of closes) {
      const before = latestClose(v.closed ?? [], c.form, period)!;
      const spec = v.forms.find((f) => f.id === c.form)!;
      const list = absorbed(
        before,
        c,
        indicators(spec).filter((x) => inForce(x, period)),
      );
      if (list.length) corrections.set(`${c.form}|${c.period}`, list);
    }
    let by = '';
    try {
      by = Session.getActiveUser().getEmail() || '';
    } catch {
      /* not available to this user */
    }
    digestAndLog(ss, snap, v, closes, corrections, CLOSE_TEXT.logReclose, by, now);
    return closes;
  } finally {
    lock.releaseLock();
  }
}

/** The sidebar's button: asks for confirmation, then closes the period again. Returns what to show. */
export function reclosePeriod(periodText: string): { done: boolean; message: string } {
  const period = parseMonthStrict(String(periodText));
  if (period === null) throw new Error(SIDEBAR_ERRORS.badPeriod(String(periodText)));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const snap = readSnapshot(ss);
  const v = validateWorkbook(snap.book, new Date());
  const last = v.forms
    .map((f) => latestClose(v.closed ?? [], f.id, period))
    .filter((c): c is ClosedForm => !!c)
    .sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())[0];
  if (!last) return { done: false, message: CLOSE_TEXT.notClosed(formatMonth(period)) };
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    CLOSE_TEXT.reclose(formatMonth(period)),
    CLOSE_TEXT.recloseConfirm(formatMonth(period), formatTimeAndDay(last.closedAt)),
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES)
    return { done: false, message: CLOSE_TEXT.recloseKept(formatMonth(period), formatTimeAndDay(last.closedAt)) };
  const now = new Date();
  reclose(ss, period, now);
  return { done: true, message: CLOSE_TEXT.reclosed(formatMonth(period), formatTimeAndDay(now)) };
}
