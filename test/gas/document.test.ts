// The built bundle writes the printable report as a Google Doc (Decree 30/2020 layout) and the report tab's native charts.
import { boot } from './boot';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';
import type { MemDocument, MemParagraph, MemSheet, MemTable } from '../../src/local/runtime';

const PT_PER_MM = 72 / 25.4;

function makeDoc() {
  const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
  rt.resetCalls();
  const result = app.createReportDocument('07/2024', ['03']) as { url: string; name: string };
  expect(rt.documents).toHaveLength(1);
  return { rt, app, result, doc: rt.documents[0] as MemDocument };
}
const findParagraph = (doc: MemDocument, text: string): MemParagraph => {
  const p = doc.paragraphs().find((x) => x.text === text);
  if (!p) throw new Error(`No paragraph "${text}" in:\n${doc.toPlain()}`);
  return p;
};
/** Every character of the paragraph has the attribute. */
const all = (p: MemParagraph, key: 'bold' | 'italic' | 'underline') => p.text.length > 0 && p.chars.every((c) => c[key]);

describe('createReportDocument', () => {
  test('returns the url and name of a new Google Doc', () => {
    const { result, doc } = makeDoc();
    expect(result.name).toBe('Báo cáo i-Speed tháng 07/2024');
    expect(doc.name).toBe(result.name);
    expect(result.url).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(doc.closed).toBe(true); // saved and closed
  });

  test('the page is A4 with the Decree 30/2020 margins (top 20, bottom 20, left 30, right 15 mm)', () => {
    const { doc } = makeDoc();
    const p = doc.body.page;
    expect(Math.abs(p.width - 595.3)).toBeLessThan(1);
    expect(Math.abs(p.height - 841.9)).toBeLessThan(1);
    expect(p.top).toBeCloseTo(20 * PT_PER_MM, 3);
    expect(p.bottom).toBeCloseTo(20 * PT_PER_MM, 3);
    expect(p.left).toBeCloseTo(30 * PT_PER_MM, 3);
    expect(p.right).toBeCloseTo(15 * PT_PER_MM, 3);
  });

  test('all text is Times New Roman with a size', () => {
    const { doc } = makeDoc();
    const chars = doc.paragraphs().flatMap((p) => p.chars);
    expect(chars.length).toBeGreaterThan(1000);
    expect(new Set(chars.map((c) => c.fontFamily))).toEqual(new Set(['Times New Roman']));
    expect(chars.every((c) => typeof c.fontSize === 'number' && c.fontSize >= 11 && c.fontSize <= 14)).toBe(true);
  });

  test('the first empty paragraph was removed: the document opens with the header table', () => {
    const { doc } = makeDoc();
    expect(doc.body.children[0].kind).toBe('TABLE');
  });

  test('the header table: issuing body on the left, the national motto on the right, without borders', () => {
    const { doc } = makeDoc();
    const header = doc.body.children[0] as MemTable;
    expect(header.borderWidth).toBe(0);
    const [left, right] = header.rows[0].cells;
    const leftParas = left.paragraphs(),
      rightParas = right.paragraphs();
    // Issue 12: the superior body (not bold) above the issuing body, broken between its word groups, then a short rule.
    expect(leftParas.map((p) => p.text).slice(0, 3)).toEqual(['UBND TỈNH GIA LAI', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'TỈNH GIA LAI']);
    expect(all(leftParas[0], 'bold')).toBe(false);
    expect(all(leftParas[1], 'bold') && all(leftParas[2], 'bold')).toBe(true);
    expect(leftParas[3].text).toMatch(/^_{5,}$/);
    expect(rightParas.map((p) => p.text)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Gia Lai, ngày 20 tháng 8 năm 2024',
    ]);
    expect(all(rightParas[0], 'bold')).toBe(true);
    expect(all(rightParas[0], 'underline')).toBe(false);
    expect(all(rightParas[1], 'bold') && all(rightParas[1], 'underline')).toBe(true);
    expect(all(rightParas[2], 'italic')).toBe(true);
    expect(all(rightParas[2], 'bold')).toBe(false);
    expect([...leftParas, ...rightParas].every((p) => p.alignment === 'CENTER')).toBe(true);
  });

  test('the title BÁO CÁO is bold and centred; body paragraphs are justified with a first-line indent', () => {
    const { doc } = makeDoc();
    const title = findParagraph(doc, 'BÁO CÁO');
    expect(all(title, 'bold')).toBe(true);
    expect(title.alignment).toBe('CENTER');
    expect(title.indentFirstLine ?? 0).toBe(0);
    const intro = doc.paragraphs().find((p) => p.text.startsWith('Sở Thông tin và Truyền thông tỉnh Gia Lai báo cáo'))!;
    expect(intro.alignment).toBe('JUSTIFY');
    expect(intro.indentFirstLine).toBeCloseTo(10 * PT_PER_MM, 3);
    expect(intro.chars.some((c) => c.bold)).toBe(false);
  });

  test('centred captions have no first-line indent even after an indented paragraph', () => {
    const { doc } = makeDoc();
    const caption = doc.paragraphs().find((p) => p.text.startsWith('Bảng tổng hợp chỉ tiêu'))!;
    expect(caption.alignment).toBe('CENTER');
    expect(all(caption, 'italic')).toBe(true);
    expect(caption.indentFirstLine ?? 0).toBe(0);
  });

  test('the figures of the example appear in the body and in the tables, with bold table headers', () => {
    const { doc } = makeDoc();
    const plain = doc.toPlain();
    // Issue 12 (items 6 and 8): one-decimal percentages, the figures before what they count.
    expect(plain).toContain('305/620 cán bộ, công chức, viên chức, người lao động đã cài đặt ứng dụng i-Speed, đạt 49,2%');
    expect(plain).toContain('2/4 đơn vị đã gửi báo cáo hợp lệ, đạt 50,0%');
    expect(plain).toContain('11 | Số mẫu đo i-Speed trên địa bàn (trong kỳ) | 640 | 1.390');
    expect(plain).toContain('1 | Thành phố Pleiku | Đúng hạn | 56,7%');
    const tables = doc.body.children.filter((c): c is MemTable => c.kind === 'TABLE');
    expect(tables).toHaveLength(4); // header, totals, units, footer
    const totals = tables[1];
    expect(totals.borderWidth).toBeGreaterThan(0);
    expect(totals.rows[0].cells.every((c) => all(c.paragraphs()[0], 'bold'))).toBe(true);
    expect(totals.rows[1].cells.some((c) => c.paragraphs()[0].chars.some((ch) => ch.bold))).toBe(false);
    expect(totals.rows[1].cells[0].paragraphs()[0].chars[0].fontSize).toBe(12);
  });

  test("the header columns are sized so the motto fits one line and the issuing body's longest line fits its column", () => {
    const { doc } = makeDoc();
    const header = doc.body.children[0] as MemTable;
    const [left, right] = header.columnWidths as number[];
    // Bold 12 pt Times New Roman (Liberation Serif metrics, measured in Chromium): the motto 87.7 mm, the body 74.0 mm.
    expect(right).toBeGreaterThanOrEqual(87.7 * PT_PER_MM);
    expect(left).toBeGreaterThanOrEqual(74.0 * PT_PER_MM);
    expect(left + right).toBeLessThanOrEqual(165 * PT_PER_MM + 0.01); // within the text width
    expect(header.rows[0].cells.every((c) => c.padding.left === 0 && c.padding.right === 0)).toBe(true);
    const motto = findParagraph(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(motto.chars.every((c) => c.fontSize === 12)).toBe(true);
  });

  test('data tables: numbers right-aligned, the number column centred, compact rows', () => {
    const { doc } = makeDoc();
    const totals = doc.body.children.filter((c): c is MemTable => c.kind === 'TABLE')[1];
    const body = totals.rows.slice(1);
    expect(body.every((r) => r.cells[2].paragraphs()[0].alignment === 'RIGHT' && r.cells[3].paragraphs()[0].alignment === 'RIGHT')).toBe(
      true,
    );
    expect(body.every((r) => r.cells[0].paragraphs()[0].alignment === 'CENTER')).toBe(true);
    expect(body.every((r) => (r.cells[1].paragraphs()[0].alignment ?? 'LEFT') === 'LEFT')).toBe(true);
    expect(totals.rows.every((r) => r.cells.every((c) => c.padding.top === 2 && c.padding.bottom === 2))).toBe(true);
  });

  test('styles are batched: one setAttributes per paragraph and per cell, none of the per-attribute setters', () => {
    const { rt } = makeDoc();
    for (const m of [
      'Text.setFontFamily',
      'Text.setFontSize',
      'Text.setItalic',
      'Text.setUnderline',
      'Paragraph.setAlignment',
      'Paragraph.setIndentFirstLine',
    ]) {
      expect([m, rt.calls[m] ?? 0]).toEqual([m, 0]);
    }
    // Form 03 of the example: 4 tables (header, totals 12x4, units 5x4, footer) and 36 paragraphs.
    expect(rt.calls['TableCell.setAttributes']).toBe(4 + 12 * 4 + 5 * 4);
    expect(rt.calls['Paragraph.setAttributes']).toBeLessThan(100);
  });

  test('writes with a bounded number of document calls, creating and closing one document', () => {
    const { rt } = makeDoc();
    const docCalls = rt.totalCalls((n) => /^(DocumentApp|Document|Body|Paragraph|Text|Table|TableRow|TableCell)\./.test(n));
    expect(docCalls).toBeLessThan(600);
    expect(rt.calls['DocumentApp.create']).toBe(1);
    expect(rt.calls['Document.saveAndClose']).toBe(1);
  });

  test('a failure of the Docs service surfaces to the caller', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    rt.failOn('Body.appendTable', 2, 'Service Documents failed while accessing document with id 1.');
    expect(() => app.createReportDocument('07/2024', ['03'])).toThrow('Service Documents failed');
  });
});

describe('createReportTab charts', () => {
  test('inserts the two native charts (bar and line) in the report tab', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(app.createReportTab('07/2024', ['03'])).toEqual({ sheetName: 'Báo cáo 07-2024' });
    const sheet = rt.spreadsheet.sheet('Báo cáo 07-2024') as MemSheet;
    expect(sheet.charts.map((c) => c.type)).toEqual(['BAR', 'LINE']);
    for (const c of sheet.charts) {
      expect(c.ranges).toHaveLength(1);
      expect(c.ranges[0]).toMatch(/^'Báo cáo 07-2024'!/);
      expect(typeof c.options.title).toBe('string');
    }
    expect(rt.calls['Sheet.insertChart']).toBe(2);
  });
});
