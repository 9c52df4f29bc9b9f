// The in-memory DocumentApp: Document, Body, Paragraph, Text, Table, TableRow, TableCell, with the signatures of
// @types/google-apps-script. Every call is counted as 'Interface.method' on the shared tracker (so failOn/killOn work).
//
// Behaviour of the real service followed here (sources in brackets):
// - A new document's body holds ONE empty paragraph [gas-fakes test/testdocs.js, run against live Apps Script:
//   "body should have 1 child", a PARAGRAPH; appending 'p1' makes the body text "\np1"].
// - Body.appendTable adds an empty paragraph after the table: a body never ends with a table [same test file:
//   "Appending a table in Apps Script automatically adds an empty paragraph after it"].
// - The body's last paragraph cannot be removed: `Can't remove the last paragraph in a document section.` [the
//   message users report from real runs, e.g. in public scripts that work around it].
// - getChild out of range: `Child index (n) must be less than the number of child elements (m).`; Text offsets out of
//   range: `Index (n) must be less than the content length (m).` (messages as users quote them).
// - Body.editAsText() is one Text over all paragraphs joined by '\n' [Google's Text reference example inserts
//   'Inserted text.\n' at offset 0 of body.editAsText()].
// - A new page is US Letter, 612 x 792 pt, with 72 pt (1 inch) margins (Google Docs' default page setup).
// - After saveAndClose, content edits throw `Document is closed, its contents cannot be updated.`; getId/getUrl/getName
//   keep working.
// - setAttributes(style) takes an object keyed by DocumentApp.Attribute names [Google's Attribute reference, whose example
//   is Text.setAttributes(0, 4, style)]. Which element takes which attribute follows that page's table: rich-text
//   attributes (BOLD, ITALIC, UNDERLINE, FONT_FAMILY, FONT_SIZE) on Text and on a Paragraph's text; HORIZONTAL_ALIGNMENT and
//   INDENT_FIRST_LINE on paragraphs; PADDING_* on table cells; BORDER_WIDTH/BORDER_COLOR on tables. Anything else, or an
//   attribute on an element the table does not give it to, is refused here: whether the real service cascades it (a
//   row's padding to its cells, say) is not documented, so callers must not rely on it.
// - Table.setColumnWidth(columnIndex, width) in points [Google's Table reference].
// Unverified, designed so either behaviour is safe for callers:
// - appendParagraph copies the previous paragraph's alignment, first-line indent and text attributes (one report of a
//   real run: new paragraphs came out bold after a bold one). Callers must set every attribute they rely on.
// - Paragraph.setText gives the new characters the paragraph's base attributes (what the whole-text setters set).
// - Unset bold/italic/underline read false; unset font family/size read null (the document default applies).
// - Table/TableRow/TableCell text joins cells and paragraphs with '\n'; a new table's border width reads 1 pt.
import type { CallTracker } from './calls';
import { GasException } from './spreadsheet';

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;
type GElement = GoogleAppsScript.Document.Element;
type GContainer = GoogleAppsScript.Document.ContainerElement;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GText = GoogleAppsScript.Document.Text;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GAlign = GoogleAppsScript.Document.HorizontalAlignment;
type GElementType = GoogleAppsScript.Document.ElementType;

const enumOf = <T>(names: string[]): T => Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'];
export const HorizontalAlignment = enumOf<typeof GoogleAppsScript.Document.HorizontalAlignment>(ALIGNMENTS);
export const ElementType = enumOf<typeof GoogleAppsScript.Document.ElementType>([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
]);
export const Attribute = enumOf<typeof GoogleAppsScript.Document.Attribute>([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
]);
export const ParagraphHeading = enumOf<typeof GoogleAppsScript.Document.ParagraphHeading>([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
]);
export const VerticalAlignment = enumOf<typeof GoogleAppsScript.Document.VerticalAlignment>(['BOTTOM', 'CENTER', 'TOP']);
export const TextAlignment = enumOf<typeof GoogleAppsScript.Document.TextAlignment>(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);

/** One character's text attributes. */
export interface CharAttrs {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  fontFamily: string | null;
  fontSize: number | null;
}
const PLAIN: CharAttrs = { bold: false, italic: false, underline: false, fontFamily: null, fontSize: null };
/** A stretch of one paragraph with the same attributes, for tests and dumps. */
export interface TextRun extends CharAttrs {
  text: string;
}

const CLOSED = 'Document is closed, its contents cannot be updated.';
const TYPE_NAME: Record<string, string> = {
  PARAGRAPH: 'Paragraph',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  BODY_SECTION: 'Body',
  TEXT: 'Text',
};

// ---------------------------------------------------------------- elements
abstract class MemElement {
  parent: MemContainer | null = null;
  constructor(
    readonly doc: MemDocument,
    readonly kind: 'PARAGRAPH' | 'TABLE' | 'TABLE_ROW' | 'TABLE_CELL' | 'BODY_SECTION',
  ) {}
  /** A counted read. */
  protected hit(m: string): void {
    this.doc.hit(`${TYPE_NAME[this.kind]}.${m}`);
  }
  /** A counted edit: refused once the document is closed. */
  protected edit(m: string): void {
    this.hit(m);
    if (this.doc.closed) throw new GasException(CLOSED);
  }
  abstract plainText(): string;
  /** Every paragraph inside, in document order. */
  abstract paragraphs(): MemParagraph[];

