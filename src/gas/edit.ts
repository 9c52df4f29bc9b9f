// The installable edit trigger: checks the rows an edit touched (one cell or a pasted block: ONE event).
import { TAB } from '../core/forms/schema';
import { formOfTab, tabKey } from '../core/forms/book';
import { validateWorkbook } from '../core/validate';
import { rowMarks } from '../core/marks';
import { isDate } from '../core/cells';
import { definedForms, readBook } from './book';
import { applyDefinitions } from './setup';
import { annotateRows, type OwnedValues } from './annotate';
import { checkAll } from './check';
import { checkMeasuredTab } from './measured';

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  const ss = e.source;
  // The directory, the settings and the form definitions change what every row means: check everything again.
  if ([TAB.directory, TAB.settings].some((t) => tabKey(t) === tabKey(name))) {
    checkAll(ss);
    return;
  }
  if ([TAB.formList, TAB.formColumns].some((t) => tabKey(t) === tabKey(name))) {
    applyDefinitions(ss);
    return;
  }
  if (tabKey(TAB.measured) === tabKey(name)) {
    checkMeasuredTab(ss);
    return;
  }

  const now = new Date();
  const book = readBook(ss, [TAB.directory, TAB.settings, name]);
  const v = validateWorkbook(book, now, definedForms(ss));
  const form = formOfTab(v.forms, name);
  if (!form) return;
  const grid = book[name] ?? [];
  const layout = v.layouts[form.tab];
  if (!layout || !layout.headerRow) return;

  const first = Math.max(range.getRow(), layout.headerRow + 1);
  const last = Math.min(range.getLastRow(), grid.length);
  if (last < first) return;
  const editFirstCol = range.getColumn() - 1, editLastCol = range.getLastColumn() - 1;
  const touches = (key: string) => {
    const c = layout.columns[key];
    return c !== undefined && c >= editFirstCol && c <= editLastCol;
  };
  // A new unit or period makes it a new report; a value typed into `Thời điểm nộp` is never trusted.
  const renewed = touches('unit') || touches('period') || touches('submitted_at');

  const rowNumbers: number[] = [];
  for (let r = first; r <= last; r++) rowNumbers.push(r);
  const marks = rowMarks(v, form.tab, rowNumbers);
  const validRows = new Set(v.rows.filter((row) => row.sheet === form.tab && row.valid).map((row) => row.row));
  const owned = new Map<number, OwnedValues>();
  const subCol = layout.columns.submitted_at;
  for (const m of marks) {
    const old = subCol === undefined ? '' : grid[m.row - 1]?.[subCol];
    const kept = !renewed && isDate(old) ? (old as Date) : null;
    // A row left empty (its data cleared) keeps no script values either.
    owned.set(m.row, { submittedAt: kept ?? (validRows.has(m.row) ? now : ''), updatedAt: m.status ? now : '' });
  }
  annotateRows(sheet, layout, { first, last, fromCol: 0, toCol: grid[0]?.length ?? 0 }, marks, owned);
}
