// Sending the reminders under the document lock, at most once per address, form, period and step, whatever happens:
// each email is recorded in the sent ledger (document properties) BEFORE it goes out, in one write that also names
// it as the email in flight; the next write (or the run's last) confirms it went. A run that dies leaves its email in
// flight: reported to the admins as uncertain, never sent again. N emails cost at most N + 2 Properties writes: one
// to prune closed periods (only when there are some), one per email, one to close the run (which also carries the
// daily run's memo).
import { TAB, LOG_COLUMNS } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import {
  planReminders,
  readLog,
  logRow,
  sendKey,
  SentLedger,
  ledgerSlot,
  eitherLedger,
  openSlots,
  ledgerFromLog,
  deadlinesUpTo,
  INFLIGHT_KEY,
  LEDGER_PREFIX,
  type LogEntry,
  type PlannedEmail,
  type ReminderPlan,
  type SendKey,
} from '../core/reminders';
import { dayOf } from '../core/periods';
import type { FormId } from '../core/types';
import type { Validation } from '../core/model';
import { readSnapshot, type Snapshot } from './book';
import { formatLogColumns } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property prefix of the per-email records an earlier version kept ('sending' / 'sent'). */
const LEGACY_PREFIX = 'send:';

/** An email recorded in the ledger whose sending was not confirmed yet. */
interface Flight extends SendKey {
  to: string[];
  at: string /** The ledger slot (absent in an earlier version's records). */;
  slot?: string;
}
/** The `sent|inflight` property: this run's email in flight, and the ones dead runs left, until they are logged. */
interface InFlight {
  sending: Flight | null;
  uncertain: Flight[];
}

export interface ReminderRun {
  busy: boolean;
  plan: ReminderPlan | null;
  sent: number;
  failed: number;
  deferred: number;
  uncertain: number;
}

function links(ss: Spreadsheet, sheets: Snapshot['sheets'], forms: Validation['forms']) {
  const url = ss.getUrl();
  const gids: Partial<Record<FormId, number>> = {};
  for (const f of forms) {
    const sheet = sheets[f.tab];
    if (sheet) gids[f.id] = sheet.getSheetId();
  }
  // `range` selects the unit's rows when the sheet opens (the link form Sheets itself gives for a selected range).
  return {
    spreadsheetUrl: url,
    tabUrl: (form: FormId, range?: string) =>
      gids[form] === undefined ? url : `${url}#gid=${gids[form]}${range ? `&range=${range}` : ''}`,
  };
}