  getType(): GElementType {
    this.hit('getType');
    return this.kind as unknown as GElementType;
  }
  getParent(): GContainer {
    this.hit('getParent');
    return this.parent as unknown as GContainer;
  }
  getText(): string {
    this.hit('getText');
    return this.plainText();
  }
  getNextSibling(): GElement {
    this.hit('getNextSibling');
    return this.sibling(1);
  }
  getPreviousSibling(): GElement {
    this.hit('getPreviousSibling');
    return this.sibling(-1);
  }
  private sibling(d: number): GElement {
    const p = this.parent;
    return (p ? (p.children[p.children.indexOf(this) + d] ?? null) : null) as unknown as GElement;
  }
  protected cast<T>(kind: string, m: string): T {
    this.hit(m);
    if (this.kind !== kind) throw new GasException(`Cannot cast ${TYPE_NAME[this.kind]} to ${TYPE_NAME[kind]}.`);
    return this as unknown as T;
  }
  asParagraph(): GParagraph {
    return this.cast('PARAGRAPH', 'asParagraph');
  }
  asTable(): GTable {
    return this.cast('TABLE', 'asTable');
  }
  asTableRow(): GTableRow {
    return this.cast('TABLE_ROW', 'asTableRow');
  }
  asTableCell(): GTableCell {
    return this.cast('TABLE_CELL', 'asTableCell');
  }
  asBody(): GBody {
    return this.cast('BODY_SECTION', 'asBody');
  }
  /** Detaches this element (the return type is each subclass's own). */
  removeFromParent(): any {
    this.edit('removeFromParent');
    if (this.parent) this.parent.detach(this);
    return this;
  }
  editAsText(): GText {
    this.hit('editAsText');
    return MemText.over(this.doc, () => this.paragraphs());
  }
}

abstract class MemContainer extends MemElement {
  children: MemElement[] = [];
  plainText(): string {
    return this.children.map((c) => c.plainText()).join('\n');
  }
  paragraphs(): MemParagraph[] {
    return this.children.flatMap((c) => c.paragraphs());
  }
  tables(): MemTable[] {
    const out: MemTable[] = [];
    const walk = (el: MemElement) => {
      if (el instanceof MemTable) out.push(el);
      if (el instanceof MemContainer) el.children.forEach(walk);
    };
    this.children.forEach(walk);
    return out;
  }
  adopt<T extends MemElement>(el: T, at = this.children.length): T {
    el.parent = this;
    this.children.splice(at, 0, el);
    return el;
  }
  /** Removes a child; bodies and cells keep their last paragraph. */
  detach(el: MemElement): void {
    const i = this.children.indexOf(el);
    if (i < 0) return;
    if (el.kind === 'PARAGRAPH' && i === this.children.length - 1 && (this.kind === 'BODY_SECTION' || this.kind === 'TABLE_CELL')) {
      throw new GasException(
        this.kind === 'BODY_SECTION'
          ? "Can't remove the last paragraph in a document section."
          : "Can't remove the last paragraph in a table cell.",
      );
    }
    this.children.splice(i, 1);
    el.parent = null;
  }
  protected child(i: number): MemElement {
    if (!(i >= 0 && i < this.children.length))
      throw new GasException(`Child index (${i}) must be less than the number of child elements (${this.children.length}).`);
    return this.children[i];
  }
  getChild(childIndex: number): GElement {
    this.hit('getChild');
    return this.child(childIndex) as unknown as GElement;
  }
  getChildIndex(child: GElement): number {
    this.hit('getChildIndex');
    return this.children.indexOf(child as unknown as MemElement);
  }
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.children.length;
  }
  /** A new paragraph at the end, with the previous paragraph's attributes (see the header). */
  protected newParagraph(text: string, at = this.children.length): MemParagraph {
    const prev = this.children[at - 1];
    const p = new MemParagraph(this.doc, prev instanceof MemParagraph ? prev : null);
    p.replaceText(String(text));
    return this.adopt(p, at);
  }
  protected paragraphArg(m: string, x: string | GParagraph): string {
    if (typeof x !== 'string') throw new GasException(`${TYPE_NAME[this.kind]}.${m}(Paragraph) is not supported by the local runtime.`);
    return x;
  }
}

// ---------------------------------------------------------------- Attributes
const TEXT_ATTRS: Record<string, keyof CharAttrs> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  FONT_FAMILY: 'fontFamily',
  FONT_SIZE: 'fontSize',
};
const PADDINGS: Record<string, 'top' | 'bottom' | 'left' | 'right'> = {
  PADDING_TOP: 'top',
  PADDING_BOTTOM: 'bottom',
  PADDING_LEFT: 'left',
  PADDING_RIGHT: 'right',
};

