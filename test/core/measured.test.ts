// The `Dữ liệu i-Speed` tab: VNNIC's table read as pasted, matched to units, and set beside what units report.
import Papa from 'papaparse';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport, reportJson, type ReportJson } from '../../src/core/report/model';
import { readMeasured, measuredReport } from '../../src/core/measured';
import { FORMS, formById, type FormSpec } from '../../src/core/forms/schema';
import { fromLocal, month } from '../../src/core/periods';
import { FORM_LIST_COLUMNS, readForms, templateGrids } from '../../src/core/forms/definitions';
import { DEMO_TODAY, makeDemoWorkbook } from '../../src/local/demo';
import { reportSheet } from '../../src/core/report/sheet';
import { renderReportHtml, reportDocument } from '../../src/core/report/document';
import type { Grid } from '../../src/core/types';
import { EXPECTED_JULY, NOW, SEMICOLON_CSV, TODAY, measuredBook, monthsTable, titledTable } from '../fixtures/measured';

const JUL = month(2024, 7);
const SHEET = 'Dữ liệu i-Speed';

function julyOf(table: Grid) {
  const v = validateWorkbook(measuredBook(table), NOW);
  const r = buildReport(v, JUL, ['01', '03'], TODAY);
  return { v, r, json: reportJson(r) };
}
/** One form of the JSON, by its code. */
const formJson = (json: ReportJson, id: string) => json.forms.find((f) => f.form === id)!;
const problemsOf = (v: ReturnType<typeof validateWorkbook>) =>
  v.problems.filter((p) => p.sheet === SHEET).map((p) => [p.row, p.column, p.severity, p.code]);

describe('reading VNNIC tables shaped three ways', () => {
  test('a title block, a `Kỳ:` cell above the table and merged cells: every locality read, the total row left out', () => {
    const { v, json } = julyOf(titledTable());
    const f03 = formJson(json, '03');
    expect(f03.measured).toMatchObject(EXPECTED_JULY);
    expect(v.measured!.rows.map((r) => [r.row, r.locality, r.unit, r.samples])).toEqual([
      [6, 'Ia Grai', 'X-001', 1234],
      [7, 'UBND phường Diên Hồng', 'X-002', 412],
      [8, 'x. đak đoa', 'X-003', 250],
      [9, 'Xã Không Có', null, 90],
    ]);
    // Speeds read with a decimal comma; the header keeps its `(Mbps)` as found.
    expect(v.measured!.rows[0]).toMatchObject({ download: 45.6, upload: 20.1 });
    expect(v.layouts[SHEET]).toMatchObject({ headerRow: 5, headers: { download: 'Tốc độ tải xuống (Mbps)', locality: 'Xã/Phường' } });
    // The unmatched locality is a warning on its cell, never dropped silently.
    expect(problemsOf(v)).toEqual([[9, 'Xã/Phường', 'warning', 'unmatched_locality']]);
  });

  test('a `Tháng` column holding several months, merged down: each month counted apart, the change month on month', () => {
    const { v, json, r } = julyOf(monthsTable());
    const f03 = formJson(json, '03');
    expect(f03.measured).toMatchObject(EXPECTED_JULY);
    // June: 1100, 290, 310 and an unreadable figure for Kông Chro, whose change is therefore unknown.
    expect(f03.measured!.change).toEqual({ 'X-001': 134, 'X-002': 122, 'X-003': -60 });
    const kc = r.forms.find((f) => f.form === '03')!.measured!.units.find((u) => u.code === 'X-014')!;
    expect(kc).toMatchObject({ samples: 0, listed: false, previous: null, change: null });
    expect(problemsOf(v)).toEqual([
      [7, 'Số lượt đo', 'error', 'not_number'],
      [12, 'Đơn vị hành chính', 'warning', 'unmatched_locality'],
    ]);
    expect(v.problems.find((p) => p.code === 'not_number' && p.sheet === SHEET)!.message).toContain('khoảng 50');
    // The province's own rows are no locality: not matched, not listed as unmatched.
    expect(v.measured!.rows.some((x) => /Tỉnh/.test(x.locality))).toBe(false);
  });

  test('a merged month that does not read is said once, on its cell; the rows under it count for no month and keep their own problems', () => {
    const table = monthsTable();
    table[7][0] = '13/2024'; // the merged July cell, on the province's row
    table[8][2] = 'abc';
    const { v } = julyOf(table);
    expect(problemsOf(v)).toEqual([
      [7, 'Số lượt đo', 'error', 'not_number'],
      [8, 'Tháng', 'error', 'bad_period'],
      [9, 'Số lượt đo', 'error', 'not_number'],
    ]);
    expect(v.measured!.rows.filter((x) => x.row >= 8)).toEqual([]);
  });

  test('a CSV with `;` (parsed by papaparse) reads the same as the pasted table', () => {
    const grid = Papa.parse<string[]>(SEMICOLON_CSV, { delimiter: ';', skipEmptyLines: false }).data as Grid;
    const { json } = julyOf(grid);
    expect(formJson(json, '03').measured).toMatchObject(EXPECTED_JULY);
  });
});

