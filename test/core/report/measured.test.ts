// One report model, three faces: `report --json`, the report tab and the document say the same of VNNIC's samples.
import { validateWorkbook } from '../../../src/core/validate';
import { buildReport, reportJson } from '../../../src/core/report/model';
import { reportSheet } from '../../../src/core/report/sheet';
import { renderReportHtml, reportDocument, type Paragraph, type Table } from '../../../src/core/report/document';
import { month } from '../../../src/core/periods';
import { MEASURED_TEXT } from '../../../src/core/text/measured';
import { EXPECTED_JULY, NOW, TODAY, measuredBook, titledTable } from '../../fixtures/measured';

describe('measured samples in every face of the report', () => {
  const v = validateWorkbook(measuredBook(titledTable()), NOW);
  const report = buildReport(v, month(2024, 7), ['01', '03'], TODAY);
  const json = reportJson(report);
  const layout = reportSheet(report, v.settings, NOW);
  const doc = reportDocument(report, v.settings, TODAY);
  const names: Record<string, string> = Object.fromEntries(v.units.map((u) => [u.code, u.name]));

  test('the JSON, the report tab and the document agree on each unit, on who is below the target and on what matched nobody', () => {
    const m = json.forms.find((f) => f.form === '03')!.measured!;
    expect(m).toMatchObject(EXPECTED_JULY);

    // The report tab: one row per unit with its measured figure and the target, below and unmatched lines.
    const header = layout.values.findIndex((r) => r[0] === MEASURED_TEXT.headers[0] && r[2] === MEASURED_TEXT.headers[2]);
    expect(header).toBeGreaterThan(0);
    const rows = layout.values.slice(header + 1, header + 5);
    const tabUnits: Record<string, number> = {};
    for (const r of rows) if (typeof r[2] === 'number' && r[7] !== MEASURED_TEXT.notListed) tabUnits[String(r[0])] = r[2];
    expect(tabUnits).toEqual(m.units);
    expect(rows.map((r) => r[3])).toEqual([300, 300, 300, 300]);
    const line = (label: string) => layout.values.find((r) => r[0] === label)![1];
    expect(line(MEASURED_TEXT.belowList)).toBe(m.below.map((c) => names[c]).join(', '));
    expect(line(MEASURED_TEXT.unmatchedList)).toBe(m.unmatched.join(', '));
    expect(layout.values.some((r) => r[0] === MEASURED_TEXT.summary(m.atTarget, 4, 300))).toBe(true);

    // The document: the paragraph counts the same units and names the same ones; the table lists the same figures.
    const texts = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((b) => b.runs.map((r) => r.text).join(''));
    const paragraph = texts.find((t) => t.startsWith('Biểu mẫu 03: theo số liệu đo của VNNIC'))!;
    expect(paragraph).toContain(`${m.atTarget}/4 đơn vị đạt chỉ tiêu 300`);
    expect(paragraph).toContain('chưa đạt: Xã Kông Chro (0), Xã Đak Đoa (250)');
    expect(paragraph).toContain('(Xã Không Có)');
    expect(paragraph).toContain('chênh lệch quá 50% so với số liệu VNNIC: Xã Đak Đoa');
    const table = doc.blocks.find((b): b is Table => b.kind === 'table' && b.header[2] === MEASURED_TEXT.docHeaders[2])!;
    // Its caption prints on the table's page (it stood alone at a page's foot), the short table whole.
    const caption = doc.blocks[doc.blocks.indexOf(table) - 1] as Paragraph;
    expect([caption.runs[0].text, caption.keepWithNext, table.keepTogether]).toEqual([MEASURED_TEXT.docCaption('Biểu mẫu 03'), true, true]);
    expect(table.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Xã Ia Grai', '1.234'],
      ['Phường Diên Hồng', '412'],
      ['Xã Đak Đoa', '250'],
      ['Xã Kông Chro', '0'],
    ]);
  });

  test("two counts of who reached the target, each named by its source: the units' own, then VNNIC's in the same sentence", () => {
    const texts = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph').map((b) => b.runs.map((r) => r.text).join(''));
    const own = texts.filter((t) => /đạt chỉ tiêu 300 mẫu/.test(t));
    expect(own).toEqual([
      'Theo số liệu đơn vị tự báo cáo, có 3/4 đơn vị đạt chỉ tiêu 300 mẫu đo i-Speed trong tháng (Xã Ia Grai, Phường Diên Hồng, Xã Đak Đoa); ' +
        'theo số liệu đo của VNNIC là 2/4 đơn vị (chi tiết tại bảng số mẫu đo của VNNIC).',
      expect.stringMatching(/^Biểu mẫu 03: theo số liệu đo của VNNIC, 2\/4 đơn vị đạt chỉ tiêu 300 mẫu/),
    ]);
  });

  test('the report tab has a combo chart over the unit names, the measured figures and the target', () => {
    const header = layout.values.findIndex((r) => r[0] === MEASURED_TEXT.headers[0] && r[2] === MEASURED_TEXT.headers[2]) + 1;
    const combo = layout.charts.filter((c) => c.type === 'combo');
    expect(combo).toEqual([
      {
        type: 'combo',
        title: MEASURED_TEXT.chartTitle(300),
        range: { row: header, col: 2, numRows: 5, numCols: 3 },
        anchor: { row: header, col: 10 },
      },
    ]);
    expect(layout.values[header - 1].slice(1, 4)).toEqual(['Tên đơn vị', 'Số mẫu đo (VNNIC)', 'Chỉ tiêu']);
  });

  test('the HTML report shows the same table, escaped, with bars against the target line', () => {
    const html = renderReportHtml(report, doc);
    expect(html).toContain(MEASURED_TEXT.section);
    expect(html).toContain(`<td class="n">1.234</td>`);
    expect(html).toContain('Xã Không Có');
    expect(html).toContain('stroke-dasharray');
  });

  test('a report without VNNIC data has no measured section anywhere', () => {
    const plain = validateWorkbook(measuredBook(), NOW);
    const r = buildReport(plain, month(2024, 7), ['03'], TODAY);
    expect(reportSheet(r, plain.settings, NOW).values.some((row) => row[0] === MEASURED_TEXT.section)).toBe(false);
    expect(reportSheet(r, plain.settings, NOW).charts.map((c) => c.type)).toEqual(['bar', 'line']);
    expect(JSON.stringify(reportDocument(r, plain.settings, TODAY))).not.toContain('VNNIC');
  });
});
