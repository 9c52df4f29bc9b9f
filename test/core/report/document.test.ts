import { buildReport } from '../../../src/core/report/model';
import {
  groupName,
  indicatorPhrase,
  nameLines,
  placeDateLine,
  renderDocumentHtml,
  renderReportHtml,
  reportDocument,
  type Block,
  type DocModel,
  type Paragraph,
  type Table,
} from '../../../src/core/report/document';
import { DOC_TEXT as D } from '../../../src/core/text/report';
import { example1, AUG, JUL, JUN, unit, validation, row, defaultSettings } from './fixture';
import { SETTINGS } from '../../../src/core/forms/schema';
import { readSettings } from '../../../src/core/settings';

const TODAY = '2024-08-20';

function docOf(v = example1(), today = TODAY): DocModel {
  return reportDocument(buildReport(v, JUL, ['03'], TODAY), v.settings, today);
}
const paragraphs = (doc: DocModel): Paragraph[] =>
  doc.blocks.flatMap((b: Block) => (b.kind === 'paragraph' ? [b] : b.kind === 'columns' ? b.cells.flat() : []));
const textOf = (p: Paragraph) => p.runs.map((r) => r.text).join('');
const find = (doc: DocModel, text: string) => paragraphs(doc).find((p) => textOf(p) === text)!;

describe('printable document (Decree 30/2020)', () => {
  test('the date line has a leading zero only on days below 10 and on months 1 and 2', () => {
    expect(placeDateLine('Gia Lai', '2024-08-05')).toBe('Gia Lai, ngày 05 tháng 8 năm 2024');
    expect(placeDateLine('Gia Lai', '2025-02-15')).toBe('Gia Lai, ngày 15 tháng 02 năm 2025');
    expect(placeDateLine('Gia Lai', '2024-12-20')).toBe('Gia Lai, ngày 20 tháng 12 năm 2024');
    expect(placeDateLine('Gia Lai', '2025-01-09')).toBe('Gia Lai, ngày 09 tháng 01 năm 2025');
  });

  test('the header holds the issuing body and number on the left, the national motto on the right', () => {
    const doc = docOf(undefined, '2024-08-05');
    const head = doc.blocks[0];
    expect(head.kind).toBe('columns');
    if (head.kind !== 'columns') return;
    // Issue 12: the superior body above the issuing body, whose name breaks between word groups, then a short rule.
    expect(head.cells[0].map(textOf)).toEqual([
      'UBND TỈNH GIA LAI',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'TỈNH GIA LAI',
      '',
      'Số:      /BC-STTTT',
    ]);
    expect(head.cells[0][0].runs[0].bold).toBeFalsy();
    expect(head.cells[0][1].runs[0].bold).toBe(true);
    expect(head.cells[0][2].runs[0].bold).toBe(true);
    expect(head.cells[0][3].ruleMm).toBeGreaterThan(0);
    expect(head.cells[1].map(textOf)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Gia Lai, ngày 05 tháng 8 năm 2024',
    ]);
    expect(head.cells[1][1].runs[0]).toMatchObject({ bold: true });
    expect(head.cells[1][1].ruleUnder).toBe(true);
    expect(head.cells[1][2].runs[0].italic).toBe(true);
  });

  test('A4 page with the Decree 30 margins', () => {
    expect(docOf().page).toMatchObject({ size: 'A4', marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } });
  });

  test('title centred and bold; the summary is written from the figures', () => {
    const doc = docOf();
    const title = find(doc, 'BÁO CÁO');
    expect(title.align).toBe('center');
    expect(title.runs[0].bold).toBe(true);
    const all = paragraphs(doc).map(textOf).join('\n');
    // Issue 12 (items 6 and 8): one-decimal percentages, the figure before what it counts.
    expect(all).toContain('2/4 đơn vị đã gửi báo cáo hợp lệ, đạt 50,0%');
    expect(all).toContain('1 đơn vị gửi đúng hạn (25,0%), 1 đơn vị gửi trễ hạn');
    expect(all).toContain('Thị xã An Khê, Huyện Kông Chro');
    expect(all).toContain('305/620 cán bộ, công chức, viên chức, người lao động đã cài đặt ứng dụng i-Speed, đạt 49,2%.');
    expect(all).toContain('340 người dân được hướng dẫn cài đặt (lũy kế 750)');
    // No VNNIC table: the units' own figures, said to be theirs, and nothing else.
    expect(all).toContain('Theo số liệu đơn vị tự báo cáo, có 1/4 đơn vị đạt chỉ tiêu 300 mẫu đo i-Speed trong tháng (Thành phố Pleiku).');
  });

  test('recipients in bold italic, then the signature block from the settings', () => {
    const v = example1();
    v.settings.signerName = 'Nguyễn Văn A';
    const doc = docOf(v);
    const foot = doc.blocks[doc.blocks.length - 1];
    if (foot.kind !== 'columns') throw new Error('footer is not columns');
    expect(foot.cells[0].map(textOf)).toEqual([
      'Nơi nhận:',
      '- Bộ Thông tin và Truyền thông (Cục Viễn thông);',
      '- UBND tỉnh (b/c);',
      '- Lưu: VT.',
    ]);
    expect(foot.cells[0][0].runs[0]).toMatchObject({ bold: true, italic: true });
    const sign = foot.cells[1].filter((p) => textOf(p) !== '');
    expect(sign.map(textOf)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn A']);
    expect(sign.every((p) => p.runs[0].bold)).toBe(true);
  });
});