describe('in the report', () => {
  test('self-reported samples more than half away from the measured figure are flagged; close ones are not', () => {
    const { json } = julyOf(titledTable());
    const m = formJson(json, '03').measured!;
    // Đak Đoa reported 600 against 250 measured; Ia Grai 1200 against 1234; Diên Hồng 400 against 412.
    expect(m.mismatch).toEqual([{ unit: 'X-003', reported: 600, measured: 250 }]);
  });

  test('below lists the units under the target lowest first; the target is the setting `Chỉ tiêu mẫu đo mỗi tháng`', () => {
    const book = measuredBook(titledTable());
    book['Cấu hình'] = [
      ['Tham số', 'Giá trị'],
      ['Chỉ tiêu mẫu đo mỗi tháng', 500],
    ];
    const r = buildReport(validateWorkbook(book, NOW), JUL, ['03'], TODAY);
    const m = r.forms[0].measured!;
    expect(m.target).toBe(500);
    expect(m.below).toEqual(['X-014', 'X-003', 'X-002']);
    expect(m.atTarget).toBe(1);
  });

  test('a form without a `samples` column gets null while another form has one; every form is null without data for the period', () => {
    const { json } = julyOf(titledTable());
    expect(formJson(json, '01').measured).toBeNull();
    const aug = reportJson(buildReport(validateWorkbook(measuredBook(titledTable()), NOW), month(2024, 8), ['03'], TODAY));
    expect(aug.forms[0].measured).toBeNull();
    const none = reportJson(buildReport(validateWorkbook(measuredBook(), NOW), JUL, ['03'], TODAY));
    expect(none.forms[0].measured).toBeNull();
  });

  test('when no form has a `samples` column, localities are matched against every form', () => {
    const withoutSamples: FormSpec[] = FORMS.map((f) => ({ ...f, columns: f.columns.filter((c) => c.key !== 'samples') }));
    const v = validateWorkbook(measuredBook(titledTable()), NOW);
    const table = readMeasured(titledTable(), v.units, withoutSamples, 'Gia Lai');
    expect(table.forms).toEqual(['01', '02', '03', '04']);
    expect(table.rows.filter((r) => r.unit).length).toBe(3);
    const units = v.units.filter((u) => u.form === '03').map((u) => ({ code: u.code, name: u.name, values: {} }));
    expect(measuredReport(table, '03', units, JUL, 300)!.atTarget).toBe(2);
  });
});

