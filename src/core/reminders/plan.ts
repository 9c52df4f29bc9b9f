// What the daily run sends today: reminders to units that have not reported, and the admins' digest.
import type { FormId, Month, Problem } from '../types';
import type { FormRow, Unit, Validation } from '../model';
import { neutralize } from '../safety';
import { columnLetter } from '../a1';
import { isActive } from '../directory';
import { dayOf, endOfDay, formatDay, formatMonth, onTime, type Day } from '../periods';
import { REMINDER_TEXT, addressee, formLabel, stepLabel } from '../text/reminders';
import { countsAsSent, sendKey, type LogEntry, type SendKey } from './log';
import { deadlinesUpTo, stepsFor, type Deadline, type StepSlot } from './schedule';
import { digestEmail, fillTemplates, type DigestForm } from './email';
import { ledgerSlot, type AddressLedger } from './ledger';
import { latestClose } from '../close';
import { formatTimeAndDay } from '../format';

export interface PlannedEmail extends SendKey {
  to: string[];
  subject: string;
  text: string;
  html: string;
  kind: 'reminder' | 'overdue' | 'digest';
  /** Where the sent ledger records it (ledger.ts): `to` holds only the addresses it has not recorded there yet. */
  slot: string;
}

export type SkipReason = 'reported' | 'already_sent' | 'quota' | 'bad_email' | 'weekend';

export interface Skip extends SendKey {
  reason: SkipReason;
}

export interface ReminderPlan {
  today: Day;
  emails: PlannedEmail[];
  skipped: Skip[];
}

export interface PlanInput {
  v: Validation;
  log: LogEntry[];
  today: Day;
  /** Recipients that may still be sent today. */
  quota: number;
  /** `range` (A1 notation, e.g. 'A12:U14') selects the unit's own rows when it has some on its tab. */
  links: { spreadsheetUrl: string; tabUrl: (form: FormId, range?: string) => string };
  /** Addresses already sent each email, whatever the log says (the document's durable record); none when absent. */
  ledger?: AddressLedger;
  /** Sends whose outcome is unknown, for the digest (uncertain log entries are added anyway). */
  uncertain?: SendKey[];
}

/** Where a unit stands for a period, as the sheet stood at the end of `today`. */
interface UnitPeriod {
  valid: FormRow[];
  invalid: FormRow[];
}

type Item = { key: SendKey; offset: number; month: Month } & ({ email: PlannedEmail } | { reason: SkipReason });

/** Rows by form, unit and month; a row stamped after today is not there yet. */
function indexRows(rows: FormRow[], today: Day): Map<string, UnitPeriod> {
  const end = endOfDay(today);
  const index = new Map<string, UnitPeriod>();
  for (const r of rows) {
    if (r.unitCode === null || r.month === null) continue;
    if (r.valid && r.submittedAt && r.submittedAt.getTime() >= end) continue;
    const k = `${r.form}|${r.unitCode}|${r.month}`;
    const e = index.get(k) ?? { valid: [], invalid: [] };
    (r.valid ? e.valid : e.invalid).push(r);
    index.set(k, e);
  }
  return index;
}

function unitPeriod(index: Map<string, UnitPeriod>, form: FormId, code: string, m: Month): UnitPeriod {
  return index.get(`${form}|${code}|${m}`) ?? { valid: [], invalid: [] };
}

function rowErrors(rows: FormRow[]): Problem[] {
  return rows.flatMap((r) => r.problems.filter((p) => p.severity === 'error')).sort((a, b) => a.row - b.row);
}

function openToday(s: StepSlot, today: Day): boolean {
  return s.day <= today && today < s.until;
}

/** The step was due today but moved off the weekend to a later day. */
function movedFromToday(s: StepSlot, today: Day): boolean {
  return s.nominal === today && s.day !== today && !openToday(s, today);
}

/** The A1 range spanning the unit's rows of the period on its tab (first to last column read), or undefined. */
function rowsRange(v: Validation, form: FormId, rows: FormRow[]): string | undefined {
  const tab = v.forms.find((f) => f.id === form)?.tab;
  const layout = tab ? v.layouts[tab] : undefined;
  if (!layout || !rows.length) return undefined;
  const width = Math.max(0, ...Object.values(layout.columns)) + 1;
  const nums = rows.map((r) => r.row);
  return `A${Math.min(...nums)}:${columnLetter(width)}${Math.max(...nums)}`;
}

