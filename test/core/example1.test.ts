import { validateWorkbook } from '../../src/core/validate';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';

/** shared/design/examples/example-1.validate.json (copied: the test must not depend on a path outside the repo). */
const expected = {
  problems: [
    { sheet: 'Biểu mẫu 03', row: 6, column: 'Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)', severity: 'error', code: 'exceeds' },
    { sheet: 'Biểu mẫu 03', row: 7, column: 'Đơn vị', severity: 'warning', code: 'unit_alias' },
    { sheet: 'Biểu mẫu 03', row: 8, column: 'Người báo cáo', severity: 'error', code: 'required' },
    { sheet: 'Biểu mẫu 03', row: 8, column: 'Số điện thoại', severity: 'warning', code: 'bad_phone' },
  ],
  summary: { errors: 2, warnings: 2, rows: 7 },
};

describe('the worked example (examples/example-1)', () => {
  const v = validateWorkbook(example1(), EXAMPLE1_NOW);

  test('gives exactly the problems of example-1.validate.json, in order', () => {
    const got = v.problems.map(({ sheet, row, column, severity, code }) => ({ sheet, row, column, severity, code }));
    expect(got).toEqual(expected.problems);
  });

  test('gives the summary of example-1.validate.json', () => {
    expect(v.summary).toEqual(expected.summary);
  });

  test('rows carry the canonical unit, the month and their validity', () => {
    expect(v.rows.map((r) => [r.row, r.unitCode, r.valid])).toEqual([
      [2, 'H-622', true],
      [3, 'H-623', true],
      [4, 'H-626', true],
      [5, 'H-622', true],
      [6, 'H-623', false],
      [7, 'H-626', true],
      [8, 'H-630', false],
    ]);
    expect(v.rows[6].month).toBe(2024 * 12 + 6);
    expect(v.rows[2].submittedAt!.toISOString()).toBe('2024-07-11T16:30:00.000Z');
    expect(v.rows[0].values.residents_guided).toBe(200);
  });

  test('the exceeds message names both headers as found and both numbers', () => {
    expect(v.problems[0].message).toContain('(130)');
    expect(v.problems[0].message).toContain('(120)');
    expect(v.problems[0].message).toContain('Tổng số CBCCVC, NLĐ');
  });

  test('reading it one day before a stamp ignores the rows stamped later', () => {
    const early = validateWorkbook(example1(), new Date('2024-08-12T12:00:00+07:00'));
    expect(early.rows.map((r) => r.row)).not.toContain(7);
    expect(early.summary.rows).toBe(6);
  });
});
