// Hand-made Validation objects for the report tests (the report reads only units, settings and rows).
import type { FormId, Month } from '../../../src/core/types';
import type { FormRow, Settings, Unit, Validation } from '../../../src/core/model';
import { FORMS, formById, indicators } from '../../../src/core/forms/schema';
import { fromLocal, month } from '../../../src/core/periods';

export { defaultSettings } from '../../../src/core/settings';
import { defaultSettings } from '../../../src/core/settings';

import { unit } from '../units';
export { unit };

/** A form row; `values` in schema order of the form's indicators; `at` is a Gia Lai wall clock [y, m, d, h, min]. */
export function row(
  form: FormId,
  sheetRow: number,
  unitCode: string | null,
  period: Month | null,
  values: (number | null)[],
  at: [number, number, number, number, number] | null,
  valid = true,
): FormRow {
  const keys = indicators(formById(form)).map((c) => c.key);
  const v: Record<string, number | null> = {};
  keys.forEach((k, i) => {
    v[k] = i < values.length ? values[i] : null;
  });
  return {
    form,
    sheet: formById(form).tab,
    row: sheetRow,
    unitCode,
    month: period,
    values: v,
    submittedAt: at ? fromLocal(at[0], at[1], at[2], at[3], at[4]) : null,
    problems: valid
      ? []
      : [{ sheet: formById(form).tab, row: sheetRow, column: '', severity: 'error', code: 'required', message: 'Thiếu dữ liệu' }],
    valid,
  };
}

export function validation(units: Unit[], rows: FormRow[], settings: Partial<Settings> = {}): Validation {
  return {
    forms: FORMS.slice(),
    units,
    settings: { ...defaultSettings(), ...settings },
    rows,
    problems: [],
    layouts: {},
    summary: { errors: 0, warnings: 0, rows: rows.length },
  };
}

export const JUN = month(2024, 6);
export const JUL = month(2024, 7);
export const AUG = month(2024, 8);

/** The worked example of shared/design/examples (example-1.xlsx), as validation sees it on 2024-08-20. */
export function example1(): Validation {
  const units = [
    unit('H-622', 'Thành phố Pleiku', '03', { communes: 22 }),
    unit('H-623', 'Thị xã An Khê', '03', { communes: 11 }),
    unit('H-626', 'Huyện Đăk Đoa', '03', { communes: 17, aliases: ['Đak Đoa'] }),
    unit('H-630', 'Huyện Kông Chro', '03', { communes: 14 }),
  ];
  const rows = [
    row('03', 2, 'H-622', JUN, [300, 150, 80, 10, 40, 20, 5, 200, 6, 12, 320], [2024, 7, 5, 9, 0]),
    row('03', 3, 'H-623', JUN, [120, 40, 30, 4, 12, 8, 2, 90, 2, 3, 150], [2024, 7, 10, 15, 0]),
    row('03', 4, 'H-626', JUN, [200, 90, 50, 6, 20, 10, 3, 120, 3, 5, 280], [2024, 7, 11, 23, 30]),
    row('03', 5, 'H-622', JUL, [300, 170, 95, 12, 44, 18, 6, 210, 5, 10, 350], [2024, 8, 6, 9, 0]),
    row('03', 6, 'H-623', JUL, [120, 130, 35, 5, 14, 9, 2, 100, 1, 2, 170], null, false),
    row('03', 7, 'H-626', JUL, [200, 95, 55, 7, 22, 11, 3, 130, 2, 4, 290], [2024, 8, 13, 8, 0]),
    row('03', 8, 'H-630', JUL, [90, 30, 10, 3, 9, 4, 1, 60, 1, 1, 120], [2024, 8, 2, 10, 0], false),
  ];
  return validation(units, rows);
}
