import { rowMarks, ERROR_BACKGROUND, WARNING_BACKGROUND, background } from '../../src/core/marks';
import { validateWorkbook } from '../../src/core/validate';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';
import { header } from './book';

describe('row marks', () => {
  const v = validateWorkbook(example1(), EXAMPLE1_NOW);
  const marks = rowMarks(v, 'Biểu mẫu 03');
  const cols = header('03');

  test('every data row gets a mark, in row order', () => {
    expect(marks.map((m) => m.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
  test('a valid row is Hợp lệ with no note and no cell marks', () => {
    expect(marks[0]).toEqual({ row: 2, status: 'Hợp lệ', statusNote: '', cells: {} });
  });
  test('an error row counts its errors and marks the faulty cell', () => {
    const m = marks.find((x) => x.row === 6)!;
    expect(m.status).toBe('1 lỗi');
    expect(m.statusNote).toBe(v.problems.find((p) => p.row === 6)!.message);
    expect(m.statusNote).toContain('130');
    expect(Object.keys(m.cells).map(Number)).toEqual([cols.indexOf('Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)')]);
    expect(m.cells[4].severity).toBe('error');
  });
  test('a warning-only row says so', () => {
    const m = marks.find((x) => x.row === 7)!;
    expect(m.status).toBe('1 cảnh báo');
    expect(m.cells[cols.indexOf('Đơn vị')]).toMatchObject({ severity: 'warning' });
  });
  test('errors and warnings together: "1 lỗi, 1 cảnh báo", one message per line', () => {
    const m = marks.find((x) => x.row === 8)!;
    expect(m.status).toBe('1 lỗi, 1 cảnh báo');
    expect(m.statusNote.split('\n')).toHaveLength(2);
    expect(m.cells[cols.indexOf('Người báo cáo')].severity).toBe('error');
    expect(m.cells[cols.indexOf('Số điện thoại')].severity).toBe('warning');
  });
  test('asking for given rows returns only those; an empty row gets a blank mark to clear', () => {
    expect(rowMarks(v, 'Biểu mẫu 03', [8, 20, 6]).map((m) => [m.row, m.status])).toEqual([[6, '1 lỗi'], [8, '1 lỗi, 1 cảnh báo'], [20, '']]);
  });
  test('backgrounds by severity', () => {
    expect(background('error')).toBe(ERROR_BACKGROUND);
    expect(background('warning')).toBe(WARNING_BACKGROUND);
  });
});
