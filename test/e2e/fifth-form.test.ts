// Issue 11's proof: a fifth form defined only in the two definition tabs (no code change), on a tab adopted under
// its own headers with a `*` row renaming `Đơn vị`, works through the command line and through Apps Script.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../gas/boot';
import { run } from '../cli/run';
import { example1 } from '../fixtures/example1';
import { TAB } from '../../src/core/forms/schema';
import { templateGrids } from '../../src/core/forms/definitions';
import { fromLocal } from '../../src/core/periods';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { writeSpreadsheet } from '../../src/local/cli/files';
import type { CellValue, Workbook } from '../../src/core/types';

const TAB05 = 'Trường học';
const HEADER_ROW = 3;
/** The adopted tab's own headers: two found through `*` rows, two through `Tên gọi khác`, one extra. */
const HEADERS = [
  'STT',
  'Tên đơn vị',
  'Tháng báo cáo',
  'Sĩ số',
  'Số HS đã cài i-Speed',
  'Số tiết học có lồng ghép i-Speed',
  'Số giờ đo thử tại phòng máy',
  'Người báo cáo',
  'Số điện thoại',
  'Ghi chú thêm',
  'Ghi chú',
];

/** The rows added to the definition tabs: exactly what the README and the note show. */
const LIST_ROW = ['05', TAB05, 'Các trường học', 'Hằng tháng', '15', '', ''];
const COLUMN_ROWS = [
  ['05', 'students_total', 'Tổng số học sinh', '', 'Lũy kế', '', '1', '', '', '', 'Sĩ số', ''],
  [
    '05',
    'students_installed',
    'Số học sinh đã cài đặt i-Speed (đến nay)',
    '',
    'Lũy kế',
    '',
    '',
    'students_total',
    '',
    '',
    'Số HS đã cài i-Speed',
    '',
  ],
  ['05', 'lessons', 'Số tiết học có lồng ghép i-Speed (trong kỳ)', '', 'Trong kỳ', '', '', '', '01/2025', '', '', ''],
  ['05', 'lab_hours', 'Số giờ đo thử tại phòng máy (trong kỳ)', 'Số thập phân', 'Trong kỳ', 'Không', '', '', '', '', '', ''],
  ['*', 'unit', '', '', '', '', '', '', '', '', 'Tên đơn vị', ''],
  ['*', 'period', '', '', '', '', '', '', '', '', 'Tháng báo cáo', ''],
];

function book(): Workbook {
  const base = example1();
  const t = templateGrids();
  const schools: CellValue[][] = [
    ['T-01', 'Trường THPT Pleiku', '05', 't01@gialai.example', '', '', '', '', '', '', 'Có'],
    ['T-02', 'Trường THPT Hùng Vương', '05', 't02@gialai.example', '', '', '', '', '', '', 'Có'],
    ['T-03', 'Trường THCS Nguyễn Du', '05', 't03@gialai.example', '', '', '', '', '', '', 'Có'],
  ];
  return {
    ...base,
    [TAB.directory]: [...base[TAB.directory], ...schools],
    [TAB.settings]: [
      ['Tham số', 'Giá trị'],
      ['Email quản trị', 'sotttt@gialai.example'],
      ['Nhắc nhở tự động', 'Có'],
    ],
    [TAB.formList]: [...t.list, LIST_ROW],
    [TAB.formColumns]: [...t.columns, ...COLUMN_ROWS],
    [TAB05]: [
      ['BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN i-SPEED CỦA CÁC TRƯỜNG'],
      [],
      HEADERS,
      [1, 'Trường THPT Pleiku', '12/2024', 800, 300, '', 12.5, 'Nguyễn Văn An', '0912345678', 'đã rà soát', ''],
      [2, 'trường thpt hùng vương', '12/2024', 600, 700, '', 3, 'Trần Bình', '', '', ''],
      [3, 'Trường THPT Pleiku', '01/2025', 820, 400, '', 2, 'Nguyễn Văn An', '', '', ''],
      [4, 'Trường THCS Nguyễn Du', '01/2025', 500, 200, 6, '1,5', 'Lê Cường', '', '', ''],
    ],
  };
}

const TODAY = '2025-02-20';
const NOW = fromLocal(2025, 2, 20, 9, 0);
let file = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ispeed-05-'));
  file = join(dir, 'book.xlsx');
  await writeSpreadsheet(spreadsheetFromBook(book()), file);
});