/** The style object's entries, each checked: an attribute the element does not take, or a bad value, throws. */
function attributes(where: string, style: unknown, allowed: string[]): Array<[string, unknown]> {
  if (!style || typeof style !== 'object' || Array.isArray(style)) throw new GasException('Invalid argument: attributes');
  const entries = Object.entries(style as Record<string, unknown>);
  for (const [k, v] of entries) {
    if (!(k in Attribute)) throw new GasException(`Invalid argument: attributes (${k})`);
    if (allowed.indexOf(k) < 0)
      throw new GasException(`${where}.setAttributes: attribute ${k} is not supported by the local runtime on this element.`);
    const bad =
      k === 'BOLD' || k === 'ITALIC' || k === 'UNDERLINE'
        ? typeof v !== 'boolean'
        : k === 'FONT_SIZE'
          ? !(typeof v === 'number' && v > 0)
          : k === 'FONT_FAMILY' || k === 'BORDER_COLOR'
            ? typeof v !== 'string'
            : k === 'HORIZONTAL_ALIGNMENT'
              ? ALIGNMENTS.indexOf(String(v)) < 0
              : !(typeof v === 'number' && Number.isFinite(v) && v >= 0);
    if (bad) throw new GasException(`Invalid argument: ${k}`);
  }
  return entries;
}
const textAttrs = (entries: Array<[string, unknown]>): Partial<CharAttrs> =>
  Object.fromEntries(entries.filter(([k]) => k in TEXT_ATTRS).map(([k, v]) => [TEXT_ATTRS[k], v]));

// ---------------------------------------------------------------- Text
interface Segment {
  p: MemParagraph;
  from: number;
  to: number;
}

