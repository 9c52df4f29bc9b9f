// Hand-made validations for the reminder tests: the validation engine is not needed to plan reminders.
import type { FormId, Problem } from '../../../src/core/types';
import type { FormRow, Settings, Unit, Validation } from '../../../src/core/model';
import { FORMS } from '../../../src/core/forms/schema';
import { fromLocal } from '../../../src/core/periods';

export { defaultSettings } from '../../../src/core/settings';
import { defaultSettings } from '../../../src/core/settings';

import { unit } from '../units';
export { unit };

/** A valid row of `unit` for period `m`, first valid at 09:00 (Gia Lai time) of `day`. */
export function validRow(u: Unit, m: number, day: string, row = 5): FormRow {
  const [y, mo, d] = day.split('-').map(Number);
  return {
    form: u.form,
    sheet: `Biểu mẫu ${u.form}`,
    row,
    unitCode: u.code,
    month: m,
    values: {},
    submittedAt: fromLocal(y, mo, d, 9),
    problems: [],
    valid: true,
  };
}

export function invalidRow(u: Unit, m: number, row: number, problems: Array<Pick<Problem, 'column' | 'message'>>): FormRow {
  const sheet = `Biểu mẫu ${u.form}`;
  return {
    form: u.form,
    sheet,
    row,
    unitCode: u.code,
    month: m,
    values: {},
    submittedAt: null,
    valid: false,
    problems: problems.map((p) => ({
      sheet,
      row,
      column: p.column,
      message: p.message,
      severity: 'error' as const,
      code: 'required' as const,
    })),
  };
}

export function validation(units: Unit[], rows: FormRow[], settings: Partial<Settings> = {}): Validation {
  return {
    forms: FORMS.slice(),
    units,
    rows,
    settings: { ...defaultSettings(), ...settings },
    problems: [],
    layouts: {},
    summary: { errors: 0, warnings: 0, rows: rows.length },
  };
}

export const links = {
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  tabUrl: (form: FormId, range?: string) =>
    `https://docs.google.com/spreadsheets/d/abc/edit#gid=${Number(form)}${range ? `&range=${range}` : ''}`,
};