describe('HTML renderings', () => {
  const evil = '<img src=x onerror=alert(1)>';
  function evilReport() {
    const v = validation(
      [unit('X-1', evil, '03'), unit('X-2', 'Huyện Chư Sê', '03')],
      [row('03', 2, 'X-2', JUL, [100, 50, 10, 1, 1, 5, 1, 5, 5, 5, 5], [2024, 8, 1, 8, 0])],
    );
    const r = buildReport(v, JUL, ['03'], TODAY);
    return { r, doc: reportDocument(r, v.settings, TODAY) };
  }

  test('a unit named like an HTML tag is escaped everywhere', () => {
    const { r, doc } = evilReport();
    for (const html of [renderDocumentHtml(doc), renderReportHtml(r, doc)]) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  test('the document page is A4 with the margins and the serif fonts', () => {
    const html = renderDocumentHtml(docOf());
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm; }');
    expect(html).toContain('font-family: "Times New Roman", Tinos, "Liberation Serif", serif');
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  test('the report HTML is self-contained: two inline SVG charts and no external reference', () => {
    const { r, doc } = evilReport();
    const html = renderReportHtml(r, doc);
    expect(html.match(/<svg/g)!.length).toBe(2);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).toContain('Báo cáo i-Speed tháng 07/2024');
  });

  test('the settings are escaped too', () => {
    const s = { ...defaultSettings(), department: '<b>x</b>' };
    const v = example1();
    const html = renderDocumentHtml(reportDocument(buildReport(v, JUL, ['03'], TODAY), s, TODAY));
    expect(html).not.toMatch(/<b>x<\/b>/i);
  });
});

describe('the header block and the wording (issue 12)', () => {
  test("a body's name breaks before its place name, never inside a word group", () => {
    expect(nameLines('Sở Thông tin và Truyền thông tỉnh Gia Lai')).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'TỈNH GIA LAI']);
    expect(nameLines('UBND tỉnh Gia Lai')).toEqual(['UBND TỈNH GIA LAI']);
    // `Phát triển nông thôn` is one group, as the setting's capitals say: never `PHÁT` / `TRIỂN`.
    expect(nameLines('Sở Nông nghiệp và Phát triển nông thôn tỉnh Gia Lai')).toEqual([
      'SỞ NÔNG NGHIỆP',
      'VÀ PHÁT TRIỂN NÔNG THÔN',
      'TỈNH GIA LAI',
    ]);
    expect(nameLines('Sở Giáo dục và Đào tạo tỉnh Gia Lai')).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'TỈNH GIA LAI']);
    // No place word: the most even split whose lines fit, never after a binding word such as "và".
    for (const lines of [
      nameLines('Trung tâm Công nghệ thông tin và Truyền thông'),
      nameLines('Ban Quản lý Khu kinh tế tỉnh Gia Lai và các khu công nghiệp'),
    ]) {
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(29);
      for (const l of lines.slice(0, -1)) expect(l).not.toMatch(/ (VÀ|CỦA|CÁC)$/);
    }
  });

  test('the superior body from `Cơ quan chủ quản` sits above the issuing body; none in the model, none printed', () => {
    const v = example1();
    v.settings.superiorBody = 'Ủy ban nhân dân tỉnh Gia Lai';
    const head = docOf(v).blocks[0];
    if (head.kind !== 'columns') throw new Error('header is not columns');
    expect(head.cells[0].slice(0, 2).map(textOf)).toEqual(['ỦY BAN NHÂN DÂN TỈNH GIA LAI', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    v.settings.superiorBody = '';
    const bare = docOf(v).blocks[0];
    if (bare.kind !== 'columns') throw new Error('header is not columns');
    expect(textOf(bare.cells[0][0])).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
  });

  test('the header lines do not wrap; the motto has its rule under it and the subject a short rule', () => {
    const doc = docOf();
    const head = doc.blocks[0];
    if (head.kind !== 'columns') throw new Error('header is not columns');
    expect(
      head.cells
        .flat()
        .filter((p) => textOf(p))
        .every((p) => p.noWrap),
    ).toBe(true);
    expect(head.cells[1].find((p) => textOf(p) === 'Độc lập - Tự do - Hạnh phúc')!.ruleUnder).toBe(true);
    const subject = doc.blocks.findIndex((b) => b.kind === 'paragraph' && textOf(b).startsWith('Kết quả tuyên truyền'));
    expect((doc.blocks[subject + 1] as Paragraph).ruleMm).toBeGreaterThan(0);
  });

  test('an empty `Người ký` leaves a visible line to sign; the signature block is kept together', () => {
    const doc = docOf();
    const foot = doc.blocks[doc.blocks.length - 1];
    if (foot.kind !== 'columns') throw new Error('footer is not columns');
    expect(foot.keepTogether).toBe(true);
    expect(textOf(foot.cells[1][foot.cells[1].length - 1])).toMatch(/^…{10,}$/);
  });

  test('the date on the document may differ from the day the figures stand at', () => {
    const v = example1();
    const doc = reportDocument(buildReport(v, JUL, ['03'], TODAY), v.settings, TODAY, '2024-08-23');
    const all = paragraphs(doc).map(textOf).join('\n');
    expect(all).toContain('Gia Lai, ngày 23 tháng 8 năm 2024');
    expect(all).toContain('(số liệu tổng hợp đến ngày 20/08/2024)');
    expect(doc.appendix.map(textOf).join('\n')).toContain(
      '(Kèm theo Báo cáo số      /BC-STTTT ngày 23 tháng 8 năm 2024 của Sở Thông tin và Truyền thông tỉnh Gia Lai)',
    );
    expect(textOf(doc.appendix[0])).toBe('Phụ lục');
  });

  test('a figure sits before what it counts; airtime reads "thời lượng phát sóng 42,3 phút"', () => {
    expect(indicatorPhrase('Thời lượng phát sóng, phút (trong kỳ)', '42,3')).toBe('thời lượng phát sóng 42,3 phút');
    expect(indicatorPhrase('Số người thân được hướng dẫn cài đặt (đến nay)', '2.973')).toBe('2.973 người thân được hướng dẫn cài đặt');
    expect(indicatorPhrase('Tổng số điểm giao dịch (đến nay)', '120')).toBe('120 điểm giao dịch');
  });

  test('no run-on sentence: stocks and flows are sentences of their own', () => {
    const all = paragraphs(docOf()).map(textOf);
    expect(all.join('\n')).not.toMatch(/, trong kỳ: /);
    expect(all).toContain(
      'Lũy kế đến cuối kỳ: 180 người thân được hướng dẫn cài đặt; 23 xã, phường, thị trấn đã triển khai; 78 thôn, làng, tổ dân phố đã triển khai; 11 tổ công nghệ số cộng đồng tham gia.',
    );
    expect(all.some((p) => p.startsWith('Trong kỳ: 29 lượt phát trên hệ thống truyền thanh cơ sở (lũy kế 67); 340 người dân'))).toBe(true);
  });

  test('stocks carried from an earlier period are said to be, right after the stocks', () => {
    // July: Thị xã An Khê's July row has errors, so its stocks are June's.
    const july = paragraphs(docOf()).map(textOf);
    const stocks = july.findIndex((p) => p.startsWith('Lũy kế đến cuối kỳ: 180 người thân'));
    expect(july[stocks + 1]).toBe('Số liệu đến cuối kỳ nêu trên gồm số liệu cũ (từ kỳ 06/2024) của 1 đơn vị chưa có số liệu kỳ này.');
    expect(july[stocks + 2]).toMatch(/^Trong kỳ: /);
    // August: nobody has reported yet; the figures come from July (2 units) and June (1): "from", not "of", June.
    const v = example1();
    const august = paragraphs(reportDocument(buildReport(v, AUG, ['03'], TODAY), v.settings, TODAY)).map(textOf);
    expect(august).toContain('Số liệu đến cuối kỳ nêu trên gồm số liệu cũ (từ kỳ 06/2024) của 3 đơn vị chưa có số liệu kỳ này.');
    // All from one period: said as that period's.
    const one = validation(
      [unit('H-1', 'Huyện KBang', '03'), unit('H-2', 'Huyện Ia Pa', '03')],
      [
        row('03', 2, 'H-1', JUN, [300, 150, 80, 10, 40, 20, 5, 200, 6, 12, 320], [2024, 7, 5, 9, 0]),
        row('03', 3, 'H-2', JUN, [120, 40, 30, 4, 12, 8, 2, 90, 2, 3, 150], [2024, 7, 10, 15, 0]),
      ],
    );
    const all = paragraphs(reportDocument(buildReport(one, JUL, ['03'], TODAY), one.settings, TODAY)).map(textOf);
    expect(all).toContain('Số liệu đến cuối kỳ nêu trên là số liệu kỳ 06/2024 (kỳ này chưa có số liệu mới).');
    // June, every unit's own figures: nothing to say.
    const june = paragraphs(reportDocument(buildReport(v, JUN, ['03'], TODAY), v.settings, TODAY)).map(textOf);
    expect(june.filter((p) => p.startsWith('Số liệu đến cuối kỳ nêu trên'))).toEqual([]);
  });

  test("groups are named by who reports: districts or communes from the period's units, departments, enterprises", () => {
    const communes = validation([unit('X-1', 'Xã Ia Grai', '03'), unit('X-2', 'Phường Hội Thương', '03')], []);
    expect(groupName(buildReport(communes, JUL, ['03'], TODAY).forms[0])).toBe('UBND các xã, phường');
    const districts = validation([unit('H-1', 'Huyện KBang', '03'), unit('H-2', 'Huyện Ia Pa', '03')], []);
    expect(groupName(buildReport(districts, JUL, ['03'], TODAY).forms[0])).toBe('UBND các huyện');
    const councils = validation([unit('H-1', 'UBND huyện KBang', '03'), unit('H-2', 'UBND thị xã An Khê', '03')], []);
    expect(groupName(buildReport(councils, JUL, ['03'], TODAY).forms[0])).toBe('UBND các huyện, thị xã');
    expect(groupName(buildReport(example1(), JUL, ['03'], TODAY).forms[0])).toBe('UBND các huyện, thị xã, thành phố');
    const depts = validation([unit('S-1', 'Sở Y tế', '01')], []);
    expect(groupName(buildReport(depts, JUL, ['01'], TODAY).forms[0])).toBe('các sở, ban, ngành cấp tỉnh');
    const firms = validation(
      [unit('D-1', 'Viettel Gia Lai', '04')],
      [row('04', 2, 'D-1', JUL, [50, 20, 3, 10, 2, 100, 500, 40], [2024, 8, 2, 9, 0])],
    );
    const doc = reportDocument(buildReport(firms, JUL, ['04'], TODAY), firms.settings, TODAY);
    const text = paragraphs(doc).map(textOf).join('\n');
    expect(text).toContain(
      '- Các doanh nghiệp bưu chính, viễn thông (Biểu mẫu 04): 20/50 cán bộ, nhân viên đã cài đặt ứng dụng i-Speed, đạt 40,0%.',
    );
    expect(text).not.toContain('công chức');
  });
});

