// The column-number row under the header (`(1) (2) (3)…`, `1 2 3…`, `A B C (1) (2)…`) that Vietnamese forms carry:
// part of the header block, never a data row (layout.ts isColumnNumbers).
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { findLayout, firstDataRow, isColumnNumbers } from '../../src/core/layout';
import { readMeasured } from '../../src/core/measured';
import { formById } from '../../src/core/forms/schema';
import { month } from '../../src/core/periods';
import type { CellValue, Grid } from '../../src/core/types';
import { NOW, book, directory, header, row } from './book';

const TAB = 'Biểu mẫu 03';
const cols = header('03');
const n = cols.length;
const labels = (f: (i: number) => CellValue): CellValue[] => cols.map((_, i) => f(i));

/** Form 03 with a title, the header, `numbers` under it, then the rows. */
function withNumbers(numbers: CellValue[], rows: CellValue[][] = [row('03', {})]): Grid {
  return [['BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN I-SPEED'], cols, numbers, ...rows];
}
function check(grid: Grid) {
  const b = book('03', []);
  b[TAB] = grid;
  return validateWorkbook(b, NOW);
}

describe('a column-number row under the header is part of the header', () => {
  const kinds: Array<[string, CellValue[]]> = [
    ['(1) (2) (3)…', labels((i) => `(${i + 1})`)],
    ['1 2 3… as number cells', labels((i) => i + 1)],
    ['1 2 3… as text', labels((i) => String(i + 1))],
    ['A B C (1) (2)… and a computed (4)=(2)+(3)', labels((i) => (i < 3 ? 'ABC'[i] : i === 5 ? '(3)=(1)+(2)' : `(${i - 2})`))],
    ['(A) (B) C ( 4 ), the script-owned columns left blank', labels((i) => (i >= n - 3 ? '' : (['(A)', '(B)', 'C'][i] ?? `( ${i + 1} )`)))],
    ['full-width （1）（2）…', labels((i) => `（${i + 1}）`)],
    [
      '(1) (2)… with what an earlier check wrote in the script-owned columns (a stamp, `9 lỗi`)',
      labels((i) => (i === n - 1 ? '9 lỗi' : i === n - 2 ? new Date(2024, 7, 1) : `(${i + 1})`)),
    ],
  ];
  for (const [what, numbers] of kinds) {
    test(`${what}: no problem on it, the data starts below it`, () => {
      const v = check(withNumbers(numbers));
      expect(v.problems).toEqual([]);
      expect(v.layouts[TAB].headerRow).toBe(2);
      expect(v.layouts[TAB].numbersRow).toBe(3);
      expect(firstDataRow(v.layouts[TAB])).toBe(4);
      expect(v.rows.map((r) => [r.row, r.valid])).toEqual([[4, true]]);
    });
  }

  test('the report counts the unit once, from its report only', () => {
    const v = check(withNumbers(labels((i) => `(${i + 1})`)));
    const f = buildReport(v, month(2024, 7), ['03'], '2024-08-20').forms[0];
    expect(f.reported).toBe(1);
    expect(f.indicators.find((x) => x.key === 'staff_total')!.cumulative).toBe(300);
  });

  test('without it the same grid read the row as a report (9 errors and more): the rule is what skips it', () => {
    const v = check([['BÁO CÁO'], cols, labels((i) => `(${i + 1})`).map((x, i) => (i === 1 ? 'Xã Ia Grai' : x)), row('03', {})]);
    expect(v.layouts[TAB].numbersRow).toBeUndefined();
    expect(v.problems.filter((p) => p.row === 3).length).toBeGreaterThanOrEqual(9);
  });
});

