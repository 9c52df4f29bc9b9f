// The forms of one workbook (its definition tabs, or the built-in template), and its tabs found by the tab-name rule.
import type { Problem, Workbook } from '../types';
import type { TabLayout } from '../model';
import { foldText } from '../cells';
import { TAB, type ColumnSpec, type FormSpec } from './schema';
import { readForms } from './definitions';
import { PERIOD_TAB } from '../text/period';

/** A tab name as FORMS.md compares them: trimmed, spaces collapsed, NFC, case folded. */
export const tabKey = foldText;

/** The name among `names` that is `wanted` by the tab-name rule (the exact name first), or null. */
export function findTab(names: readonly string[], wanted: string): string | null {
  if (names.includes(wanted)) return wanted;
  const key = tabKey(wanted);
  return names.find((n) => tabKey(n) === key) ?? null;
}

export interface BookForms {
  /** The forms in force, in definition order. */
  forms: FormSpec[];
  /** bad_definition and missing_column problems of the two definition tabs. */
  problems: Problem[];
  layouts: Record<string, TabLayout>;
}

/** The forms a workbook defines; a workbook without the definition tabs gets the built-in template. */
export function formsOf(book: Workbook): BookForms {
  return readForms(book[TAB.formList], book[TAB.formColumns]);
}

/** The tabs the product knows, by their own names: what setup creates and the adapters read. */
export function knownTabs(forms: readonly FormSpec[]): string[] {
  return [TAB.directory, TAB.settings, TAB.formList, TAB.formColumns, ...forms.map((f) => f.tab), TAB.measured, TAB.log, PERIOD_TAB.closed];
}

/**
 * The workbook with every known tab under its own name (`biểu MẪU 03 ` is read as `Biểu mẫu 03`), so Apps Script
 * and the command line find the same tabs; other tabs are kept as they are.
 */
export function canonicalBook(book: Workbook, forms: readonly FormSpec[]): Workbook {
  const names = Object.keys(book);
  const wanted = knownTabs(forms);
  if (wanted.every((w) => w in book || !names.some((n) => tabKey(n) === tabKey(w)))) return book;
  const out: Workbook = {};
  const taken = new Set<string>();
  for (const w of wanted) {
    const found = findTab(names, w);
    if (found !== null && !taken.has(found)) {
      out[w] = book[found];
      taken.add(found);
    }
  }
  for (const n of names) if (!taken.has(n) && !(n in out)) out[n] = book[n];
  return out;
}

/** The workbook with its known tabs under their own names, and the forms it defines: how every reader starts. */
export function readBookForms(typed: Workbook): BookForms & { book: Workbook } {
  const defined = formsOf(canonicalBook(typed, []));
  return { ...defined, book: canonicalBook(typed, defined.forms) };
}

/** A column is asked for period `m` when `m` lies within its `Từ kỳ`–`Đến kỳ` (FORMS.md, form definitions). */
export function inForce(c: Pick<ColumnSpec, 'from' | 'to'>, m: number | null): boolean {
  if (m === null) return true;
  return (c.from == null || m >= c.from) && (c.to == null || m <= c.to);
}

/** The form whose tab is `name` by the tab-name rule. */
export function formOfTab(forms: readonly FormSpec[], name: string): FormSpec | undefined {
  const key = tabKey(name);
  return forms.find((f) => f.tab === name) ?? forms.find((f) => tabKey(f.tab) === key);
}
