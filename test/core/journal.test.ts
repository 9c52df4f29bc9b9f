// The change journal's row: who, where, and what, every text kept as text; a pasted block by its first cells.
import { journalRow, MAX_CHARS } from '../../src/core/journal';
import { fromLocal } from '../../src/core/periods';

const AT = fromLocal(2024, 8, 20, 9, 30);
const where = { at: AT, user: 'canbo@gialai.example', sheet: 'Biểu mẫu 03', a1: 'A5:C6' };

describe('journalRow', () => {
  test('a pasted block: its size and first cells; a date as the sheet shows it in Gia Lai, not in UTC', () => {
    const row = journalRow({ ...where, rows: 2, cols: 3, first: [['Thành phố Pleiku', '07/2024', fromLocal(2024, 8, 5, 7, 15)]] });
    expect(row.slice(1)).toEqual([
      'canbo@gialai.example',
      'Biểu mẫu 03',
      'A5:C6',
      '',
      '2×3 ô: Thành phố Pleiku | 07/2024 | 05/08/2024 07:15',
    ]);
    expect(row[0]).toBe(AT);
  });

  test('a block of several rows: its rows apart, at most MAX_CELLS cells in all', () => {
    const first = [
      ['', 'Huyện Chư Prông', '08/2024', 404, 95, 70],
      ['', 'Huyện Chư Sê', '08/2024', 295, 110, 60],
      ['', 'Huyện Ia Pa', '08/2024', 300, 100, 50],
    ];
    const row = journalRow({ ...where, a1: 'A30:F32', rows: 3, cols: 6, first });
    expect(row[5]).toBe('3×6 ô:  | Huyện Chư Prông | 08/2024 | 404 | 95 | 70 /  | Huyện Chư Sê | 08/2024 | 295 | 110 | 60');
  });

  test('one cell: its old and new values, clipped, and a formula-looking text stays text', () => {
    const long = 'x'.repeat(MAX_CHARS + 50);
    const row = journalRow({ ...where, a1: 'D5', rows: 1, cols: 1, oldValue: long, value: '=IMPORTXML("http://evil","//a")' });
    expect(String(row[4])).toHaveLength(MAX_CHARS);
    expect(String(row[4]).endsWith('…')).toBe(true);
    expect(String(row[5]).startsWith('=')).toBe(false);
    expect(String(row[5])).toContain('IMPORTXML');
  });

  test('a cleared cell and an unknown user say so', () => {
    const row = journalRow({ ...where, user: '', a1: 'D5', rows: 1, cols: 1, oldValue: '12' });
    expect([row[1], row[4], row[5]]).toEqual(['không rõ', '12', '(xóa)']);
  });
});
