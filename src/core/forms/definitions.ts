// The form definitions (Danh sách biểu mẫu, Định nghĩa biểu mẫu): reading the two tabs into FormSpecs (FORMS.md
// "Form definitions"). A bad cell is bad_definition on that cell; its column or form is left out, never guessed.
import type { CellValue, FormId, Grid, Month, Problem } from '../types';
import type { TabLayout } from '../model';
import { dayOf, formatMonth, makeDay, type Day } from '../periods';
import { cellText, foldText, isBlank, isDate, normalizeHeader, readNumber, readPeriod, readYesNo } from '../cells';
import { distance as levenshtein } from 'fastest-levenshtein';
import { findLayout, firstDataRow, headerKeys } from '../layout';
import {
  DIRECTORY_COLUMNS,
  SETTINGS,
  TAB,
  type BoundRule,
  type ColumnSpec,
  type ColumnType,
  type FormSpec,
  type IndicatorKind,
} from './schema';
import {
  COLUMN_HEADER,
  COLUMN_HELP,
  COMMON_TEXT,
  DEF_MSG,
  DEF_WHAT,
  DEF_WORD,
  DEFAULT_HELP,
  LIST_HEADER,
  LIST_HELP,
  TEMPLATE_LIST,
  templateColumnRows,
} from '../text/definitions';

export interface DefinitionColumn {
  key: string;
  header: string;
  required: boolean;
  help: string;
  width: number;
}

/**
 * Required headers are those whose absence would silently change the template's meaning (every form monthly,
 * every number unreadable...): without one the tab is unusable and the template is used (see readForms).
 */
export const FORM_LIST_COLUMNS: readonly DefinitionColumn[] = [
  { key: 'form', header: LIST_HEADER.form, required: true, help: LIST_HELP.form, width: 80 },
  { key: 'tab', header: LIST_HEADER.tab, required: true, help: LIST_HELP.tab, width: 200 },
  { key: 'group', header: LIST_HEADER.group, required: false, help: LIST_HELP.group, width: 280 },
  { key: 'cadence', header: LIST_HEADER.cadence, required: true, help: LIST_HELP.cadence, width: 110 },
  { key: 'due', header: LIST_HEADER.due, required: false, help: LIST_HELP.due, width: 100 },
  { key: 'multiple', header: LIST_HEADER.multiple, required: false, help: LIST_HELP.multiple, width: 110 },
  { key: 'reminders', header: LIST_HEADER.reminders, required: false, help: LIST_HELP.reminders, width: 90 },
];

export const FORM_COLUMN_COLUMNS: readonly DefinitionColumn[] = [
  { key: 'form', header: COLUMN_HEADER.form, required: true, help: COLUMN_HELP.form, width: 80 },
  { key: 'key', header: COLUMN_HEADER.key, required: true, help: COLUMN_HELP.key, width: 170 },
  { key: 'header', header: COLUMN_HEADER.header, required: true, help: COLUMN_HELP.header, width: 320 },
  { key: 'type', header: COLUMN_HEADER.type, required: true, help: COLUMN_HELP.type, width: 110 },
  { key: 'kind', header: COLUMN_HEADER.kind, required: true, help: COLUMN_HELP.kind, width: 90 },
  { key: 'required', header: COLUMN_HEADER.required, required: false, help: COLUMN_HELP.required, width: 80 },
  { key: 'min', header: COLUMN_HEADER.min, required: false, help: COLUMN_HELP.min, width: 80 },
  { key: 'max', header: COLUMN_HEADER.max, required: false, help: COLUMN_HELP.max, width: 130 },
  { key: 'from', header: COLUMN_HEADER.from, required: false, help: COLUMN_HELP.from, width: 80 },
  { key: 'to', header: COLUMN_HEADER.to, required: false, help: COLUMN_HELP.to, width: 80 },
  { key: 'aliases', header: COLUMN_HEADER.aliases, required: false, help: COLUMN_HELP.aliases, width: 220 },
  { key: 'help', header: COLUMN_HEADER.help, required: false, help: COLUMN_HELP.help, width: 360 },
];

/** Keys of the common columns of every form tab; a form's own column may not take one. */
export const COMMON_KEYS = ['seq', 'unit', 'period', 'reporter', 'phone', 'note', 'submitted_at', 'updated_at', 'status'] as const;
/** The common columns a `*` row may rename (and, for the last three, make required or not). */
export const STAR_KEYS = ['unit', 'period', 'reporter', 'phone', 'note'] as const;
type StarKey = (typeof STAR_KEYS)[number];

