// The functions the sidebar calls through google.script.run. Everything returned is JSON-safe (no Date, no undefined).
import { TAB } from '../core/forms/schema';
import { validateWorkbook } from '../core/validate';
import { buildReport, carriedOf, type Report } from '../core/report/model';
import { reportPeriods, periodInRange } from '../core/report/periods';
import { reportSheet } from '../core/report/sheet';
import {
  dayOf,
  formatMonth,
  formatDay,
  parseMonthStrict,
  deadlinePassed,
  localParts,
  addDays,
  atHour,
  monthOfDay,
  type Day,
} from '../core/periods';
import { reminderSchedule, readLog, type LogEntry, type ReminderPlan } from '../core/reminders';
// Each text from its own file: the barrel (core/text/index.ts) would bundle the command line's texts into Code.js.
import { REPORT_MAIL, SIDEBAR_ERRORS, SIDEBAR_REMIND } from '../core/text/ui';
import { SCHEDULE_TEXT, SKIP_REASON_LABELS, formLabel } from '../core/text/reminders';
import { STATUS_LABEL } from '../core/text/report';
import type { FormId } from '../core/types';
import type { Validation } from '../core/model';
import { columnLetter } from '../core/a1';
import type { NextSend, ReminderPanel, ReportSummary, RunSummary, ServerApi, SidebarData, UnitRows } from '../sidebar/api';
import { CONTEXT_TABS, readBook, readSnapshot, sheetFinder } from './book';
import { readForReport, reportSource } from './narrowRead';
import { writeReportTab } from './reportTab';
import { writeReportDocument } from './document';
import { reminderPlanner, runReminders } from './remind';
import { setAutoRemind } from './menu';
import { renderReportEmail } from '../core/report/email';
import { MEASURED_TEXT } from '../core/text/measured';
import { CLOSE_TEXT } from '../core/text/period';
import { formatTimeAndDay } from '../core/format';

/** Compile time only: what google.script.run can call (entry.ts) is exactly what the sidebar expects (api.ts). */
type Assert<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type ServerApiChecked = Assert<Mutual<Pick<typeof import('./entry'), keyof ServerApi>, ServerApi>>;