function reminderEmail(input: PlanInput, d: Deadline, s: StepSlot, u: Unit, rows: FormRow[]): PlannedEmail {
  const st = input.v.settings;
  const overdue = s.offset > 0;
  const range = rowsRange(input.v, d.form, rows);
  const tab = input.v.forms.find((f) => f.id === d.form)?.tab ?? formLabel(d.form);
  const url = input.links.tabUrl(d.form, range);
  const closedAt = overdue ? (latestClose(input.v.closed ?? [], d.form, d.period)?.closedAt ?? null) : null;
  const t = fillTemplates(
    overdue ? st.overdueSubject : st.reminderSubject,
    overdue ? st.overdueBody : st.reminderBody,
    {
      don_vi: neutralize(addressee(u.name)),
      bieu_mau: formLabel(d.form),
      ky_bao_cao: formatMonth(d.period),
      han_nop: formatDay(d.due),
      duong_dan: url,
      co_quan: neutralize(st.department),
      chi_tiet: rowErrors(rows),
    },
    {
      // A local file's link has no tab or range: the button then names what it opens.
      buttonLabel:
        range && url.includes(`range=${range}`)
          ? REMINDER_TEXT.buttonRows
          : url.includes('#gid=')
            ? REMINDER_TEXT.buttonTab(tab)
            : REMINDER_TEXT.buttonSheet,
      signature: { department: st.department, contactName: st.contactName ?? '', contactPhone: st.contactPhone ?? '' },
      // A step moved off a weekend, or sent late, may come after the period closed: the email says what that means.
      note: closedAt ? REMINDER_TEXT.closedNote(formatMonth(d.period), formatTimeAndDay(closedAt)) : undefined,
    },
  );
  const period = formatMonth(d.period);
  return {
    unit: u.code,
    form: d.form,
    period,
    step: s.name,
    to: distinct(u.emails),
    ...t,
    kind: overdue ? 'overdue' : 'reminder',
    slot: ledgerSlot(d.form, period, s.name),
  };
}

