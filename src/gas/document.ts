// The printable document as a Google Doc, from the same model that renders to HTML and PDF locally.
// DocumentApp.create puts it in the user's Drive with the documents scope only (no broad Drive scope).
// Styles go in one setAttributes call per paragraph, per cell and per table text (Google's Attribute reference:
// text attributes on Text and Paragraph, HORIZONTAL_ALIGNMENT on paragraphs, PADDING_* on table cells).
// Cost of a data table of R rows (header included) and C columns, N of them not left-aligned: 6 + R + 2·R·C + 3·(C + (R−1)·N)
// calls (the example's form 03: 421 document calls in all, 396 before the alignment and padding; all four forms: 1,033).
import { reportDocument, type Align, type Block, type Columns, type DocModel, type Paragraph, type Table } from '../core/report/document';
import type { Report } from '../core/report/model';
import type { Settings } from '../core/model';
import type { Day } from '../core/periods';

const PT_PER_MM = 72 / 25.4;
const DOC_FONT = 'Times New Roman';
/** Cell padding of the data tables, in points (Docs' default is about 5 pt: rows twice as tall). */
const CELL_PAD_PT = 2;

/** `viewers`: addresses that may read the new document (the report email's recipients). */
export function writeReportDocument(
  r: Report,
  settings: Settings,
  today: Day,
  date: Day = today,
  viewers: string[] = [],
): { url: string; name: string } {
  const model = reportDocument(r, settings, today, date);
  const doc = DocumentApp.create(model.title);
  if (viewers.length) doc.addViewers(viewers);
  renderDoc(doc.getBody(), model);
  doc.saveAndClose();
  return { url: doc.getUrl(), name: model.title };
}

function alignment(a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : H.LEFT;
}

type Style = Record<string, unknown>;
const A = () => DocumentApp.Attribute;

export function renderDoc(body: GoogleAppsScript.Document.Body, model: DocModel): void {
  const m = model.page.marginsMm;
  body
    .setPageWidth(model.page.widthMm * PT_PER_MM)
    .setPageHeight(model.page.heightMm * PT_PER_MM)
    .setMarginTop(m.top * PT_PER_MM)
    .setMarginBottom(m.bottom * PT_PER_MM)
    .setMarginLeft(m.left * PT_PER_MM)
    .setMarginRight(m.right * PT_PER_MM);
  const textWidthPt = (model.page.widthMm - m.left - m.right) * PT_PER_MM;
  for (const block of model.blocks) appendBlock(body, block, textWidthPt);
  // A new document starts with one empty paragraph: drop it once there is content after it.
  if (body.getNumChildren() > 1) body.getChild(0).removeFromParent();
}

function appendBlock(body: GoogleAppsScript.Document.Body, block: Block, textWidthPt: number): void {
  if (block.kind === 'paragraph') {
    styleParagraph(body.appendParagraph(paragraphText(block)), block);
  } else if (block.kind === 'table') {
    appendDataTable(body, block);
  } else {
    appendColumns(body, block, textWidthPt);
  }
}

function appendDataTable(body: GoogleAppsScript.Document.Body, block: Table): void {
  const table = body.appendTable([block.header, ...block.rows]);
  const text: Style = {};
  text[A().FONT_FAMILY] = DOC_FONT;
  text[A().FONT_SIZE] = block.sizePt;
  table.editAsText().setAttributes(text);
  table.getRow(0).editAsText().setBold(true);
  const pad: Style = {};
  pad[A().PADDING_TOP] = CELL_PAD_PT;
  pad[A().PADDING_BOTTOM] = CELL_PAD_PT;
  const aligned = block.columnAlign.map((a, c) => ({ a, c })).filter((x) => x.a !== 'left');
  for (let r = 0; r <= block.rows.length; r++) {
    const row = table.getRow(r);
    for (let c = 0; c < block.header.length; c++) {
      const cell = row.getCell(c);
      cell.setAttributes(pad);
      const a = r === 0 ? 'center' : aligned.find((x) => x.c === c)?.a;
      if (a) {
        const style: Style = {};
        style[A().HORIZONTAL_ALIGNMENT] = alignment(a);
        cell.getChild(0).asParagraph().setAttributes(style);
      }
    }
  }
}

/** Side-by-side blocks: a one-row table without borders, its columns sized so each line fits (the motto on one line). */
function appendColumns(body: GoogleAppsScript.Document.Body, block: Columns, textWidthPt: number): void {
  const table = body.appendTable([block.cells.map(() => '')]);
  table.setBorderWidth(0);
  block.widthsPercent.forEach((w, i) => {
    table.setColumnWidth(i, (w / 100) * textWidthPt);
  });
  const row = table.getRow(0);
  const noSidePadding: Style = {};
  noSidePadding[A().PADDING_LEFT] = 0;
  noSidePadding[A().PADDING_RIGHT] = 0;
  block.cells.forEach((paragraphs, i) => {
    const cell = row.getCell(i);
    cell.setAttributes(noSidePadding);
    paragraphs.forEach((p, j) => {
      let target: GoogleAppsScript.Document.Paragraph;
      if (j === 0) {
        target = cell.getChild(0).asParagraph();
        target.setText(paragraphText(p));
      } else target = cell.appendParagraph(paragraphText(p));
      styleParagraph(target, p);
    });
  });
}

/** A rule paragraph is drawn with underscores (DocumentApp has no short line shape): about 1.9 mm each at 11 pt. */
const RULE_PT = 11;
function paragraphText(p: Paragraph): string {
  if (p.ruleMm) return '_'.repeat(Math.max(1, Math.round(p.ruleMm / (RULE_PT / 2 / PT_PER_MM))));
  return p.runs.map((run) => run.text).join('');
}

/** One setAttributes for the paragraph (alignment, indent, font, the first run's weight), then one per further run. */
function styleParagraph(p: GoogleAppsScript.Document.Paragraph, block: Paragraph): void {
  const first = block.runs[0] ?? { text: '' };
  const style: Style = {};
  style[A().HORIZONTAL_ALIGNMENT] = alignment(block.align);
  // Always set: a paragraph appended after an indented one may inherit its indent (reported for real runs).
  style[A().INDENT_FIRST_LINE] = (block.firstLineIndentMm ?? 0) * PT_PER_MM;
  style[A().FONT_FAMILY] = DOC_FONT;
  style[A().FONT_SIZE] = block.ruleMm ? RULE_PT : block.sizePt;
  style[A().BOLD] = !!first.bold && !block.ruleMm;
  style[A().ITALIC] = !!first.italic && !block.ruleMm;
  style[A().UNDERLINE] = (!!first.underline || !!block.ruleUnder) && !block.ruleMm;
  p.setAttributes(style);
  if (block.runs.length < 2 || block.ruleMm) return;
  const t = p.editAsText();
  let at = first.text.length;
  for (const run of block.runs.slice(1)) {
    const end = at + run.text.length - 1;
    if (end >= at) {
      const s: Style = {};
      s[A().BOLD] = !!run.bold;
      s[A().ITALIC] = !!run.italic;
      s[A().UNDERLINE] = !!run.underline || !!block.ruleUnder;
      t.setAttributes(at, end, s);
    }
    at = end + 1;
  }
}
