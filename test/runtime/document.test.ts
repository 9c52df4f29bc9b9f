// The in-memory DocumentApp: structure, rich text, tables, page setup, counting and faults, as the real service behaves.
import { createRuntime, KilledExecution, type MemParagraph } from '../../src/local/runtime';

type G = { DocumentApp: GoogleAppsScript.Document.DocumentApp };
function setup() {
  const rt = createRuntime({ now: new Date('2024-08-20T02:00:00Z') });
  const { DocumentApp } = rt.globals as unknown as G;
  const doc = DocumentApp.create('Báo cáo i-Speed');
  return { rt, DocumentApp, doc, body: doc.getBody() };
}
const H = (DocumentApp: GoogleAppsScript.Document.DocumentApp) => DocumentApp.HorizontalAlignment;

describe('DocumentApp and Document', () => {
  test('create gives a named document with an id, an edit url, and records it in rt.documents', () => {
    const { rt, DocumentApp, doc } = setup();
    expect(doc.getName()).toBe('Báo cáo i-Speed');
    expect(doc.getId()).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    const other = DocumentApp.create('Khác');
    expect(other.getId()).not.toBe(doc.getId());
    expect(rt.documents.map((d) => d.name)).toEqual(['Báo cáo i-Speed', 'Khác']);
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Báo cáo i-Speed');
    expect(DocumentApp.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(() => DocumentApp.openById('nope')).toThrow('Document is missing');
  });

  test('a new body holds one empty paragraph and the default Letter page with 1-inch margins', () => {
    const { body, DocumentApp } = setup();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getText()).toBe('');
    expect([body.getPageWidth(), body.getPageHeight(), body.getMarginTop(), body.getMarginLeft()]).toEqual([612, 792, 72, 72]);
    body.appendParagraph('p1');
    expect(body.getText()).toBe('\np1');
  });

  test('page size and margins are set in points and chain', () => {
    const { body } = setup();
    const mm = 72 / 25.4;
    expect(
      body
        .setPageWidth(210 * mm)
        .setPageHeight(297 * mm)
        .setMarginTop(20 * mm)
        .setMarginBottom(20 * mm)
        .setMarginLeft(30 * mm)
        .setMarginRight(15 * mm),
    ).toBe(body);
    expect(body.getPageWidth()).toBeCloseTo(595.3, 1);
    expect(body.getPageHeight()).toBeCloseTo(841.9, 1);
    expect(
      [body.getMarginTop(), body.getMarginBottom(), body.getMarginLeft(), body.getMarginRight()].map((x) => Math.round(x * 100) / 100),
    ).toEqual([56.69, 56.69, 85.04, 42.52]);
  });

  test('the document HorizontalAlignment and ElementType enums print as their names', () => {
    const { DocumentApp } = setup();
    expect(Object.keys(H(DocumentApp))).toEqual(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
    expect(String(DocumentApp.ElementType.TABLE)).toBe('TABLE');
    expect(String(DocumentApp.Attribute.BOLD)).toBe('BOLD');
  });

  test('after saveAndClose content edits throw, but the id, name and url still read', () => {
    const { DocumentApp, doc, body } = setup();
    const p = body.appendParagraph('x');
    doc.saveAndClose();
    expect(() => p.setText('y')).toThrow('Document is closed, its contents cannot be updated.');
    expect(() => body.appendParagraph('z')).toThrow('Document is closed');
    expect(() => p.editAsText().setBold(true)).toThrow('Document is closed');
    expect(doc.getUrl()).toContain(doc.getId());
    expect(body.getText()).toBe('\nx');
    // Opening it again gives an editable handle.
    DocumentApp.openById(doc.getId()).getBody().appendParagraph('z');
    expect(body.getText()).toBe('\nx\nz');
  });

  test('create is refused in a simple trigger (documents scope needs authorization)', () => {
    const { rt, DocumentApp } = setup();
    rt.state.authMode = 'LIMITED';
    expect(() => DocumentApp.create('x')).toThrow('You do not have permission to call DocumentApp.create');
  });
});

describe('Body structure', () => {
  test('appendTable adds the table and an empty paragraph after it: a body never ends with a table', () => {
    const { body, DocumentApp } = setup();
    const t = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getChild(2).asParagraph().getText()).toBe('');
    expect(body.getChild(1).asTable()).toBe(t);
    expect(body.getTables()).toHaveLength(1);
  });

  test('the first empty paragraph can be removed once other content follows; the last paragraph never', () => {
    const { body } = setup();
    expect(() => body.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    body.appendTable([['x']]);
    body.getChild(0).removeFromParent();
    expect(body.getNumChildren()).toBe(2);
    expect(String(body.getChild(0).getType())).toBe('TABLE');
    expect(() => body.getChild(1).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    // A table can go: it is not a paragraph.
    body.getChild(0).removeFromParent();
    expect(body.getNumChildren()).toBe(1);
  });

  test('getChild out of range and wrong casts throw', () => {
    const { body } = setup();
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (1).');
    expect(() => body.getChild(0).asTable()).toThrow('Cannot cast Paragraph to Table');
  });

  test('getParagraphs includes the paragraphs inside table cells; getText joins paragraphs with newlines', () => {
    const { body } = setup();
    body.appendParagraph('Tiêu đề');
    body.appendTable([['ô 1', 'ô 2']]);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'Tiêu đề', 'ô 1', 'ô 2', '']);
    expect(body.getText()).toBe('\nTiêu đề\nô 1\nô 2\n');
  });

  test('clear leaves one empty paragraph', () => {
    const { body } = setup();
    body.appendParagraph('a');
    body.appendTable([['b']]);
    expect(body.clear()).toBe(body);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  test('insertParagraph puts a paragraph at an index', () => {
    const { body } = setup();
    body.appendParagraph('b');
    body.insertParagraph(0, 'a');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['a', '', 'b']);
  });
});

describe('Paragraph and Text', () => {
  test('setText, alignment and first-line indent', () => {
    const { body, DocumentApp } = setup();
    const p = body.appendParagraph('');
    p.setText('BÁO CÁO');
    expect(p.getText()).toBe('BÁO CÁO');
    expect(p.getAlignment()).toBe(H(DocumentApp).LEFT);
    expect(p.setAlignment(H(DocumentApp).CENTER)).toBe(p);
    expect(p.getAlignment()).toBe(H(DocumentApp).CENTER);
    expect(p.getIndentFirstLine()).toBe(0);
    p.setIndentFirstLine(28.35);
    expect(p.getIndentFirstLine()).toBe(28.35);
    expect(() => p.setAlignment(undefined as unknown as GoogleAppsScript.Document.HorizontalAlignment)).toThrow('Invalid argument');
  });

  test('ranged bold/italic/underline keep per-character attributes; whole-text forms apply to all', () => {
    const { body } = setup();
    const p = body.appendParagraph('Độc lập - Tự do');
    const t = p.editAsText();
    t.setFontFamily('Times New Roman').setFontSize(14).setBold(0, 6, true).setItalic(10, 14, true).setUnderline(0, 14, true);
    expect([t.isBold(0), t.isBold(6), t.isBold(7)]).toEqual([true, true, false]);
    expect([t.isItalic(9), t.isItalic(10)]).toEqual([false, true]);
    expect(t.isUnderline(14)).toBe(true);
    expect(t.isBold()).toBeNull(); // mixed
    expect(t.isUnderline()).toBe(true);
    expect([t.getFontFamily(), t.getFontFamily(3), t.getFontSize(), t.getFontSize(14)]).toEqual([
      'Times New Roman',
      'Times New Roman',
      14,
      14,
    ]);
    expect(t.getTextAttributeIndices()).toEqual([0, 7, 10]);
    expect((p as unknown as MemParagraph).runs().map((r) => [r.text, r.bold, r.italic])).toEqual([
      ['Độc lập', true, false],
      [' - ', false, false],
      ['Tự do', false, true],
    ]);
    t.setBold(false);
    expect(t.isBold()).toBe(false);
  });

  test('unset attributes read false (style) and null (font)', () => {
    const { body } = setup();
    const t = body.appendParagraph('abc').editAsText();
    expect([t.isBold(0), t.isItalic(1), t.isUnderline(2), t.getFontFamily(0), t.getFontSize(0)]).toEqual([false, false, false, null, null]);
  });

  test('offsets beyond the text throw', () => {
    const { body } = setup();
    const t = body.appendParagraph('abc').editAsText();
    expect(() => t.setBold(0, 3, true)).toThrow('Index (3) must be less than the content length (3).');
    expect(() => t.isBold(5)).toThrow('must be less than the content length');
    expect(() => body.getChild(0).asParagraph().editAsText().setBold(0, 0, true)).toThrow('content length (0)');
  });

  test('appendText returns the appended run, styled on its own', () => {
    const { body } = setup();
    const p = body.appendParagraph('Kỳ: ');
    p.appendText('07/2024').setBold(true);
    expect(p.getText()).toBe('Kỳ: 07/2024');
    const t = p.editAsText();
    expect([t.isBold(0), t.isBold(4), t.isBold(10)]).toEqual([false, true, true]);
  });

  test('body.editAsText spans paragraphs with one newline between them', () => {
    const { body } = setup();
    body.getChild(0).asParagraph().setText('ab');
    body.appendParagraph('cd');
    const t = body.editAsText();
    expect(t.getText()).toBe('ab\ncd');
    t.setBold(1, 3, true); // b, newline, c
    expect(body.getParagraphs().map((p) => [p.editAsText().isBold(0), p.editAsText().isBold(1)])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  test("appendParagraph copies the previous paragraph's alignment, indent and text style (unverified: callers set them all)", () => {
    const { body, DocumentApp } = setup();
    const a = body.appendParagraph('Đậm');
    a.setAlignment(H(DocumentApp).JUSTIFY).setIndentFirstLine(28);
    a.editAsText().setBold(true);
    const b = body.appendParagraph('tiếp');
    expect([b.getAlignment(), b.getIndentFirstLine(), b.editAsText().isBold(0)]).toEqual([H(DocumentApp).JUSTIFY, 28, true]);
  });
});

describe('Tables', () => {
  test('rows, cells, borders, and text editing across all cells', () => {
    const { body } = setup();
    const t = body.appendTable([
      ['STT', 'Chỉ tiêu'],
      ['1', 'Tổng số'],
    ]);
    expect(t.getNumRows()).toBe(2);
    const row = t.getRow(1);
    expect(row.getNumCells()).toBe(2);
    expect(row.getCell(1).getText()).toBe('Tổng số');
    expect(t.getCell(0, 1).getText()).toBe('Chỉ tiêu');
    expect(t.getText()).toBe('STT\nChỉ tiêu\n1\nTổng số');
    expect(t.getBorderWidth()).toBe(1);
    expect(t.setBorderWidth(0).getBorderWidth()).toBe(0);
    t.editAsText().setFontFamily('Times New Roman').setFontSize(12);
    t.getRow(0).getCell(0).editAsText().setBold(true);
    const cellText = (r: number, c: number) => t.getCell(r, c).editAsText();
    expect([cellText(0, 0).isBold(0), cellText(1, 0).isBold(0), cellText(1, 1).getFontFamily(0), cellText(1, 1).getFontSize()]).toEqual([
      true,
      false,
      'Times New Roman',
      12,
    ]);
  });

  test('a new cell holds one paragraph with its text; more paragraphs can be appended', () => {
    const { body, DocumentApp } = setup();
    const cell = body
      .appendTable([['', 'x']])
      .getRow(0)
      .getCell(0);
    expect(cell.getNumChildren()).toBe(1);
    const first = cell.getChild(0).asParagraph();
    first.setText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const second = cell.appendParagraph('Độc lập - Tự do - Hạnh phúc');
    expect(second.getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(cell.getNumChildren()).toBe(2);
    expect(cell.getText()).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(cell.getParentTable().getNumRows()).toBe(1);
    expect(() => second.removeFromParent()).toThrow("Can't remove the last paragraph");
    first.removeFromParent();
    expect(cell.setText('y').getText()).toBe('y');
    expect(cell.getNumChildren()).toBe(1);
  });
});

describe('counting, faults and dumps', () => {
  test('every call is counted as Interface.method', () => {
    const { rt, body } = setup();
    rt.resetCalls();
    const p = body.appendParagraph('x');
    p.editAsText().setBold(true);
    body
      .appendTable([['a']])
      .getRow(0)
      .getCell(0)
      .getChild(0)
      .asParagraph()
      .setText('b');
    expect(rt.calls).toEqual({
      'Body.appendParagraph': 1,
      'Paragraph.editAsText': 1,
      'Text.setBold': 1,
      'Body.appendTable': 1,
      'Table.getRow': 1,
      'TableRow.getCell': 1,
      'TableCell.getChild': 1,
      'Paragraph.asParagraph': 1,
      'Paragraph.setText': 1,
    });
  });

  test('failOn and killOn work on document calls', () => {
    const { rt, DocumentApp, body } = setup();
    rt.failOn('DocumentApp.create', 1, 'Service Documents failed while accessing document.');
    expect(() => DocumentApp.create('x')).toThrow('Service Documents failed while accessing document.');
    rt.killOn('Text.setItalic', 1);
    const t = body.appendParagraph('abc').editAsText();
    expect(() => t.setItalic(true)).toThrow(KilledExecution);
    expect(() => body.getText()).toThrow(KilledExecution);
    rt.revive();
  });

  test('toPlain and html dump the document with its runs', () => {
    const { rt, body, DocumentApp } = setup();
    const p = body.appendParagraph('BÁO CÁO tháng');
    p.setAlignment(H(DocumentApp).CENTER);
    p.editAsText().setBold(0, 6, true).setUnderline(8, 12, true);
    body.appendTable([['a', 'b']]).setBorderWidth(0);
    const doc = rt.documents[0];
    expect(doc.toPlain()).toBe('\nBÁO CÁO tháng\na | b\n');
    expect(doc.html()).toContain('<p style="text-align:center"><b>BÁO CÁO</b> <u>tháng</u></p>');
    expect(doc.html()).toContain('<table border="0"><tr><td><p>a</p></td><td><p>b</p></td></tr></table>');
  });
});

// Google's Attribute reference (developers.google.com/apps-script/reference/document/attribute) styles with an object
// keyed by DocumentApp.Attribute, e.g. Text.setAttributes(0, 4, style); its table says which element takes which
// attribute (rich text: BOLD, FONT_SIZE…; paragraphs: HORIZONTAL_ALIGNMENT; table cells: PADDING_*). Whether the real
// service cascades an attribute to children (a row's padding to its cells) is not documented, so the runtime refuses
// what that table does not give an element rather than guess kindly.
describe('setAttributes with a style object', () => {
  const A = (DocumentApp: GoogleAppsScript.Document.DocumentApp) => DocumentApp.Attribute;

  test("a paragraph takes its alignment, first-line indent and its text's attributes in one call", () => {
    const { rt, DocumentApp, body } = setup();
    const p = body.appendParagraph('Kính gửi');
    const style: Record<string, unknown> = {};
    style[A(DocumentApp).HORIZONTAL_ALIGNMENT] = H(DocumentApp).CENTER;
    style[A(DocumentApp).INDENT_FIRST_LINE] = 28.35;
    style[A(DocumentApp).FONT_FAMILY] = 'Times New Roman';
    style[A(DocumentApp).FONT_SIZE] = 13;
    style[A(DocumentApp).BOLD] = true;
    rt.resetCalls();
    expect(p.setAttributes(style)).toBe(p);
    expect(rt.calls['Paragraph.setAttributes']).toBe(1);
    expect(p.getAlignment()).toBe(H(DocumentApp).CENTER);
    expect(p.getIndentFirstLine()).toBeCloseTo(28.35, 5);
    const t = p.editAsText();
    expect([t.isBold(), t.getFontSize(), t.getFontFamily()]).toEqual([true, 13, 'Times New Roman']);
  });

  test('Text.setAttributes styles a range or the whole text, rich-text attributes only', () => {
    const { DocumentApp, body } = setup();
    const t = body.appendParagraph('BÁO CÁO tháng').editAsText();
    const bold: Record<string, unknown> = {};
    bold[A(DocumentApp).BOLD] = true;
    t.setAttributes(0, 6, bold);
    expect([t.isBold(0), t.isBold(6), t.isBold(8)]).toEqual([true, true, false]);
    const size: Record<string, unknown> = {};
    size[A(DocumentApp).FONT_SIZE] = 12;
    t.setAttributes(size);
    expect(t.getFontSize()).toBe(12);
    const align: Record<string, unknown> = {};
    align[A(DocumentApp).HORIZONTAL_ALIGNMENT] = H(DocumentApp).RIGHT;
    expect(() => t.setAttributes(align)).toThrow('not supported');
    expect(() => t.setAttributes(0, 99, bold)).toThrow('must be less than the content length');
  });

  test('a table cell takes its padding; text attributes on a cell are refused (they belong to its paragraphs)', () => {
    const { DocumentApp, body } = setup();
    const table = body.appendTable([['a', 'b']]);
    const cell = table.getCell(0, 1);
    const pad: Record<string, unknown> = {};
    pad[A(DocumentApp).PADDING_TOP] = 2;
    pad[A(DocumentApp).PADDING_BOTTOM] = 2;
    cell.setAttributes(pad);
    expect([cell.getPaddingTop(), cell.getPaddingBottom()]).toEqual([2, 2]);
    const bold: Record<string, unknown> = {};
    bold[A(DocumentApp).BOLD] = true;
    expect(() => cell.setAttributes(bold)).toThrow('not supported');
    expect(() => cell.setAttributes({ PADDING_TOP: -1 })).toThrow('Invalid argument: PADDING_TOP');
    expect(() => cell.setAttributes({ NOT_AN_ATTRIBUTE: 1 })).toThrow('Invalid argument');
  });

  test('Table.setColumnWidth sets a column in points; a column that does not exist throws', () => {
    const { body } = setup();
    const table = body.appendTable([['a', 'b']]);
    expect(table.setColumnWidth(1, 250)).toBe(table);
    expect(table.getColumnWidth(1)).toBe(250);
    expect(() => table.setColumnWidth(2, 10)).toThrow('Child index (2)');
    expect(() => table.setColumnWidth(0, 0)).toThrow('Invalid argument: width');
  });
});
