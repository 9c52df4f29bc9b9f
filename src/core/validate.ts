// The script's check: a snapshot of the workbook in, every problem and every parsed form row out.
import type { CellValue, FormId, Grid, Month, Problem, ProblemCode, Severity, Workbook } from './types';
import type { FormRow, Settings, TabLayout, Unit, Validation } from './model';
import { TAB, type ColumnSpec, type FormSpec } from './forms/schema';
import { canonicalBook, inForce, readBookForms, type BookForms } from './forms/book';
import { badLinks, cellText, isBlank, isDate, isPhone, readNumber, readPeriod } from './cells';
import { isActive, readDirectory, successors, unitMatcher, type UnitMatch } from './directory';
import { readSettings, settingsLayout } from './settings';
import { findLayout, firstDataRow } from './layout';
import { historyWarnings } from './history';
import { dayOf, endOfDay, formatMonth, monthOfDay } from './periods';
import { MSG } from './text/validation';
import { COLUMN_HEADER } from './text/definitions';
import { formLabel } from './text/reminders';
import { problemColumn, readMeasured } from './measured';
import { PERIOD_TAB } from './text/period';
import { closedTabCheck, closeWarnings, type ClosedForm } from './close';
import { asFormRow, rowIdentity, type IndexedRow } from './rowIndex';
import { isSerialDay } from './stamp';

/** Sort position of problems whose column is not in the sheet (missing_column): after every real column. */
const MISSING_COLUMN_POS = 1e6;

interface Context {
  settings: Settings;
  forms: readonly FormSpec[];
  match: (text: string, form: FormId, m: Month | null) => UnitMatch;
  currentMonth: Month;
  /** Rows stamped at or after this instant are ignored (the workbook as it stood at the end of today). */
  cutoff: number;
  /** Problem -> column position, for sorting. */
  positions: Map<Problem, number>;
  /** Parsed period texts: a tab repeats a handful of them. */
  periods: Map<string, Month | null>;
  units: readonly Unit[];
  /** Per tab layout, the columns checkRow reads (built once, not per row). */
  plans?: Map<TabLayout, RowPlan>;
}

/** One content column of a tab as checkRow reads it. */
interface CellPlan {
  spec: ColumnSpec;
  index: number;
  header: string;
}

/** What checkRow needs of a form and its layout, resolved once per tab: indices instead of key lookups per cell. */
interface RowPlan {
  period: number;
  unit: number;
  /** The columns checked by type, in the form's order (script-owned, seq, unit and period aside). */
  cells: CellPlan[];
  /** Every indicator key, null, in the form's order: each row's `values` starts as a copy. */
  blankValues: Record<string, number | null>;
}

function planOf(form: FormSpec, layout: TabLayout, ctx: Context): RowPlan {
  ctx.plans ??= new Map();
  let plan = ctx.plans.get(layout);
  if (plan) return plan;
  const col = layout.columns;
  const cells: CellPlan[] = [];
  for (const c of form.columns) {
    if (c.scriptOwned || c.key === 'seq' || c.key === 'unit' || c.key === 'period' || !(c.key in col)) continue;
    cells.push({ spec: c, index: col[c.key], header: layout.headers[c.key] });
  }
  plan = {
    period: 'period' in col ? col.period : -1,
    unit: 'unit' in col ? col.unit : -1,
    cells,
    blankValues: Object.fromEntries(form.columns.filter((c) => c.kind).map((c) => [c.key, null])),
  };
  ctx.plans.set(layout, plan);
  return plan;
}

function periodOf(v: CellValue, ctx: Context): Month | null {
  if (typeof v !== 'string') return readPeriod(v);
  let m = ctx.periods.get(v);
  if (m === undefined) {
    m = readPeriod(v);
    ctx.periods.set(v, m);
  }
  return m;
}

/** A form row with what duplicate detection needs besides the model. */
interface RowWork {
  model: FormRow;
  cells: CellValue[] | null;
  unit: Unit | null;
  /** A row of the edit index: its identity digest as remembered (it has no cells). */
  identity?: string;
}

/** The number a message shows: at most 1 decimal, as a Vietnamese reader expects no thousands separators here. */
const shown = (n: number) => String(Math.round(n * 10) / 10);

