import { readLog, sendKey } from '../src/core/reminders';
import { makeBenchWorkbook, makeDemoWorkbook, benchToday, mulberry32, DEMO_TODAY } from '../src/local/demo';
import { defaultUnitsGrid, parseCsv, parseUnitsCsv } from '../src/local/units';
import { DIRECTORY_COLUMNS, FORMS, LOG_COLUMNS, SETTINGS, TAB, formById } from '../src/core/forms/schema';
import { validateWorkbook } from '../src/core/validate';
import { fromLocal } from '../src/core/periods';
import type { Grid, Workbook } from '../src/core/types';

const formRows = (book: Workbook) => FORMS.reduce((n, f) => n + book[f.tab].length - 1, 0);
const col = (grid: Grid, header: string) => grid[0].indexOf(header);

describe('units CSV', () => {
  test('quoted fields keep their commas and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  test('the directory grid has the schema headers, forms as text and communes as numbers', () => {
    const grid = parseUnitsCsv('code,name,form,communes,aliases\nH-1,Huyện A,3,12,"A;Huyện Á"\nS-1,Sở B,01,,\n');
    expect(grid[0]).toEqual(DIRECTORY_COLUMNS.map((c) => c.header));
    expect(grid[1][col(grid, 'Biểu mẫu')]).toBe('03');
    expect(grid[1][col(grid, 'Số xã, phường, thị trấn')]).toBe(12);
    expect(grid[1][col(grid, 'Tên gọi khác')]).toBe('A;Huyện Á');
    expect(grid[2][col(grid, 'Số xã, phường, thị trấn')]).toBe('');
  });

  test('the 2024 directory lists 47 units: 20 agencies, 2 media, 17 districts with 220 communes, 8 enterprises', () => {
    const grid = defaultUnitsGrid();
    const forms = grid.slice(1).map((r) => r[col(grid, 'Biểu mẫu')]);
    expect(grid.length - 1).toBe(47);
    expect(['01', '02', '03', '04'].map((f) => forms.filter((x) => x === f).length)).toEqual([20, 2, 17, 8]);
    const communes = grid.slice(1).reduce((n, r) => n + (Number(r[col(grid, 'Số xã, phường, thị trấn')]) || 0), 0);
    expect(communes).toBe(220);
  });
});

