// A directory unit for the core tests that build their Validation by hand (reminders, report).
import type { FormId } from '../../src/core/types';
import type { Unit } from '../../src/core/model';

let nextRow = 2;

/** A unit with one email made from its code, on the next directory row. */
export function unit(code: string, name: string, form: FormId, extra: Partial<Unit> = {}): Unit {
  return {
    code,
    name,
    form,
    emails: [`${code.toLowerCase()}@gialai.example`],
    badEmail: false,
    contact: '',
    phone: '',
    communes: null,
    aliases: [],
    from: null,
    to: null,
    enabled: true,
    row: nextRow++,
    ...extra,
  };
}