test('`Cơ quan chủ quản` is a setting (first in the tab), UBND tỉnh Gia Lai by default, read from the tab', () => {
  expect(SETTINGS[0]).toMatchObject({ key: 'superiorBody', name: 'Cơ quan chủ quản', default: 'UBND tỉnh Gia Lai' });
  expect(defaultSettings().superiorBody).toBe('UBND tỉnh Gia Lai');
  expect(
    readSettings([
      ['Tham số', 'Giá trị'],
      ['Cơ quan chủ quản', 'UBND huyện Chư Sê'],
    ]).settings.superiorBody,
  ).toBe('UBND huyện Chư Sê');
});

test('the appendix prints at a readable size: every font in its rules and charts is at least 9 pt', () => {
  const v = example1();
  const r = buildReport(v, JUL, ['03'], TODAY);
  const html = renderReportHtml(r, reportDocument(r, v.settings, TODAY));
  const rules = [...html.matchAll(/\.appendix[^{]*\{([^}]*)\}/g)].map((m) => m[1]);
  const sizes = rules.flatMap((body) => [...body.matchAll(/font-size:\s*([\d.]+)pt/g)].map((m) => Number(m[1])));
  expect(sizes.length).toBeGreaterThan(2);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  // SVG text is in CSS pixels: 12 px is 9 pt.
  const svg = [...html.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(Math.min(...svg)).toBeGreaterThanOrEqual(12);
  expect(html).toMatch(/@page appendix \{ size: A4 landscape;/);
  expect(html.indexOf('<main class="doc">')).toBeLessThan(html.indexOf('<section class="appendix">'));
});

describe('forms with nothing to report, and a one-time form in a later month', () => {
  const appendixOf = (html: string) => html.slice(html.indexOf('<section class="appendix">'));

  test('a form with no unit and no figure is named once in section I, and printed nowhere else', () => {
    // The worked example: only form 03 has units.
    const v = example1();
    const r = buildReport(v, JUL, ['01', '02', '03', '04'], TODAY);
    const doc = reportDocument(r, v.settings, TODAY);
    const texts = paragraphs(doc).map(textOf);
    expect(texts.filter((t) => /Biểu mẫu 0[124]/.test(t))).toEqual([
      '- Biểu mẫu 01, 02, 04: chưa có đơn vị nào trong danh mục cho kỳ này.',
    ]);
    expect(texts.join('\n')).not.toMatch(/(^|\D)0 (người thân|tin, bài|tờ rơi)/);
    // Two data tables (form 03's totals and units), none of them empty.
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    for (const t of tables) expect(t.kind === 'table' && t.rows.length).toBeGreaterThan(0);
    const appendix = appendixOf(renderReportHtml(r, doc));
    expect(appendix).not.toMatch(/Biểu mẫu 0[124]/);
    expect(appendix).toContain('Xu hướng tỷ lệ cài đặt i-Speed theo tháng, Biểu mẫu 03');
  });

  test("a one-time form's later month: not due, its units' one report carried, no table of empty figures", () => {
    const v = validation(
      [unit('S-1', 'Sở Y tế', '01'), unit('S-2', 'Sở Tư pháp', '01')],
      [row('01', 2, 'S-1', JUN, [50, 20, 3, 4, 6], [2024, 6, 20, 9, 0]), row('01', 3, 'S-2', JUN, [40, 10, 2, 1, 2], [2024, 6, 21, 9, 0])],
    );
    const r = buildReport(v, JUL, ['01'], TODAY);
    expect(r.forms[0].oneOffDue).toBe('2024-06-28');
    const doc = reportDocument(r, v.settings, TODAY);
    const all = paragraphs(doc).map(textOf);
    expect(all).toContain(
      '- Các sở, ban, ngành cấp tỉnh (Biểu mẫu 01): báo cáo một lần (hạn trước ngày 28/06/2024), kỳ này không bắt buộc báo cáo; không có đơn vị nào gửi báo cáo bổ sung.',
    );
    expect(all.join('\n')).not.toContain('chưa có đơn vị nào gửi báo cáo');
    // The flows: nothing new this month, the running totals only.
    expect(all).toContain(
      'Trong kỳ không có số liệu mới; lũy kế từ đầu đợt: 5 tin, bài trên cổng/trang TTĐT; 8 tin, bài trên mạng xã hội.',
    );
    const [totals, units] = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(totals.rows.map((row) => row.slice(2))).toEqual([
      ['90', '90'],
      ['30', '30'],
      ['5', '5'],
      ['—', '5'],
      ['—', '8'],
    ]);
    expect(units.rows.map((row) => row[2])).toEqual(['Không bắt buộc báo cáo', 'Không bắt buộc báo cáo']);
    // The appendix: the stocks per unit, and one line in place of a table of the month's figures.
    const appendix = appendixOf(renderReportHtml(r, doc));
    const flows = appendix.slice(appendix.indexOf(D.unitFlows('Biểu mẫu 01', r.forms[0].group)));
    expect(flows).toMatch(new RegExp(`^[^<]*</h3><p>${D.noFlows}</p><h2>`));
    expect(appendix).toContain(D.unitStocks('Biểu mẫu 01', r.forms[0].group));
    // In its own month the form is due, and said so as any other.
    const june = paragraphs(reportDocument(buildReport(v, JUN, ['01'], TODAY), v.settings, TODAY)).map(textOf);
    expect(june.some((t) => t.includes('2/2 đơn vị đã gửi báo cáo hợp lệ, đạt 100,0%'))).toBe(true);
  });
});

describe('page breaks: captions stay with their tables, short tables print whole', () => {
  test('a table of at most 15 rows is kept together, a longer one may break and repeats its header row', () => {
    const units = Array.from({ length: 16 }, (_, i) => unit(`H-${i + 10}`, `Huyện Số ${i + 10}`, '03'));
    const v = validation(units, []);
    const doc = reportDocument(buildReport(v, JUL, ['03'], TODAY), v.settings, TODAY);
    const tables = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables.map((t) => [t.rows.length, t.keepTogether])).toEqual([
      [11, true],
      [16, false],
    ]);
    const html = renderDocumentHtml(doc);
    expect(html.match(/<table class="data whole"/g)).toHaveLength(1);
    expect(html.match(/<table class="data"/g)).toHaveLength(1);
    expect(html.match(/<thead><tr><th>STT<\/th>/g)).toHaveLength(2);
    expect(html).toContain('table.whole { break-inside: avoid; page-break-inside: avoid; }');
  });

  test('every caption and heading is kept with what follows it, in the HTML as in the model', () => {
    const doc = docOf();
    doc.blocks.forEach((b, i) => {
      if (b.kind !== 'paragraph' || !b.runs[0]?.italic || b.align !== 'center') return;
      expect([textOf(b), b.keepWithNext, doc.blocks[i + 1].kind]).toEqual([textOf(b), true, 'table']);
    });
    const html = renderDocumentHtml(doc);
    expect(html).toMatch(/break-after: avoid;">(<i>)?Bảng tổng hợp chỉ tiêu Biểu mẫu 03/);
  });

  test('the appendix keeps its short working tables whole too', () => {
    const v = example1();
    const r = buildReport(v, JUL, ['03'], TODAY);
    const appendix = renderReportHtml(r, reportDocument(r, v.settings, TODAY)).split('<section class="appendix">')[1];
    // Completeness (1 row), totals (11), stocks and flows per unit (4 each), chase (2): all short.
    expect(appendix.match(/<table class="(units )?whole">/g)).toHaveLength(5);
    expect(appendix).not.toMatch(/<table>/);
  });
});