/** A rich-text view over one or more paragraph stretches; offsets run across them with one '\n' between paragraphs. */
export class MemText
  implements
    Pick<
      GText,
      | 'getText'
      | 'getType'
      | 'editAsText'
      | 'appendText'
      | 'deleteText'
      | 'setText'
      | 'setBold'
      | 'setItalic'
      | 'setUnderline'
      | 'setFontFamily'
      | 'setFontSize'
      | 'isBold'
      | 'isItalic'
      | 'isUnderline'
      | 'getFontFamily'
      | 'getFontSize'
      | 'getTextAttributeIndices'
      | 'setAttributes'
    >
{
  private constructor(
    private doc: MemDocument,
    private segs: () => Segment[],
  ) {}
  static over(doc: MemDocument, paragraphs: () => MemParagraph[]): GText {
    return new MemText(doc, () => paragraphs().map((p) => ({ p, from: 0, to: p.text.length }))) as unknown as GText;
  }
  static run(doc: MemDocument, p: MemParagraph, from: number, length: number): GText {
    return new MemText(doc, () => [{ p, from, to: Math.min(from + length, p.text.length) }]) as unknown as GText;
  }
  private self(m: string, edit = true): GText {
    this.doc.hit(`Text.${m}`);
    if (edit && this.doc.closed) throw new GasException(CLOSED);
    return this as unknown as GText;
  }
  private length(): number {
    return this.getTextRaw().length;
  }
  private getTextRaw(): string {
    return this.segs()
      .map((s) => s.p.text.slice(s.from, s.to))
      .join('\n');
  }
  /** Each character position of this view: its paragraph and index, or null for a '\n' separator. */
  private positions(): Array<{ p: MemParagraph; i: number } | null> {
    const out: Array<{ p: MemParagraph; i: number } | null> = [];
    this.segs().forEach((s, k) => {
      if (k > 0) out.push(null);
      for (let i = s.from; i < s.to; i++) out.push({ p: s.p, i });
    });
    return out;
  }
  private checkRange(start: number, end: number): void {
    const n = this.length();
    if (!Number.isInteger(start) || start < 0 || start >= n)
      throw new GasException(`Index (${start}) must be less than the content length (${n}).`);
    if (!Number.isInteger(end) || end >= n) throw new GasException(`Index (${end}) must be less than the content length (${n}).`);
    if (end < start) throw new GasException('Invalid argument: endOffsetInclusive');
  }
  /** setAttributes(style) or setAttributes(start, endInclusive, style): rich-text attributes only. */
  setAttributes(...args: [object] | [number, number, object]): GText {
    const out = this.self('setAttributes');
    const ranged = args.length >= 3;
    const attrs = textAttrs(attributes('Text', ranged ? args[2] : args[0], Object.keys(TEXT_ATTRS)));
    if (ranged) {
      const start = Number(args[0]),
        end = Number(args[1]);
      this.checkRange(start, end);
      this.positions()
        .slice(start, end + 1)
        .forEach((pos) => {
          if (pos) pos.p.chars[pos.i] = { ...pos.p.chars[pos.i], ...attrs };
        });
    } else {
      for (const seg of this.segs()) {
        for (let i = seg.from; i < seg.to; i++) seg.p.chars[i] = { ...seg.p.chars[i], ...attrs };
        if (seg.from === 0 && seg.to === seg.p.text.length) seg.p.base = { ...seg.p.base, ...attrs };
      }
    }
    return out;
  }
  private apply(m: string, args: unknown[], key: keyof CharAttrs): GText {
    const ranged = args.length >= 3;
    const value = ranged ? args[2] : args[0];
    if (key === 'fontSize' && !(typeof value === 'number' && value > 0)) {
      this.self(m);
      throw new GasException(`Invalid argument: size`);
    }
    const out = this.self(m);
    if (ranged) {
      const start = Number(args[0]),
        end = Number(args[1]);
      this.checkRange(start, end);
      this.positions()
        .slice(start, end + 1)
        .forEach((pos) => {
          if (pos) pos.p.chars[pos.i] = { ...pos.p.chars[pos.i], [key]: value };
        });
    } else {
      for (const s of this.segs()) {
        for (let i = s.from; i < s.to; i++) s.p.chars[i] = { ...s.p.chars[i], [key]: value };
        if (s.from === 0 && s.to === s.p.text.length) s.p.base = { ...s.p.base, [key]: value };
      }
    }
    return out;
  }
  /** The attribute at an offset, or over the whole text (null when it differs). */
  private read<K extends keyof CharAttrs>(m: string, key: K, offset?: number | null): CharAttrs[K] | null {
    this.self(m, false);
    const pos = this.positions();
    if (offset !== undefined && offset !== null) {
      if (!(offset >= 0 && offset < pos.length))
        throw new GasException(`Index (${offset}) must be less than the content length (${pos.length}).`);
      const at = pos[offset];
      return at ? at.p.chars[at.i][key] : null;
    }
    const values = pos.filter((x): x is { p: MemParagraph; i: number } => !!x).map((x) => x.p.chars[x.i][key]);
    return values.length && values.every((v) => v === values[0]) ? values[0] : null;
  }

  getType(): GElementType {
    this.self('getType', false);
    return 'TEXT' as unknown as GElementType;
  }
  getText(): string {
    this.self('getText', false);
    return this.getTextRaw();
  }
  editAsText(): GText {
    return this.self('editAsText', false);
  }
  setText(text: string): GText {
    const out = this.self('setText');
    const segs = this.segs();
    segs.forEach((s, k) => {
      s.p.replaceText(k === 0 ? String(text) : '');
    });
    return out;
  }
  appendText(text: string): GText {
    const out = this.self('appendText');
    const segs = this.segs();
    const last = segs[segs.length - 1];
    if (last) last.p.insert(last.to, String(text));
    return out;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const out = this.self('deleteText');
    this.checkRange(startOffset, endOffsetInclusive);
    const doomed = this.positions()
      .slice(startOffset, endOffsetInclusive + 1)
      .filter((x): x is { p: MemParagraph; i: number } => !!x);
    for (const { p, i } of doomed.reverse()) p.remove(i);
    return out;
  }
  setBold(...args: [boolean] | [number, number, boolean]): GText {
    return this.apply('setBold', args, 'bold');
  }
  setItalic(...args: [boolean] | [number, number, boolean]): GText {
    return this.apply('setItalic', args, 'italic');
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): GText {
    return this.apply('setUnderline', args, 'underline');
  }
  setFontFamily(...args: [string] | [number, number, string]): GText {
    return this.apply('setFontFamily', args, 'fontFamily');
  }
  setFontSize(...args: [number] | [number, number, number]): GText {
    return this.apply('setFontSize', args, 'fontSize');
  }
  isBold(offset?: number | null): boolean {
    return this.read('isBold', 'bold', offset) as boolean;
  }
  isItalic(offset?: number | null): boolean {
    return this.read('isItalic', 'italic', offset) as boolean;
  }
  isUnderline(offset?: number | null): boolean {
    return this.read('isUnderline', 'underline', offset) as boolean;
  }
  getFontFamily(offset?: number | null): string {
    return this.read('getFontFamily', 'fontFamily', offset) as string;
  }
  getFontSize(offset?: number | null): number {
    return this.read('getFontSize', 'fontSize', offset) as number;
  }
  getTextAttributeIndices(): number[] {
    this.self('getTextAttributeIndices', false);
    const out: number[] = [];
    let prev: CharAttrs | null | undefined;
    this.positions().forEach((pos, i) => {
      const a = pos ? pos.p.chars[pos.i] : null;
      if (i === 0 || !a || !prev || !sameAttrs(a, prev)) {
        if (a) out.push(i);
      }
      prev = a;
    });
    return out;
  }
}

const sameAttrs = (a: CharAttrs, b: CharAttrs) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.fontFamily === b.fontFamily && a.fontSize === b.fontSize;

