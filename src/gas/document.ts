// The printable document as a Google Doc, from the same model that renders to HTML and PDF locally.
// DocumentApp.create puts it in the user's Drive with the documents scope only (no broad Drive scope).
import { reportDocument, type Align, type Block, type DocModel, type Paragraph } from '../core/report/document';
import type { Report } from '../core/report/model';
import type { Settings } from '../core/model';
import type { Day } from '../core/periods';

const PT_PER_MM = 72 / 25.4;
const DOC_FONT = 'Times New Roman';

export function writeReportDocument(r: Report, settings: Settings, today: Day): { url: string; name: string } {
  const model = reportDocument(r, settings, today);
  const doc = DocumentApp.create(model.title);
  renderDoc(doc.getBody(), model);
  doc.saveAndClose();
  return { url: doc.getUrl(), name: model.title };
}

function alignment(a: Align): GoogleAppsScript.Document.HorizontalAlignment {
  const H = DocumentApp.HorizontalAlignment;
  return a === 'center' ? H.CENTER : a === 'right' ? H.RIGHT : a === 'justify' ? H.JUSTIFY : H.LEFT;
}

export function renderDoc(body: GoogleAppsScript.Document.Body, model: DocModel): void {
  const m = model.page.marginsMm;
  body.setPageWidth(model.page.widthMm * PT_PER_MM).setPageHeight(model.page.heightMm * PT_PER_MM)
    .setMarginTop(m.top * PT_PER_MM).setMarginBottom(m.bottom * PT_PER_MM)
    .setMarginLeft(m.left * PT_PER_MM).setMarginRight(m.right * PT_PER_MM);
  for (const block of model.blocks) appendBlock(body, block);
  // A new document starts with one empty paragraph: drop it once there is content after it.
  if (body.getNumChildren() > 1) body.getChild(0).removeFromParent();
}

function appendBlock(body: GoogleAppsScript.Document.Body, block: Block): void {
  if (block.kind === 'paragraph') {
    styleParagraph(body.appendParagraph(''), block);
  } else if (block.kind === 'table') {
    const table = body.appendTable([block.header, ...block.rows]);
    table.editAsText().setFontFamily(DOC_FONT).setFontSize(block.sizePt);
    const header = table.getRow(0);
    for (let c = 0; c < header.getNumCells(); c++) header.getCell(c).editAsText().setBold(true);
  } else {
    // Side-by-side blocks: a one-row table without borders, one cell per column.
    const table = body.appendTable([block.cells.map(() => '')]);
    table.setBorderWidth(0);
    const row = table.getRow(0);
    block.cells.forEach((paragraphs, i) => {
      const cell = row.getCell(i);
      paragraphs.forEach((p, j) => styleParagraph(j === 0 ? cell.getChild(0).asParagraph() : cell.appendParagraph(''), p));
    });
  }
}

/** Writes the runs into an (empty) paragraph, each with its own bold/italic/underline. */
function styleParagraph(p: GoogleAppsScript.Document.Paragraph, block: Paragraph): void {
  const text = block.runs.map((run) => run.text).join('');
  p.setText(text);
  p.setAlignment(alignment(block.align));
  // Always set: a paragraph appended after an indented one may inherit its indent (reported for real runs).
  p.setIndentFirstLine((block.firstLineIndentMm ?? 0) * PT_PER_MM);
  const t = p.editAsText();
  if (!text) return;
  t.setFontFamily(DOC_FONT).setFontSize(block.sizePt);
  let at = 0;
  for (const run of block.runs) {
    const end = at + run.text.length - 1;
    if (end >= at) t.setBold(at, end, !!run.bold).setItalic(at, end, !!run.italic).setUnderline(at, end, !!run.underline);
    at = end + 1;
  }
}
