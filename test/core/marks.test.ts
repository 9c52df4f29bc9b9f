import {
  rowMarks,
  ERROR_BACKGROUND,
  WARNING_BACKGROUND,
  VALID_BACKGROUND,
  STATUS_WARNING_BACKGROUND,
  PARTIAL_BACKGROUND,
  background,
} from '../../src/core/marks';
import { formById } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import type { CellValue } from '../../src/core/types';
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
    expect(marks[0]).toEqual({ row: 2, status: 'Hợp lệ', statusNote: '', statusBackground: VALID_BACKGROUND, cells: {} });
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
  test('the Kiểm tra note lists errors first, then warnings: a note cut short starts with what keeps the row out', () => {
    const book = example1();
    const tab = book['Biểu mẫu 03'];
    // Row 7's unit is read through an alias (a warning on Đơn vị, left of every figure): an error right of it.
    tab[6][tab[0].indexOf('Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)')] = 'mười';
    const w = validateWorkbook(book, EXAMPLE1_NOW);
    const m = rowMarks(w, 'Biểu mẫu 03', [7])[0];
    const severities = m.statusNote.split('\n').map((line) => w.problems.find((p) => p.row === 7 && p.message === line)!.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    expect(severities[0]).toBe('error');
    expect(severities).toContain('warning');
  });
  test('asking for given rows returns only those; an empty row gets a blank mark to clear', () => {
    expect(rowMarks(v, 'Biểu mẫu 03', [8, 20, 6]).map((m) => [m.row, m.status])).toEqual([
      [6, '1 lỗi'],
      [8, '1 lỗi, 1 cảnh báo'],
      [20, ''],
    ]);
  });
  test('the Kiểm tra cell is green when valid, red with errors, amber with warnings only', () => {
    const by = (row: number) => marks.find((x) => x.row === row)!.statusBackground;
    expect([by(2), by(6), by(7), by(8)]).toEqual([VALID_BACKGROUND, ERROR_BACKGROUND, STATUS_WARNING_BACKGROUND, ERROR_BACKGROUND]);
    expect(new Set([VALID_BACKGROUND, ERROR_BACKGROUND, STATUS_WARNING_BACKGROUND, PARTIAL_BACKGROUND]).size).toBe(4);
  });
  test('backgrounds by severity', () => {
    expect(background('error')).toBe(ERROR_BACKGROUND);
    expect(background('warning')).toBe(WARNING_BACKGROUND);
  });
});

describe('a row still being typed', () => {
  const f03 = formById('03');
  const at = (key: string) => f03.columns.findIndex((c) => c.key === key);
  const book = () => example1();
  /** Row 9 of Biểu mẫu 03: the given cells only (unit and period, say), everything else blank. */
  function withRow(cells: Record<string, CellValue>) {
    const b = book();
    const line: CellValue[] = f03.columns.map(() => '');
    for (const [k, val] of Object.entries(cells)) line[at(k)] = val;
    b['Biểu mẫu 03'].push(line);
    const v = validateWorkbook(b, EXAMPLE1_NOW);
    return { v, row: b['Biểu mẫu 03'].length, m: rowMarks(v, 'Biểu mẫu 03', [b['Biểu mẫu 03'].length])[0] };
  }
  const required = f03.columns.filter((c) => c.required && !c.scriptOwned && c.key !== 'unit' && c.key !== 'period');

  test('unit and period only: light marks without notes, ONE note on the status cell counting the blanks', () => {
    const { v, row, m } = withRow({ unit: 'Huyện Kông Chro', period: '06/2024' });
    const blanks = v.problems.filter((p) => p.row === row && p.code === 'required');
    expect(blanks).toHaveLength(required.length);
    expect(m.status).toBe(`Còn ${required.length} ô trống`);
    expect(m.statusBackground).toBe(PARTIAL_BACKGROUND);
    expect(m.statusNote.split('\n')).toHaveLength(1);
    expect(m.statusNote).toContain(`Còn ${required.length} ô chưa nhập: “Tổng số CBCCVC, NLĐ”`);
    for (const c of required) expect(m.cells[at(c.key)]).toEqual({ severity: 'error', note: '', background: PARTIAL_BACKGROUND });
    expect(Object.values(m.cells).some((c) => c.background === ERROR_BACKGROUND)).toBe(false);
  });

  test('some cells typed: still light, the count goes down', () => {
    const { m } = withRow({ unit: 'Huyện Kông Chro', period: '06/2024', staff_total: 120, staff_installed: 80 });
    expect(m.status).toBe(`Còn ${required.length - 2} ô trống`);
    expect(m.statusBackground).toBe(PARTIAL_BACKGROUND);
  });

  test('full red once a value is wrong: every blank becomes an error with its own note', () => {
    const { m } = withRow({ unit: 'Huyện Kông Chro', period: '06/2024', staff_total: 120, staff_installed: 130 });
    expect(m.status).toMatch(/^\d+ lỗi$/);
    expect(m.statusBackground).toBe(ERROR_BACKGROUND);
    expect(m.cells[at('staff_installed')].background).toBe(ERROR_BACKGROUND);
    expect(m.cells[at('relatives_guided')]).toMatchObject({ background: ERROR_BACKGROUND, note: expect.stringContaining('Chưa nhập') });
  });

  test('full red when the unit or the period is missing, or when a submitted row loses a value', () => {
    expect(withRow({ unit: 'Huyện Kông Chro' }).m.statusBackground).toBe(ERROR_BACKGROUND);
    expect(withRow({ period: '07/2024', staff_total: 5 }).m.statusBackground).toBe(ERROR_BACKGROUND);
    const stamped = withRow({ unit: 'Huyện Kông Chro', period: '06/2024', staff_total: 120, submitted_at: fromLocal(2024, 8, 5, 9, 0) });
    expect(stamped.m.status).toMatch(/lỗi/);
    expect(stamped.m.statusBackground).toBe(ERROR_BACKGROUND);
  });

  test('a decimal is quoted in the note as the Vietnamese sheet shows it (12,5, not 12.5)', () => {
    const { m } = withRow({ unit: 'Huyện Kông Chro', period: '06/2024', staff_total: 12.5 });
    const note = m.cells[at('staff_total')].note;
    expect(note).toContain('“12,5”');
    expect(note).not.toContain('12.5');
    const neg = withRow({ unit: 'Huyện Kông Chro', period: '06/2024', staff_total: 1500, staff_installed: 1234.5 }).m;
    expect(neg.cells[at('staff_installed')].note).toContain('“1.234,5”');
  });
});
