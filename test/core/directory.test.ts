import { readDirectory, isActive, matchUnit } from '../../src/core/directory';
import { validateWorkbook } from '../../src/core/validate';
import type { Grid } from '../../src/core/types';
import { DIRECTORY_HEADER, NOW, directory } from './book';

const unit = (cells: Array<string | number | Date>) => [DIRECTORY_HEADER, cells] as Grid;

describe('reading the directory', () => {
  test('a clean directory has no problem and reads every field', () => {
    const { units, problems } = readDirectory(directory());
    expect(problems).toEqual([]);
    const pleiku = units.find((u) => u.code === 'H-622')!;
    expect(pleiku).toMatchObject({
      name: 'Thành phố Pleiku',
      form: '03',
      emails: ['pleiku@gialai.example'],
      communes: 22,
      aliases: ['TP. Pleiku'],
      enabled: true,
      row: 4,
    });
    expect(units.find((u) => u.code === 'H-640')!.to).toBe(2024 * 12 + 6);
  });
  test('a number 1–4 counts as form 01–04; "Biểu mẫu 2" too', () => {
    const { units } = readDirectory([
      DIRECTORY_HEADER,
      ['A', 'Đơn vị A', 3, '', '', '', '', '', '', '', ''],
      ['B', 'Đơn vị B', 'Biểu mẫu 2', '', '', '', '', '', '', '', ''],
    ]);
    expect(units.map((u) => u.form)).toEqual(['03', '02']);
  });
  test('several addresses separated by , or ; are read', () => {
    const { units, problems } = readDirectory(unit(['A', 'Đơn vị A', '01', 'a@x.vn; b@y.vn,c@z.vn', '', '', '', '', '', '', '']));
    expect(problems).toEqual([]);
    expect(units[0].emails).toEqual(['a@x.vn', 'b@y.vn', 'c@z.vn']);
  });
  test.each(['not-an-email', 'a@x.vn\nBcc: evil@x.vn', 'Bcc: evil@x.vn', 'a@@x.vn'])(
    '%j is bad_email and the unit gets no email',
    (email) => {
      const { units, problems } = readDirectory(unit(['A', 'Đơn vị A', '01', email, '', '', '', '', '', '', '']));
      expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'Email', 'bad_email']]);
      expect(units[0]).toMatchObject({ badEmail: true, emails: [] });
    },
  );
  test('unreadable form, communes, months and Hoạt động are bad_directory on their cell', () => {
    const { problems } = readDirectory(unit(['A', 'Đơn vị A', '05', '', '', '', 'mười', '', '13/2024', 'sau này', 'Có lẽ']));
    expect(problems.map((p) => [p.column, p.code])).toEqual([
      ['Biểu mẫu', 'bad_directory'],
      ['Số xã, phường, thị trấn', 'bad_directory'],
      ['Từ kỳ', 'bad_directory'],
      ['Đến kỳ', 'bad_directory'],
      ['Hoạt động', 'bad_directory'],
    ]);
  });
  test('Từ kỳ as a Date cell is read as its month', () => {
    const { units, problems } = readDirectory(unit(['X', 'Xã A', '03', '', '', '', '', '', new Date('2025-07-01T00:00:00+07:00'), '', '']));
    expect(problems).toEqual([]);
    expect(units[0].from).toBe(2025 * 12 + 6);
  });
  test('a code or a name used twice is duplicate_unit on every such row', () => {
    const g = directory();
    g.push(['H-622', 'Khác', '03', '', '', '', '', '', '', '', ''], ['Z', 'huyện đăk đoa', '03', '', '', '', '', '', '', '', '']);
    const { problems } = readDirectory(g);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'Mã đơn vị', 'duplicate_unit'],
      [10, 'Mã đơn vị', 'duplicate_unit'],
      [5, 'Tên đơn vị', 'duplicate_unit'],
      [11, 'Tên đơn vị', 'duplicate_unit'],
    ]);
  });
  test('two names that differ only in tone-mark placement (Xã An Hòa, Xã An Hoà) are duplicate_unit', () => {
    const { problems } = readDirectory([
      DIRECTORY_HEADER,
      ['X-1', 'Xã An Hòa', '03', '', '', '', '', '', '', '', ''],
      ['X-2', 'Xã An Hoà', '03', '', '', '', '', '', '', '', ''],
    ]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Tên đơn vị', 'duplicate_unit'],
      [3, 'Tên đơn vị', 'duplicate_unit'],
    ]);
  });
  test('a missing code is required; a missing Mã đơn vị column is missing_column', () => {
    expect(readDirectory(unit(['', 'Đơn vị A', '01', '', '', '', '', '', '', '', ''])).problems.map((p) => p.code)).toEqual(['required']);
    const g: Grid = [
      ['Tên đơn vị', 'Biểu mẫu', 'Mã số'],
      ['Đơn vị A', '01', 'x'],
    ];
    expect(readDirectory(g).problems.map((p) => [p.row, p.column, p.code])).toEqual([[1, 'Mã đơn vị', 'missing_column']]);
  });
  test('directory problems appear in validateWorkbook first', () => {
    const v = validateWorkbook({ 'Danh mục đơn vị': unit(['A', 'Đơn vị A', '9', '', '', '', '', '', '', '', '']) }, NOW);
    expect(v.problems.map((p) => [p.sheet, p.code])).toEqual([['Danh mục đơn vị', 'bad_directory']]);
  });
});

describe('activity and matching', () => {
  const { units } = readDirectory(directory());
  test('a unit is active within Từ kỳ–Đến kỳ unless Hoạt động is Không', () => {
    const old = units.find((u) => u.code === 'H-640')!,
      off = units.find((u) => u.code === 'H-650')!;
    expect(isActive(old, 2024 * 12 + 6)).toBe(true);
    expect(isActive(old, 2024 * 12 + 7)).toBe(false);
    expect(isActive(off, 2024 * 12 + 6)).toBe(false);
  });
  test('matching by code, by name, by alias', () => {
    expect(matchUnit(units, 'H-626', '03', null)).toMatchObject({ kind: 'one', folding: null, unit: { code: 'H-626' } });
    expect(matchUnit(units, 'huyện đăk đoa', '03', null)).toMatchObject({ kind: 'one', folding: null });
    expect(matchUnit(units, 'Đak Đoa', '03', null)).toMatchObject({ kind: 'one', folding: 'alias', unit: { code: 'H-626' } });
    expect(matchUnit(units, 'TP Pleiku', '03', null)).toMatchObject({ kind: 'one', folding: 'prefix', unit: { code: 'H-622' } });
    // Another level is not a prefix dropped or shortened (FORMS.md): no match, the unit suggested. Matched, a city's
    // figures would have been counted as a town's (or, after 07/2025, a district's as a commune's).
    const other = matchUnit(units, 'Thị xã Pleiku', '03', null);
    expect(other.kind).toBe('none');
    expect(other.kind === 'none' && other.suggestions.map((u) => u.code)).toEqual(['H-622']);
    expect(matchUnit(units, 'Đoa', '03', null)).toEqual({ kind: 'none', suggestions: [] });
  });
});
