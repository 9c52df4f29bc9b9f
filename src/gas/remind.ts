// Sending the reminders: under the document lock, each send recorded durably around the send itself, so a run that
// dies, two runs that overlap or a trigger that fires twice never send the same (unit, form, period, step) twice.
import { TAB, LOG_COLUMNS } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { planReminders, readLog, logRow, sendKey, type LogEntry, type ReminderPlan, type SendKey } from '../core/reminders';
import { dayOf } from '../core/periods';
import type { FormId } from '../core/types';
import type { Validation } from '../core/model';
import { readSnapshot, type Snapshot } from './book';
import { formatLogColumns } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property prefix of a send in flight ('sending') or done but not yet in the log tab ('sent'). */
const SEND_PREFIX = 'send:';

interface SendRecord extends SendKey { state: 'sending' | 'sent'; at: string; to: string[] }

export interface ReminderRun { busy: boolean; plan: ReminderPlan | null; sent: number; failed: number; deferred: number; uncertain: number }

function links(ss: Spreadsheet, sheets: Snapshot['sheets'], forms: Validation['forms']) {
  const url = ss.getUrl();
  const gids: Partial<Record<FormId, number>> = {};
  for (const f of forms) {
    const sheet = sheets[f.tab];
    if (sheet) gids[f.id] = sheet.getSheetId();
  }
  return { spreadsheetUrl: url, tabUrl: (form: FormId) => (gids[form] === undefined ? url : `${url}#gid=${gids[form]}`) };
}

/** What today's run would send, without sending (the sidebar's preview, the CLI's dry run). */
export function previewReminders(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): ReminderPlan {
  const log = readLog(snap.book[TAB.log] ?? []);
  const pending = pendingRecords(PropertiesService.getDocumentProperties().getProperties());
  const quota = MailApp.getRemainingDailyQuota();
  return planReminders({ v, log: [...log, ...pending.map(toLogEntry)], today: dayOf(now), quota, links: links(ss, snap.sheets, v.forms) });
}

/** One reminder run under the document lock ('Gửi ngay'); busy when another run holds it. */
export function runReminders(ss: Spreadsheet, now: Date = new Date()): ReminderRun {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock(); // null outside a container-bound context
  if (!lock.tryLock(30 * 1000)) return { busy: true, plan: null, sent: 0, failed: 0, deferred: 0, uncertain: 0 };
  try {
    const snap = readSnapshot(ss);
    return sendReminders(ss, now, snap, validateWorkbook(snap.book, now));
  } finally {
    lock.releaseLock();
  }
}

/** Plans and sends on a workbook just read; the caller holds the document lock. */
export function sendReminders(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): ReminderRun {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperties();
  const logged = readLog(snap.book[TAB.log] ?? []);
  const loggedKeys = new Set(logged.filter((e) => e.result === 'sent' || e.result === 'uncertain').map(sendKey));

  // What a dead run left behind: 'sent' goes into the log as sent, 'sending' as uncertain (never retried).
  const entries: LogEntry[] = pendingRecords(stored).filter((r) => !loggedKeys.has(sendKey(r))).map(toLogEntry);
  const log = [...logged, ...entries];
  const uncertain = log.filter((e) => e.result === 'uncertain');
  const quota = MailApp.getRemainingDailyQuota();
  const plan = planReminders({ v, log, today: dayOf(now), quota, links: links(ss, snap.sheets, v.forms), uncertain });
  const run: ReminderRun = { busy: false, plan, sent: 0, failed: 0, deferred: 0, uncertain: entries.filter((e) => e.result === 'uncertain').length };
  const department = v.settings.department;

  for (const email of plan.emails) {
    const key = SEND_PREFIX + sendKey(email);
    const record: SendRecord = { unit: email.unit, form: email.form, period: email.period, step: email.step, state: 'sending', at: now.toISOString(), to: email.to };
    props.setProperty(key, JSON.stringify(record));
    try {
      MailApp.sendEmail({ to: email.to.join(','), subject: email.subject, body: email.text, htmlBody: email.html, name: department });
    } catch (err) {
      props.deleteProperty(key);
      const message = err instanceof Error ? err.message : String(err);
      const quotaHit = /too many times/i.test(message);
      entries.push({ ...keyOf(email), at: now, to: email.to, result: quotaHit ? 'deferred' : 'failed', detail: message });
      if (quotaHit) run.deferred++; else run.failed++;
      continue;
    }
    props.setProperty(key, JSON.stringify({ ...record, state: 'sent' }));
    entries.push({ ...keyOf(email), at: now, to: email.to, result: 'sent', detail: email.kind });
    run.sent++;
  }
  for (const skip of plan.skipped) {
    if (skip.reason === 'already_sent' || skip.reason === 'reported') continue; // the log already says so
    entries.push({ ...keyOf(skip), at: now, to: [], result: skip.reason === 'quota' ? 'deferred' : 'skipped', detail: skip.reason });
  }
  appendLog(ss, snap.sheets[TAB.log] ?? null, entries);
  // Once in the log tab, the durable records are no longer needed: keep every other property.
  const keep: Record<string, string> = {};
  for (const [k, val] of Object.entries(stored)) if (!k.startsWith(SEND_PREFIX)) keep[k] = val;
  props.setProperties(keep, true);
  return run;
}

function keyOf(k: SendKey): SendKey {
  return { unit: k.unit, form: k.form, period: k.period, step: k.step };
}

function pendingRecords(stored: Record<string, string>): SendRecord[] {
  const out: SendRecord[] = [];
  for (const [k, raw] of Object.entries(stored)) {
    if (!k.startsWith(SEND_PREFIX)) continue;
    try {
      const r = JSON.parse(raw) as SendRecord;
      if (r && (r.state === 'sending' || r.state === 'sent')) out.push(r);
    } catch { /* a foreign or broken property: ignored */ }
  }
  return out;
}

function toLogEntry(r: SendRecord): LogEntry {
  return { ...keyOf(r), at: new Date(r.at), to: r.to ?? [], result: r.state === 'sent' ? 'sent' : 'uncertain', detail: '' };
}

/** Appends the run's entries to `Nhật ký` in one write. */
function appendLog(ss: Spreadsheet, logSheet: GoogleAppsScript.Spreadsheet.Sheet | null, entries: LogEntry[]): void {
  if (!entries.length) return;
  let sheet = logSheet;
  if (!sheet) {
    sheet = ss.insertSheet(TAB.log);
    formatLogColumns(sheet);
  }
  const start = sheet.getLastRow() + 1;
  const rows = entries.map(logRow);
  if (start === 1) { rows.unshift([...LOG_COLUMNS]); }
  const needed = start + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, LOG_COLUMNS.length).setValues(rows);
}