/** An error's message; errors from Google's services may come from another realm, so no instanceof. */
export function messageOf(err: unknown): string {
  const m = err !== null && typeof err === 'object' ? (err as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(err);
}

function keyOf(k: SendKey): SendKey {
  return { unit: k.unit, form: k.form, period: k.period, step: k.step };
}

function readInFlight(raw: string | undefined): InFlight {
  try {
    const o = raw ? (JSON.parse(raw) as Partial<InFlight>) : {};
    return { sending: o.sending ?? null, uncertain: Array.isArray(o.uncertain) ? o.uncertain : [] };
  } catch {
    return { sending: null, uncertain: [] };
  }
}

/** Records an earlier version left behind: 'sent' counts as sent, 'sending' as uncertain. */
function legacyRecords(stored: Record<string, string>): { sent: Flight[]; uncertain: Flight[] } {
  const out = { sent: [] as Flight[], uncertain: [] as Flight[] };
  for (const [k, raw] of Object.entries(stored)) {
    if (!k.startsWith(LEGACY_PREFIX)) continue;
    try {
      const r = JSON.parse(raw) as Flight & { state?: string };
      if (r && r.state === 'sent') out.sent.push(r);
      else if (r && r.state === 'sending') out.uncertain.push(r);
    } catch {
      /* a foreign or broken property: ignored */
    }
  }
  return out;
}

function flightEntry(f: Flight, result: 'sent' | 'uncertain'): LogEntry {
  return { ...keyOf(f), at: new Date(f.at), to: f.to ?? [], result, detail: '' };
}

/**
 * One reminder run on a workbook just read; the caller holds the document lock. open() reads the ledger and the log;
 * sendUnits() and sendDigest() each plan and send their part (the daily run does them as separate steps, so one
 * failing leaves the other to run); close() writes the log tab and confirms the last email.
 */
export class ReminderSession {
  private props = PropertiesService.getDocumentProperties();
  private ledger = new SentLedger();
  private logged: LogEntry[] = [];
  /** This run's log entries (and what dead runs left), written to `Nhật ký` by close(). */
  readonly entries: LogEntry[] = [];
  private carried: Flight[] = [];
  private changed = false;
  private opened = false;
  readonly run: ReminderRun = { busy: false, plan: null, sent: 0, failed: 0, deferred: 0, uncertain: 0 };

  constructor(
    private ss: Spreadsheet,
    private now: Date,
    private snap: Snapshot,
    private v: Validation,
  ) {}

  open(): void {
    if (this.opened) return;
    this.entries.length = 0; // a second try after a failed one starts afresh
    const stored = this.props.getProperties();
    this.logged = readLog(this.snap.book[TAB.log] ?? []);
    const inLog = new Set(this.logged.filter((e) => e.result === 'sent' || e.result === 'uncertain').map(sendKey));
    const flight = readInFlight(stored[INFLIGHT_KEY]);
    const legacy = legacyRecords(stored);
    // What dead runs left: never sent again, reported as uncertain once it is in the log.
    const dead = [...flight.uncertain, ...(flight.sending ? [flight.sending] : []), ...legacy.uncertain];
    this.carried = dead.filter((f) => !inLog.has(sendKey(f)));
    for (const f of this.carried) this.entries.push(flightEntry(f, 'uncertain'));
    for (const f of legacy.sent.filter((f) => !inLog.has(sendKey(f)))) this.entries.push(flightEntry(f, 'sent'));
    this.run.uncertain = this.carried.length;

    this.ledger = SentLedger.fromProperties(stored);
    for (const f of [...dead, ...legacy.sent]) this.ledger.add(this.slotOfFlight(f), f.to ?? []);
    const keep = openSlots(deadlinesUpTo(this.v.forms, this.v.settings, dayOf(this.now)), this.v.settings, dayOf(this.now));
    const pruned = this.ledger.prune(keep);
    const legacyKeys = Object.keys(stored).filter((k) => k.startsWith(LEGACY_PREFIX));
    if (pruned || legacyKeys.length) {
      // One write rewrites the store without the closed periods' values (setProperties cannot delete a key). Read
      // again just before, so a property another job wrote meanwhile (setup's, say) is kept: the gap is one call.
      const rest: Record<string, string> = {};
      for (const [k, val] of Object.entries(this.props.getProperties()))
        if (!k.startsWith(LEDGER_PREFIX) && !k.startsWith(LEGACY_PREFIX)) rest[k] = val;
      Object.assign(rest, this.ledger.allValues(), { [INFLIGHT_KEY]: JSON.stringify({ sending: null, uncertain: this.carried }) });
      this.props.setProperties(rest, true);
    } else {
      this.ledger.takeChanges(); // dead runs' addresses are in the ledger already
    }
    this.changed = this.carried.length > 0 || flight.uncertain.length > 0 || flight.sending !== null;
    this.opened = true;
  }

  private slotOfFlight(f: Flight): string {
    return f.slot ?? ledgerSlot(f.form, f.period, f.step);
  }

  /** Today's plan from everything known now: the log, this run's sends, the ledger and the quota left. */
  plan(): ReminderPlan {
    this.open();
    const log = [...this.logged, ...this.entries];
    const quota = MailApp.getRemainingDailyQuota();
    const ledger = eitherLedger(this.ledger, ledgerFromLog(log));
    return planReminders({
      v: this.v,
      log,
      today: dayOf(this.now),
      quota,
      links: links(this.ss, this.snap.sheets, this.v.forms),
      ledger,
      uncertain: this.carried,
    });
  }

  sendUnits(): void {
    this.sendPart(false);
  }
  sendDigest(): void {
    this.sendPart(true);
  }

  private sendPart(digest: boolean): void {
    const plan = this.plan();
    const mine = (k: SendKey) => (k.form === '') === digest;
    if (!this.run.plan) this.run.plan = plan;
    else
      this.run.plan = {
        ...plan,
        emails: [...this.run.plan.emails.filter((e) => !mine(e)), ...plan.emails.filter(mine)],
        skipped: [...this.run.plan.skipped.filter((s) => !mine(s)), ...plan.skipped.filter(mine)],
      };
    for (const email of plan.emails.filter(mine)) this.sendOne(email);
    for (const skip of plan.skipped.filter(mine)) {
      if (skip.reason === 'already_sent' || skip.reason === 'reported') continue; // the log already says so
      this.entries.push({
        ...keyOf(skip),
        at: this.now,
        to: [],
        result: skip.reason === 'quota' ? 'deferred' : 'skipped',
        detail: skip.reason,
      });
    }
  }

  private sendOne(email: PlannedEmail): void {
    this.ledger.add(email.slot, email.to);
    const flight: Flight = { ...keyOf(email), to: email.to, at: this.now.toISOString(), slot: email.slot };
    try {
      // Recorded before it goes: the write that names this email in flight confirms the one before it.
      this.props.setProperties({ ...this.ledger.changes(), [INFLIGHT_KEY]: JSON.stringify({ sending: flight, uncertain: this.carried }) });
    } catch (err) {
      this.ledger.remove(email.slot, email.to); // not recorded, not sent: it must not count as sent later in this run
      throw err;
    }
    this.ledger.markWritten();
    this.changed = true;
    try {
      MailApp.sendEmail({
        to: email.to.join(','),
        subject: email.subject,
        body: email.text,
        htmlBody: email.html,
        name: this.v.settings.department,
      });
    } catch (err) {
      // Refused (a bad address, the quota): it did not go, so it may go on a later run; the next write records that.
      this.ledger.remove(email.slot, email.to);
      const message = messageOf(err);
      const quotaHit = /too many times/i.test(message);
      this.entries.push({ ...keyOf(email), at: this.now, to: email.to, result: quotaHit ? 'deferred' : 'failed', detail: message });
      if (quotaHit) this.run.deferred++;
      else this.run.failed++;
      return;
    }
    this.entries.push({ ...keyOf(email), at: this.now, to: email.to, result: 'sent', detail: email.kind });
    this.run.sent++;
  }

  /**
   * Writes the run's entries to `Nhật ký`, then confirms the last email (and forgets what is now logged). `extra`:
   * other document properties of the run (the daily memo), stored in that same write. Returns whether they were
   * (false when the session never opened, so the caller writes them itself).
   */
  close(extra: Record<string, string> = {}): boolean {
    if (!this.opened) return false;
    let logged = false;
    let wrote = false;
    try {
      appendLog(this.ss, this.snap.sheets[TAB.log] ?? null, this.entries);
      logged = true;
    } finally {
      const changes = this.ledger.changes();
      const confirm = this.changed || Object.keys(changes).length > 0;
      if (confirm || Object.keys(extra).length) {
        // Dead runs' emails stay in flight's record until the log has them, so they are reported once.
        const uncertain = logged ? [] : this.carried;
        const flight: Record<string, string> = confirm ? { [INFLIGHT_KEY]: JSON.stringify({ sending: null, uncertain }) } : {};
        this.props.setProperties({ ...extra, ...changes, ...flight });
        this.ledger.markWritten();
      }
      wrote = true;
    }
    return wrote;
  }
}

/** What today's run would send, without sending (the sidebar's preview). */
export function previewReminders(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): ReminderPlan {
  return reminderPlanner(ss, snap, v)(now);
}

/** Plans for any day from one read of the log, the properties and the links (the sidebar looks a few runs ahead). */
export function reminderPlanner(ss: Spreadsheet, snap: Snapshot, v: Validation): (now: Date, quota?: number) => ReminderPlan {
  const stored = PropertiesService.getDocumentProperties().getProperties();
  const flight = readInFlight(stored[INFLIGHT_KEY]);
  const legacy = legacyRecords(stored);
  const log = [
    ...readLog(snap.book[TAB.log] ?? []),
    ...[...flight.uncertain, ...(flight.sending ? [flight.sending] : []), ...legacy.uncertain].map((f) => flightEntry(f, 'uncertain')),
    ...legacy.sent.map((f) => flightEntry(f, 'sent')),
  ];
  const ledger = eitherLedger(SentLedger.fromProperties(stored), ledgerFromLog(log));
  const tabLinks = links(ss, snap.sheets, v.forms);
  let today: number | null = null;
  // The quota is asked once, and only when the caller does not give one.
  const remaining = () => {
    today ??= MailApp.getRemainingDailyQuota();
    return today;
  };
  return (now, quota) => planReminders({ v, log, today: dayOf(now), quota: quota ?? remaining(), links: tabLinks, ledger });
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

/** Plans and sends everything due (units, then the digest) on a workbook just read; the caller holds the lock. */
export function sendReminders(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): ReminderRun {
  const session = new ReminderSession(ss, now, snap, v);
  try {
    session.sendUnits();
    session.sendDigest();
  } finally {
    session.close();
  }
  return session.run;
}

/** Appends entries to `Nhật ký` in one write (the tab is made again when someone deleted it). */
export function appendLog(ss: Spreadsheet, logSheet: GoogleAppsScript.Spreadsheet.Sheet | null, entries: LogEntry[]): void {
  if (!entries.length) return;
  let sheet = logSheet ?? ss.getSheetByName(TAB.log);
  if (!sheet) {
    sheet = ss.insertSheet(TAB.log);
    formatLogColumns(sheet);
  }
  const start = sheet.getLastRow() + 1;
  const rows = entries.map(logRow);
  if (start === 1) {
    rows.unshift([...LOG_COLUMNS]);
  }
  const needed = start + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, LOG_COLUMNS.length).setValues(rows);
}