describe('problems of the tab', () => {
  test('a table without a recognisable header is one missing_column error, and nothing is counted', () => {
    const v = validateWorkbook(measuredBook([['Bảng số liệu'], ['Ia Grai', 1234]]), NOW);
    expect(problemsOf(v)).toEqual([[1, 'Xã/Phường', 'error', 'missing_column']]);
    expect(v.problems.find((p) => p.sheet === SHEET)!.message).toContain('Số mẫu');
    expect(buildReport(v, JUL, ['03'], TODAY).forms[0].measured).toBeNull();
  });

  test('a table with neither a month column nor a month above it says where to write the period', () => {
    const v = validateWorkbook(
      measuredBook([
        ['Xã/Phường', 'Số mẫu'],
        ['Ia Grai', 1234],
      ]),
      NOW,
    );
    expect(problemsOf(v)).toEqual([[1, '', 'error', 'missing_column']]);
    expect(v.problems.find((p) => p.sheet === SHEET)!.message).toContain('Kỳ: 07/2024');
  });

  test('a month that does not read, a decimal count and a negative speed are errors on their cells', () => {
    const v = validateWorkbook(
      measuredBook([
        ['Tháng', 'Xã/Phường', 'Số mẫu', 'Tốc độ tải xuống'],
        ['T13/2024', 'Ia Grai', 10, ''],
        ['07/2024', 'Phường Diên Hồng', 1.234, ''],
        ['07/2024', 'Xã Đak Đoa', 300, -5],
      ]),
      NOW,
    );
    expect(problemsOf(v)).toEqual([
      [2, 'Tháng', 'error', 'bad_period'],
      [3, 'Số mẫu', 'error', 'not_integer'],
      [4, 'Tốc độ tải xuống', 'error', 'negative'],
    ]);
    expect(v.problems.find((p) => p.code === 'not_integer')!.message).toContain('1234');
  });

  test('two rows of one unit and month are duplicate errors and neither counts', () => {
    const v = validateWorkbook(
      measuredBook([['Kỳ: 07/2024'], ['Xã/Phường', 'Số mẫu'], ['Ia Grai', 400], ['Xã Ia Grai', 400], ['Xã Đak Đoa', 300]]),
      NOW,
    );
    expect(problemsOf(v)).toEqual([
      [3, 'Xã/Phường', 'error', 'duplicate'],
      [4, 'Xã/Phường', 'error', 'duplicate'],
    ]);
    const m = buildReport(v, JUL, ['03'], TODAY).forms[0].measured!;
    expect(m.units.find((u) => u.code === 'X-001')).toMatchObject({ samples: null, listed: true, atTarget: false });
    expect(m.below).not.toContain('X-001');
  });

  test('an empty tab is no problem and no data', () => {
    const v = validateWorkbook(
      measuredBook([
        ['', ''],
        ['', ''],
      ]),
      NOW,
    );
    expect(problemsOf(v)).toEqual([]);
    expect(buildReport(v, JUL, ['03'], TODAY).forms[0].measured).toBeNull();
  });

  test('the tab is found by the tab-name rule and its problems sort after the form tabs', () => {
    const book = measuredBook();
    book[' dữ liệu I-SPEED '] = titledTable();
    book['Biểu mẫu 03'].push([...book['Biểu mẫu 03'][1]]);
    const v = validateWorkbook(book, NOW);
    expect(v.measured!.rows.length).toBe(4);
    const sheets = v.problems.map((p) => p.sheet);
    expect(sheets.lastIndexOf('Biểu mẫu 03')).toBeLessThan(sheets.indexOf(SHEET));
    expect(formById('03').tab).toBe('Biểu mẫu 03');
  });
});