describe('a fifth form defined in the workbook, on the command line', () => {
  test('columns --json maps the adopted headers, names the extra one and the missing script-owned ones not at all', async () => {
    const r = await run(['columns', file, '--json'], NOW);
    expect(r.code).toBe(0);
    const f05 = JSON.parse(r.stdout).forms.find((f: { form: string }) => f.form === '05');
    expect(f05.headerRow).toBe(HEADER_ROW);
    expect(f05.tab).toBe(TAB05);
    const by = Object.fromEntries(
      f05.columns.map((c: { header: string; key: string | null; via: string | null }) => [c.header, [c.key, c.via]]),
    );
    expect(by['Tên đơn vị']).toEqual(['unit', 'alias']);
    expect(by['Tháng báo cáo']).toEqual(['period', 'alias']);
    expect(by['Sĩ số']).toEqual(['students_total', 'alias']);
    expect(by['Số HS đã cài i-Speed']).toEqual(['students_installed', 'alias']);
    expect(by['Số tiết học có lồng ghép i-Speed']).toEqual(['lessons', 'header']);
    expect(by['Ghi chú thêm']).toEqual([null, null]);
    expect(f05.missing).toEqual([]);
  });

  test('validate: the bound between two stocks, a flow asked only from 01/2025, a decimal with a comma', async () => {
    const r = await run(['validate', file, '--json', '--today', TODAY], NOW);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).problems.filter((p: { sheet: string }) => p.sheet === TAB05);
    expect(problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [5, 'Số HS đã cài i-Speed', 'exceeds'],
      [6, 'Số tiết học có lồng ghép i-Speed', 'required'],
    ]);
    expect(problems[0].message).toContain('Sĩ số');
  });

  test('report --json of 01/2025 and 12/2024: statuses, carried stocks, the flow only where it is in force', async () => {
    const jan = JSON.parse((await run(['report', file, '--period', '01/2025', '--form', '05', '--json', '--today', TODAY], NOW)).stdout)
      .forms[0];
    expect(jan).toMatchObject({
      form: '05',
      dueBefore: '2025-02-15',
      expected: 3,
      reported: 1,
      unknownTime: 1,
      invalid: ['T-01'],
      missing: ['T-02'],
    });
    const ind = Object.fromEntries(
      jan.indicators.map((i: { key: string; period: number; cumulative: number }) => [i.key, [i.period, i.cumulative]]),
    );
    expect(ind).toEqual({ students_total: [1300, 1300], students_installed: [500, 500], lessons: [6, 6], lab_hours: [1.5, 14] });
    expect(jan.units.find((u: { code: string }) => u.code === 'T-01').carried).toEqual(['students_total', 'students_installed']);
    const dec = JSON.parse((await run(['report', file, '--period', '12/2024', '--form', '5', '--json', '--today', TODAY], NOW)).stdout)
      .forms[0];
    expect(dec.indicators.map((i: { key: string }) => i.key)).toEqual(['students_total', 'students_installed', 'lab_hours']);
    expect(dec).toMatchObject({ expected: 3, reported: 1, invalid: ['T-02'], missing: ['T-03'] });
  });

  test('report --out PDF holds the fifth form', async () => {
    const pdf = join(dir, 'r05.pdf');
    const r = await run(['report', file, '--period', '01/2025', '--form', '05', '--out', pdf, '--today', TODAY], NOW);
    expect(r.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('remind on its D-2 (13/02/2025): the units that have not reported get it, the one that did does not', async () => {
    const r = JSON.parse((await run(['remind', file, '--today', '2025-02-13', '--json'], NOW)).stdout);
    const ours = r.emails.filter((e: { form: string }) => e.form === '05');
    expect(ours.map((e: { unit: string; step: string }) => `${e.unit} ${e.step}`)).toEqual(['T-01 D-2', 'T-02 D-2']);
    expect(ours[0].subject).toContain('Biểu mẫu 05');
    expect(
      r.skipped.filter((s: { form: string }) => s.form === '05').map((s: { unit: string; reason: string }) => `${s.unit} ${s.reason}`),
    ).toContain('T-03 reported');
  });
});

describe('a fifth form defined in the workbook, through Apps Script', () => {
  test('setup adopts the tab: no second column for an aliased header, the extra header named, user cells unchanged', () => {
    const { rt } = boot(book(), { now: NOW });
    const sheet = rt.spreadsheet.sheet(TAB05)!;
    const headers: unknown[] = [];
    for (let c = 0; c < sheet.maxColumns; c++) headers.push(sheet.values.get(HEADER_ROW - 1, c));
    expect(headers.slice(0, HEADERS.length)).toEqual(HEADERS);
    expect(headers.slice(HEADERS.length).filter(Boolean)).toEqual(['Thời điểm nộp', 'Cập nhật lần cuối', 'Kiểm tra']);
    expect(sheet.values.get(0, 0)).toBe('BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN i-SPEED CỦA CÁC TRƯỜNG');
    expect(sheet.values.get(4, 1)).toBe('trường thpt hùng vương');
    expect(rt.ui.alerts.map((a) => a.prompt).join('\n')).toMatch(/"Ghi chú thêm"[\s\S]*Tên gọi khác/);
  });

  test('an edit is checked by the definition, the sidebar report and the daily reminders follow it', () => {
    const { rt, app } = boot(book(), { now: fromLocal(2025, 2, 13, 8, 30) });
    // Fix the missing lessons of row 6: the row becomes valid and is stamped.
    rt.edit(app, TAB05, 6, 6, [[4]]);
    const sheet = rt.spreadsheet.sheet(TAB05)!;
    const status = HEADERS.length + 2; // Thời điểm nộp, Cập nhật lần cuối, Kiểm tra
    expect(sheet.values.get(5, status)).toBe('Hợp lệ');
    rt.edit(app, TAB05, 7, 5, [[900]]);
    expect(sheet.notes.get(6, 4)).toMatch(/Sĩ số/);
    const summary = app.sidebarReport('01/2025', ['05']);
    expect(summary.forms[0]).toMatchObject({ form: '05', expected: 3, reported: 1 });
    rt.tick(app, fromLocal(2025, 2, 13, 8, 40));
    const to05 = rt.outbox.filter((m) => m.subject.includes('Biểu mẫu 05')).map((m) => m.to);
    expect(to05.flat()).toEqual(['t02@gialai.example', 't03@gialai.example']);
  });
});