const KEY_RE = /^[a-z][a-z0-9_]*$/;
const NUMBER_WIDTH = 150;
const WIDTH: Partial<Record<ColumnType, number>> = { int: NUMBER_WIDTH, decimal: NUMBER_WIDTH, text: 160, links: 220, phone: 120 };

/** The rows setup writes into the two tabs: the built-in i-Speed template (a fresh copy each call). */
export function templateGrids(): { list: Grid; columns: Grid } {
  return {
    list: [FORM_LIST_COLUMNS.map((c) => c.header), ...TEMPLATE_LIST.map((r) => [...r])],
    columns: [FORM_COLUMN_COLUMNS.map((c) => c.header), ...templateColumnRows()],
  };
}

let builtin: readonly FormSpec[] | null = null;
/** The built-in template as FormSpecs, computed on first use (never at load time). */
export function builtinForms(): readonly FormSpec[] {
  if (!builtin) {
    const t = templateGrids();
    builtin = readForms(t.list, t.columns).forms;
  }
  return builtin;
}

// ---- Reading cells ----

/** Folded and stripped of Vietnamese marks: `Luỹ kế`, `Lũy kế` and `luy ke` are one word. */
function plain(s: string): string {
  let p = PLAIN.get(s);
  if (p === undefined) {
    p = foldText(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd');
    if (PLAIN.size < 1000) PLAIN.set(s, p); // the definition words repeat on every row: fold each once
  }
  return p;
}
const PLAIN = new Map<string, string>();
function word<T extends string>(v: CellValue, words: Record<T, string>): T | null {
  const p = plain(cellText(v));
  for (const k of Object.keys(words) as T[]) if (plain(words[k]) === p) return k;
  return null;
}

/** A form code: `05`, `5`, the number 5, or `Biểu mẫu 05`; 01–99. */
function readCode(v: CellValue): FormId | null {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^(?:biểu mẫu\s*)?(\d{1,2})$/.exec(foldText(v));
    if (!m) return null;
    n = Number(m[1]);
  } else return null;
  return Number.isInteger(n) && n >= 1 && n <= 99 ? String(n).padStart(2, '0') : null;
}

function readDueDay(v: CellValue): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 28 ? n : null;
}

function readDueDate(v: CellValue): Day | null {
  if (isDate(v)) return dayOf(v);
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim());
  if (!m) return null;
  const d = Number(m[1]),
    mo = Number(m[2]),
    y = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d ? makeDay(y, mo, d) : null;
}

const oneLine = (v: CellValue) => cellText(v).normalize('NFC').replace(/\s+/g, ' ').trim();
const settingName = (key: string) => SETTINGS.find((s) => s.key === key)?.name ?? key;

// ---- Reading a tab ----

interface TabRead {
  grid: Grid;
  layout: TabLayout;
  fromBook: boolean;
  usable: boolean;
}

function isEmptyTab(grid: Grid | undefined, layout: TabLayout): boolean {
  if (!grid) return true;
  const start = layout.headerRow && firstDataRow(layout) - 1; // 0 = no header: every row must be blank
  return grid.slice(start).every((row) => (row || []).every((c) => isBlank(c)));
}

/** A tab as read, or the template's grid when it is missing or empty; unusable when a required header is missing. */
function readTab(
  sheet: string,
  grid: Grid | undefined,
  template: Grid,
  cols: readonly DefinitionColumn[],
  anchors: [string, string],
  problems: Problem[],
  layouts: Record<string, TabLayout>,
): TabRead {
  const layout = findLayout(sheet, grid, cols, anchors);
  if (grid) layouts[sheet] = layout;
  if (isEmptyTab(grid, layout))
    return { grid: template, layout: findLayout(sheet, template, cols, anchors), fromBook: false, usable: true };
  let usable = layout.headerRow > 0;
  for (const c of cols) {
    if (c.required && !(c.key in layout.columns)) {
      problems.push({
        sheet,
        row: layout.headerRow || 1,
        column: c.header,
        severity: 'error',
        code: 'missing_column',
        message: DEF_MSG.missingColumn(c.header, sheet),
      });
      usable = false;
    }
  }
  // A misspelt header (`Tên khác` for `Tên gọi khác`) would leave its whole column unread, silently: said on its cell.
  for (const m of layout.headerRow ? misspeltHeaders(grid![layout.headerRow - 1] ?? [], cols, new Set(Object.keys(layout.columns))) : [])
    problems.push({
      sheet,
      severity: 'error',
      row: layout.headerRow,
      column: m.found,
      code: 'bad_definition',
      message: DEF_MSG.misspeltHeader(m.found, m.expected),
    });
  return { grid: grid!, layout, fromBook: true, usable };
}