// ---------------------------------------------------------------- Paragraph
export class MemParagraph
  extends MemElement
  implements
    Pick<
      GParagraph,
      | 'getText'
      | 'setText'
      | 'getType'
      | 'getParent'
      | 'setAlignment'
      | 'getAlignment'
      | 'setIndentFirstLine'
      | 'getIndentFirstLine'
      | 'editAsText'
      | 'appendText'
      | 'removeFromParent'
      | 'asParagraph'
      | 'getNextSibling'
      | 'getPreviousSibling'
      | 'clear'
      | 'getNumChildren'
      | 'setAttributes'
    >
{
  text = '';
  chars: CharAttrs[] = [];
  /** What new text gets (the paragraph's own text style). */
  base: CharAttrs = PLAIN;
  alignment: string | null = null;
  indentFirstLine: number | null = null;

  constructor(doc: MemDocument, like: MemParagraph | null = null) {
    super(doc, 'PARAGRAPH');
    if (like) {
      this.alignment = like.alignment;
      this.indentFirstLine = like.indentFirstLine;
      this.base = like.chars.length ? { ...like.chars[like.chars.length - 1] } : { ...like.base };
    }
  }
  plainText(): string {
    return this.text;
  }
  paragraphs(): MemParagraph[] {
    return [this];
  }
  /** Uncounted internals shared with Text. */
  replaceText(text: string): void {
    this.text = text;
    this.chars = Array.from({ length: text.length }, () => ({ ...this.base }));
  }
  insert(at: number, text: string): void {
    const like = this.chars[at - 1] ?? this.base;
    this.text = this.text.slice(0, at) + text + this.text.slice(at);
    this.chars.splice(at, 0, ...Array.from({ length: text.length }, () => ({ ...like })));
  }
  remove(i: number): void {
    this.text = this.text.slice(0, i) + this.text.slice(i + 1);
    this.chars.splice(i, 1);
  }
  /** The paragraph as runs of equal attributes. */
  runs(): TextRun[] {
    const out: TextRun[] = [];
    for (let i = 0; i < this.text.length; i++) {
      const a = this.chars[i],
        last = out[out.length - 1];
      if (last && sameAttrs(last, a)) last.text += this.text[i];
      else out.push({ ...a, text: this.text[i] });
    }
    return out;
  }

  setText(text: string): void {
    this.edit('setText');
    this.replaceText(String(text));
  }
  clear(): GParagraph {
    this.edit('clear');
    this.replaceText('');
    return this as unknown as GParagraph;
  }
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.text ? 1 : 0;
  }
  appendText(text: string | GText): GText {
    this.edit('appendText');
    if (typeof text !== 'string') throw new GasException('Paragraph.appendText(Text) is not supported by the local runtime.');
    const at = this.text.length;
    this.insert(at, text);
    return MemText.run(this.doc, this, at, text.length);
  }
  setAlignment(alignment: GAlign): GParagraph {
    this.edit('setAlignment');
    const a = String(alignment);
    if (ALIGNMENTS.indexOf(a) < 0) throw new GasException('Invalid argument: alignment');
    this.alignment = a;
    return this as unknown as GParagraph;
  }
  getAlignment(): GAlign {
    this.hit('getAlignment');
    return (this.alignment ?? 'LEFT') as unknown as GAlign;
  }
  setIndentFirstLine(indentFirstLine: number): GParagraph {
    this.edit('setIndentFirstLine');
    if (typeof indentFirstLine !== 'number' || !Number.isFinite(indentFirstLine))
      throw new GasException('Invalid argument: indentFirstLine');
    this.indentFirstLine = indentFirstLine;
    return this as unknown as GParagraph;
  }
  getIndentFirstLine(): number {
    this.hit('getIndentFirstLine');
    return this.indentFirstLine ?? 0;
  }
  /** The paragraph's own attributes and its text's (Google's guide styles a paragraph this way). */
  setAttributes(attributes_: object): GParagraph {
    this.edit('setAttributes');
    const entries = attributes('Paragraph', attributes_, [...Object.keys(TEXT_ATTRS), 'HORIZONTAL_ALIGNMENT', 'INDENT_FIRST_LINE']);
    for (const [k, v] of entries) {
      if (k === 'HORIZONTAL_ALIGNMENT') this.alignment = String(v);
      if (k === 'INDENT_FIRST_LINE') this.indentFirstLine = v as number;
    }
    const attrs = textAttrs(entries);
    this.chars = this.chars.map((c) => ({ ...c, ...attrs }));
    this.base = { ...this.base, ...attrs };
    return this as unknown as GParagraph;
  }
}

// ---------------------------------------------------------------- Table
export class MemTableCell
  extends MemContainer
  implements
    Pick<
      GTableCell,
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'getChild'
      | 'getNumChildren'
      | 'appendParagraph'
      | 'getType'
      | 'getParentRow'
      | 'getParentTable'
      | 'asTableCell'
      | 'getChildIndex'
      | 'setAttributes'
      | 'getPaddingTop'
      | 'getPaddingBottom'
      | 'getPaddingLeft'
      | 'getPaddingRight'
    >
{
  /** Padding in points; null until set (Docs' default applies). */
  padding: { top: number | null; bottom: number | null; left: number | null; right: number | null } = {
    top: null,
    bottom: null,
    left: null,
    right: null,
  };
  constructor(doc: MemDocument, text: string) {
    super(doc, 'TABLE_CELL');
    this.newParagraph(text);
  }
  setText(text: string): GTableCell {
    this.edit('setText');
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.newParagraph(String(text));
    return this as unknown as GTableCell;
  }
  appendParagraph(x: string | GParagraph): GParagraph {
    this.edit('appendParagraph');
    return this.newParagraph(this.paragraphArg('appendParagraph', x)) as unknown as GParagraph;
  }
  getParentRow(): GTableRow {
    this.hit('getParentRow');
    return this.parent as unknown as GTableRow;
  }
  getParentTable(): GTable {
    this.hit('getParentTable');
    return (this.parent?.parent ?? null) as unknown as GTable;
  }
  /** Cell attributes only (padding): text attributes go on the cell's paragraphs or Text. */
  setAttributes(attributes_: object): GTableCell {
    this.edit('setAttributes');
    for (const [k, v] of attributes('TableCell', attributes_, Object.keys(PADDINGS))) this.padding[PADDINGS[k]] = v as number;
    return this as unknown as GTableCell;
  }
  getPaddingTop(): number {
    this.hit('getPaddingTop');
    return this.padding.top as number;
  }
  getPaddingBottom(): number {
    this.hit('getPaddingBottom');
    return this.padding.bottom as number;
  }
  getPaddingLeft(): number {
    this.hit('getPaddingLeft');
    return this.padding.left as number;
  }
  getPaddingRight(): number {
    this.hit('getPaddingRight');
    return this.padding.right as number;
  }
}