function checkRow(
  form: FormSpec,
  layout: TabLayout,
  cells: CellValue[],
  rowNumber: number,
  submittedAt: Date | null,
  ctx: Context,
): RowWork {
  const col = layout.columns,
    hdr = layout.headers;
  const plan = planOf(form, layout, ctx);
  const problems: Problem[] = [];
  const add = (key: string, severity: Severity, code: ProblemCode, message: string) => {
    const p: Problem = { sheet: form.tab, row: rowNumber, column: hdr[key] ?? '', severity, code, message };
    ctx.positions.set(p, key in col ? col[key] : -1);
    problems.push(p);
  };

  // Period first: unit matching needs the month.
  let month: Month | null = null;
  if (plan.period >= 0) {
    const v = cells[plan.period] ?? '';
    if (isBlank(v)) add('period', 'error', 'required', MSG.required(hdr.period));
    else {
      month = periodOf(v, ctx);
      if (month === null) add('period', 'error', 'bad_period', MSG.badPeriod(cellText(v), typeof v === 'number' && isSerialDay(v)));
      else if (month < ctx.settings.startMonth)
        add('period', 'error', 'period_before_start', MSG.periodBeforeStart(formatMonth(month), formatMonth(ctx.settings.startMonth)));
      else if (month > ctx.currentMonth)
        add('period', 'error', 'period_in_future', MSG.periodInFuture(formatMonth(month), formatMonth(ctx.currentMonth)));
      else if (month === ctx.currentMonth && form.monthly)
        add('period', 'warning', 'period_current', MSG.periodCurrent(formatMonth(month)));
    }
  }

  let unit: Unit | null = null;
  if (plan.unit >= 0) {
    const v = cells[plan.unit] ?? '';
    if (isBlank(v)) add('unit', 'error', 'required', MSG.required(hdr.unit));
    else {
      const text = cellText(v);
      const m = ctx.match(text, form.id, month);
      if (m.kind === 'none')
        add(
          'unit',
          'error',
          'unknown_unit',
          MSG.unknownUnit(
            text,
            m.suggestions.map((u) => u.name),
          ),
        );
      else if (m.kind === 'many')
        add(
          'unit',
          'error',
          'unknown_unit',
          MSG.ambiguousUnit(
            text,
            m.units.map((u) => `${u.name} (${u.code})`),
          ),
        );
      else {
        unit = m.unit;
        const elsewhere = unit.form !== form.id || !unit.enabled || (month !== null && !isActive(unit, month));
        // The error below names the unit: the warning that the typed name means it would only repeat that.
        if (m.folding && !elsewhere) add('unit', 'warning', 'unit_alias', MSG.unitAlias(text, unit.name, unit.code, m.folding));
        if (unit.form !== form.id)
          add(
            'unit',
            'error',
            'wrong_form',
            MSG.wrongForm(unit.name, unit.form, ctx.forms.find((f) => f.id === unit!.form)?.tab ?? formLabel(unit.form)),
          );
        else if (!unit.enabled || (month !== null && !isActive(unit, month))) {
          // A unit that exists in other periods is told with them, and its namesake of that period (the merger's).
          const dated = unit.enabled && month !== null;
          const fmt = (m: Month | null) => (m === null ? null : formatMonth(m));
          const instead = dated ? successors(ctx.units, unit, month!).map((u) => u.name) : [];
          add(
            'unit',
            'error',
            'inactive_unit',
            MSG.inactiveUnit(unit.name, fmt(month), dated ? fmt(unit.from) : null, dated ? fmt(unit.to) : null, instead),
          );
        }
      }
    }
  }

  // A copy of one shape, not keys added one by one (each added key costs a shape change per row).
  const values: Record<string, number | null> = { ...plan.blankValues };
  for (const { spec: c, index, header } of plan.cells) {
    const v = cells[index] ?? '';
    if (isBlank(v)) {
      // A column asked only from (or until) some period is not required of the rows outside it.
      if (c.required && inForce(c, month)) add(c.key, 'error', 'required', MSG.required(header));
      continue;
    }
    checkCell(c, v, header, values, add);
  }

  for (const b of form.bounds) {
    const value = values[b.key];
    if (value === null || value === undefined) continue;
    if ('column' in b.max) {
      const max = values[b.max.column];
      if (max !== null && max !== undefined && value > max) {
        add(b.key, 'error', 'exceeds', MSG.exceedsColumn(hdr[b.key], value, hdr[b.max.column], max));
      }
    } else if (unit && unit.communes !== null && value > unit.communes) {
      add(b.key, 'error', 'exceeds', MSG.exceedsCommunes(hdr[b.key], value, unit.name, unit.communes));
    }
  }

  const model: FormRow = {
    form: form.id,
    sheet: form.tab,
    row: rowNumber,
    unitCode: unit ? unit.code : null,
    month,
    values,
    submittedAt,
    problems,
    valid: !problems.some((p) => p.severity === 'error'),
  };
  return { model, cells, unit };
}