/**
 * The headers of a definition tab's header row that are none of its headers but look like one it lacks (`present`:
 * the keys found), each with that header: the same once folded (case, marks, `đ`, punctuation: `Ten goi khac`), a
 * few edits apart (at most 2 and a third of its letters: `Tên gọi khá`), or all the words of one among the other's,
 * two at least (`Tên khác` for `Tên gọi khác`). A header like none is an extra column, kept and not reported.
 */
export function misspeltHeaders(row: readonly CellValue[], cols: readonly DefinitionColumn[], present: ReadonlySet<string>) {
  const fold = (s: string) =>
    plain(s)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const known = headerKeys(cols);
  const out: { found: string; expected: string }[] = [];
  for (const cell of row) {
    const found = typeof cell === 'string' && !known.has(normalizeHeader(cell)) ? fold(cell) : '';
    let best = '',
      least = 99;
    for (const c of found ? cols : []) {
      const want = fold(c.header),
        d = levenshtein(found, want);
      const [a, b] = [found.split(' '), want.split(' ')].sort((x, y) => x.length - y.length);
      if (!present.has(c.key) && d < least && (d <= Math.min(2, want.length / 3) || (a.length > 1 && a.every((w) => b.includes(w))))) {
        best = c.header;
        least = d;
      }
    }
    if (best) out.push({ found: oneLine(cell), expected: best });
  }
  return out;
}

/** Each data row (skipping blank ones) with a getter by key and an error reporter on a cell. */
function* rows(t: TabRead, cols: readonly DefinitionColumn[], problems: Problem[]) {
  const { grid, layout } = t;
  for (let r = firstDataRow(layout) - 1; r < grid.length; r++) {
    const cells = grid[r] || [];
    const get = (key: string): CellValue => (key in layout.columns ? (cells[layout.columns[key]] ?? '') : '');
    if (cols.every((c) => isBlank(get(c.key)))) continue;
    const row = r + 1;
    let ok = true;
    const bad = (key: string, message: string) => {
      problems.push({ sheet: layout.sheet, row, column: layout.headers[key] ?? '', severity: 'error', code: 'bad_definition', message });
      ok = false;
    };
    yield { row, get, bad, ok: () => ok };
  }
}

// ---- Danh sách biểu mẫu ----

interface ListEntry {
  id: FormId;
  row: number;
  tab: string;
  group: string;
  monthly: boolean;
  dueDay: number | null;
  dueDate: Day | null;
  multiple: boolean;
  reminders: boolean;
  /** Reports on this row's `Biểu mẫu` cell (a form left out for want of indicators). */
  bad: (key: string, message: string) => void;
}

const RESERVED_TABS = () => [TAB.directory, TAB.settings, TAB.log, TAB.formList, TAB.formColumns, TAB.measured].map(foldText);
// An .xlsx sheet name is at most 31 characters without []:*?/\ (so the CLI finds the tab in a download): exceljs
// truncates longer names and throws on those characters (lib/doc/worksheet.js); the rule is Excel's, as in
// https://docs.devexpress.com/OfficeFileAPI/DevExpress.Spreadsheet.Worksheet.Name.property
const XLSX_TAB = /^[^[\]:*?/\\]{1,31}$/;