export class MemTableRow
  extends MemContainer
  implements
    Pick<
      GTableRow,
      'getNumCells' | 'getCell' | 'getText' | 'editAsText' | 'getType' | 'getParentTable' | 'getNumChildren' | 'getChild' | 'asTableRow'
    >
{
  constructor(doc: MemDocument, cells: string[]) {
    super(doc, 'TABLE_ROW');
    for (const t of cells) this.adopt(new MemTableCell(doc, t));
  }
  get cells(): MemTableCell[] {
    return this.children as MemTableCell[];
  }
  getNumCells(): number {
    this.hit('getNumCells');
    return this.children.length;
  }
  getCell(cellIndex: number): GTableCell {
    this.hit('getCell');
    return this.child(cellIndex) as unknown as GTableCell;
  }
  getParentTable(): GTable {
    this.hit('getParentTable');
    return this.parent as unknown as GTable;
  }
}

export class MemTable
  extends MemContainer
  implements
    Pick<
      GTable,
      | 'getNumRows'
      | 'getRow'
      | 'getCell'
      | 'setBorderWidth'
      | 'getBorderWidth'
      | 'setBorderColor'
      | 'getBorderColor'
      | 'editAsText'
      | 'getText'
      | 'getType'
      | 'removeFromParent'
      | 'getNumChildren'
      | 'getChild'
      | 'asTable'
      | 'setColumnWidth'
      | 'getColumnWidth'
    >
{
  borderWidth = 1;
  /** Column widths in points; a missing one is Docs' even share of the page. */
  columnWidths: Array<number | null> = [];
  borderColor = '#000000';
  constructor(doc: MemDocument, cells: string[][]) {
    super(doc, 'TABLE');
    for (const row of cells)
      this.adopt(
        new MemTableRow(
          doc,
          row.map((v) => String(v)),
        ),
      );
  }
  get rows(): MemTableRow[] {
    return this.children as MemTableRow[];
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.children.length;
  }
  getRow(rowIndex: number): GTableRow {
    this.hit('getRow');
    return this.child(rowIndex) as unknown as GTableRow;
  }
  getCell(rowIndex: number, cellIndex: number): GTableCell {
    this.hit('getCell');
    const row = this.child(rowIndex) as MemTableRow;
    if (!(cellIndex >= 0 && cellIndex < row.cells.length))
      throw new GasException(`Child index (${cellIndex}) must be less than the number of child elements (${row.cells.length}).`);
    return row.cells[cellIndex] as unknown as GTableCell;
  }
  setBorderWidth(width: number): GTable {
    this.edit('setBorderWidth');
    if (typeof width !== 'number' || !(width >= 0)) throw new GasException('Invalid argument: width');
    this.borderWidth = width;
    return this as unknown as GTable;
  }
  getBorderWidth(): number {
    this.hit('getBorderWidth');
    return this.borderWidth;
  }
  setBorderColor(color: string): GTable {
    this.edit('setBorderColor');
    this.borderColor = String(color);
    return this as unknown as GTable;
  }
  getBorderColor(): string {
    this.hit('getBorderColor');
    return this.borderColor;
  }
  setColumnWidth(columnIndex: number, width: number): GTable {
    this.edit('setColumnWidth');
    const columns = this.rows[0]?.cells.length ?? 0;
    if (!(Number.isInteger(columnIndex) && columnIndex >= 0 && columnIndex < columns))
      throw new GasException(`Child index (${columnIndex}) must be less than the number of child elements (${columns}).`);
    if (!(typeof width === 'number' && Number.isFinite(width) && width > 0)) throw new GasException('Invalid argument: width');
    this.columnWidths[columnIndex] = width;
    return this as unknown as GTable;
  }
  getColumnWidth(columnIndex: number): number {
    this.hit('getColumnWidth');
    return this.columnWidths[columnIndex] ?? (null as unknown as number);
  }
}