describe('other shapes a download takes', () => {
  test('a two-row header: the speeds under a merged `Tốc độ trung bình (Mbps)`', () => {
    const v = validateWorkbook(
      measuredBook([
        ['Kỳ: 07/2024', '', '', '', ''],
        ['STT', 'Xã/Phường', 'Số mẫu', 'Tốc độ trung bình (Mbps)', ''],
        ['', '', '', 'Tải xuống', 'Tải lên'],
        [1, 'Xã Ia Grai', '1.234', '45,6', 'nhanh'],
      ]),
      NOW,
    );
    expect(v.measured!.rows.map((r) => [r.unit, r.samples, r.download, r.upload])).toEqual([['X-001', 1234, 45.6, null]]);
    expect(problemsOf(v)).toEqual([[4, 'Tải lên', 'error', 'not_number']]);
  });

  test('a month column of Date cells (Sheets turns a typed 07/2024 into a date) and a district column for the district rows', () => {
    const v = validateWorkbook(
      measuredBook([
        ['Tháng', 'Quận/Huyện', 'Xã/Phường', 'Số mẫu'],
        [fromLocal(2024, 7, 1), 'Huyện Ia Grai', 'Ia Grai', 320],
        ['', '', 'Phường Diên Hồng', 301],
      ]),
      NOW,
    );
    expect(v.measured!.rows.map((r) => [r.month, r.locality, r.header, r.unit])).toEqual([
      [JUL, 'Ia Grai', 'Xã/Phường', 'X-001'],
      [JUL, 'Phường Diên Hồng', 'Xã/Phường', 'X-002'],
    ]);
    expect(buildReport(v, JUL, ['03'], TODAY).forms[0].measured!.atTarget).toBe(2);
  });

  test('a locality that looks like a formula stays text in the report tab and is escaped in the HTML', () => {
    const v = validateWorkbook(
      measuredBook([['Kỳ: 07/2024'], ['Địa bàn', 'Số mẫu'], ['=IMPORTXML("http://x","//a")', 5], ['<b>Xã Lạ</b>', 7]]),
      NOW,
    );
    const r = buildReport(v, JUL, ['03'], TODAY);
    expect(r.forms[0].measured!.unmatched).toEqual(['=IMPORTXML("http://x","//a")', '<b>Xã Lạ</b>']);
    const layout = reportSheet(r, v.settings, NOW);
    const line = layout.values.find((row) => String(row[1]).includes('IMPORTXML'))!;
    expect(String(line[1]).startsWith('=')).toBe(false);
    const html = renderReportHtml(r, reportDocument(r, v.settings, TODAY));
    expect(html).not.toContain('<b>Xã Lạ</b>');
    expect(html).toContain('&lt;b&gt;Xã Lạ&lt;/b&gt;');
  });
});

test.each([
  ['Kỳ báo cáo: tháng 7 năm 2024'],
  ['Thời gian: 07-2024'],
  ['Số liệu từ ngày 01/07/2024 đến ngày 31/07/2024'],
  ['BÁO CÁO SỐ MẪU ĐO THÁNG 7/2024'],
])('the month above the table may be written %s', (cell) => {
  const v = validateWorkbook(measuredBook([[cell], ['Xã/Phường', 'Số mẫu'], ['Xã Ia Grai', 320]]), NOW);
  expect(v.measured!.rows.map((r) => r.month)).toEqual([JUL]);
});

test('a form cannot take the tab Dữ liệu i-Speed: it is a tab of the system', () => {
  const t = templateGrids();
  const row = FORM_LIST_COLUMNS.map((c) =>
    c.key === 'form' ? '05' : c.key === 'tab' ? 'dữ liệu i-speed' : c.key === 'cadence' ? 'Hằng tháng' : '',
  );
  const { forms, problems } = readForms([...t.list, row], t.columns);
  expect(forms.map((f) => f.id)).not.toContain('05');
  expect(
    problems.some(
      (p) => p.sheet === 'Danh sách biểu mẫu' && p.code === 'bad_definition' && p.message.includes('tên một trang của hệ thống'),
    ),
  ).toBe(true);
});

test('a locality one letter away from a unit is unmatched, and its note names the unit it may be', () => {
  const v = validateWorkbook(measuredBook([['Kỳ: 07/2024'], ['Xã/Phường', 'Số mẫu'], ['Xã Ia Gai', 320]]), NOW);
  expect(v.measured!.rows[0].unit).toBeNull();
  expect(v.problems.find((p) => p.sheet === SHEET)!.message).toContain('Có phải là “Xã Ia Grai”?');
});

test('the demo workbook carries a VNNIC table in which every district is found, so the preview shows measured samples', () => {
  const book = makeDemoWorkbook();
  const v = validateWorkbook(book, DEMO_TODAY);
  expect(v.problems.filter((p) => p.sheet === SHEET)).toEqual([]);
  const m = buildReport(v, JUL, ['03'], '2024-08-20').forms[0].measured!;
  expect(m.unmatched).toEqual([]);
  expect(m.units.every((u) => u.listed)).toBe(true);
  expect(m.atTarget + m.below.length).toBe(m.units.length);
});