function active() {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function chosenForms(v: Validation, forms: string[]): FormId[] {
  const ids = v.forms.map((f) => f.id).filter((id) => forms.includes(id));
  if (!ids.length) throw new Error(SIDEBAR_ERRORS.noForm);
  return ids;
}

/** A period the sidebar may ask for: MM/YYYY, from `Kỳ bắt đầu` to the current month, as the CLI's --period. */
function periodOf(text: string, v: Validation, today: Day) {
  const m = parseMonthStrict(String(text));
  if (m === null) throw new Error(SIDEBAR_ERRORS.badPeriod(String(text)));
  const out = periodInRange(m, v.settings, today);
  if (out === 'before_start') throw new Error(SIDEBAR_ERRORS.periodBeforeStart(formatMonth(m), formatMonth(v.settings.startMonth)));
  if (out === 'after_now') throw new Error(SIDEBAR_ERRORS.periodAfterNow(formatMonth(m), formatMonth(monthOfDay(today))));
  return m;
}

/**
 * The report reads only the columns that decide a row, and of the closed tab only the period's closes (narrowRead.ts):
 * the same report as from the whole workbook.
 */
function reportFor(period: string, forms: string[], now = new Date(), ss = active()): { v: Validation; report: Report } {
  const props = PropertiesService.getDocumentProperties().getProperties();
  const source = reportSource(ss, parseMonthStrict(String(period)), forms, props);
  const v = validateWorkbook(source.book, now, undefined, source.extra);
  return { v, report: buildReport(v, periodOf(period, v, dayOf(now)), chosenForms(v, forms), dayOf(now)) };
}

/** Every period from `Kỳ bắt đầu` to this month; the default is reportPeriods' (core/report/periods.ts). */
export function sidebarData(): SidebarData {
  const now = new Date();
  // The periods and forms come from the definitions and the settings alone: no form tab is read.
  const v = validateWorkbook(readBook(active(), CONTEXT_TABS), now);
  const { periods, defaultPeriod } = reportPeriods(v.forms, v.settings, dayOf(now));
  return {
    periods: periods.map(formatMonth),
    defaultPeriod: defaultPeriod === null ? null : formatMonth(defaultPeriod),
    forms: v.forms.map((f) => ({ id: f.id, tab: f.tab, group: f.group })),
  };
}

export function sidebarReport(period: string, forms: string[]): ReportSummary {
  const now = new Date();
  const { v, report } = reportFor(period, forms, now);
  const today = dayOf(now);
  return {
    period: formatMonth(report.period),
    pastDeadline: report.forms.every((f) => !f.dueBefore || deadlinePassed(f.dueBefore, today)),
    adminEmails: v.settings.adminEmails.slice(),
    signerMissing: !v.settings.signerName.trim(),
    forms: report.forms.map((f) => ({
      form: f.form,
      tab: f.tab,
      dueBefore: f.dueBefore,
      expected: f.expected,
      reported: f.reported,
      onTime: f.onTime,
      late: f.late,
      completeness: f.completeness,
      timeliness: f.timeliness,
      installRate: f.installRate,
      shares: f.shares,
      chase: f.chase.map((c) => ({ code: c.code, name: c.name, status: c.status, label: STATUS_LABEL[c.status], form: c.form })),
      indicators: f.indicators.map((i) => ({
        key: i.key,
        header: i.header,
        kind: i.kind,
        decimal: i.decimal,
        period: i.period,
        cumulative: i.cumulative,
        change: i.change,
        carried: carriedOf(f, i),
      })),
      measured: f.measured
        ? MEASURED_TEXT.sidebar(f.measured.atTarget, f.measured.units.length, f.measured.target, f.measured.unmatched.length)
        : null,
      closedLine: f.closedAt ? CLOSE_TEXT.sidebarLine(formatTimeAndDay(f.closedAt), f.corrections.length) : null,
    })),
    reclose: report.forms.some((f) => f.closedAt) ? CLOSE_TEXT.reclose(formatMonth(report.period)) : null,
  };
}

export function createReportTab(period: string, forms: string[]): { sheetName: string } {
  const now = new Date();
  const ss = active();
  const { v, report } = reportFor(period, forms, now, ss);
  const layout = reportSheet(report, v.settings, now);
  const sheet = writeReportTab(ss, layout);
  sheet.activate();
  return { sheetName: layout.name };
}

/** The Google Doc, and its PDF through Docs' export URL (opened in the user's browser, signed in: no Drive scope). */
export function createReportDocument(period: string, forms: string[]): { url: string; name: string; pdfUrl: string } {
  const now = new Date();
  const { v, report } = reportFor(period, forms, now);
  const doc = writeReportDocument(report, v.settings, dayOf(now));
  const id = /\/document\/d\/([^/]+)/.exec(doc.url)?.[1];
  return { ...doc, pdfUrl: id ? `https://docs.google.com/document/d/${id}/export?format=pdf` : doc.url };
}

/** Sends only to the recipients the officer confirmed: a setting changed in between is refused, not followed. */
export function emailReport(period: string, forms: string[], confirmed: string[]): { to: string[] } {
  const now = new Date();
  const ss = active();
  const { v, report } = reportFor(period, forms, now, ss);
  const to = v.settings.adminEmails;
  if (!to.length) throw new Error(REPORT_MAIL.noAdmins);
  const same = Array.isArray(confirmed) && confirmed.length === to.length && to.every((x, i) => x === confirmed[i]);
  if (!same) throw new Error(SIDEBAR_ERRORS.adminsChanged(to.join(', ')));
  // The email links the printable document, made now from the same report and shared with the recipients.
  const doc = writeReportDocument(report, v.settings, dayOf(now), dayOf(now), to);
  const mail = renderReportEmail(report, v.settings, dayOf(now), ss.getUrl(), doc.url);
  MailApp.sendEmail({ to: to.join(','), subject: mail.subject, body: mail.text, htmlBody: mail.html, name: v.settings.department });
  return { to: to.slice() };
}

/**
 * Selects the unit's rows of the period on its tab, so the officer sees what to fix; without any, selects the tab's
 * first empty row and says what to type there (never writes a cell of the user's).
 */
export function selectUnitRows(form: string, code: string, period: string): UnitRows {
  const ss = active();
  const now = new Date();
  // The unit's rows are found by their unit and period: the form's tab read narrowly (its deciding columns) is enough.
  const find = sheetFinder(ss);
  const book = readForReport(ss, [form], find);
  const v = validateWorkbook(book, now);
  const m = periodOf(period, v, dayOf(now));
  const spec = v.forms.find((f) => f.id === form);
  if (!spec) throw new Error(SIDEBAR_ERRORS.noForm);
  const unit = v.units.find((u) => u.form === spec.id && u.code === code);
  if (!unit) throw new Error(SIDEBAR_ERRORS.noUnit(code));
  const sheet = find(spec.tab);
  if (!sheet || !(spec.tab in book)) throw new Error(SIDEBAR_ERRORS.noTab(spec.tab));
  const layout = v.layouts[spec.tab];
  const rows = v.rows
    .filter((r) => r.sheet === spec.tab && r.unitCode === code && r.month === m)
    .map((r) => r.row)
    .sort((a, b) => a - b);
  const grid = book[spec.tab] ?? [];
  const width = Math.max(1, grid[0]?.length ?? 1, ...Object.values(layout?.columns ?? {}).map((c) => c + 1));
  const result: UnitRows = {
    tab: spec.tab,
    unit: unit.name,
    period: formatMonth(m),
    rows,
    emptyRow: null,
    unitHeader: layout?.headers.unit ?? '',
    periodHeader: layout?.headers.period ?? '',
  };
  sheet.activate();
  if (rows.length) {
    // Each row on its own, so a row of another unit between two of this one is not selected with them.
    sheet.getRangeList(rows.map((r) => `A${r}:${columnLetter(width)}${r}`)).activate();
    return result;
  }
  // The first empty row must be empty in every column, not only in those read: the tab read whole (this rare path only).
  result.emptyRow = firstEmptyRow(sheet.getDataRange().getValues() as unknown[][], layout?.headerRow ?? 1);
  sheet.getRange(result.emptyRow, 1, 1, width).activate();
  return result;
}

/** The first row under the header with nothing in it (the row after the data when there is no gap). */
function firstEmptyRow(grid: unknown[][], headerRow: number): number {
  for (let r = headerRow; r < grid.length; r++) {
    if (grid[r].every((x) => x === '' || x === null || x === undefined)) return r + 1;
  }
  return Math.max(grid.length, headerRow) + 1;
}

/** `D-7` as people say it: "7 ngày trước hạn". */
function stepLabel(step: string): string {
  const m = /^D([+-])(\d+)$/.exec(step);
  if (!m) return step;
  return m[1] === '-' ? SCHEDULE_TEXT.before(Number(m[2])) : SCHEDULE_TEXT.after(Number(m[2]));
}

/** The forms, periods and steps a run sends, each once. */
function runItems(plan: ReminderPlan): string[] {
  const seen = new Set<string>();
  for (const e of plan.emails)
    seen.add(
      e.kind === 'digest' ? SIDEBAR_REMIND.digestItem(e.period) : SIDEBAR_REMIND.item(formLabel(e.form), e.period, stepLabel(e.step)),
    );
  return [...seen];
}

/**
 * The next automatic run that would send something as the sheet stands: today at `Giờ gửi nhắc` when it has not
 * passed and today's plan is not empty, else the next step days (and tomorrow, which catches up what today left).
 */
function nextSend(plan: (now: Date, quota?: number) => ReminderPlan, todayPlan: ReminderPlan, v: Validation, now: Date): NextSend | null {
  const st = v.settings;
  const today = dayOf(now);
  const at = (day: Day) => ({ day: formatDay(day), today: day === today, hour: st.sendHour });
  if (localParts(now).hour < st.sendHour && todayPlan.emails.length) {
    return { ...at(today), emails: todayPlan.emails.length, what: runItems(todayPlan) };
  }
  const steps = reminderSchedule(v.forms, st, addDays(today, 1)).nextSteps.map((s) => s.day);
  const days = [...new Set([addDays(today, 1), ...steps])]
    .filter((d) => d > today)
    .sort()
    .slice(0, 6);
  for (const day of days) {
    // A later day has its own quota: count everything due, whatever today's quota leaves.
    const p = plan(atHour(day, st.sendHour), Number.MAX_SAFE_INTEGER);
    if (p.emails.length) return { ...at(day), emails: p.emails.length, what: runItems(p) };
  }
  return null;
}

export function reminderPanel(): ReminderPanel {
  const ss = active();
  const now = new Date();
  const snap = readSnapshot(ss);
  const v = validateWorkbook(snap.book, now);
  const planner = reminderPlanner(ss, snap, v);
  const plan = planner(now);
  const settings = v.settings;
  const today = dayOf(now);
  const schedule = reminderSchedule(v.forms, settings, today);
  const log = readLog(snap.book[TAB.log] ?? []).filter((e) => dayOf(e.at) <= today);
  const names = new Map(v.units.map((u) => [`${u.form}|${u.code}`, u.name]));
  const unitName = (form: string, code: string) => (code ? (names.get(`${form}|${code}`) ?? code) : SIDEBAR_REMIND.digest);
  return {
    autoRemind: settings.autoRemind,
    schedule: schedule.rules,
    nextSend: settings.autoRemind ? nextSend(planner, plan, v, now) : null,
    sentToday: log.filter((e) => e.result === 'sent' && dayOf(e.at) === today).length,
    quota: MailApp.getRemainingDailyQuota(),
    preview: plan.emails.map((e) => ({
      unit: unitName(e.form, e.unit),
      form: e.form ? formLabel(e.form) : '',
      period: e.period,
      step: stepLabel(e.step),
      to: e.to,
      subject: e.subject,
    })),
    skipped: plan.skipped.map((s) => ({
      unit: unitName(s.form, s.unit),
      form: s.form ? formLabel(s.form) : '',
      step: stepLabel(s.step),
      reason: (SKIP_REASON_LABELS as Record<string, string>)[s.reason] ?? s.reason,
    })),
    lastRuns: lastRuns(log),
  };
}

/** The log grouped by run (entries written together share their time), newest first. */
function lastRuns(log: LogEntry[]): ReminderPanel['lastRuns'] {
  const runs = new Map<number, { sent: number; failed: number; other: number }>();
  for (const e of log) {
    const t = e.at.getTime();
    const run = runs.get(t) ?? { sent: 0, failed: 0, other: 0 };
    if (e.result === 'sent') run.sent++;
    else if (e.result === 'failed') run.failed++;
    else run.other++;
    runs.set(t, run);
  }
  return [...runs.entries()]
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5)
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