function distinct(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.map((e) => e.trim()).filter((e) => e && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
}

function unitLine(u: Unit): string {
  return `${u.code} ${u.name}`;
}

/** Emails and skips of one deadline's open (or weekend-moved) steps, for every unit expected. */
function unitItems(input: PlanInput, d: Deadline, index: Map<string, UnitPeriod>, sent: Set<string>): Item[] {
  const items: Item[] = [];
  const steps = stepsFor(d.due, input.v.settings).filter((s) => openToday(s, input.today) || movedFromToday(s, input.today));
  if (!steps.length) return items;
  const units = input.v.units.filter((u) => u.form === d.form && isActive(u, d.period));
  for (const s of steps) {
    const open = openToday(s, input.today);
    for (const u of units) {
      const key: SendKey = { unit: u.code, form: d.form, period: formatMonth(d.period), step: s.name };
      const status = unitPeriod(index, d.form, u.code, d.period);
      const base = { key, offset: s.offset, month: d.period };
      const slot = ledgerSlot(d.form, key.period, s.name);
      // No email twice to one address for one form, period and step, whatever the unit's code was then.
      const to = distinct(u.emails).filter((a) => !input.ledger?.has(slot, a));
      if (status.valid.length) items.push({ ...base, reason: 'reported' });
      else if (sent.has(sendKey(key))) items.push({ ...base, reason: 'already_sent' });
      else if (u.badEmail || distinct(u.emails).length === 0) items.push({ ...base, reason: 'bad_email' });
      else if (to.length === 0) items.push({ ...base, reason: 'already_sent' });
      else if (!open) items.push({ ...base, reason: 'weekend' });
      else items.push({ ...base, email: { ...reminderEmail(input, d, s, u, status.invalid), to } });
    }
  }
  return items;
}

function digestForm(input: PlanInput, d: Deadline, index: Map<string, UnitPeriod>): DigestForm {
  const units = input.v.units
    .filter((u) => u.form === d.form && isActive(u, d.period))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  let reported = 0,
    timely = 0;
  const missing: string[] = [],
    invalid: string[] = [];
  for (const u of units) {
    const st = unitPeriod(index, d.form, u.code, d.period);
    if (st.valid.length) {
      reported++;
      const first = st.valid
        .map((r) => r.submittedAt)
        .filter((t): t is Date => !!t)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      if (first && onTime(first, d.due)) timely++;
    } else if (st.invalid.length) invalid.push(unitLine(u));
    else missing.push(unitLine(u));
  }
  return {
    form: d.form,
    group: input.v.forms.find((f) => f.id === d.form)?.group ?? '',
    expected: units.length,
    reported,
    onTime: timely,
    missing,
    invalid,
  };
}

/** One digest per deadline (forms sharing period and deadline together), on the first step after it. */
function digestItems(input: PlanInput, deadlines: Deadline[], index: Map<string, UnitPeriod>, log: LogEntry[]): Item[] {
  const st = input.v.settings;
  if (!st.adminEmails.length) return [];
  const groups = new Map<string, Deadline[]>();
  for (const d of deadlines) {
    const k = `${d.period}|${d.due}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const items: Item[] = [];
  for (const group of groups.values()) {
    const d0 = group[0];
    const s = stepsFor(d0.due, st).find((x) => x.offset > 0);
    if (!s) continue;
    const open = openToday(s, input.today);
    if (!open && !movedFromToday(s, input.today)) continue;
    const key: SendKey = { unit: '', form: '', period: formatMonth(d0.period), step: s.name };
    const base = { key, offset: s.offset, month: d0.period };
    // Two deadlines of one period share a key: only a digest logged inside this step's window counts.
    const slot = ledgerSlot('', key.period, s.name, d0.due);
    const to = distinct(st.adminEmails).filter((a) => !input.ledger?.has(slot, a));
    const done =
      to.length === 0 || log.some((e) => countsAsSent(e) && sendKey(e) === sendKey(key) && dayOf(e.at) >= s.day && dayOf(e.at) < s.until);
    if (done) {
      items.push({ ...base, reason: 'already_sent' });
      continue;
    }
    if (!open) {
      items.push({ ...base, reason: 'weekend' });
      continue;
    }
    const forms = new Set<string>(group.map((d) => d.form));
    const badEmails = input.v.units
      .filter((u) => forms.has(u.form) && isActive(u, d0.period) && (u.badEmail || distinct(u.emails).length === 0))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map(unitLine);
    const uncertainKeys = [
      ...(input.uncertain ?? []),
      ...log.filter((e) => e.result === 'uncertain' && forms.has(e.form) && e.period === key.period),
    ];
    const uncertain = [...new Set(uncertainKeys.map((k) => `${k.unit} - ${formLabel(k.form)} - ${k.period} - ${stepText(k.step)}`))];
    const t = digestEmail({
      period: key.period,
      due: formatDay(d0.due),
      today: formatDay(input.today),
      forms: group.map((d) => digestForm(input, d, index)),
      badEmails,
      uncertain,
      spreadsheetUrl: input.links.spreadsheetUrl,
      department: st.department,
    });
    items.push({ ...base, email: { ...key, to, ...t, kind: 'digest', slot } });
  }
  return items;
}

/** 'D-7' as people read it ("7 ngày trước hạn"); any other name as it is. */
function stepText(step: string): string {
  const m = /^D([+-]\d+)$/.exec(step);
  return m ? stepLabel(Number(m[1])) : step;
}

function compareItems(a: Item, b: Item): number {
  const digestA = a.key.form === '' ? 1 : 0,
    digestB = b.key.form === '' ? 1 : 0;
  if (digestA !== digestB) return digestA - digestB;
  if (a.key.form !== b.key.form) return a.key.form < b.key.form ? -1 : 1;
  if (a.key.unit !== b.key.unit) return a.key.unit < b.key.unit ? -1 : 1;
  if (a.month !== b.month) return a.month - b.month;
  return a.offset - b.offset;
}

/** Today's plan: who gets which email, who is skipped and why. Pure: the caller sends and logs. */
export function planReminders(input: PlanInput): ReminderPlan {
  const log = input.log.filter((e) => dayOf(e.at) <= input.today);
  const sent = new Set(log.filter(countsAsSent).map(sendKey));
  const index = indexRows(input.v.rows, input.today);
  const deadlines = deadlinesUpTo(input.v.forms, input.v.settings, input.today);
  const reminded = new Set(input.v.forms.filter((f) => f.reminders).map((f) => f.id));
  const items = [
    ...deadlines.filter((d) => reminded.has(d.form)).flatMap((d) => unitItems(input, d, index, sent)),
    ...digestItems(input, deadlines, index, log),
  ].sort(compareItems);

  const emails: PlannedEmail[] = [];
  const skipped: Skip[] = [];
  let left = Math.max(0, Math.floor(input.quota));
  let full = false;
  for (const it of items) {
    if ('reason' in it) {
      skipped.push({ ...it.key, reason: it.reason });
      continue;
    }
    // The quota stops the list at the first email that does not fit: order stays fair, the rest wait.
    if (full || it.email.to.length > left) {
      full = true;
      skipped.push({ ...it.key, reason: 'quota' });
      continue;
    }
    left -= it.email.to.length;
    emails.push(it.email);
  }
  return { today: input.today, emails, skipped };
}

/** The `remind --json` shape. */
export function planJson(p: ReminderPlan) {
  return {
    today: p.today,
    emails: p.emails.map((e) => ({ to: e.to, unit: e.unit, form: e.form, period: e.period, step: e.step, subject: e.subject })),
    skipped: p.skipped.map((s) => ({ unit: s.unit, form: s.form, period: s.period, step: s.step, reason: s.reason })),
  };
}

/** What `remind --json` prints, typed so tests read it without casts. */
export type PlanJson = ReturnType<typeof planJson>;