// ---------------------------------------------------------------- Body
export class MemBody
  extends MemContainer
  implements
    Pick<
      GBody,
      | 'setPageWidth'
      | 'setPageHeight'
      | 'setMarginTop'
      | 'setMarginBottom'
      | 'setMarginLeft'
      | 'setMarginRight'
      | 'getPageWidth'
      | 'getPageHeight'
      | 'getMarginTop'
      | 'getMarginBottom'
      | 'getMarginLeft'
      | 'getMarginRight'
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendTable'
      | 'getNumChildren'
      | 'getChild'
      | 'getChildIndex'
      | 'getParagraphs'
      | 'getTables'
      | 'getText'
      | 'clear'
      | 'editAsText'
      | 'removeChild'
      | 'getType'
    >
{
  page = { width: 612, height: 792, top: 72, bottom: 72, left: 72, right: 72 };
  constructor(doc: MemDocument) {
    super(doc, 'BODY_SECTION');
    this.newParagraph('');
  }
  private setPage(m: string, key: keyof MemBody['page'], v: number): GBody {
    this.edit(m);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new GasException(`Invalid argument: ${key}`);
    this.page[key] = v;
    return this as unknown as GBody;
  }
  setPageWidth(pageWidth: number): GBody {
    return this.setPage('setPageWidth', 'width', pageWidth);
  }
  setPageHeight(pageHeight: number): GBody {
    return this.setPage('setPageHeight', 'height', pageHeight);
  }
  setMarginTop(marginTop: number): GBody {
    return this.setPage('setMarginTop', 'top', marginTop);
  }
  setMarginBottom(marginBottom: number): GBody {
    return this.setPage('setMarginBottom', 'bottom', marginBottom);
  }
  setMarginLeft(marginLeft: number): GBody {
    return this.setPage('setMarginLeft', 'left', marginLeft);
  }
  setMarginRight(marginRight: number): GBody {
    return this.setPage('setMarginRight', 'right', marginRight);
  }
  getPageWidth(): number {
    this.hit('getPageWidth');
    return this.page.width;
  }
  getPageHeight(): number {
    this.hit('getPageHeight');
    return this.page.height;
  }
  getMarginTop(): number {
    this.hit('getMarginTop');
    return this.page.top;
  }
  getMarginBottom(): number {
    this.hit('getMarginBottom');
    return this.page.bottom;
  }
  getMarginLeft(): number {
    this.hit('getMarginLeft');
    return this.page.left;
  }
  getMarginRight(): number {
    this.hit('getMarginRight');
    return this.page.right;
  }

  appendParagraph(x: string | GParagraph): GParagraph {
    this.edit('appendParagraph');
    return this.newParagraph(this.paragraphArg('appendParagraph', x)) as unknown as GParagraph;
  }
  insertParagraph(childIndex: number, x: string | GParagraph): GParagraph {
    this.edit('insertParagraph');
    if (!(childIndex >= 0 && childIndex <= this.children.length))
      throw new GasException(
        `Child index (${childIndex}) must not be greater than the number of child elements (${this.children.length}).`,
      );
    return this.newParagraph(this.paragraphArg('insertParagraph', x), childIndex) as unknown as GParagraph;
  }
  appendTable(cells?: string[][] | GTable): GTable {
    this.edit('appendTable');
    if (cells !== undefined && !Array.isArray(cells))
      throw new GasException('Body.appendTable(Table) is not supported by the local runtime.');
    if (cells && !cells.every((r) => Array.isArray(r))) throw new GasException('Invalid argument: cells');
    const table = this.adopt(new MemTable(this.doc, cells ?? []));
    this.newParagraph(''); // a body never ends with a table (see the header)
    return table as unknown as GTable;
  }
  removeChild(child: GElement): GBody {
    this.edit('removeChild');
    const el = child as unknown as MemElement;
    if (this.children.indexOf(el) < 0) throw new GasException('Element does not contain the specified child element.');
    this.detach(el);
    return this as unknown as GBody;
  }
  getParagraphs(): GParagraph[] {
    this.hit('getParagraphs');
    return this.paragraphs() as unknown as GParagraph[];
  }
  getTables(): GTable[] {
    this.hit('getTables');
    return this.tables() as unknown as GTable[];
  }
  clear(): GBody {
    this.edit('clear');
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.adopt(new MemParagraph(this.doc));
    return this as unknown as GBody;
  }
}