describe('a row that could be a report is never skipped', () => {
  const numbers = labels((i) => `(${i + 1})`);
  const unitCol = cols.indexOf('Đơn vị'),
    periodCol = cols.indexOf('Kỳ báo cáo');
  const cases: Array<[string, CellValue[]]> = [
    ['a unit name among labels', numbers.map((x, i) => (i === unitCol ? 'Thành phố Pleiku' : x))],
    ['a period among labels', numbers.map((x, i) => (i === periodCol ? '07/2024' : x))],
    ['a period typed short (7/24)', numbers.map((x, i) => (i === periodCol ? '7/24' : x))],
    ['a period as a date cell', numbers.map((x, i) => (i === periodCol ? new Date(2024, 6, 1) : x))],
    ['the unit cell blank', numbers.map((x, i) => (i === unitCol ? '' : x))],
    ['a repeated label (figures repeat: 1 1 1…)', labels(() => 1)],
    ['a figure of 0', numbers.map((x, i) => (i === 5 ? 0 : x))],
    ['a figure with a decimal', numbers.map((x, i) => (i === 5 ? 2.5 : x))],
    ['a word', numbers.map((x, i) => (i === n - 6 ? 'Nguyễn Văn An' : x))],
    ['a lower-case letter alone (x marks a yes)', numbers.map((x, i) => (i === 0 ? 'x' : x))],
    ['a label in brackets or a lower-case one', numbers.map((x, i) => (i === 0 ? '[1]' : i === 4 ? '(e)' : x))],
    ['a label over 999', numbers.map((x, i) => (i === 4 ? 1000 : x))],
  ];
  for (const [what, cells] of cases) {
    test(`${what}: a data row, checked`, () => {
      const v = check(withNumbers(cells, []));
      expect(v.layouts[TAB].numbersRow).toBeUndefined();
      expect(v.rows.map((r) => r.row)).toEqual([3]);
      expect(v.problems.some((p) => p.row === 3)).toBe(true);
    });
  }

  test('only the row right under the header: a second label row, or one below a report, is data', () => {
    const v = check(withNumbers(numbers, [labels((i) => `(${i + 1})`), row('03', {}), labels((i) => `(${i + 1})`)]));
    expect(v.layouts[TAB].numbersRow).toBe(3);
    expect(v.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(v.rows.map((r) => r.valid)).toEqual([false, true, false]);
  });

  test('isColumnNumbers wants each anchor found to hold a lone label', () => {
    expect(isColumnNumbers(['(1)', '(2)', '(3)=(1)+(2)'], [0, 1])).toBe(true);
    expect(isColumnNumbers(['(1)', '(2)=(1)+(1)', '(3)'], [0, 1])).toBe(false);
    expect(isColumnNumbers(['(1)', '(2)'], [undefined, undefined])).toBe(false);
    expect(isColumnNumbers(['(1)'], [0, undefined])).toBe(false);
    expect(isColumnNumbers(['(1)', '', '(3)'], [0, undefined])).toBe(true);
    expect(isColumnNumbers(undefined, [0, 1])).toBe(false);
  });
});

describe('the other tabs read by header', () => {
  test('the directory: a column-number row is no unit', () => {
    const dir = directory();
    const b = book('03', [row('03', {})]);
    b['Danh mục đơn vị'] = [dir[0], dir[0].map((_, i) => i + 1), ...dir.slice(1)];
    const v = validateWorkbook(b, NOW);
    expect(v.problems).toEqual([]);
    expect(v.units.length).toBe(dir.length - 1);
    expect(v.layouts['Danh mục đơn vị'].numbersRow).toBe(2);
  });

  test('the form definitions: a column-number row is no definition', () => {
    const b = book('03', [row('03', {})]);
    const spec = formById('03');
    b['Danh sách biểu mẫu'] = [
      ['Biểu mẫu', 'Tên tab', 'Đối tượng', 'Kỳ báo cáo', 'Hạn nộp', 'Nhiều báo cáo mỗi kỳ', 'Nhắc nhở'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
      ['03', TAB, 'UBND huyện', 'Hằng tháng', '', '', ''],
    ];
    const heads = ['Biểu mẫu', 'Mã cột', 'Tên cột', 'Kiểu', 'Tính chất', 'Bắt buộc', 'Tối thiểu', 'Không vượt quá'];
    b['Định nghĩa biểu mẫu'] = [
      heads,
      heads.map((_, i) => 'ABCDEFGH'[i]),
      ...spec.columns
        .filter((c) => c.kind)
        .map((c) => ['03', c.key, c.header, '', c.kind === 'stock' ? 'Lũy kế' : 'Trong kỳ', c.required ? '' : 'Không', c.min ?? '', '']),
    ];
    const v = validateWorkbook(b, NOW);
    expect(v.problems.filter((p) => p.sheet === 'Danh sách biểu mẫu' || p.sheet === 'Định nghĩa biểu mẫu')).toEqual([]);
    expect(v.forms.map((f) => f.id)).toEqual(['03']);
    expect(v.rows.map((r) => r.valid)).toEqual([true]);
  });

  test('VNNIC’s table: under the header, and under a two-row header’s speeds', () => {
    const read = (g: Grid) => readMeasured(g, [], [], 'Gia Lai');
    const one = read([['Kỳ: 07/2024'], ['STT', 'Xã/Phường', 'Số mẫu'], ['(1)', '(2)', '(3)'], [1, 'Xã Ia Grai', 320]]);
    expect(one.layout.numbersRow).toBe(3);
    expect(one.rows.map((r) => [r.row, r.locality])).toEqual([[4, 'Xã Ia Grai']]);
    const two = read([
      ['Kỳ: 07/2024'],
      ['STT', 'Xã/Phường', 'Số mẫu', 'Tốc độ trung bình (Mbps)', ''],
      ['', '', '', 'Tải xuống', 'Tải lên'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      [1, 'Xã Ia Grai', 320, 80, 40],
    ]);
    expect(two.layout.numbersRow).toBe(4);
    expect(two.rows.map((r) => [r.row, r.locality])).toEqual([[5, 'Xã Ia Grai']]);
    expect(two.problems.filter((p) => p.row === 4)).toEqual([]);
  });

  test('findLayout gives it for a grid as the edit reads it (the head, then only the edited rows)', () => {
    const spec = formById('03');
    const sparse: Grid = [cols];
    sparse[2] = row('03', {});
    expect(findLayout(TAB, sparse, spec.columns, ['unit', 'period']).numbersRow).toBeUndefined();
    sparse[1] = labels((i) => i + 1);
    expect(findLayout(TAB, sparse, spec.columns, ['unit', 'period']).numbersRow).toBe(2);
  });
});
