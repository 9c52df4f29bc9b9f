// How each form tab's headers map to the form definitions: the tool for adopting an existing sheet.
import type { Grid, Month } from '../types';
import { findLayout, headerKeys } from '../layout';
import { normalizeHeader } from '../cells';
import { inForce } from './book';
import type { FormSpec } from './schema';

export interface HeaderMapping {
  /** The header as found in the sheet (spaces collapsed). */
  header: string;
  /** The defined column it is read as, or null (an extra column: kept, never checked). */
  key: string | null;
  via: 'header' | 'alias' | null;
  /** 0-based column of the sheet. */
  index: number;
  /** A later header that means a column already read (key null then): that column's key. */
  repeats?: string;
}

export interface FormColumns {
  form: string;
  tab: string;
  /** 1-based header row, 0 when none was found (or the tab is missing). */
  headerRow: number;
  columns: HeaderMapping[];
  /** Keys of defined columns in force for `current` that no header maps to (script-owned ones aside: setup adds them). */
  missing: string[];
  /** The tab is not in the workbook. */
  absent: boolean;
  /** Each defined column's header, by key: what officers know a column by (the text output names columns so). */
  defined: Record<string, string>;
}

export function formColumns(form: FormSpec, grid: Grid | undefined, current: Month): FormColumns {
  const layout = findLayout(form.tab, grid, form.columns, ['unit', 'period']);
  const byIndex = new Map(Object.entries(layout.columns).map(([key, i]) => [i, key]));
  const wanted = headerKeys(form.columns);
  const row = layout.headerRow ? (grid![layout.headerRow - 1] ?? []) : [];
  const columns: HeaderMapping[] = [];
  row.forEach((cell, i) => {
    const header = String(cell ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!header) return;
    const key = byIndex.get(i) ?? null;
    if (key !== null) {
      columns.push({ header, key, via: layout.via?.[key] ?? 'header', index: i });
      return;
    }
    // Only the first header meaning a column is read: a later one is a repeat, not a column the definitions lack.
    const repeats = typeof cell === 'string' ? wanted.get(normalizeHeader(cell))?.key : undefined;
    columns.push({ header, key: null, via: null, index: i, ...(repeats !== undefined && repeats in layout.columns && { repeats }) });
  });
  const missing = form.columns
    .filter((c) => !c.scriptOwned && c.key !== 'seq' && !(c.key in layout.columns) && inForce(c, current))
    .map((c) => c.key);
  const defined = Object.fromEntries(form.columns.map((c) => [c.key, c.header]));
  return { form: form.id, tab: form.tab, headerRow: layout.headerRow, columns, missing, absent: grid === undefined, defined };
}

/** The `columns --json` shape of INTERFACES.md. */
export function columnsJson(list: FormColumns[]): object {
  return {
    forms: list.map((f) => ({
      form: f.form,
      tab: f.tab,
      headerRow: f.headerRow,
      columns: f.columns.map((c) => ({ header: c.header, key: c.key, via: c.via })),
      missing: f.missing.slice(),
    })),
  };
}