/** `whole` reports a form's own problem (no indicator) when the list is the template's: on the columns tab, whole-sheet. */
function readList(
  t: TabRead,
  problems: Problem[],
  whole: { sheet: string; row: number } | null,
): { forms: ListEntry[]; known: Set<FormId> } {
  const forms: ListEntry[] = [],
    known = new Set<FormId>();
  const codes = new Map<FormId, number>(),
    tabs = new Map<string, number>();
  const reserved = RESERVED_TABS();
  for (const { row, get, bad, ok } of rows(t, FORM_LIST_COLUMNS, problems)) {
    const codeCell = get('form');
    const id = readCode(codeCell);
    if (isBlank(codeCell)) bad('form', DEF_MSG.requiredCell(LIST_HEADER.form, DEF_WHAT.listForm));
    else if (!id) bad('form', DEF_MSG.badCode(cellText(codeCell), false));
    else {
      known.add(id);
      if (codes.has(id)) bad('form', DEF_MSG.duplicateCode(id, codes.get(id)!));
      else codes.set(id, row);
    }
    const tab = oneLine(get('tab'));
    if (!tab) bad('tab', DEF_MSG.requiredCell(LIST_HEADER.tab, DEF_WHAT.tab));
    else if (reserved.includes(foldText(tab))) bad('tab', DEF_MSG.reservedTab(tab));
    else if (!XLSX_TAB.test(tab)) bad('tab', DEF_MSG.badTabName(tab));
    else if (tabs.has(foldText(tab))) bad('tab', DEF_MSG.duplicateTab(tab, tabs.get(foldText(tab))!));
    else tabs.set(foldText(tab), row);

    const cadenceCell = get('cadence');
    const cadence = isBlank(cadenceCell) ? 'monthly' : word(cadenceCell, { monthly: DEF_WORD.monthly, oneOff: DEF_WORD.oneOff });
    if (!cadence) bad('cadence', DEF_MSG.badCadence(cellText(cadenceCell)));
    let dueDay: number | null = null,
      dueDate: Day | null = null;
    const due = get('due');
    if (cadence && !isBlank(due)) {
      if (cadence === 'monthly') {
        dueDay = readDueDay(due);
        if (dueDay === null) bad('due', DEF_MSG.badDueDay(cellText(due), settingName('dueDay')));
      } else {
        dueDate = readDueDate(due);
        if (dueDate === null) bad('due', DEF_MSG.badDueDate(cellText(due), settingName('oneOffDeadline')));
      }
    }
    const yes = (key: 'multiple' | 'reminders', blank: boolean) => {
      const b = readYesNo(get(key), blank);
      if (b === null) bad(key, DEF_MSG.badYesNo(LIST_HEADER[key], cellText(get(key)), blank));
      return b ?? blank;
    };
    const multiple = yes('multiple', false),
      reminders = yes('reminders', true);
    if (!ok() || !id) continue;
    forms.push({
      id,
      row,
      tab,
      group: oneLine(get('group')),
      monthly: cadence === 'monthly',
      dueDay,
      dueDate,
      multiple,
      reminders,
      bad: (key, message) =>
        problems.push(
          whole !== null
            ? { sheet: whole.sheet, row: whole.row, column: '', severity: 'error', code: 'bad_definition', message }
            : { sheet: t.layout.sheet, row, column: t.layout.headers[key] ?? '', severity: 'error', code: 'bad_definition', message },
        ),
    });
  }
  return { forms, known };
}

// ---- Định nghĩa biểu mẫu ----

interface ColumnRow {
  row: number;
  key: string;
  spec: ColumnSpec;
  number: boolean;
  max: string;
  bad: (key: string, message: string) => void;
}
interface StarRow {
  key: StarKey;
  aliases: string[];
  required: boolean | null;
  bad: (key: string, message: string) => void;
}

const TYPE_WORDS = { int: DEF_WORD.int, decimal: DEF_WORD.decimal, text: DEF_WORD.text, links: DEF_WORD.links, phone: DEF_WORD.phone };
const KIND_WORDS: Record<IndicatorKind, string> = { stock: DEF_WORD.stock, flow: DEF_WORD.flow };
/** `Số xã` or the directory header it stands for. */
const isCommunes = (text: string) =>
  [DEF_WORD.communes, DIRECTORY_COLUMNS.find((c) => c.key === 'communes')!.header].some((w) => plain(w) === plain(text));
/** `Tên gọi khác`, without the names that only repeat the header or an earlier name (redundant, not ambiguous). */
function splitAliases(v: CellValue, header: string): string[] {
  const seen = new Set([normalizeHeader(header)]);
  return cellText(v)
    .split(';')
    .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter((a) => {
      const n = normalizeHeader(a);
      if (!a || seen.has(n)) return false;
      seen.add(n);
      return true;
    });
}

