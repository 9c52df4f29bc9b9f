// Which periods a report may be asked for, and which one the sidebar opens on.
import type { Month } from '../types';
import type { Settings } from '../model';
import type { FormSpec } from '../forms/schema';
import { dueBefore, monthOfDay, type Day } from '../periods';

/**
 * Every period from `Kỳ bắt đầu` to the current month, newest first, reported or not; and the default: the latest
 * period with a deadline whose reports can be in by now (a `Một lần` form's month, or a month that has ended), so on
 * 05/09 the officer lands on 08/2024 (due before 12/09), not on September, which nobody reports before October.
 */
export function reportPeriods(
  forms: readonly Pick<FormSpec, 'monthly' | 'dueDay' | 'dueDate'>[],
  settings: Pick<Settings, 'startMonth' | 'dueDay' | 'oneOffDeadline'>,
  today: Day,
): { periods: Month[]; defaultPeriod: Month | null } {
  const current = monthOfDay(today);
  const periods: Month[] = [];
  for (let m = current; m >= settings.startMonth; m--) periods.push(m);
  const due = (m: Month) => forms.some((f) => (f.monthly ? m < current : true) && dueBefore(f, m, settings) !== null);
  return { periods, defaultPeriod: periods.find(due) ?? periods[0] ?? null };
}

/** A report period must lie between `Kỳ bắt đầu` and the current month (Asia/Ho_Chi_Minh), as the CLI's --period. */
export function periodInRange(m: Month, settings: Pick<Settings, 'startMonth'>, today: Day): 'before_start' | 'after_now' | null {
  if (m < settings.startMonth) return 'before_start';
  return m > monthOfDay(today) ? 'after_now' : null;
}
