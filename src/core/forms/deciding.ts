// Which columns of a form can change a row's validity or its counted figures (validate.ts): what the report must read.
import type { FormSpec } from './schema';

/** Column types whose cell can raise an error in checkCell (validate.ts): numbers and links; phone only warns. */
const ERROR_TYPES = new Set(['int', 'decimal', 'links']);

/**
 * The keys of `form`'s columns that validateWorkbook needs to decide every row's validity, unit, period, stamp and
 * figures exactly as from the whole tab. Left out: columns no rule reads for an error (free text that is not required,
 * an optional phone, which only warns, `STT`) and the script-owned columns but the stamp. Null for a form with several
 * rows a period: its duplicate rule compares whole rows, every cell of the row (markDuplicates' rowIdentity), columns
 * of no definition included.
 */
export function decidingColumns(form: FormSpec): string[] | null {
  if (form.multipleRowsPerPeriod) return null;
  const keys = new Set<string>(['unit', 'period', 'submitted_at']);
  for (const c of form.columns) {
    if (c.scriptOwned) continue;
    if (c.required || c.kind || ERROR_TYPES.has(c.type)) keys.add(c.key);
  }
  for (const b of form.bounds) {
    keys.add(b.key);
    if ('column' in b.max) keys.add(b.max.column);
  }
  return form.columns.map((c) => c.key).filter((k) => keys.has(k));
}