describe('demo workbook', () => {
  const book = makeDemoWorkbook();

  test('the same seed gives the same workbook, another seed another one', () => {
    expect(makeDemoWorkbook({ seed: 7 })).toEqual(makeDemoWorkbook({ seed: 7 }));
    expect(makeDemoWorkbook({ seed: 8 })).not.toEqual(makeDemoWorkbook({ seed: 7 }));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  test('every tab has the schema headers in row 1', () => {
    for (const f of FORMS) expect(book[f.tab][0]).toEqual(f.columns.map((c) => c.header));
    expect(book[TAB.directory][0]).toEqual(DIRECTORY_COLUMNS.map((c) => c.header));
    expect(book[TAB.log][0]).toEqual([...LOG_COLUMNS]);
  });

  test('the log holds the reminders the daily trigger would have sent before today, each once', () => {
    const log = readLog(book[TAB.log]);
    expect(log.length).toBeGreaterThan(20);
    expect(log.every((e) => e.result === 'sent' && e.at.getTime() < fromLocal(2024, 8, 20).getTime())).toBe(true);
    const keys = log.filter((e) => e.unit).map(sendKey);
    expect(new Set(keys).size).toBe(keys.length);
    // 05/08/2024 is D-7 of 07/2024 for forms 03 and 04; a unit whose row turns invalid later is caught up before D-2 (09/08)
    const d7 = log.filter((e) => e.step === 'D-7' && e.period === '07/2024').map((e) => e.at.getTime());
    expect(d7.filter((t) => t === fromLocal(2024, 8, 5, 8).getTime()).length).toBeGreaterThan(5);
    expect(d7.every((t) => t >= fromLocal(2024, 8, 5, 8).getTime() && t < fromLocal(2024, 8, 9).getTime())).toBe(true);
  });

  test('the settings tab lists every setting with its default, and the admin email', () => {
    const settings = book[TAB.settings];
    expect(settings[0]).toEqual(['Tham số', 'Giá trị']);
    expect(settings.slice(1).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.name));
    expect(settings.find((r) => r[0] === 'Email quản trị')![1]).toBe('sotttt@gialai.example');
    expect(settings.find((r) => r[0] === 'Kỳ bắt đầu')![1]).toBe('06/2024');
  });

  test('forms 03 and 04 report June and July 2024, form 01 only June', () => {
    const periods = (tab: string) =>
      new Set(
        book[tab].slice(1).map((r) =>
          String(r[2])
            .replace(/^(Tháng |T)/, '')
            .padStart(7, '0'),
        ),
      );
    expect(periods('Biểu mẫu 03')).toEqual(new Set(['06/2024', '07/2024']));
    expect(periods('Biểu mẫu 04')).toEqual(new Set(['06/2024', '07/2024']));
    expect(periods('Biểu mẫu 01')).toEqual(new Set(['06/2024']));
    expect(book['Biểu mẫu 02'].length - 1).toBeGreaterThanOrEqual(3);
  });

  test('no row was stamped after today, and most rows carry a submission time', () => {
    let stamped = 0,
      total = 0;
    for (const f of FORMS) {
      const grid = book[f.tab];
      const at = col(grid, 'Thời điểm nộp');
      for (const r of grid.slice(1)) {
        total++;
        if (r[at] instanceof Date) {
          stamped++;
          expect((r[at] as Date).getTime()).toBeLessThanOrEqual(DEMO_TODAY.getTime());
        }
      }
    }
    expect(stamped / total).toBeGreaterThan(0.9);
  });

  test('the planted mistakes are there: 1.234 in a count, Đak Đoa, a duplicate, installs above staff', () => {
    const grid = book['Biểu mẫu 03'];
    const all = FORMS.flatMap((f) => book[f.tab].slice(1).map((r) => ({ f, r })));
    expect(all.some(({ r }) => r.includes(1.234))).toBe(true);
    expect(grid.slice(1).some((r) => r[col(grid, 'Đơn vị')] === 'Đak Đoa')).toBe(true);
    const keys = all.filter(({ f }) => f.id !== '02').map(({ f, r }) => `${f.id}|${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length - 1);
    const staff = col(grid, 'Tổng số CBCCVC, NLĐ'),
      installed = col(grid, 'Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)');
    expect(grid.slice(1).some((r) => Number(r[installed]) > Number(r[staff]))).toBe(true);
  });

  test('stocks never go down from one month to the next for a unit', () => {
    const grid = book['Biểu mẫu 03'];
    const installed = col(grid, 'Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)');
    const at = col(grid, 'Thời điểm nộp');
    const last = new Map<unknown, number>();
    for (const r of grid.slice(1)) {
      if (!(r[at] instanceof Date)) continue;
      const before = last.get(r[1]);
      if (before !== undefined) expect(Number(r[installed])).toBeGreaterThanOrEqual(before);
      last.set(r[1], Number(r[installed]));
    }
  });

  test('the demo validates with exactly the planted problems', () => {
    const v = validateWorkbook(book, DEMO_TODAY);
    const codes = v.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['duplicate', 'duplicate', 'exceeds', 'not_integer', 'unit_alias']);
    expect(v.summary.rows).toBe(formRows(book));
  });

  test('an earlier today gives fewer rows and no row from after it', () => {
    const early = makeDemoWorkbook({ today: fromLocal(2024, 7, 15, 12) });
    expect(formRows(early)).toBeLessThan(formRows(book));
    expect(early['Biểu mẫu 03'].slice(1).every((r) => String(r[2]).includes('6/2024'))).toBe(true);
  });

  test('a custom directory is used as given', () => {
    const units = parseUnitsCsv(
      'code,name,form,email,communes,aliases\nX-1,Xã Ia Hrung,03,iahrung@gialai.example,1,Ia Hrung\nX-2,Phường Diên Hồng,03,dienhong@gialai.example,1,\n',
    );
    const small = makeDemoWorkbook({ units });
    expect(small[TAB.directory]).toEqual(units);
    const names = new Set(small['Biểu mẫu 03'].slice(1).map((r) => r[1]));
    for (const n of names) expect(['Xã Ia Hrung', 'Phường Diên Hồng', 'Ia Hrung']).toContain(n);
  });
});

describe('bench workbooks', () => {
  test('200 units x 5 months give about 1,000 rows, with unique unit names over the four forms', () => {
    const book = makeBenchWorkbook({ seed: 1, units: 200, months: 5 });
    expect(formRows(book)).toBeGreaterThan(850);
    expect(formRows(book)).toBeLessThan(1150);
    const dir = book[TAB.directory];
    const names = dir.slice(1).map((r) => r[1]);
    expect(new Set(names).size).toBe(200);
    const forms = new Set(dir.slice(1).map((r) => r[2]));
    expect(forms).toEqual(new Set(['01', '02', '03', '04']));
  });

  test('1,000 units x 10 months give about 10,000 rows that validate with few problems', () => {
    const book = makeBenchWorkbook({ seed: 2, units: 1000, months: 10 });
    expect(formRows(book)).toBeGreaterThan(8500);
    expect(formRows(book)).toBeLessThan(11500);
    const v = validateWorkbook(book, benchToday(10));
    expect(v.summary.errors).toBeLessThan(10);
  });

  // Speed is the benchmark's to measure (npm run bench), never a time asserted in a test.
  test('2,000 units x 50 months give about 100,000 rows', () => {
    const book = makeBenchWorkbook({ seed: 3, units: 2000, months: 50 });
    expect(formRows(book)).toBeGreaterThan(85000);
    expect(formRows(book)).toBeLessThan(115000);
    expect(book['Biểu mẫu 03'][0]).toEqual(formById('03').columns.map((c) => c.header));
  });
});