// ---------------------------------------------------------------- Document and DocumentApp
export class MemDocument
  implements Pick<GDocument, 'getBody' | 'getId' | 'getName' | 'setName' | 'getUrl' | 'saveAndClose' | 'addViewers'>
{
  closed = false;
  /** Who was given read access (Document.addViewers). */
  readonly viewers: string[] = [];
  readonly body: MemBody;
  constructor(
    private tracker: CallTracker | null,
    readonly id: string,
    public name: string,
  ) {
    this.body = new MemBody(this);
  }
  hit(name: string): void {
    this.tracker?.hit(name);
  }
  getBody(): GBody {
    this.hit('Document.getBody');
    return this.body as unknown as GBody;
  }
  getId(): string {
    this.hit('Document.getId');
    return this.id;
  }
  getName(): string {
    this.hit('Document.getName');
    return this.name;
  }
  setName(name: string): GDocument {
    this.hit('Document.setName');
    this.name = String(name);
    return this as unknown as GDocument;
  }
  getUrl(): string {
    this.hit('Document.getUrl');
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  saveAndClose(): void {
    this.hit('Document.saveAndClose');
    this.closed = true;
  }
  addViewers(emails: string[]): GDocument {
    this.hit('Document.addViewers');
    this.viewers.push(...emails.map(String));
    return this as unknown as GDocument;
  }

  /** Every paragraph of the body, tables included, in order (uncounted, for tests). */
  paragraphs(): MemParagraph[] {
    return this.body.paragraphs();
  }
  /** The top-level tables and all nested ones (uncounted). */
  tables(): MemTable[] {
    return this.body.tables();
  }
  /** The document as plain text: one line per paragraph, a table as rows of ' | '-separated cells. */
  toPlain(): string {
    const block = (el: MemElement): string =>
      el instanceof MemTable
        ? el.rows.map((r) => r.cells.map((c) => c.plainText().replace(/\n/g, ' / ')).join(' | ')).join('\n')
        : el.plainText();
    return this.body.children.map(block).join('\n');
  }
  /** The document as simple HTML with its runs (b, i, u, font), alignment, indents, page and table borders. */
  html(): string {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const run = (r: TextRun) => {
      let s = esc(r.text);
      if (r.underline) s = `<u>${s}</u>`;
      if (r.italic) s = `<i>${s}</i>`;
      if (r.bold) s = `<b>${s}</b>`;
      const style = [r.fontFamily ? `font-family:${r.fontFamily}` : '', r.fontSize ? `font-size:${r.fontSize}pt` : '']
        .filter(Boolean)
        .join(';');
      return style ? `<span style="${style}">${s}</span>` : s;
    };
    const para = (p: MemParagraph) => {
      const style = [
        p.alignment ? `text-align:${p.alignment.toLowerCase()}` : '',
        p.indentFirstLine ? `text-indent:${p.indentFirstLine}pt` : '',
      ]
        .filter(Boolean)
        .join(';');
      return `<p${style ? ` style="${style}"` : ''}>${p.runs().map(run).join('')}</p>`;
    };
    const cellStyle = (t: MemTable, c: MemTableCell, i: number) => {
      const w = t.columnWidths[i],
        pad = c.padding;
      const parts = [
        w ? `width:${w}pt` : '',
        ...(['top', 'bottom', 'left', 'right'] as const).map((k) => (pad[k] === null ? '' : `padding-${k}:${pad[k]}pt`)),
      ].filter(Boolean);
      return parts.length ? ` style="${parts.join(';')}"` : '';
    };
    const block = (el: MemElement): string =>
      el instanceof MemTable
        ? `<table border="${el.borderWidth}">${el.rows.map((r) => `<tr>${r.cells.map((c, i) => `<td${cellStyle(el, c, i)}>${c.children.map(block).join('')}</td>`).join('')}</tr>`).join('')}</table>`
        : para(el as MemParagraph);
    const p = this.body.page;
    // Docs keeps runs of spaces (`Số:      /BC-STTTT`) and puts no space around a paragraph inside a table cell.
    const style = '<style>p{white-space:pre-wrap}td p{margin:0}</style>';
    return `<body data-page="${p.width}x${p.height}" data-margins="${p.top} ${p.right} ${p.bottom} ${p.left}">${style}${this.body.children.map(block).join('\n')}</body>`;
  }
}

export interface DocumentState {
  tracker: CallTracker;
  documents: MemDocument[];
  /** 'LIMITED' while a simple trigger runs. */
  authMode(): 'FULL' | 'LIMITED';
}

export type MemDocumentApp = Pick<
  GoogleAppsScript.Document.DocumentApp,
  | 'Attribute'
  | 'ElementType'
  | 'HorizontalAlignment'
  | 'ParagraphHeading'
  | 'VerticalAlignment'
  | 'TextAlignment'
  | 'create'
  | 'openById'
  | 'openByUrl'
>;

/** DocumentApp over the runtime's document list; ids are deterministic, 44 characters like Drive's. */
export function makeDocumentApp(st: DocumentState): MemDocumentApp {
  const find = (id: string) => {
    const doc = st.documents.find((d) => d.id === id);
    if (!doc) throw new GasException("Document is missing (perhaps it was deleted, or you don't have read access?)");
    doc.closed = false; // opening gives a fresh, editable handle
    return doc as unknown as GDocument;
  };
  return {
    Attribute,
    ElementType,
    HorizontalAlignment,
    ParagraphHeading,
    VerticalAlignment,
    TextAlignment,
    create(name: string): GDocument {
      st.tracker.hit('DocumentApp.create');
      if (st.authMode() === 'LIMITED') {
        throw new GasException(
          'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
        );
      }
      if (typeof name !== 'string' || !name) throw new GasException('Invalid argument: name');
      const id = `1LocalDoc${String(st.documents.length + 1).padStart(35, '0')}`;
      const doc = new MemDocument(st.tracker, id, name);
      st.documents.push(doc);
      return doc as unknown as GDocument;
    },
    openById(id: string): GDocument {
      st.tracker.hit('DocumentApp.openById');
      return find(String(id));
    },
    openByUrl(url: string): GDocument {
      st.tracker.hit('DocumentApp.openByUrl');
      const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
      if (!m) throw new GasException('Invalid argument: url');
      return find(m[1]);
    },
  };
}
