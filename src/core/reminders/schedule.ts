// When each reminder step is due: offsets from the deadline, weekend moves and catch-up windows.
import type { FormId, Month } from '../types';
import type { FormSpec } from '../forms/schema';
import type { Settings } from '../model';
import { addDays, dueBefore, formatDay, formatMonth, makeDay, monthOfDay, parseDay, weekday, type Day } from '../periods';
import { SCHEDULE_TEXT, formLabel } from '../text/reminders';

/** One step of one deadline: due on `day`, sendable on any run in [day, until). */
export interface StepSlot {
  name: string;
  offset: number;
  /** The deadline day plus the offset, before any weekend move. */
  nominal: Day;
  /** The day it is due, after the weekend move. */
  day: Day;
  /** First day it may no longer be sent (exclusive). */
  until: Day;
}

/** One deadline of one form: the period and the day before which it is due. */
export interface Deadline {
  form: FormId;
  period: Month;
  due: Day;
}

/** `D-7`, `D-2`, `D+1`. */
export function stepName(offset: number): string {
  return offset < 0 ? `D${offset}` : `D+${offset}`;
}

function moveOffWeekend(day: Day, offset: number): Day {
  const w = weekday(day);
  if (w !== 0 && w !== 6) return day;
  // Before the deadline: the Friday before, so the unit still has time; after it: the Monday after.
  if (offset < 0) return addDays(day, w === 6 ? -1 : -2);
  return addDays(day, w === 6 ? 2 : 1);
}

function addOneMonth(day: Day): Day {
  const p = parseDay(day);
  const y = p.month === 12 ? p.year + 1 : p.year;
  const m = p.month === 12 ? 1 : p.month + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return makeDay(y, m, Math.min(p.day, last));
}

/**
 * The steps of a deadline. A step may be sent until the next one is due; one before the deadline never on or
 * after it; the last one until the first step of a deadline a month later (so old periods stop being chased).
 */
export function stepsFor(due: Day, settings: Pick<Settings, 'reminderOffsets' | 'skipWeekends'>): StepSlot[] {
  const offsets = [...settings.reminderOffsets].sort((a, b) => a - b);
  const slots = offsets.map((offset) => {
    const nominal = addDays(due, offset);
    return { name: stepName(offset), offset, nominal, day: settings.skipWeekends ? moveOffWeekend(nominal, offset) : nominal, until: '' };
  });
  slots.forEach((s, i) => {
    let until: Day;
    if (i + 1 < slots.length) until = slots[i + 1].day;
    else {
      const nextCycle = addDays(addOneMonth(due), offsets[0]);
      const week = addDays(s.day, 7);
      // biome-ignore lint/complexity/useMathMinMax: Days are ISO strings; Math.max would turn them into NaN
      until = nextCycle > week ? nextCycle : week;
    }
    if (s.offset < 0 && until > due) until = due;
    s.until = until;
  });
  return slots;
}

/** Every deadline whose steps may be open by `today`: a `Một lần` form's one period, a `Hằng tháng` form's each month. */
export function deadlinesUpTo(forms: readonly FormSpec[], settings: Settings, today: Day): Deadline[] {
  const out: Deadline[] = [];
  const last = monthOfDay(today);
  for (const form of forms) {
    if (!form.monthly) {
      const due = dueBefore(form, monthOfDay(form.dueDate ?? settings.oneOffDeadline), settings);
      if (due && monthOfDay(due) >= settings.startMonth && monthOfDay(due) <= last)
        out.push({ form: form.id, period: monthOfDay(due), due });
      continue;
    }
    for (let m = settings.startMonth; m <= last; m++) out.push({ form: form.id, period: m, due: dueBefore(form, m, settings)! });
  }
  return out;
}

/** The sidebar's line on the schedule and the coming steps (due today or later), soonest first. */
export function reminderSchedule(
  forms: readonly FormSpec[],
  settings: Settings,
  today: Day,
): { text: string; rules: string; nextSteps: { day: Day; form: FormId; period: string; step: string }[] } {
  const nextSteps: { day: Day; form: FormId; period: string; step: string; offset: number }[] = [];
  const horizon = addDays(today, 62);
  for (const d of deadlinesUpTo(
    forms.filter((f) => f.reminders),
    settings,
    horizon,
  )) {
    for (const s of stepsFor(d.due, settings)) {
      if (s.day >= today && s.day <= horizon)
        nextSteps.push({ day: s.day, form: d.form, period: formatMonth(d.period), step: s.name, offset: s.offset });
    }
  }
  nextSteps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  const names = [...settings.reminderOffsets].sort((a, b) => a - b).map((o) => (o < 0 ? SCHEDULE_TEXT.before(-o) : SCHEDULE_TEXT.after(o)));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${SCHEDULE_TEXT.and}${names[names.length - 1]}` : names.join('');
  const parts = [SCHEDULE_TEXT.steps(list), settings.skipWeekends ? SCHEDULE_TEXT.weekends : SCHEDULE_TEXT.noWeekends];
  const rules = parts.join(' ');
  if (nextSteps.length === 0) parts.push(SCHEDULE_TEXT.noNext);
  else {
    const first = nextSteps[0];
    const same = nextSteps.filter((s) => s.day === first.day && s.period === first.period && s.step === first.step);
    const forms = same.map((s) => formLabel(s.form)).join(', ');
    parts.push(SCHEDULE_TEXT.next(formatDay(first.day), SCHEDULE_TEXT.nextItem(forms, first.period, first.step)));
  }
  return { text: parts.join(' '), rules, nextSteps: nextSteps.map(({ offset: _o, ...rest }) => rest) };
}