function readColumns(t: TabRead, known: Set<FormId>, listed: Set<FormId>, problems: Problem[]) {
  const byForm = new Map<FormId, ColumnRow[]>();
  const stars = new Map<StarKey, StarRow>();
  const keysSeen = new Map<string, number>(); // `${form}\u0000${key}` -> first row
  const starSeen = new Map<string, number>();
  for (const { row, get, bad, ok } of rows(t, FORM_COLUMN_COLUMNS, problems)) {
    const formCell = get('form');
    const star = cellText(formCell).trim() === DEF_WORD.common;
    const id = star ? null : readCode(formCell);
    let skip = false; // a form left out already: its rows are not reported again
    if (isBlank(formCell)) bad('form', DEF_MSG.requiredCell(COLUMN_HEADER.form, DEF_WHAT.columnForm));
    else if (!star && !id) bad('form', DEF_MSG.badCode(cellText(formCell), true));
    else if (id && !known.has(id)) {
      // The template's rows of a form the Department's list does not keep are simply not used.
      if (t.fromBook) bad('form', DEF_MSG.unknownForm(cellText(formCell).trim()));
      else skip = true;
    } else if (id && !listed.has(id)) skip = true;

    const keyCell = get('key');
    const key = cellText(keyCell).trim();
    if (!key) bad('key', DEF_MSG.requiredCell(COLUMN_HEADER.key, DEF_WHAT.key));
    else if (star) {
      if (!(STAR_KEYS as readonly string[]).includes(key)) bad('key', DEF_MSG.starKey(key, STAR_KEYS));
      else if (starSeen.has(key)) bad('key', DEF_MSG.duplicateStar(key, starSeen.get(key)!));
      else starSeen.set(key, row);
    } else if (typeof keyCell !== 'string' || !KEY_RE.test(key)) bad('key', DEF_MSG.badKey(key));
    else if ((COMMON_KEYS as readonly string[]).includes(key)) bad('key', DEF_MSG.commonKey(key));
    else if (id) {
      const k = `${id}\u0000${key}`;
      if (keysSeen.has(k)) bad('key', DEF_MSG.duplicateKey(key, id, keysSeen.get(k)!));
      else keysSeen.set(k, row);
    }
    const header = oneLine(get('header'));
    const common = star && (STAR_KEYS as readonly string[]).includes(key) ? COMMON_TEXT[key as StarKey].header : '';
    const aliases = splitAliases(get('aliases'), star ? common : header);

    if (star) {
      if (header && common && normalizeHeader(header) !== normalizeHeader(common)) bad('header', DEF_MSG.starHeader(header, common));
      for (const k of ['type', 'kind', 'min', 'max', 'from', 'to', 'help'] as const) {
        if (!isBlank(get(k))) bad(k, DEF_MSG.starCell(COLUMN_HEADER[k]));
      }
      let required: boolean | null = null;
      if (!isBlank(get('required'))) {
        required = readYesNo(get('required'), false);
        if (required === null) bad('required', DEF_MSG.badYesNo(COLUMN_HEADER.required, cellText(get('required')), false));
        else if ((key === 'unit' || key === 'period') && !required) bad('required', DEF_MSG.starAlwaysRequired(common));
      }
      if (ok()) stars.set(key as StarKey, { key: key as StarKey, aliases, required, bad });
      continue;
    }

    if (!header) bad('header', DEF_MSG.requiredCell(COLUMN_HEADER.header, DEF_WHAT.header));
    const typeCell = get('type');
    const type: ColumnType | null = isBlank(typeCell) ? 'int' : word(typeCell, TYPE_WORDS);
    if (!type) bad('type', DEF_MSG.badType(cellText(typeCell)));
    const number = type === 'int' || type === 'decimal';
    const kindCell = get('kind');
    let kind: IndicatorKind | undefined;
    if (type && !number) {
      for (const k of ['kind', 'min', 'max'] as const) if (!isBlank(get(k))) bad(k, DEF_MSG.numberOnly(COLUMN_HEADER[k]));
    } else if (type) {
      if (isBlank(kindCell)) bad('kind', DEF_MSG.kindMissing(header || key));
      else {
        kind = word(kindCell, KIND_WORDS) ?? undefined;
        if (!kind) bad('kind', DEF_MSG.badKind(cellText(kindCell)));
      }
    }
    const requiredCell = get('required');
    const required = readYesNo(requiredCell, number);
    if (required === null) bad('required', DEF_MSG.badYesNo(COLUMN_HEADER.required, cellText(requiredCell), number));
    let min = 0;
    const minCell = get('min');
    if (number && !isBlank(minCell)) {
      const n = readNumber(minCell, false);
      if (!n.ok || (type === 'int' && !Number.isInteger(n.value))) bad('min', DEF_MSG.badMin(cellText(minCell), type === 'int'));
      else min = n.value;
    }
    const months: Record<'from' | 'to', Month | null> = { from: null, to: null };
    for (const k of ['from', 'to'] as const) {
      const v = get(k);
      if (isBlank(v)) continue;
      const m = isDate(v) || typeof v === 'string' ? readPeriod(v) : null;
      if (m === null) bad(k, DEF_MSG.badMonth(COLUMN_HEADER[k], cellText(v)));
      else months[k] = m;
    }
    if (months.from !== null && months.to !== null && months.from > months.to) {
      bad('to', DEF_MSG.badRange(formatMonth(months.from), formatMonth(months.to)));
    }
    if (!ok() || skip || !id || !type) continue;

    const helpText = cellText(get('help')).trim();
    const help =
      helpText ||
      (kind
        ? type === 'decimal'
          ? DEFAULT_HELP.decimal(min)
          : DEFAULT_HELP[kind](min)
        : DEFAULT_HELP[type as 'text' | 'links' | 'phone']);
    const spec: ColumnSpec = { key, header, type, required: required!, help, width: WIDTH[type] };
    if (kind) spec.kind = kind;
    if (min !== 0) spec.min = min;
    if (aliases.length) spec.aliases = aliases;
    if (months.from !== null) spec.from = months.from;
    if (months.to !== null) spec.to = months.to;
    byForm.set(id, [...(byForm.get(id) || []), { row, key, spec, number, max: oneLine(get('max')), bad }]);
  }
  // A common column's other name may not be another common column's header or name.
  const names = new Map<string, string>(COMMON_KEYS.map((k) => [normalizeHeader(COMMON_TEXT[k].header), COMMON_TEXT[k].header]));
  for (const s of [...stars.values()]) {
    const own = COMMON_TEXT[s.key].header;
    const clash = s.aliases.find((a) => names.has(normalizeHeader(a)) && names.get(normalizeHeader(a)) !== own);
    if (clash) {
      s.bad('aliases', DEF_MSG.starAliasClash(clash, names.get(normalizeHeader(clash))!));
      stars.delete(s.key);
      continue;
    }
    for (const a of s.aliases) names.set(normalizeHeader(a), own);
  }
  return { byForm, stars };
}

