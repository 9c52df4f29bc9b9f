// The functions the sidebar calls through google.script.run. Everything returned is JSON-safe (no Date, no undefined).
import { TAB, indicators } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { buildReport, type Report } from '../core/report/model';
import { reportSheet } from '../core/report/sheet';
import { dayOf, formatMonth, parseMonthStrict, deadlinePassed } from '../core/periods';
import { reminderSchedule, readLog, type LogEntry } from '../core/reminders';
import { REPORT_MAIL, SIDEBAR_ERRORS, SKIP_REASON_LABELS, STATUS_LABEL } from '../core/text';
import type { FormId } from '../core/types';
import type { Validation } from '../core/model';
import type { ReminderPanel, ReportSummary, RunSummary, SidebarData } from '../sidebar/api';
import { readBook, readSnapshot } from './book';
import { writeReportTab } from './reportTab';
import { writeReportDocument } from './document';
import { previewReminders, runReminders } from './remind';
import { setAutoRemind } from './menu';
import { renderReportEmail } from '../core/report/email';
import { MEASURED_TEXT } from '../core/text/measured';
import { CLOSE_TEXT } from '../core/text/period';
import { shownDateTime } from '../core/close';

function active() { return SpreadsheetApp.getActiveSpreadsheet(); }

function chosenForms(v: Validation, forms: string[]): FormId[] {
  const ids = v.forms.map((f) => f.id).filter((id) => forms.includes(id));
  if (!ids.length) throw new Error(SIDEBAR_ERRORS.noForm);
  return ids;
}

function periodOf(text: string) {
  const m = parseMonthStrict(String(text));
  if (m === null) throw new Error(SIDEBAR_ERRORS.badPeriod(String(text)));
  return m;
}

function reportFor(period: string, forms: string[], now = new Date()): { v: Validation; report: Report } {
  const v = validateWorkbook(readBook(active()), now);
  return { v, report: buildReport(v, periodOf(period), chosenForms(v, forms), dayOf(now)) };
}

export function sidebarData(): SidebarData {
  const now = new Date();
  const v = validateWorkbook(readBook(active()), now);
  const months = new Set<number>();
  for (const r of v.rows) if (r.month !== null) months.add(r.month);
  const periods = [...months].sort((a, b) => b - a).map(formatMonth);
  return { periods, defaultPeriod: periods[0] ?? null, forms: v.forms.map((f) => ({ id: f.id, tab: f.tab, group: f.group })) };
}

export function sidebarReport(period: string, forms: string[]): ReportSummary {
  const now = new Date();
  const { report } = reportFor(period, forms, now);
  const today = dayOf(now);
  return {
    period: formatMonth(report.period),
    pastDeadline: report.forms.every((f) => !f.dueBefore || deadlinePassed(f.dueBefore, today)),
    forms: report.forms.map((f) => ({
      form: f.form, tab: f.tab, dueBefore: f.dueBefore, expected: f.expected, reported: f.reported, onTime: f.onTime, late: f.late,
      completeness: f.completeness, timeliness: f.timeliness, installRate: f.installRate, shares: f.shares,
      chase: f.chase.map((c) => ({ code: c.code, name: c.name, status: c.status, label: STATUS_LABEL[c.status], form: c.form })),
      indicators: f.indicators.map((i) => ({ key: i.key, header: i.header, kind: i.kind, period: i.period, cumulative: i.cumulative, change: i.change })),
      measured: f.measured ? MEASURED_TEXT.sidebar(f.measured.atTarget, f.measured.units.length, f.measured.target, f.measured.unmatched.length) : null,
      closedLine: f.closedAt ? CLOSE_TEXT.sidebarLine(shownDateTime(f.closedAt), f.corrections.length) : null,
    })),
    reclose: report.forms.some((f) => f.closedAt) ? CLOSE_TEXT.reclose(formatMonth(report.period)) : null,
  };
}

export function createReportTab(period: string, forms: string[]): { sheetName: string } {
  const now = new Date();
  const { v, report } = reportFor(period, forms, now);
  const layout = reportSheet(report, v.settings, now);
  const sheet = writeReportTab(active(), layout);
  sheet.activate();
  return { sheetName: layout.name };
}