function checkCell(
  c: ColumnSpec,
  v: CellValue,
  header: string,
  values: Record<string, number | null>,
  add: (key: string, severity: Severity, code: ProblemCode, message: string) => void,
): void {
  switch (c.type) {
    case 'int':
    case 'decimal': {
      const r = readNumber(v, c.type === 'int', c.min ?? 0);
      if (r.ok) {
        values[c.key] = r.value;
        return;
      }
      if (r.code === 'not_number') add(c.key, 'error', r.code, MSG.notNumber(header, r.text));
      else if (r.code === 'not_integer')
        add(
          c.key,
          'error',
          r.code,
          r.thousands !== undefined ? MSG.notIntegerThousands(r.text, r.thousands) : MSG.notInteger(header, r.text),
        );
      else if (r.code === 'negative') add(c.key, 'error', r.code, MSG.negative(header, r.value!));
      else add(c.key, 'error', r.code, MSG.belowMin(header, r.value!, c.min ?? 0));
      return;
    }
    case 'phone':
      if (!isPhone(v)) add(c.key, 'warning', 'bad_phone', MSG.badPhone(cellText(v)));
      return;
    case 'links': {
      const bad = badLinks(v);
      if (bad.length) add(c.key, 'error', 'bad_url', MSG.badUrl(bad[0]));
      return;
    }
    default:
      return; // free text: stored as typed, never evaluated
  }
}

function markDuplicates(form: FormSpec, layout: TabLayout, work: RowWork[], ctx: Context): void {
  const groups = new Map<string, RowWork[]>();
  const skip = new Set(form.columns.filter((c) => c.scriptOwned && c.key in layout.columns).map((c) => layout.columns[c.key]));
  for (const w of work) {
    let key: string | null;
    if (form.multipleRowsPerPeriod) key = w.identity ?? rowIdentity(w.cells ?? [], skip);
    else key = w.unit && w.model.month !== null ? `${w.unit.code}\u0000${w.model.month}` : null;
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.push(w);
    else groups.set(key, [w]);
  }
  const key = 'period' in layout.columns ? 'period' : '';
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const head = g.slice(0, 6).map((w) => w.model.row);
    for (const w of g) {
      const others = head.filter((r) => r !== w.model.row).slice(0, 5);
      const message = form.multipleRowsPerPeriod
        ? MSG.duplicateRow(others, g.length - 1)
        : MSG.duplicate(w.unit!.name, formatMonth(w.model.month!), others, g.length - 1);
      const p: Problem = {
        sheet: form.tab,
        row: w.model.row,
        column: key ? layout.headers[key] : '',
        severity: 'error',
        code: 'duplicate',
        message,
      };
      ctx.positions.set(p, key ? layout.columns[key] : -1);
      w.model.problems.push(p);
      w.model.valid = false;
    }
  }
}

/** True when every cell at `indices` is blank (a plain loop: it runs once per row of every tab). */
function blankAt(cells: readonly CellValue[], indices: readonly number[]): boolean {
  for (let i = 0; i < indices.length; i++) if (!isBlank(cells[indices[i]])) return false;
  return true;
}

