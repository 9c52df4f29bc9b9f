import { validateWorkbook } from '../../src/core/validate';
import { generate } from './generate';

describe('a large workbook', () => {
  // 320 units x 50 months, form 02 twice a month: 20,000 rows. Only correctness is asserted, never time.
  const g = generate(320, 50, 7);
  const v = validateWorkbook(g.book, g.now);

  test('every non-empty row is read', () => {
    expect(v.summary.rows).toBe(20000);
    expect(v.rows).toHaveLength(20000);
  });
  test('exactly the planted errors are found, on their rows', () => {
    const errors = v.problems.filter((p) => p.severity === 'error').map((p) => ({ sheet: p.sheet, row: p.row, code: p.code }));
    const byPlace = (a: { sheet: string; row: number }, b: { sheet: string; row: number }) =>
      a.sheet.localeCompare(b.sheet) || a.row - b.row;
    expect(errors.sort(byPlace)).toEqual([...g.planted].sort(byPlace));
    expect(g.planted.length).toBeGreaterThan(50);
  });
  test('aliases are the only warnings and still give the canonical unit', () => {
    const codes = new Set(v.problems.filter((p) => p.severity === 'warning').map((p) => p.code));
    expect([...codes].sort()).toEqual(['unit_alias']);
    expect(v.rows.every((r) => r.unitCode !== null && r.month !== null)).toBe(true);
  });
});