// ---- Assembling a form ----

function commonColumns(stars: Map<StarKey, StarRow>): Record<(typeof COMMON_KEYS)[number], ColumnSpec> {
  const c = (key: (typeof COMMON_KEYS)[number], type: ColumnType, required: boolean, width: number, scriptOwned = false): ColumnSpec => {
    const star = stars.get(key as StarKey);
    const spec: ColumnSpec = {
      key,
      header: COMMON_TEXT[key].header,
      type,
      required: star?.required ?? required,
      help: COMMON_TEXT[key].help,
      width,
    };
    if (scriptOwned) spec.scriptOwned = true;
    if (star?.aliases.length) spec.aliases = [...star.aliases];
    return spec;
  };
  return {
    seq: c('seq', 'text', false, 50),
    unit: c('unit', 'unit', true, 220),
    period: c('period', 'period', true, 100),
    reporter: c('reporter', 'text', true, 160),
    phone: c('phone', 'phone', false, 120),
    note: c('note', 'text', false, 160),
    submitted_at: c('submitted_at', 'datetime', false, 130, true),
    updated_at: c('updated_at', 'datetime', false, 130, true),
    status: c('status', 'status', false, 110, true),
  };
}

/** The form's own columns that survive: unique headers and aliases, then bounds naming a kept number column. */
function keptColumns(id: FormId, defs: ColumnRow[], common: ColumnSpec[]): ColumnRow[] {
  const names = new Map<string, string>();
  for (const c of common) for (const n of [c.header, ...(c.aliases ?? [])]) names.set(normalizeHeader(n), DEF_MSG.headerCommon(c.header));
  let kept = defs.filter((d) => {
    const mine = [d.spec.header, ...(d.spec.aliases ?? [])].map(normalizeHeader);
    const clash = mine.findIndex((n, i) => names.has(n) || mine.indexOf(n) < i);
    if (clash >= 0) {
      const where = names.get(mine[clash]) ?? DEF_MSG.headerAt(d.row);
      d.bad(
        clash === 0 ? 'header' : 'aliases',
        DEF_MSG.duplicateHeader(clash === 0 ? d.spec.header : d.spec.aliases![clash - 1], id, where),
      );
      return false;
    }
    for (const n of mine) names.set(n, DEF_MSG.headerAt(d.row));
    return true;
  });
  // A bound naming a column that is itself left out leaves this one out too, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const numbers = new Set(kept.filter((d) => d.number).map((d) => d.key));
    kept = kept.filter((d) => {
      if (!d.max || isCommunes(d.max)) return true;
      if (!d.number) return true; // reported as numberOnly already
      if (d.max === d.key) {
        d.bad('max', DEF_MSG.boundSelf(d.key));
        changed = true;
        return false;
      }
      if (!numbers.has(d.max)) {
        d.bad('max', DEF_MSG.badBound(d.max, id));
        changed = true;
        return false;
      }
      return true;
    });
  }
  return kept;
}