function checkForm(
  form: FormSpec,
  grid: CellValue[][],
  ctx: Context,
  problems: Problem[],
  rows: FormRow[],
  known: readonly IndexedRow[] = [],
): TabLayout {
  const layout = findLayout(form.tab, grid, form.columns, ['unit', 'period']);
  form.columns.forEach((c, i) => {
    if (!c.required || c.scriptOwned || c.key in layout.columns || !inForce(c, ctx.currentMonth)) return;
    const p: Problem = {
      sheet: form.tab,
      row: layout.headerRow || 1,
      column: c.header,
      severity: 'error',
      code: 'missing_column',
      message: MSG.missingFormColumn(c.header, COLUMN_HEADER.aliases, TAB.formColumns),
    };
    ctx.positions.set(p, MISSING_COLUMN_POS + i);
    problems.push(p);
  });
  if (!layout.headerRow) return layout;
  const content = form.columns
    .filter((c) => !c.scriptOwned && c.key !== 'seq' && c.key in layout.columns)
    .map((c) => layout.columns[c.key]);
  const stampCol = layout.columns.submitted_at;
  const work: RowWork[] = [];
  for (let r = firstDataRow(layout) - 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || blankAt(cells, content)) continue; // an edit's grid holds only its rows
    const stamp = stampCol === undefined ? '' : cells[stampCol];
    const submittedAt = isDate(stamp) ? stamp : null;
    if (submittedAt && submittedAt.getTime() >= ctx.cutoff) continue;
    work.push(checkRow(form, layout, cells, r + 1, submittedAt, ctx));
  }
  // The edit's other rows of its units, as the edit index keeps them: they take part in duplicates and history.
  const unitsByCode = known.length ? new Map(ctx.units.map((u) => [u.code, u])) : null;
  for (const e of known) {
    const model = asFormRow(form, e);
    work.push({ model, cells: null, unit: model.unitCode ? (unitsByCode!.get(model.unitCode) ?? null) : null, identity: e.d });
  }
  if (known.length) work.sort((a, b) => a.model.row - b.model.row); // in sheet order, as a whole-tab read gives them
  markDuplicates(form, layout, work, ctx);
  const models = work.map((w) => w.model);
  // An edit (known rows given) marks only the rows it read: their units' histories are all that is needed, and the
  // known rows' own warnings would be thrown away (they change no validity).
  let history = models,
    warnOn: Set<FormRow> | undefined;
  if (known.length) {
    warnOn = new Set(work.filter((w) => w.cells !== null).map((w) => w.model));
    const units = new Set(Array.from(warnOn, (m) => m.unitCode));
    history = models.filter((m) => units.has(m.unitCode));
  }
  for (const h of historyWarnings(form, history, warnOn)) {
    const header = layout.headers[h.key];
    const message =
      h.code === 'stock_decreased'
        ? MSG.stockDecreased(header, h.value, h.reference, formatMonth(h.referenceMonth!))
        : MSG.outlier(header, Math.round(h.value * 10) / 10, Number(shown(h.reference)));
    const p: Problem = { sheet: form.tab, row: h.row.row, column: header, severity: 'warning', code: h.code, message };
    ctx.positions.set(p, layout.columns[h.key]);
    h.row.problems.push(p);
  }
  for (const m of models) {
    if (m.problems.length > 1)
      m.problems.sort((a, b) => ctx.positions.get(a)! - ctx.positions.get(b)! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    rows.push(m);
    for (const p of m.problems) problems.push(p);
  }
  return layout;
}

/**
 * Validates the whole workbook as it stood at the end of `now`'s day (Asia/Ho_Chi_Minh): rows stamped later are
 * ignored. Missing directory/settings tabs mean no units / the defaults.
 */
/**
 * The directory read and its matcher, kept for the same directory grid, settings and forms: an edit validates twice
 * (its rows alone for their units, then among their units' other rows) and building the matcher is most of the work.
 */
let lastDirectory: {
  grid: Grid | undefined;
  settings: Settings;
  forms: readonly FormSpec[];
  directory: ReturnType<typeof readDirectory>;
  match: ReturnType<typeof unitMatcher>;
} | null = null;
function directoryOf(grid: Grid | undefined, settings: Settings, forms: readonly FormSpec[]) {
  const last = lastDirectory;
  if (last && grid && last.grid === grid && last.forms === forms && JSON.stringify(last.settings) === JSON.stringify(settings)) return last;
  const directory = readDirectory(grid, settings, forms);
  lastDirectory = { grid, settings, forms, directory, match: unitMatcher(directory.units) };
  return lastDirectory;
}

/** What an edit gives besides its rows: the other rows of its units per tab and their closed figures (src/core/rowIndex.ts). */
export interface KnownRows {
  rows: Record<string, readonly IndexedRow[]>;
  closed: ClosedForm[];
}

