// In-memory Spreadsheet, Sheet, Range, Protection, DataValidation and charts that behave like Apps Script's (APPS_SCRIPT.md).
// Methods carry the exact signatures of @types/google-apps-script, so they return the Google types (the objects are ours).
import type { CellValue } from '../../core/types';
import type { CallTracker } from './calls';
import { Layer } from './layer';
import { displayValue } from './format';
import type { MemConditionalFormatRule } from './conditional';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type FontStyle = GoogleAppsScript.Spreadsheet.FontStyle;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;

/** An Apps Script exception: the message reads as the execution log shows it ('Exception: …'). */
export class GasException extends Error {
  constructor(message: string) {
    super(`Exception: ${message}`);
    this.name = 'Exception';
  }
  toString(): string {
    return this.message;
  }
}

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
const CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
];
/** Enum members are their own names, as Apps Script's enums print. */
export const DataValidationCriteria = Object.fromEntries(
  CRITERIA.map((k) => [k, k]),
) as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
/** A copy in this realm, so no caller can mutate stored cells (Dates from a sandbox realm become Node Dates). */
const copyValue = (v: CellValue): CellValue => (typeof v === 'object' && isDateValue(v) ? new Date(v.getTime()) : v);

// ---------------------------------------------------------------- A1 notation
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
export function a1(row: number, col: number, numRows = 1, numCols = 1): string {
  const start = `${columnLetter(col)}${row}`;
  return numRows === 1 && numCols === 1 ? start : `${start}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}
/** 'A1', 'A1:C9', 'A:C', '2:5', 'A2:C' into 1-based bounds (open ends run to the sheet's edge). */
export function parseA1(ref: string, maxRows: number, maxCols: number): { row: number; col: number; numRows: number; numCols: number } {
  const parts = ref.replace(/\$/g, '').trim().split(':');
  const cell = (s: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m || (!m[1] && !m[2])) throw new GasException(`Range not found`);
    return { col: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const a = cell(parts[0]);
  const b = parts.length > 1 ? cell(parts[1]) : a;
  const r1 = a.row || 1,
    c1 = a.col || 1;
  const r2 = b.row || (parts.length > 1 || !a.row ? maxRows : r1);
  const c2 = b.col || (parts.length > 1 || !a.col ? maxCols : c1);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

// ---------------------------------------------------------------- data validation
export class MemDataValidation
  implements Pick<GValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  constructor(
    readonly criteria: Criteria,
    readonly args: unknown[],
    readonly helpText: string,
    readonly allowInvalid: boolean,
    private tracker: CallTracker | null = null,
  ) {}
  copy(): GValidationBuilder {
    this.tracker?.hit('DataValidation.copy');
    const b = new MemDataValidationBuilder(this.tracker);
    b.criteria = this.criteria;
    b.args = this.args.slice();
    b.helpText = this.helpText;
    b.allowInvalid = this.allowInvalid;
    return b as unknown as GValidationBuilder;
  }
  getAllowInvalid(): boolean {
    this.tracker?.hit('DataValidation.getAllowInvalid');
    return this.allowInvalid;
  }
  getCriteriaType(): Criteria {
    this.tracker?.hit('DataValidation.getCriteriaType');
    return this.criteria;
  }
  getCriteriaValues(): any[] {
    this.tracker?.hit('DataValidation.getCriteriaValues');
    return this.args.slice();
  }
  getHelpText(): string {
    this.tracker?.hit('DataValidation.getHelpText');
    return this.helpText;
  }
}

/** Items a `requireValueInList` rule may hold; longer lists must come from a range. */
export const MAX_LIST_ITEMS = 500;

type BuilderKeys =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';
export class MemDataValidationBuilder implements Pick<GValidationBuilder, BuilderKeys> {
  criteria: Criteria | null = null;
  args: unknown[] = [];
  helpText = '';
  allowInvalid = true;
  constructor(private tracker: CallTracker | null = null) {}
  private set(name: string, criteria: string, args: unknown[]): GValidationBuilder {
    this.tracker?.hit(`DataValidationBuilder.${name}`);
    this.criteria = criteria as unknown as Criteria;
    this.args = args;
    return this as unknown as GValidationBuilder;
  }
  build(): GValidation {
    this.tracker?.hit('DataValidationBuilder.build');
    if (this.criteria === null) throw new GasException('You must specify a criteria type.');
    // Sheets caps an inline list at 500 items (issue 10, APPS_SCRIPT.md); refused at build(), the earliest place it can be.
    if (String(this.criteria) === 'VALUE_IN_LIST' && (this.args[0] as string[]).length > MAX_LIST_ITEMS) {
      throw new GasException(
        `The data validation rule has more items than the limit of ${MAX_LIST_ITEMS}. Use the "List from a range" criteria instead.`,
      );
    }
    return new MemDataValidation(
      this.criteria,
      this.args.slice(),
      this.helpText,
      this.allowInvalid,
      this.tracker,
    ) as unknown as GValidation;
  }
  copy(): GValidationBuilder {
    this.tracker?.hit('DataValidationBuilder.copy');
    const b = new MemDataValidationBuilder(this.tracker);
    Object.assign(b, { criteria: this.criteria, args: this.args.slice(), helpText: this.helpText, allowInvalid: this.allowInvalid });
    return b as unknown as GValidationBuilder;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.criteria as Criteria;
  }
  getCriteriaValues(): any[] {
    return this.args.slice();
  }
  getHelpText(): string | null {
    return this.helpText || null;
  }
  requireCheckbox(checkedValue?: any, uncheckedValue?: any): GValidationBuilder {
    return this.set(
      'requireCheckbox',
      'CHECKBOX',
      [checkedValue, uncheckedValue].filter((v) => v !== undefined),
    );
  }
  requireDate(): GValidationBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): GValidationBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GValidationBuilder {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): GValidationBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): GValidationBuilder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireValueInList(values: string[], showDropdown = true): GValidationBuilder {
    return this.set('requireValueInList', 'VALUE_IN_LIST', [Array.from(values, String), showDropdown]);
  }
  requireValueInRange(range: GRange, showDropdown = true): GValidationBuilder {
    if (!(range instanceof MemRange))
      throw new GasException(
        "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
      );
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireTextIsEmail(): GValidationBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GValidationBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  setAllowInvalid(allow: boolean): GValidationBuilder {
    this.tracker?.hit('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allow;
    return this as unknown as GValidationBuilder;
  }
  setHelpText(text: string): GValidationBuilder {
    this.tracker?.hit('DataValidationBuilder.setHelpText');
    this.helpText = String(text);
    return this as unknown as GValidationBuilder;
  }
  withCriteria(criteria: Criteria, args: any[]): GValidationBuilder {
    return this.set('withCriteria', String(criteria), args.slice());
  }
}

/** Whether a value passes a rule (what Sheets checks on a user's entry when allowInvalid is false). */
export function passesValidation(rule: MemDataValidation, v: CellValue): boolean {
  if (v === '') return true;
  const n = typeof v === 'number' ? v : NaN;
  const a = rule.args as any[];
  switch (String(rule.criteria)) {
    case 'NUMBER_BETWEEN':
      return n >= a[0] && n <= a[1];
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a[0];
    case 'NUMBER_GREATER_THAN':
      return n > a[0];
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a[0];
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).includes(String(v));
    // A list from a range is live: the range's values as they stand now (blank cells are no choice).
    case 'VALUE_IN_RANGE':
      return rangeChoices(a[0] as MemRange).includes(String(v));
    case 'DATE_IS_VALID_DATE':
      return isDateValue(v);
    case 'CHECKBOX':
      return a.length ? a.includes(v) : typeof v === 'boolean';
    default:
      return true;
  }
}

/** The choices a list-from-a-range rule offers: the range's non-empty cells as displayed, in order. */
export function rangeChoices(range: MemRange): string[] {
  const out: string[] = [];
  for (let i = 0; i < range.numRows; i++) {
    for (let j = 0; j < range.numCols; j++) {
      const v = range.sheet.values.get(range.row - 1 + i, range.col - 1 + j);
      if (v !== undefined && v !== '') out.push(range.sheet.display(range.row + i, range.col + j));
    }
  }
  return out;
}

// ---------------------------------------------------------------- protection
/**
 * Sheet.protect() and Range.protect() "mirror" the spreadsheet's own permissions (every file editor may edit) until
 * the script changes the editor list (addEditor/addEditors/removeEditor/removeEditors) or calls setDomainEdit: only then
 * does the protection restrict anyone. Neither the spreadsheet's owner nor the current (effective) user can be removed.
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#protect and .../protection#removeEditor.)
 */
export class MemProtection
  implements
    Pick<
      GProtection,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'getEditors'
      | 'getRange'
      | 'remove'
      | 'canEdit'
      | 'getProtectionType'
      | 'canDomainEdit'
      | 'setDomainEdit'
    >
{
  description = '';
  warningOnly = false;
  /** True until the editor list or the domain setting is first changed: the protection then protects nobody. */
  mirroring = true;
  /** Whether everyone in the owner's domain may edit; a new protection follows the file (shared with the domain or not). */
  domainEdit: boolean;
  /** The explicit editor list (meaningful once `mirroring` is false). */
  editors: string[] = [];
  constructor(
    readonly ss: MemSpreadsheet,
    readonly type: 'RANGE' | 'SHEET',
    readonly range: MemRange,
  ) {
    this.domainEdit = ss.domainCanEdit;
  }
  private hit(m: string) {
    this.ss.tracker?.hit(`Protection.${m}`);
  }
  /** The first change starts from the file's editors, as the protection mirrored them. */
  private restrict(): void {
    if (!this.mirroring) return;
    this.mirroring = false;
    this.editors = this.ss.fileEditors();
  }
  setDescription(d: string): GProtection {
    this.hit('setDescription');
    this.description = String(d);
    return this as unknown as GProtection;
  }
  getDescription(): string {
    this.hit('getDescription');
    return this.description;
  }
  setWarningOnly(w: boolean): GProtection {
    this.hit('setWarningOnly');
    this.warningOnly = !!w;
    return this as unknown as GProtection;
  }
  isWarningOnly(): boolean {
    this.hit('isWarningOnly');
    return this.warningOnly;
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    this.hit('addEditor');
    this.restrict();
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this as unknown as GProtection;
  }
  addEditors(emails: string[]): GProtection {
    this.hit('addEditors');
    this.restrict();
    for (const e of emails) if (!this.editors.includes(e)) this.editors.push(e);
    return this as unknown as GProtection;
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    this.hit('removeEditor');
    this.restrict();
    this.dropEditors([typeof user === 'string' ? user : user.getEmail()]);
    return this as unknown as GProtection;
  }
  removeEditors(users: string[] | GoogleAppsScript.Base.User[]): GProtection {
    this.hit('removeEditors');
    this.restrict();
    this.dropEditors((users as Array<string | GoogleAppsScript.Base.User>).map((u) => (typeof u === 'string' ? u : u.getEmail())));
    return this as unknown as GProtection;
  }
  /** The owner and the current user are never removed (Sheets ignores it). */
  private dropEditors(emails: string[]) {
    this.editors = this.editors.filter((e) => e === this.ss.owner || e === this.ss.effectiveUser || !emails.includes(e));
  }
  /** While mirroring, the editors are the file's editors. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.hit('getEditors');
    return (this.mirroring ? this.ss.fileEditors() : this.editors).map((e) => makeUser(e));
  }
  getRange(): GRange {
    this.hit('getRange');
    return this.range as unknown as GRange;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.hit('getProtectionType');
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  remove(): void {
    this.hit('remove');
    const list = this.range.sheet.protections;
    const i = list.indexOf(this);
    if (i >= 0) list.splice(i, 1);
  }
  canEdit(): boolean {
    this.hit('canEdit');
    return this.allows(this.ss.effectiveUser);
  }
  canDomainEdit(): boolean {
    this.hit('canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.hit('setDomainEdit');
    this.restrict();
    this.domainEdit = !!editable;
    return this as unknown as GProtection;
  }

  /** Uncounted: whether a file editor may change the protected cells (warning-only asks first, then lets them). */
  allows(email: string): boolean {
    if (email === this.ss.owner || this.mirroring || this.warningOnly) return true;
    if (this.editors.includes(email)) return true;
    return this.domainEdit && domainOf(email) !== '' && domainOf(email) === domainOf(this.ss.owner);
  }
}

const domainOf = (email: string) => (email.includes('@') ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : '');

/** Uncounted: whether `email` may edit every cell of a sheet or range (file access, then every protection over it). */
export function canEditAs(target: MemSheet | MemRange, email: string, hasFileAccess = false): boolean {
  const ss = target instanceof MemSheet ? target.ss : target.sheet.ss;
  if (!hasFileAccess && !ss.fileEditors().includes(email)) return false;
  const sheet = target instanceof MemSheet ? target : target.sheet;
  const box: Box = target instanceof MemSheet ? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns } : target;
  return sheet.protections.every((p) => (p.type === 'RANGE' && !intersects(p.range, box)) || p.allows(email));
}

export function makeUser(email: string): GoogleAppsScript.Base.User {
  return { getEmail: () => email, getUserLoginId: () => email } as GoogleAppsScript.Base.User;
}

// ---------------------------------------------------------------- charts
export interface ChartSpec {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class MemChart implements Pick<GChart, 'getChartId' | 'getRanges' | 'modify'> {
  constructor(
    readonly sheet: MemSheet,
    readonly spec: ChartSpec,
    readonly ranges: MemRange[],
  ) {}
  getChartId(): number | null {
    this.sheet.hit('EmbeddedChart.getChartId');
    return this.spec.id;
  }
  getRanges(): GRange[] {
    this.sheet.hit('EmbeddedChart.getRanges');
    return this.ranges.slice() as unknown as GRange[];
  }
  modify(): GChartBuilder {
    this.sheet.hit('EmbeddedChart.modify');
    const b = new MemChartBuilder(this.sheet, this.spec.id);
    b.type = this.spec.type;
    b.ranges = this.ranges.slice();
    b.options = { ...this.spec.options };
    b.position = { ...this.spec.position };
    return b as unknown as GChartBuilder;
  }
}

export class MemChartBuilder
  implements Pick<GChartBuilder, 'addRange' | 'setChartType' | 'setPosition' | 'setOption' | 'build' | 'getRanges' | 'clearRanges'>
{
  type = 'LINE';
  ranges: MemRange[] = [];
  options: Record<string, unknown> = {};
  position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  constructor(
    readonly sheet: MemSheet,
    readonly id: number | null = null,
  ) {}
  private self(m: string): GChartBuilder {
    this.sheet.hit(`EmbeddedChartBuilder.${m}`);
    return this as unknown as GChartBuilder;
  }
  addRange(range: GRange): GChartBuilder {
    this.ranges.push(range as unknown as MemRange);
    return this.self('addRange');
  }
  clearRanges(): GChartBuilder {
    this.ranges = [];
    return this.self('clearRanges');
  }
  getRanges(): GRange[] {
    this.sheet.hit('EmbeddedChartBuilder.getRanges');
    return this.ranges.slice() as unknown as GRange[];
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GChartBuilder {
    this.type = String(type);
    return this.self('setChartType');
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): GChartBuilder {
    this.position = { row, column, offsetX, offsetY };
    return this.self('setPosition');
  }
  setOption(option: string, value: any): GChartBuilder {
    this.options[option] = value;
    return this.self('setOption');
  }
  build(): GChart {
    this.sheet.hit('EmbeddedChartBuilder.build');
    const spec: ChartSpec = {
      id: this.id ?? this.sheet.ss.nextChartId++,
      type: this.type,
      options: { ...this.options },
      position: { ...this.position },
      ranges: this.ranges.map((r) => `${quoteSheet(r.sheet.name)}!${a1(r.row, r.col, r.numRows, r.numCols)}`),
    };
    return new MemChart(this.sheet, spec, this.ranges.slice()) as unknown as GChart;
  }
}

const quoteSheet = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

// ---------------------------------------------------------------- range
type RangeKeys =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNotes'
  | 'getNote'
  | 'setNotes'
  | 'setNote'
  | 'getBackgrounds'
  | 'getBackground'
  | 'setBackgrounds'
  | 'setBackground'
  | 'getFontWeights'
  | 'getFontWeight'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontStyle'
  | 'setWrap'
  | 'getWrap'
  | 'setHorizontalAlignment'
  | 'getHorizontalAlignment'
  | 'getDataValidations'
  | 'getDataValidation'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'clearDataValidations'
  | 'clear'
  | 'clearContent'
  | 'clearNote'
  | 'clearFormat'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'protect'
  | 'activate'
  | 'merge'
  | 'mergeAcross'
  | 'getMergedRanges'
  | 'breakApart'
  | 'isPartOfMerge'
  | 'isBlank'
  | 'offset'
  | 'setRichTextValues'
  | 'setRichTextValue'
  | 'getRichTextValues'
  | 'getRichTextValue';

/**
 * A cell's rich text: its text and a link over the whole text (the only style the product writes). Rich text holds
 * text only: a number or a date cell has none (Range.getRichTextValue "returns null if the cell value is not text",
 * developers.google.com/apps-script/reference/spreadsheet/range#getrichtextvalue).
 */
export class MemRichTextValue {
  constructor(
    readonly text: string,
    readonly link: string | null,
  ) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.link;
  }
  copy(): MemRichTextValueBuilder {
    return new MemRichTextValueBuilder().setText(this.text).setLinkUrl(this.link);
  }
}

/** SpreadsheetApp.newRichTextValue(): setText, then setLinkUrl over the whole text (a partial link is refused). */
export class MemRichTextValueBuilder {
  private text = '';
  private link: string | null = null;
  setText(text: string): MemRichTextValueBuilder {
    this.text = String(text);
    return this;
  }
  setLinkUrl(a: string | number | null, end?: number, url?: string | null): MemRichTextValueBuilder {
    if (typeof a === 'number') {
      if (a !== 0 || end !== this.text.length) throw new GasException('The local runtime links a whole cell text only.');
      this.link = url ?? null;
    } else this.link = a ?? null;
    return this;
  }
  build(): MemRichTextValue {
    return new MemRichTextValue(this.text, this.link);
  }
}

export class MemRange implements Pick<GRange, RangeKeys> {
  constructor(
    readonly sheet: MemSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  /** A range as data ('Sheet'!A1:B2): rules holding a range compare and print without walking the whole spreadsheet. */
  toJSON(): string {
    return `${quoteSheet(this.sheet.name)}!${a1(this.row, this.col, this.numRows, this.numCols)}`;
  }

  private hit(m: string) {
    this.sheet.hit(`Range.${m}`);
  }
  private get me(): GRange {
    return this as unknown as GRange;
  }
  /** Reads a layer over the range as a fresh 2-D array, with a default for empty cells. */
  private grid<T, U>(layer: Layer<T>, empty: U, map?: (v: T) => T | U): Array<Array<T | U>> {
    const out: Array<Array<T | U>> = new Array(this.numRows);
    const r0 = this.row - 1,
      c0 = this.col - 1;
    for (let i = 0; i < this.numRows; i++) {
      const src = layer.rows[r0 + i];
      const line: Array<T | U> = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) {
        const v = src ? src[c0 + j] : undefined;
        line[j] = v === undefined ? empty : map ? map(v) : v;
      }
      out[i] = line;
    }
    return out;
  }
  /** Checks a 2-D argument against the range, with Apps Script's messages. */
  private checkShape(data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw new GasException("The parameters (String) don't match the method signature.");
    if (data.length !== this.numRows) {
      throw new GasException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of data) {
      const n = Array.isArray(line) ? line.length : 0;
      if (n !== this.numCols) {
        throw new GasException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${this.numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }
  private fill<T>(layer: Layer<T>, v: T | undefined): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) layer.set(this.row - 1 + i, this.col - 1 + j, v);
  }
  private put<T>(layer: Layer<T>, data: unknown, conv: (v: unknown) => T | undefined): void {
    const rows = this.checkShape(data);
    const r0 = this.row - 1,
      c0 = this.col - 1;
    // Layer.set per cell, with the row looked up once: a blank never creates a row.
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[i];
      let line = layer.rows[r0 + i];
      for (let j = 0; j < this.numCols; j++) {
        const v = conv(src[j]);
        if (v === undefined && !line) continue;
        if (!line) {
          line = [];
          layer.rows[r0 + i] = line;
        }
        line[c0 + j] = v;
      }
    }
  }

  getValues(): any[][] {
    this.hit('getValues');
    return this.readValues();
  }
  /** Uncounted: the values as getValues returns them (Sheet.getSheetValues reads through it too). */
  readValues(): CellValue[][] {
    // Hot path (25,000 x 21 reads): plain loops, Dates copied, empty cells as ''.
    const out: CellValue[][] = new Array(this.numRows);
    const rows = this.sheet.values.rows,
      r0 = this.row - 1,
      c0 = this.col - 1,
      nc = this.numCols;
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[r0 + i];
      const line: CellValue[] = [];
      if (!src) {
        for (let j = 0; j < nc; j++) line.push('');
        out[i] = line;
        continue;
      }
      for (let j = 0; j < nc; j++) {
        const v = src[c0 + j];
        line.push(v === undefined ? '' : typeof v === 'object' ? new Date((v as Date).getTime()) : v);
      }
      out[i] = line;
    }
    return out;
  }
  /** Rich text is stored as literal text (never a formula or a number) with its link (the reference of setRichTextValues). */
  setRichTextValues(values: any[][]): GRange {
    this.hit('setRichTextValues');
    const rows = this.checkShape(values);
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        const v = rows[i][j] as MemRichTextValue | null;
        if (!(v instanceof MemRichTextValue))
          throw new GasException(
            "The parameters (RichTextValue[][]) don't match the method signature for SpreadsheetApp.Range.setRichTextValues.",
          );
        const r = this.row - 1 + i,
          c = this.col - 1 + j;
        this.sheet.values.set(r, c, v.text === '' ? undefined : v.text);
        this.sheet.formulas.set(r, c, undefined);
        this.sheet.links.set(r, c, v.link ?? undefined);
      }
    return this.me;
  }
  setRichTextValue(value: any): GRange {
    this.hit('setRichTextValue');
    const v = value as MemRichTextValue;
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) {
        this.sheet.values.set(this.row - 1 + i, this.col - 1 + j, v.text === '' ? undefined : v.text);
        this.sheet.links.set(this.row - 1 + i, this.col - 1 + j, v.link ?? undefined);
      }
    return this.me;
  }
  getRichTextValues(): any[][] {
    this.hit('getRichTextValues');
    const out: (MemRichTextValue | null)[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: (MemRichTextValue | null)[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(this.richAt(this.row - 1 + i, this.col - 1 + j));
      out.push(line);
    }
    return out;
  }
  getRichTextValue(): any {
    this.hit('getRichTextValue');
    return this.richAt(this.row - 1, this.col - 1);
  }
  private richAt(r: number, c: number): MemRichTextValue | null {
    const v = this.sheet.values.get(r, c);
    if (v !== undefined && typeof v !== 'string') return null;
    return new MemRichTextValue(v ?? '', this.sheet.links.get(r, c) ?? null);
  }
  getValue(): any {
    this.hit('getValue');
    const v = this.sheet.values.get(this.row - 1, this.col - 1);
    return v === undefined ? '' : copyValue(v);
  }
  setValues(values: any[][]): GRange {
    this.hit('setValues');
    const rows = this.checkShape(values);
    const sheet = this.sheet,
      vals = sheet.values.rows,
      r0 = this.row - 1,
      c0 = this.col - 1;
    if (sheet.links.rows.length) this.fill(sheet.links, undefined); // a plain value replaces the cell's rich text
    for (let i = 0; i < this.numRows; i++) {
      const src = rows[i];
      const fmts = sheet.formats.rows[r0 + i],
        forms = sheet.formulas.rows[r0 + i];
      let line = vals[r0 + i];
      for (let j = 0; j < this.numCols; j++) {
        const v = src[j];
        // Fast path for plain numbers, booleans and ordinary text on cells without text format or formulas.
        if (
          (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v !== '' && v[0] !== '=' && v[0] !== "'")) &&
          !(fmts && fmts[c0 + j] !== undefined) &&
          !(forms && forms[c0 + j] !== undefined)
        ) {
          if (!line) line = vals[r0 + i] = [];
          line[c0 + j] = v;
        } else {
          sheet.writeCell(r0 + i + 1, c0 + j + 1, v);
          line = vals[r0 + i];
        }
      }
    }
    return this.me;
  }
  setValue(value: any): GRange {
    this.hit('setValue');
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.sheet.writeCell(this.row + i, this.col + j, value);
    return this.me;
  }
  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    const out: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(this.sheet.display(this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  }
  getDisplayValue(): string {
    this.hit('getDisplayValue');
    return this.sheet.display(this.row, this.col);
  }
  getFormulas(): string[][] {
    this.hit('getFormulas');
    return this.grid(this.sheet.formulas, '');
  }
  getFormula(): string {
    this.hit('getFormula');
    return this.sheet.formulas.get(this.row - 1, this.col - 1) ?? '';
  }
  setFormula(formula: string): GRange {
    this.hit('setFormula');
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) this.sheet.writeCell(this.row + i, this.col + j, String(formula));
    return this.me;
  }
  setFormulas(formulas: string[][]): GRange {
    this.hit('setFormulas');
    const rows = this.checkShape(formulas);
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) this.sheet.writeCell(this.row + i, this.col + j, String(rows[i][j]));
    return this.me;
  }
  getNumberFormats(): string[][] {
    this.hit('getNumberFormats');
    return this.grid(this.sheet.formats, 'General');
  }
  getNumberFormat(): string {
    this.hit('getNumberFormat');
    return this.sheet.formats.get(this.row - 1, this.col - 1) ?? 'General';
  }
  setNumberFormat(f: string): GRange {
    this.hit('setNumberFormat');
    this.fill(this.sheet.formats, f === 'General' ? undefined : String(f));
    return this.me;
  }
  setNumberFormats(f: string[][]): GRange {
    this.hit('setNumberFormats');
    this.put(this.sheet.formats, f, (v) => (v === 'General' || v == null ? undefined : String(v)));
    return this.me;
  }
  getNotes(): string[][] {
    this.hit('getNotes');
    return this.grid(this.sheet.notes, '');
  }
  getNote(): string {
    this.hit('getNote');
    return this.sheet.notes.get(this.row - 1, this.col - 1) ?? '';
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    this.hit('setNotes');
    this.put(this.sheet.notes, notes, (v) => (v == null || v === '' ? undefined : String(v)));
    return this.me;
  }
  setNote(note: string | null): GRange {
    this.hit('setNote');
    this.fill(this.sheet.notes, note == null || note === '' ? undefined : String(note));
    return this.me;
  }
  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return this.grid(this.sheet.backgrounds, '#ffffff');
  }
  getBackground(): string {
    this.hit('getBackground');
    return this.sheet.backgrounds.get(this.row - 1, this.col - 1) ?? '#ffffff';
  }
  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    this.hit('setBackgrounds');
    this.put(this.sheet.backgrounds, colors, normColor);
    return this.me;
  }
  setBackground(color: string | null): GRange {
    this.hit('setBackground');
    this.fill(this.sheet.backgrounds, normColor(color));
    return this.me;
  }
  getFontWeights(): FontWeight[][] {
    this.hit('getFontWeights');
    return this.grid(this.sheet.fontWeights, 'normal' as FontWeight);
  }
  getFontWeight(): FontWeight {
    this.hit('getFontWeight');
    return this.sheet.fontWeights.get(this.row - 1, this.col - 1) ?? 'normal';
  }
  setFontWeight(w: FontWeight | null): GRange {
    this.hit('setFontWeight');
    this.fill(this.sheet.fontWeights, w === 'bold' ? 'bold' : undefined);
    return this.me;
  }
  setFontWeights(w: Array<Array<FontWeight | null>>): GRange {
    this.hit('setFontWeights');
    this.put(this.sheet.fontWeights, w, (v) => (v === 'bold' ? ('bold' as FontWeight) : undefined));
    return this.me;
  }
  setFontColor(color: string | null): GRange {
    this.hit('setFontColor');
    this.fill(this.sheet.fontColors, normColor(color));
    return this.me;
  }
  setFontColors(colors: any[][]): GRange {
    this.hit('setFontColors');
    this.put(this.sheet.fontColors, colors, normColor);
    return this.me;
  }
  setFontStyle(s: FontStyle | null): GRange {
    this.hit('setFontStyle');
    this.fill(this.sheet.fontStyles, s === 'italic' ? 'italic' : undefined);
    return this.me;
  }
  setWrap(on: boolean): GRange {
    this.hit('setWrap');
    this.fill(this.sheet.wraps, on ? true : undefined);
    return this.me;
  }
  getWrap(): boolean {
    this.hit('getWrap');
    return this.sheet.wraps.get(this.row - 1, this.col - 1) ?? false;
  }
  setHorizontalAlignment(a: HAlign): GRange {
    this.hit('setHorizontalAlignment');
    this.fill(this.sheet.hAligns, a && a !== 'normal' ? a : undefined);
    return this.me;
  }
  getHorizontalAlignment(): string {
    this.hit('getHorizontalAlignment');
    return this.sheet.hAligns.get(this.row - 1, this.col - 1) ?? 'general';
  }
  getDataValidations(): Array<Array<GValidation | null>> {
    this.hit('getDataValidations');
    return this.grid(this.sheet.validations, null) as unknown as GValidation[][];
  }
  getDataValidation(): GValidation | null {
    this.hit('getDataValidation');
    return (this.sheet.validations.get(this.row - 1, this.col - 1) ?? null) as unknown as GValidation | null;
  }
  setDataValidation(rule: GValidation | null): GRange {
    this.hit('setDataValidation');
    this.fill(this.sheet.validations, (rule ?? undefined) as unknown as MemDataValidation | undefined);
    return this.me;
  }
  setDataValidations(rules: Array<Array<GValidation | null>>): GRange {
    this.hit('setDataValidations');
    this.put(this.sheet.validations, rules, (v) => (v ?? undefined) as MemDataValidation | undefined);
    return this.me;
  }
  clearDataValidations(): GRange {
    this.hit('clearDataValidations');
    this.fill(this.sheet.validations, undefined);
    return this.me;
  }
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    this.hit('clear');
    const o = options || {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    if (all || o.contentsOnly) this.sheet.clearCells(this.row, this.col, this.numRows, this.numCols, 'contents');
    if (all || o.formatOnly) this.sheet.clearCells(this.row, this.col, this.numRows, this.numCols, 'format');
    if (o.validationsOnly) this.fill(this.sheet.validations, undefined);
    if (all || o.commentsOnly) this.fill(this.sheet.notes, undefined);
    return this.me;
  }
  clearContent(): GRange {
    this.hit('clearContent');
    this.sheet.clearCells(this.row, this.col, this.numRows, this.numCols, 'contents');
    return this.me;
  }
  clearNote(): GRange {
    this.hit('clearNote');
    this.fill(this.sheet.notes, undefined);
    return this.me;
  }
  clearFormat(): GRange {
    this.hit('clearFormat');
    this.sheet.clearCells(this.row, this.col, this.numRows, this.numCols, 'format');
    return this.me;
  }
  getRow(): number {
    this.hit('getRow');
    return this.row;
  }
  getColumn(): number {
    this.hit('getColumn');
    return this.col;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.numCols;
  }
  getLastRow(): number {
    this.hit('getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    this.hit('getA1Notation');
    return a1(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): GSheet {
    this.hit('getSheet');
    return this.sheet as unknown as GSheet;
  }
  isBlank(): boolean {
    this.hit('isBlank');
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) if (this.sheet.values.get(this.row - 1 + i, this.col - 1 + j) !== undefined) return false;
    return true;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.hit('offset');
    return this.sheet.range(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    ) as unknown as GRange;
  }
  protect(): GProtection {
    this.hit('protect');
    const p = new MemProtection(this.sheet.ss, 'RANGE', this);
    this.sheet.protections.push(p);
    return p as unknown as GProtection;
  }
  activate(): GRange {
    this.hit('activate');
    this.sheet.ss.active = this.sheet;
    this.sheet.ss.selection = [this];
    return this.me;
  }
  /** Range.mergeAcross: each row of the range merged on its own (reference/spreadsheet/range#mergeacross). */
  mergeAcross(): GRange {
    this.hit('mergeAcross');
    const tracker = this.sheet.ss.tracker;
    this.sheet.ss.tracker = null;
    try {
      for (let i = 0; i < this.numRows; i++) new MemRange(this.sheet, this.row + i, this.col, 1, this.numCols).merge();
    } finally {
      this.sheet.ss.tracker = tracker;
    }
    return this.me;
  }
  merge(): GRange {
    this.hit('merge');
    if (this.numRows * this.numCols === 1) return this.me;
    const overlaps = this.sheet.merges.filter((m) => intersects(m, this));
    if (overlaps.some((m) => !contains(this, m)))
      throw new GasException('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps.includes(m));
    const topLeft = this.sheet.values.get(this.row - 1, this.col - 1);
    const topFormula = this.sheet.formulas.get(this.row - 1, this.col - 1);
    this.sheet.clearCells(this.row, this.col, this.numRows, this.numCols, 'contents');
    this.sheet.values.set(this.row - 1, this.col - 1, topLeft);
    this.sheet.formulas.set(this.row - 1, this.col - 1, topFormula);
    this.sheet.merges.push({ row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols });
    return this.me;
  }
  getMergedRanges(): GRange[] {
    this.hit('getMergedRanges');
    return this.sheet.merges
      .filter((m) => intersects(m, this))
      .map((m) => new MemRange(this.sheet, m.row, m.col, m.numRows, m.numCols)) as unknown as GRange[];
  }
  isPartOfMerge(): boolean {
    this.hit('isPartOfMerge');
    return this.sheet.merges.some((m) => intersects(m, this));
  }
  breakApart(): GRange {
    this.hit('breakApart');
    const overlaps = this.sheet.merges.filter((m) => intersects(m, this));
    if (overlaps.some((m) => !contains(this, m)))
      throw new GasException('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps.includes(m));
    return this.me;
  }
}

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}
const intersects = (a: Box, b: Box) =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
const contains = (outer: Box, inner: Box) =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.numRows <= outer.row + outer.numRows &&
  inner.col + inner.numCols <= outer.col + outer.numCols;
/** A 1-based span [start, start + len) after `remove` lines at `before` went and `insert` came: null when all went. */
export function shiftSpan(start: number, len: number, before: number, remove: number, insert: number): [number, number] | null {
  let s = start,
    n = len;
  if (remove) {
    const last = before + remove - 1;
    const cut = Math.max(0, Math.min(s + n - 1, last) - Math.max(s, before) + 1);
    if (cut === n) return null;
    if (s > last) s -= remove;
    else if (s >= before) s = before;
    n -= cut;
  }
  if (insert) {
    if (s >= before) s += insert;
    else if (s + n - 1 >= before) n += insert;
  }
  return [s, n];
}
function normColor(c: unknown): string | undefined {
  if (c == null || c === '') return undefined;
  const s = String(c).toLowerCase();
  return s === '#ffffff' || s === 'white' ? undefined : s;
}

// ---------------------------------------------------------------- sheet
type SheetKeys =
  | 'getName'
  | 'setName'
  | 'getSheetName'
  | 'getRange'
  | 'getSheetValues'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'insertRows'
  | 'insertColumns'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'protect'
  | 'getProtections'
  | 'getSheetId'
  | 'activate'
  | 'getCharts'
  | 'insertChart'
  | 'removeChart'
  | 'newChart'
  | 'getIndex'
  | 'getParent'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'appendRow'
  | 'getRangeList'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'clearConditionalFormatRules';

const DEFAULT_WIDTH = 100;

/** Sheet.getRangeList: activate() selects every range, the last one active (reference/spreadsheet/range-list#activate). */
export class MemRangeList {
  constructor(
    readonly sheet: MemSheet,
    readonly ranges: MemRange[],
  ) {}
  /** RangeList.setFontWeight: one call for every range of the list (reference/spreadsheet/range-list#setfontweightfontweight). */
  setFontWeight(w: FontWeight | null): MemRangeList {
    this.sheet.ss.tracker?.hit('RangeList.setFontWeight');
    for (const r of this.ranges)
      for (let i = 0; i < r.numRows; i++)
        for (let j = 0; j < r.numCols; j++) this.sheet.fontWeights.set(r.row - 1 + i, r.col - 1 + j, w === 'bold' ? 'bold' : undefined);
    return this;
  }
  getRanges(): GRange[] {
    this.sheet.ss.tracker?.hit('RangeList.getRanges');
    return this.ranges.slice() as unknown as GRange[];
  }
  activate(): MemRangeList {
    this.sheet.ss.tracker?.hit('RangeList.activate');
    this.sheet.ss.active = this.sheet;
    this.sheet.ss.selection = this.ranges.slice();
    return this;
  }
}

/**
 * What a formula shows, for the ones that are a constant (`=300`, `=-2.5`, `="Pleiku"`), as Sheets computes them;
 * any other the runtime does not compute and shows as the error of a name it cannot resolve (`=Huyện Ia Pa` is
 * #NAME? or #ERROR! in Sheets; `=D2+1` would be a number there: tests and the preview never need one).
 */
function constantFormula(f: string): CellValue {
  const body = f.slice(1).trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(body)) return Number(body);
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  return text ? text[1].replace(/""/g, '"') : '#NAME?';
}

export class MemSheet implements Pick<GSheet, SheetKeys> {
  values = new Layer<CellValue>();
  formulas = new Layer<string>();
  formats = new Layer<string>();
  notes = new Layer<string>();
  backgrounds = new Layer<string>();
  fontWeights = new Layer<FontWeight>();
  fontColors = new Layer<string>();
  fontStyles = new Layer<FontStyle>();
  wraps = new Layer<boolean>();
  hAligns = new Layer<string>();
  validations = new Layer<MemDataValidation>();
  /** Links of rich text cells (setRichTextValues). */
  links = new Layer<string>();
  merges: Box[] = [];
  protections: MemProtection[] = [];
  charts: ChartSpec[] = [];
  /** Conditional format rules, evaluated in order (Sheet.setConditionalFormatRules). */
  conditionalRules: MemConditionalFormatRule[] = [];
  columnWidths: Record<number, number> = {};
  frozenRows = 0;
  frozenColumns = 0;
  /** Hidden tabs are out of the tab bar; at least one tab stays visible. */
  hidden = false;
  maxRows = 1000;
  maxColumns = 26;

  constructor(
    readonly ss: MemSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  hit(name: string): void {
    this.ss.tracker?.hit(name);
  }
  private get me(): GSheet {
    return this as unknown as GSheet;
  }

  /** An uncounted range, bounds-checked like Sheet.getRange. */
  range(row: number, col: number, numRows = 1, numCols = 1, method = 'getRange'): MemRange {
    if (!Number.isInteger(row) || !Number.isInteger(col) || !Number.isInteger(numRows) || !Number.isInteger(numCols)) {
      throw new GasException(
        `The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
      );
    }
    if (row < 1) throw new GasException('The starting row of the range is too small.');
    if (col < 1) throw new GasException('The starting column of the range is too small.');
    if (numRows < 1) throw new GasException('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new GasException('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns) {
      throw new GasException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new MemRange(this, row, col, numRows, numCols);
  }
  rangeA1(ref: string): MemRange {
    const b = parseA1(ref, this.maxRows, this.maxColumns);
    return this.range(b.row, b.col, b.numRows, b.numCols);
  }

  /** Writes one cell as a script does: '=…' becomes a formula, "'…" literal text, '@' cells keep text as is. */
  writeCell(row: number, col: number, raw: unknown): void {
    const r = row - 1,
      c = col - 1;
    let v: CellValue | undefined;
    let formula: string | undefined;
    if (raw === null || raw === undefined || raw === '') v = undefined;
    else if (typeof raw === 'number' || typeof raw === 'boolean') v = raw;
    else if (isDateValue(raw)) v = new Date(raw.getTime());
    else {
      const s = String(raw);
      if (this.formats.get(r, c) === '@') v = s;
      else if (s.startsWith("'")) v = s.slice(1) === '' ? undefined : s.slice(1);
      else if (s.length > 1 && s.startsWith('=')) {
        formula = s;
        v = constantFormula(s);
      } else v = s;
    }
    this.values.set(r, c, v);
    this.formulas.set(r, c, formula);
  }

  display(row: number, col: number): string {
    return displayValue(this.values.get(row - 1, col - 1), this.formats.get(row - 1, col - 1) ?? '', this.ss.locale, this.ss.timeZone);
  }

  clearCells(row: number, col: number, numRows: number, numCols: number, what: 'contents' | 'format'): void {
    const layers: Layer<unknown>[] =
      what === 'contents'
        ? [this.values, this.formulas, this.links]
        : [this.formats, this.backgrounds, this.fontWeights, this.fontColors, this.fontStyles, this.wraps, this.hAligns];
    for (const layer of layers) {
      for (let i = 0; i < numRows; i++) {
        const line = layer.rows[row - 1 + i];
        if (!line) continue;
        for (let j = 0; j < numCols; j++) if (col - 1 + j < line.length) line[col - 1 + j] = undefined;
      }
    }
  }

  /** Every per-cell layer: what moves with a cell when rows or columns are inserted, deleted, sorted or cut. */
  cellLayers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontWeights,
      this.fontColors,
      this.fontStyles,
      this.wraps,
      this.hAligns,
      this.validations,
      this.links,
    ];
  }
  private lastContentRow(): number {
    const rows = this.values.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const line = rows[r];
      if (line) for (let c = 0; c < line.length; c++) if (line[c] !== undefined) return r + 1;
    }
    return 0;
  }
  private lastContentColumn(): number {
    let last = 0;
    for (const line of this.values.rows) {
      if (!line) continue;
      for (let c = line.length - 1; c >= last; c--)
        if (line[c] !== undefined) {
          last = c + 1;
          break;
        }
    }
    return last;
  }

  getName(): string {
    this.hit('Sheet.getName');
    return this.name;
  }
  getSheetName(): string {
    this.hit('Sheet.getSheetName');
    return this.name;
  }
  setName(name: string): GSheet {
    this.hit('Sheet.setName');
    const other = this.ss.sheets.find((s) => s !== this && s.name.toLowerCase() === String(name).toLowerCase());
    if (other) throw new GasException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = String(name);
    return this.me;
  }
  getParent(): GSpreadsheet {
    this.hit('Sheet.getParent');
    return this.ss as unknown as GSpreadsheet;
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.hit('Sheet.getRangeList');
    return new MemRangeList(
      this,
      a1Notations.map((a) => this.rangeA1(a)),
    ) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): GRange {
    this.hit('Sheet.getRange');
    if (typeof a === 'string') return this.rangeA1(a) as unknown as GRange;
    return this.range(a, b as number, c ?? 1, d ?? 1) as unknown as GRange;
  }
  /**
   * The values of a block in one call, without a Range (reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,
   * -numrows,-numcolumns): the same grid as getRange(…).getValues(), bounds-checked like getRange.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    this.hit('Sheet.getSheetValues');
    // All four are required (unlike getRange's row count and column count): none defaults to 1.
    const args = [startRow, startColumn, numRows, numColumns];
    if (args.some((a) => a === undefined)) {
      const given = args.filter((a) => a !== undefined).map((a) => (typeof a === 'number' ? 'number' : typeof a));
      throw new GasException(
        `The parameters (${given.join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getSheetValues.`,
      );
    }
    return this.range(startRow, startColumn, numRows, numColumns, 'getSheetValues').readValues();
  }
  getDataRange(): GRange {
    this.hit('Sheet.getDataRange');
    return new MemRange(this, 1, 1, Math.max(1, this.lastContentRow()), Math.max(1, this.lastContentColumn())) as unknown as GRange;
  }
  getLastRow(): number {
    this.hit('Sheet.getLastRow');
    return this.lastContentRow();
  }
  /** After the last row with content; the sheet grows by a row when full (Sheet.appendRow reference). */
  appendRow(rowContents: any[]): GSheet {
    this.hit('Sheet.appendRow');
    const row = this.lastContentRow() + 1;
    if (rowContents.length > this.maxColumns) this.spliceColumns(this.maxColumns + 1, 0, rowContents.length - this.maxColumns);
    if (row > this.maxRows) this.spliceRows(this.maxRows + 1, 0, row - this.maxRows);
    rowContents.forEach((v, j) => {
      this.writeCell(row, j + 1, v);
    });
    return this.me;
  }
  getLastColumn(): number {
    this.hit('Sheet.getLastColumn');
    return this.lastContentColumn();
  }
  getMaxRows(): number {
    this.hit('Sheet.getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.hit('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  /** Inserts blank rows before 1-based `before`; merges below move down. */
  spliceRows(before: number, remove: number, insert: number): void {
    for (const layer of this.cellLayers()) layer.spliceRows(before - 1, remove, insert);
    this.maxRows += insert - remove;
    const shift = insert - remove;
    this.merges = this.merges
      .filter((m) => !(remove && m.row >= before && m.row < before + remove))
      .map((m) => (m.row >= before ? { ...m, row: m.row + shift } : m));
    this.shiftRules(true, before, remove, insert);
    this.ss.checkCellLimit();
  }
  spliceColumns(before: number, remove: number, insert: number): void {
    for (const layer of this.cellLayers()) layer.spliceColumns(before - 1, remove, insert);
    this.maxColumns += insert - remove;
    const shift = insert - remove;
    this.merges = this.merges
      .filter((m) => !(remove && m.col >= before && m.col < before + remove))
      .map((m) => (m.col >= before ? { ...m, col: m.col + shift } : m));
    this.shiftRules(false, before, remove, insert);
    this.ss.checkCellLimit();
  }
  /** Rule ranges follow inserted and deleted rows or columns as Sheets moves them (a range wholly deleted goes). */
  private shiftRules(rows: boolean, before: number, remove: number, insert: number): void {
    if (!this.conditionalRules.length) return;
    this.conditionalRules = this.conditionalRules
      .map((rule) => {
        const ranges = rule.ranges.flatMap((g) => {
          if (g.sheet !== this) return [g];
          const span = shiftSpan(rows ? g.row : g.col, rows ? g.numRows : g.numCols, before, remove, insert);
          if (!span) return [];
          return [rows ? new MemRange(this, span[0], g.col, span[1], g.numCols) : new MemRange(this, g.row, span[0], g.numRows, span[1])];
        });
        return ranges.length ? rule.withRanges(ranges) : null;
      })
      .filter((r): r is MemConditionalFormatRule => r !== null);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.hit('Sheet.setConditionalFormatRules');
    if (!Array.isArray(rules))
      throw new GasException(
        "The parameters (ConditionalFormatRule) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    // "Replaces all currently existing conditional format rules in the sheet with the input rules" (reference/spreadsheet/sheet).
    this.conditionalRules = (rules as unknown as MemConditionalFormatRule[]).slice();
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.hit('Sheet.getConditionalFormatRules');
    return this.conditionalRules.slice() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  clearConditionalFormatRules(): void {
    this.hit('Sheet.clearConditionalFormatRules');
    this.conditionalRules = [];
  }
  insertRowsAfter(after: number, howMany: number): GSheet {
    this.hit('Sheet.insertRowsAfter');
    this.checkRow(after);
    this.spliceRows(after + 1, 0, howMany);
    return this.me;
  }
  insertColumnsAfter(after: number, howMany: number): GSheet {
    this.hit('Sheet.insertColumnsAfter');
    this.checkCol(after);
    this.spliceColumns(after + 1, 0, howMany);
    return this.me;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.hit('Sheet.insertRows');
    this.checkRow(rowIndex);
    this.spliceRows(rowIndex, 0, numRows);
  }
  insertColumns(colIndex: number, numCols = 1): void {
    this.hit('Sheet.insertColumns');
    this.checkCol(colIndex);
    this.spliceColumns(colIndex, 0, numCols);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.hit('Sheet.deleteRows');
    this.range(rowPosition, 1, howMany, 1);
    if (howMany >= this.maxRows) throw new GasException("You can't delete all the rows on the sheet.");
    this.spliceRows(rowPosition, howMany, 0);
  }
  deleteRow(rowPosition: number): GSheet {
    this.hit('Sheet.deleteRow');
    this.range(rowPosition, 1);
    if (this.maxRows === 1) throw new GasException("You can't delete all the rows on the sheet.");
    this.spliceRows(rowPosition, 1, 0);
    return this.me;
  }
  deleteColumns(colPosition: number, howMany: number): void {
    this.hit('Sheet.deleteColumns');
    this.range(1, colPosition, 1, howMany);
    if (howMany >= this.maxColumns) throw new GasException("You can't delete all the columns on the sheet.");
    this.spliceColumns(colPosition, howMany, 0);
  }
  private checkRow(r: number) {
    if (!(r >= 1 && r <= this.maxRows)) throw new GasException('Those rows are out of bounds.');
  }
  private checkCol(c: number) {
    if (!(c >= 1 && c <= this.maxColumns)) throw new GasException('Those columns are out of bounds.');
  }
  setFrozenRows(rows: number): void {
    this.hit('Sheet.setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.hit('Sheet.getFrozenRows');
    return this.frozenRows;
  }
  setFrozenColumns(cols: number): void {
    this.hit('Sheet.setFrozenColumns');
    this.frozenColumns = cols;
  }
  getFrozenColumns(): number {
    this.hit('Sheet.getFrozenColumns');
    return this.frozenColumns;
  }
  setColumnWidth(col: number, width: number): GSheet {
    this.hit('Sheet.setColumnWidth');
    this.columnWidths[col] = width;
    return this.me;
  }
  /** Sheet.setColumnWidths: `numColumns` columns from `startColumn` at one width, in one call. */
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.hit('Sheet.setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths[c] = width;
    return this.me;
  }
  getColumnWidth(col: number): number {
    this.hit('Sheet.getColumnWidth');
    return this.columnWidths[col] ?? DEFAULT_WIDTH;
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this.hit('Sheet.clear');
    const o = options || {};
    if (!o.formatOnly) {
      this.values.clear();
      this.formulas.clear();
      this.links.clear();
    }
    if (!o.contentsOnly)
      for (const l of [this.formats, this.backgrounds, this.fontWeights, this.fontColors, this.fontStyles, this.wraps, this.hAligns])
        (l as Layer<unknown>).clear();
    return this.me;
  }
  clearContents(): GSheet {
    this.hit('Sheet.clearContents');
    this.values.clear();
    this.formulas.clear();
    this.links.clear();
    return this.me;
  }
  clearFormats(): GSheet {
    this.hit('Sheet.clearFormats');
    this.clearCells(1, 1, this.maxRows, this.maxColumns, 'format');
    return this.me;
  }
  clearNotes(): GSheet {
    this.hit('Sheet.clearNotes');
    this.notes.clear();
    return this.me;
  }
  protect(): GProtection {
    this.hit('Sheet.protect');
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing as unknown as GProtection;
    const p = new MemProtection(this.ss, 'SHEET', new MemRange(this, 1, 1, this.maxRows, this.maxColumns));
    this.protections.push(p);
    return p as unknown as GProtection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    this.hit('Sheet.getProtections');
    return this.protections.filter((p) => p.type === String(type)) as unknown as GProtection[];
  }
  getSheetId(): number {
    this.hit('Sheet.getSheetId');
    return this.id;
  }
  hideSheet(): GSheet {
    this.hit('Sheet.hideSheet');
    if (!this.hidden && this.ss.sheets.filter((s) => !s.hidden).length === 1)
      throw new GasException("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.ss.active === this) this.ss.active = this.ss.sheets.find((s) => !s.hidden) ?? null; // Sheets shows another tab
    return this.me;
  }
  showSheet(): GSheet {
    this.hit('Sheet.showSheet');
    this.hidden = false;
    return this.me;
  }
  isSheetHidden(): boolean {
    this.hit('Sheet.isSheetHidden');
    return this.hidden;
  }
  activate(): GSheet {
    this.hit('Sheet.activate');
    this.ss.active = this;
    return this.me;
  }
  getIndex(): number {
    this.hit('Sheet.getIndex');
    return this.ss.sheets.indexOf(this) + 1;
  }
  newChart(): GChartBuilder {
    this.hit('Sheet.newChart');
    return new MemChartBuilder(this) as unknown as GChartBuilder;
  }
  insertChart(chart: GChart): void {
    this.hit('Sheet.insertChart');
    const spec = (chart as unknown as MemChart).spec;
    this.charts = this.charts.filter((c) => c.id !== spec.id);
    this.charts.push(spec);
  }
  removeChart(chart: GChart): void {
    this.hit('Sheet.removeChart');
    const id = (chart as unknown as MemChart).spec.id;
    this.charts = this.charts.filter((c) => c.id !== id);
  }
  getCharts(): GChart[] {
    this.hit('Sheet.getCharts');
    return this.charts.map(
      (spec) =>
        new MemChart(
          this,
          spec,
          spec.ranges.map((ref) => this.ss.rangeA1(ref)),
        ),
    ) as unknown as GChart[];
  }
}

// ---------------------------------------------------------------- protections bind the script too
/**
 * A script runs as a user (the effective user) and Sheets holds its writes to the same protections as that user's
 * typing: a write to a protected cell it may not edit throws (the message users report; no reference page quotes it).
 * Warning-only protections only warn a person at the screen, so they never stop a script. Checked only inside a runtime
 * (a tracked spreadsheet): the xlsx reader and test helpers write freely.
 */
export const PROTECTED_EDIT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const RANGE_WRITES = [
  'setValues',
  'setValue',
  'setFormula',
  'setFormulas',
  'setNumberFormat',
  'setNumberFormats',
  'setNotes',
  'setNote',
  'setBackgrounds',
  'setBackground',
  'setFontWeight',
  'setFontWeights',
  'setFontColor',
  'setFontColors',
  'setFontStyle',
  'setWrap',
  'setHorizontalAlignment',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'clear',
  'clearContent',
  'clearNote',
  'clearFormat',
  'merge',
  'breakApart',
];
const SHEET_WRITES = [
  'setConditionalFormatRules',
  'clearConditionalFormatRules',
  'insertRowsAfter',
  'insertColumnsAfter',
  'insertRows',
  'insertColumns',
  'deleteRows',
  'deleteRow',
  'deleteColumns',
  'clear',
  'clearContents',
  'clearFormats',
  'clearNotes',
];
function guardWrites(proto: Record<string, unknown>, names: string[], target: (self: any) => MemSheet | MemRange): void {
  for (const name of names) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const t = target(this);
      const ss = t instanceof MemSheet ? t.ss : t.sheet.ss;
      if (ss.tracker && !canEditAs(t, ss.effectiveUser, true)) throw new GasException(PROTECTED_EDIT);
      return original.apply(this, args);
    };
  }
}

// ---------------------------------------------------------------- spreadsheet
type SpreadsheetKeys =
  | 'getSheetByName'
  | 'getSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getRange'
  | 'toast'
  | 'getProtections';

export const MAX_CELLS = 10_000_000;

export class MemSpreadsheet implements Pick<GSpreadsheet, SpreadsheetKeys> {
  sheets: MemSheet[] = [];
  active: MemSheet | null = null;
  /** Uncounted: the ranges the user sees selected (the last activate()). */
  selection: MemRange[] = [];
  locale = 'vi_VN';
  timeZone = 'Asia/Ho_Chi_Minh';
  id = 'mem-spreadsheet-1';
  /** The address getUrl gives when the caller knows it (a file has none: `ispeed daily --url`); else one made of the id. */
  url: string | null = null;
  name = 'i-Speed Gia Lai';
  /** Set by a runtime: counts calls and injects faults. Null when used alone (xlsx, CLI). */
  tracker: CallTracker | null = null;
  owner = 'owner@example.com';
  effectiveUser = 'owner@example.com';
  /** Who the file is shared with for editing (Drive sharing), besides the owner. */
  sharedWith: string[] = [];
  /** Whether the file is shared with the owner's whole domain (Workspace): new protections then let the domain edit. */
  domainCanEdit = false;
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null }> = [];
  nextChartId = 1;
  private nextSheetId = 0;

  constructor(opts: { name?: string; firstSheet?: string | null } = {}) {
    if (opts.name) this.name = opts.name;
    if (opts.firstSheet !== null) this.addSheet(opts.firstSheet || 'Trang tính1');
  }

  private hit(m: string) {
    this.tracker?.hit(`Spreadsheet.${m}`);
  }

  /** Uncounted: everyone with edit access to the file: the owner, then those it is shared with. */
  fileEditors(): string[] {
    return [this.owner, ...this.sharedWith.filter((e) => e !== this.owner)];
  }

  /** Uncounted: the sheet by name, or null. */
  sheet(name: string): MemSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  /** Uncounted: a new blank sheet at a 0-based position (end by default). */
  addSheet(name: string, index = this.sheets.length): MemSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new GasException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sh = new MemSheet(this, name, this.nextSheetId++);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sh);
    if (!this.active) this.active = sh;
    this.checkCellLimit();
    return sh;
  }
  /** Uncounted: a range from 'Sheet'!A1:B2 or A1 (active sheet). */
  rangeA1(ref: string): MemRange {
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
    const sheet = m ? this.sheet((m[1] ?? m[2]).replace(/''/g, "'")) : this.active;
    if (!sheet) throw new GasException('Range not found');
    return sheet.rangeA1(m ? m[3] : ref);
  }
  checkCellLimit(): void {
    const cells = this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    if (cells > MAX_CELLS)
      throw new GasException(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS.toLocaleString('en-US')} cells.`,
      );
  }

  getSheetByName(name: string): GSheet | null {
    this.hit('getSheetByName');
    return this.sheet(name) as unknown as GSheet | null;
  }
  getSheets(): GSheet[] {
    this.hit('getSheets');
    return this.sheets.slice() as unknown as GSheet[];
  }
  insertSheet(a?: string | number | { template?: GSheet }, b?: number | { template?: GSheet }): GSheet {
    this.hit('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (!name) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Trang tính${n}`)) n++;
      name = `Trang tính${n}`;
    }
    const sh = this.addSheet(name, index ?? this.sheets.length);
    this.active = sh;
    return sh as unknown as GSheet;
  }
  deleteSheet(sheet: GSheet): void {
    this.hit('deleteSheet');
    const s = sheet as unknown as MemSheet;
    if (this.sheets.length === 1) throw new GasException("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.active === s) this.active = this.sheets[0];
  }
  getId(): string {
    this.hit('getId');
    return this.id;
  }
  getUrl(): string {
    this.hit('getUrl');
    return this.url ?? `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    this.hit('getName');
    return this.name;
  }
  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.hit('setSpreadsheetLocale');
    this.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.hit('setSpreadsheetTimeZone');
    this.timeZone = tz;
  }
  getActiveSheet(): GSheet {
    this.hit('getActiveSheet');
    return (this.active ?? this.sheets[0]) as unknown as GSheet;
  }
  setActiveSheet(sheet: GSheet, _restoreSelection?: boolean): GSheet {
    this.hit('setActiveSheet');
    this.active = sheet as unknown as MemSheet;
    return sheet;
  }
  getRange(a1Notation: string): GRange {
    this.hit('getRange');
    return this.rangeA1(a1Notation) as unknown as GRange;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.hit('toast');
    this.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? null });
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    this.hit('getProtections');
    return this.sheets.flatMap((s) => s.protections.filter((p) => p.type === String(type))) as unknown as GProtection[];
  }
}

guardWrites(MemRange.prototype as unknown as Record<string, unknown>, RANGE_WRITES, (r: MemRange) => r);
guardWrites(MemSheet.prototype as unknown as Record<string, unknown>, SHEET_WRITES, (sh: MemSheet) => sh);