function assemble(entry: ListEntry, defs: ColumnRow[], stars: Map<StarKey, StarRow>): FormSpec | null {
  const common = commonColumns(stars);
  const kept = keptColumns(entry.id, defs, Object.values(common));
  const numbers = kept.filter((d) => d.number),
    others = kept.filter((d) => !d.number);
  if (!numbers.length) {
    entry.bad('form', DEF_MSG.noIndicator(entry.id));
    return null;
  }
  const bounds: BoundRule[] = numbers
    .filter((d) => d.max)
    .map((d) => ({
      key: d.key,
      max: isCommunes(d.max) ? { unitField: 'communes' as const } : { column: d.max },
    }));
  return {
    id: entry.id,
    tab: entry.tab,
    group: entry.group,
    columns: [
      common.seq,
      common.unit,
      common.period,
      ...numbers.map((d) => d.spec),
      common.reporter,
      common.phone,
      ...others.map((d) => d.spec),
      common.note,
      common.submitted_at,
      common.updated_at,
      common.status,
    ],
    bounds,
    multipleRowsPerPeriod: entry.multiple,
    monthly: entry.monthly,
    dueDay: entry.dueDay,
    dueDate: entry.dueDate,
    reminders: entry.reminders,
  };
}

/**
 * Reads the two definition tabs into the forms. A missing or empty tab reads as the template's. A tab that lacks a
 * required header is `missing_column`, and then BOTH tabs are read as the template: mixing the Department's list with
 * the template's columns (or the reverse) would be a guess, while the template is the state every workbook started in.
 */
export function readForms(
  list: Grid | undefined,
  columns: Grid | undefined,
): { forms: FormSpec[]; problems: Problem[]; layouts: Record<string, TabLayout> } {
  const problems: Problem[] = [],
    layouts: Record<string, TabLayout> = {};
  const template = templateGrids();
  let l = readTab(TAB.formList, list, template.list, FORM_LIST_COLUMNS, ['form', 'tab'], problems, layouts);
  let c = readTab(TAB.formColumns, columns, template.columns, FORM_COLUMN_COLUMNS, ['form', 'key'], problems, layouts);
  if (!l.usable || !c.usable) {
    l = readTab(TAB.formList, undefined, template.list, FORM_LIST_COLUMNS, ['form', 'tab'], problems, {});
    c = readTab(TAB.formColumns, undefined, template.columns, FORM_COLUMN_COLUMNS, ['form', 'key'], problems, {});
  }
  const { forms: entries, known } = readList(l, problems, l.fromBook ? null : { sheet: TAB.formColumns, row: c.layout.headerRow || 1 });
  const { byForm, stars } = readColumns(c, known, new Set(entries.map((e) => e.id)), problems);
  const forms: FormSpec[] = [];
  for (const e of entries) {
    const f = assemble(e, byForm.get(e.id) || [], stars);
    if (f) forms.push(f);
  }
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === TAB.formList ? -1 : 1));
  return { forms, problems, layouts };
}