export function validateWorkbook(typed: Workbook, now: Date, known?: BookForms, extra?: KnownRows): Validation {
  // The forms come from the book's definition tabs, unless the caller already has them (the edit trigger's cache).
  const defined = known ? { ...known, book: canonicalBook(typed, known.forms) } : readBookForms(typed);
  const { forms, book } = defined;
  const { settings, problems: settingProblems } = readSettings(book[TAB.settings]);
  const { directory, match } = directoryOf(book[TAB.directory], settings, forms);
  const today = dayOf(now);
  const positions = new Map<Problem, number>();
  for (const p of [...directory.problems, ...settingProblems]) {
    const layout = p.sheet === TAB.directory ? directory.layout : null;
    const key = layout ? Object.keys(layout.headers).find((k) => layout.headers[k] === p.column) : undefined;
    positions.set(p, key !== undefined ? layout!.columns[key] : p.code === 'missing_column' ? MISSING_COLUMN_POS : 0);
  }
  const ctx: Context = {
    settings,
    forms,
    match,
    currentMonth: monthOfDay(today),
    cutoff: endOfDay(today),
    positions,
    periods: new Map(),
    units: directory.units,
  };
  for (const p of defined.problems) {
    const layout = defined.layouts[p.sheet];
    const key = layout ? Object.keys(layout.headers).find((k) => layout.headers[k] === p.column) : undefined;
    positions.set(p, key !== undefined ? layout!.columns[key] : p.code === 'missing_column' ? MISSING_COLUMN_POS : 0);
  }
  const problems: Problem[] = [...directory.problems, ...settingProblems, ...defined.problems];
  const rows: FormRow[] = [];
  const layouts: Record<string, TabLayout> = { ...defined.layouts };
  if (book[TAB.directory]) layouts[TAB.directory] = directory.layout;
  if (book[TAB.settings]) layouts[TAB.settings] = settingsLayout(book[TAB.settings]);
  for (const form of forms) {
    const grid = book[form.tab];
    if (grid) layouts[form.tab] = checkForm(form, grid, ctx, problems, rows, extra?.rows[form.tab]);
  }
  // VNNIC's measured samples: its own reader; its problems sort after the form tabs'.
  const measured = book[TAB.measured] ? readMeasured(book[TAB.measured], directory.units, forms, settings.place) : null;
  if (measured) {
    layouts[TAB.measured] = measured.layout;
    for (const p of measured.problems) positions.set(p, problemColumn(measured, p));
    problems.push(...measured.problems);
  }
  // changed_after_close: the closed figures against the rows just checked. A close dated after today is not there yet
  // (FORMS.md: the workbook is read as it stood that day), as a row stamped after it is not: a `daily --today` run
  // on a mistyped later day must not close every period of the report made for today.
  // Read whole, the closed tab is checked too: a cell a hand edit broke is said on it (and what the report does).
  const closedTab = extra ? null : closedTabCheck(book[PERIOD_TAB.closed], forms, ctx.cutoff);
  const closed = extra ? extra.closed.filter((c) => c.closedAt.getTime() < ctx.cutoff) : closedTab!.closed;
  if (closedTab?.layout) layouts[PERIOD_TAB.closed] = closedTab.layout;
  for (const x of closedTab?.problems ?? []) {
    positions.set(x.problem, x.col);
    problems.push(x.problem);
  }
  // One result, its summary counted last (closeWarnings reads the rows, not the summary).
  const result: Validation = {
    forms,
    units: directory.units,
    settings,
    rows,
    problems,
    layouts,
    summary: { errors: 0, warnings: 0, rows: rows.length },
    measured,
    closed,
  };
  for (const w of closeWarnings(result, today)) {
    positions.set(w.problem, w.col);
    problems.push(w.problem);
  }
  const tabOrder = [
    TAB.directory,
    TAB.settings,
    TAB.formList,
    TAB.formColumns,
    ...forms.map((f) => f.tab),
    TAB.measured,
    PERIOD_TAB.closed,
  ];
  const tabIndex = new Map(tabOrder.map((t, i) => [t, i]));
  problems.sort(
    (a, b) =>
      tabIndex.get(a.sheet)! - tabIndex.get(b.sheet)! ||
      a.row - b.row ||
      (positions.get(a) ?? 0) - (positions.get(b) ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  result.summary = { errors, warnings: problems.length - errors, rows: rows.length };
  return result;
}
