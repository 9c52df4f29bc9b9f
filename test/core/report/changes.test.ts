// A change on the period before reads the same everywhere (signed, by one formatter), and a figure nobody knows is
// "—" in every table of the document and its appendix, never a blank cell a reader could take for a forgotten one.
import { formatChange } from '../../../src/core/format';
import { validateWorkbook } from '../../../src/core/validate';
import { buildReport } from '../../../src/core/report/model';
import { reportSheet, FORMAT } from '../../../src/core/report/sheet';
import { renderReportHtml, reportDocument, type Table } from '../../../src/core/report/document';
import { month } from '../../../src/core/periods';
import { MEASURED_TEXT as MT } from '../../../src/core/text/measured';
import { DOC_TEXT as D, REPORT_TEXT as T } from '../../../src/core/text/report';
import { NOW, TODAY, measuredBook, monthsTable } from '../../fixtures/measured';
import { example1, JUL } from './fixture';

/** The cells of each row of the HTML table that follows `heading`, as text. */
function htmlRows(html: string, heading: string): string[][] {
  const at = html.indexOf(heading);
  expect(at).toBeGreaterThan(-1);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]))
    .filter((cells) => cells.length);
}

test('formatChange: a rise carries its sign, a fall its minus, no change and rounding to nothing read 0', () => {
  expect(formatChange(233)).toBe('+233');
  expect(formatChange(-455)).toBe('-455');
  expect(formatChange(0)).toBe('0');
  expect(formatChange(1234)).toBe('+1.234');
  expect(formatChange(-39.5, 1)).toBe('-39,5');
  expect(formatChange(0.04, 1)).toBe('0');
  expect(formatChange(-0.04, 1)).toBe('0');
  expect(formatChange(null)).toBe('');
  expect(formatChange(null, 0, '—')).toBe('—');
});

describe('VNNIC changes month on month (units of form 03, June and July)', () => {
  const v = validateWorkbook(measuredBook(monthsTable()), NOW);
  const r = buildReport(v, month(2024, 7), ['03'], TODAY);
  const doc = reportDocument(r, v.settings, TODAY);
  const html = renderReportHtml(r, doc);

  test('the body table and the appendix table say +134 and -60 alike; no figure to compare with is "—"', () => {
    const body = doc.blocks.find((b): b is Table => b.kind === 'table' && b.header[2] === MT.docHeaders[2])!;
    // STT, name, VNNIC, change, self-reported.
    expect(body.rows.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['Xã Ia Grai', '+134', '1.200'],
      ['Phường Diên Hồng', '+122', '400'],
      ['Xã Đak Đoa', '-60', '600'],
      ['Xã Kông Chro', '—', '—'],
    ]);
    const appendix = htmlRows(html, MT.title('Biểu mẫu 03', r.forms[0].group));
    // Code, name, VNNIC, target, previous, change, self-reported, note.
    expect(appendix.map((row) => [row[1], row[4], row[5], row[6]])).toEqual([
      ['Xã Ia Grai', '1.100', '+134', '1.200'],
      ['Phường Diên Hồng', '290', '+122', '400'],
      ['Xã Đak Đoa', '310', '-60', '600'],
      ['Xã Kông Chro', '—', '—', '—'],
    ]);
  });

  test('the report tab keeps numbers, formatted to show the same signs', () => {
    const layout = reportSheet(r, v.settings, NOW);
    const header = layout.values.findIndex((row) => row[0] === MT.headers[0] && row[5] === MT.headers[5]);
    expect(layout.values[header + 1][5]).toBe(134);
    expect(layout.numberFormats[header + 1][5]).toBe(FORMAT.change);
    expect(FORMAT.change).toBe('+#,##0;-#,##0;0');
  });
});

describe('indicator changes and unknown figures (the worked example, July)', () => {
  const v = example1();
  const r = buildReport(v, JUL, ['03'], TODAY);
  const doc = reportDocument(r, v.settings, TODAY);
  const html = renderReportHtml(r, doc);

  test("the appendix's totals carry the sign of each change", () => {
    const rows = htmlRows(html, T.totalsTitle('Biểu mẫu 03', r.forms[0].group));
    const change = Object.fromEntries(rows.map((row) => [row[1], row[5]]));
    expect(change['Tổng số CBCCVC, NLĐ']).toBe('0');
    expect(change['Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)']).toBe('+25');
    expect(change['Số người dân được hướng dẫn cài đặt (trong kỳ)']).toBe('-70');
  });

  test('a unit with no figure shows "—" in the body and in the appendix, as the charts say "Chưa có số liệu"', () => {
    // Huyện Kông Chro: its only July row has errors and it has no history.
    const units = doc.blocks.find((b): b is Table => b.kind === 'table' && b.header[1] === D.unitHeaders[1])!;
    expect(units.rows.find((row) => row[1] === 'Huyện Kông Chro')![3]).toBe('—');
    const stocks = htmlRows(html, D.unitStocks('Biểu mẫu 03', r.forms[0].group));
    const kongChro = stocks.find((row) => row[0] === 'H-630')!;
    expect(kongChro.slice(3)).toEqual(Array(kongChro.length - 3).fill('—'));
    expect(html).toContain(`>${D.noData}</text>`);
    // No empty data cell anywhere in the appendix's tables.
    const appendix = html.slice(html.indexOf('<section class="appendix">'));
    expect(appendix).not.toMatch(/<td[^>]*><\/td>/);
  });
});