export function createReportDocument(period: string, forms: string[]): { url: string; name: string } {
  const now = new Date();
  const { v, report } = reportFor(period, forms, now);
  return writeReportDocument(report, v.settings, dayOf(now));
}

export function emailReport(period: string, forms: string[]): { to: string[] } {
  const now = new Date();
  const { v, report } = reportFor(period, forms, now);
  const to = v.settings.adminEmails;
  if (!to.length) throw new Error(REPORT_MAIL.noAdmins);
  // The email links the printable document, made now from the same report and shared with the recipients.
  const doc = writeReportDocument(report, v.settings, dayOf(now), dayOf(now), to);
  const mail = renderReportEmail(report, v.settings, dayOf(now), active().getUrl(), doc.url);
  MailApp.sendEmail({ to: to.join(','), subject: mail.subject, body: mail.text, htmlBody: mail.html, name: v.settings.department });
  return { to };
}

/** Selects the unit's rows of the period on its tab, so the officer sees what to fix. Returns how many. */
export function selectUnitRows(form: string, code: string, period: string): number {
  const ss = active();
  const m = periodOf(period);
  const snap = readSnapshot(ss);
  const v = validateWorkbook(snap.book, new Date());
  const spec = v.forms.find((f) => f.id === form);
  if (!spec) throw new Error(SIDEBAR_ERRORS.noForm);
  const rows = v.rows.filter((r) => r.sheet === spec.tab && r.unitCode === code && r.month === m).map((r) => r.row);
  const sheet = snap.sheets[spec.tab];
  if (!sheet) throw new Error(SIDEBAR_ERRORS.noTab(spec.tab));
  sheet.activate();
  if (rows.length) {
    const width = v.layouts[spec.tab] ? Math.max(1, ...Object.values(v.layouts[spec.tab].columns)) + 1 : indicators(spec).length;
    sheet.getRange(Math.min(...rows), 1, Math.max(...rows) - Math.min(...rows) + 1, width).activate();
  }
  return rows.length;
}

export function reminderPanel(): ReminderPanel {
  const ss = active();
  const now = new Date();
  const snap = readSnapshot(ss);
  const v = validateWorkbook(snap.book, now);
  const plan = previewReminders(ss, now, snap, v);
  const settings = v.settings;
  const schedule = reminderSchedule(v.forms, settings, dayOf(now));
  const next = schedule.nextSteps[0];
  return {
    autoRemind: settings.autoRemind,
    schedule: schedule.text,
    nextRun: next ? `${next.day.split('-').reverse().join('/')} (${next.step}, Biểu mẫu ${next.form}, kỳ ${next.period})` : '—',
    quota: MailApp.getRemainingDailyQuota(),
    preview: plan.emails.map((e) => ({ unit: e.unit, form: e.form, period: e.period, step: e.step, to: e.to, subject: e.subject })),
    skipped: plan.skipped.map((s) => ({ unit: s.unit, form: s.form, step: s.step, reason: (SKIP_REASON_LABELS as Record<string, string>)[s.reason] ?? s.reason })),
    lastRuns: lastRuns(readLog(snap.book[TAB.log] ?? [])),
  };
}

/** The log grouped by run (entries written together share their time), newest first. */
function lastRuns(log: LogEntry[]): ReminderPanel['lastRuns'] {
  const runs = new Map<number, { sent: number; failed: number; other: number }>();
  for (const e of log) {
    const t = e.at.getTime();
    const run = runs.get(t) ?? { sent: 0, failed: 0, other: 0 };
    if (e.result === 'sent') run.sent++; else if (e.result === 'failed') run.failed++; else run.other++;
    runs.set(t, run);
  }
  return [...runs.entries()].sort((a, b) => b[0] - a[0]).slice(0, 5)
    .map(([t, r]) => ({ at: Utilities.formatDate(new Date(t), 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm'), ...r }));
}

export function sendRemindersNow(): RunSummary {
  const r = runReminders(active(), new Date());
  return { busy: r.busy, sent: r.sent, failed: r.failed, deferred: r.deferred, uncertain: r.uncertain };
}

export function setAutoRemindFromSidebar(on: boolean): boolean {
  setAutoRemind(!!on);
  return !!on;
}
