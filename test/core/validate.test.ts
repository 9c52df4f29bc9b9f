import { validateWorkbook } from '../../src/core/validate';
import type { Validation } from '../../src/core/model';
import type { CellValue, FormId } from '../../src/core/types';
import { fromLocal } from '../../src/core/periods';
import { findLayout } from '../../src/core/layout';
import { formById } from '../../src/core/forms/schema';
import { NOW, book, header, row } from './book';
import { MSG } from '../../src/core/text/validation';

const INSTALLED = 'Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)';

/** [column, code] of the problems on one sheet row. */
function at(v: Validation, sheetRow: number, sheet = 'Biểu mẫu 03'): Array<[string, string]> {
  return v.problems.filter((p) => p.sheet === sheet && p.row === sheetRow).map((p) => [p.column, p.code]);
}
function one(form: FormId, values: Record<string, CellValue>): Validation {
  return validateWorkbook(book(form, [row(form, values)]), NOW);
}

describe('numbers', () => {
  test('a clean row has no problem and is valid', () => {
    const v = one('03', {});
    expect(v.problems).toEqual([]);
    expect(v.rows[0].valid).toBe(true);
  });
  test('1.234 typed as a number in a count column is not_integer, suggesting 1234', () => {
    const v = one('03', { staff_total: 1.234, staff_installed: 1 });
    expect(at(v, 2)).toEqual([['Tổng số CBCCVC, NLĐ', 'not_integer']]);
    // The number shows in the sheet's Vietnamese form (1,234), typed in a US-locale sheet as 1.234: neither mark is wanted.
    expect(v.problems[0].message).toBe(
      'Số 1,234 có phần thập phân nhưng cột này chỉ nhận số nguyên. Nếu ý là 1234, hãy nhập 1234: chỉ chữ số, không có dấu chấm hay dấu phẩy.',
    );
    expect(v.rows[0].values.staff_total).toBeNull();
  });
  test('text 1.234 and 12 345 are thousands', () => {
    const v = one('03', { staff_total: '12 345', staff_installed: '1.234' });
    expect(v.problems).toEqual([]);
    expect(v.rows[0].values.staff_total).toBe(12345);
    expect(v.rows[0].values.staff_installed).toBe(1234);
  });
  test('15 người, abc and 1.2.3 are not_number', () => {
    const v = one('03', { relatives_guided: '15 người', villages_active: 'abc', digital_teams: '1.2.3' });
    expect(at(v, 2).map((x) => x[1])).toEqual(['not_number', 'not_number', 'not_number']);
    expect(v.problems[0].message).toContain('15 người');
  });
  test('a value typed with a leading = (a formula Sheets cannot compute) says so, not what the cell shows', () => {
    // Sheets reads `=Huyện Ia Pa` and `=300abc` as formulas and shows #NAME? / #ERROR!; getValues gives that text.
    const v = one('03', { unit: '#NAME?', staff_total: '#ERROR!', period: '#NAME?' });
    const messages = v.problems.filter((p) => ['unknown_unit', 'not_number', 'bad_period'].includes(p.code));
    expect(messages.map((p) => p.code).sort()).toEqual(['bad_period', 'not_number', 'unknown_unit']);
    for (const p of messages) {
      expect(p.message).toMatch(/^Ô đang chứa công thức báo lỗi \(#(NAME\?|ERROR!)\)/);
      expect(p.message).toContain('Hãy xóa dấu “=” ở đầu rồi nhập lại giá trị.');
    }
    expect(one('03', { staff_total: 'abc' }).problems[0].message).toContain('ô đang ghi “abc”');
  });
  test('-3 is negative and 0 staff is below_min', () => {
    const v = one('03', { relatives_guided: -3, staff_total: 0, staff_installed: 0 });
    expect(at(v, 2)).toEqual([
      ['Tổng số CBCCVC, NLĐ', 'below_min'],
      ['Số người thân được hướng dẫn cài đặt (đến nay)', 'negative'],
    ]);
  });
  test('2,5 is not_integer in a count column but 2.5 minutes of airtime', () => {
    const v = one('02', { print_items: '2,5', airtime_minutes: '2,5' });
    expect(at(v, 2, 'Biểu mẫu 02')).toEqual([['Số tin, bài trên báo in (trong kỳ)', 'not_integer']]);
    expect(v.rows[0].values.airtime_minutes).toBe(2.5);
  });
  test('a blank required count is required; a blank optional one (samples) is fine', () => {
    const v = one('03', { residents_guided: '', samples: '' });
    expect(at(v, 2)).toEqual([['Số người dân được hướng dẫn cài đặt (trong kỳ)', 'required']]);
  });
});

describe('bounds', () => {
  test('installed above staff is exceeds on the installed cell', () => {
    const v = one('03', { staff_total: 120, staff_installed: 130 });
    expect(at(v, 2)).toEqual([[INSTALLED, 'exceeds']]);
    expect(v.problems[0].message).toContain('(130)');
  });
  test('communes above the directory count is exceeds', () => {
    const v = one('03', { communes_active: 23 });
    expect(at(v, 2)).toEqual([['Số xã, phường, thị trấn đã triển khai (đến nay)', 'exceeds']]);
    expect(v.problems[0].message).toContain('22');
  });
  test('service points active above service points is exceeds (form 04)', () => {
    const v = one('04', { service_points: 5, service_points_active: 6 });
    expect(at(v, 2, 'Biểu mẫu 04')).toEqual([['Số điểm giao dịch đã tuyên truyền (đến nay)', 'exceeds']]);
  });
  test('no exceeds when one side is not a clean number', () => {
    const v = one('03', { staff_total: 'abc', staff_installed: 130 });
    expect(at(v, 2)).toEqual([['Tổng số CBCCVC, NLĐ', 'not_number']]);
  });
});

describe('units', () => {
  test('an alias (Đak Đoa) matches with a unit_alias warning naming the canonical unit', () => {
    const v = one('03', { unit: 'Đak Đoa' });
    expect(at(v, 2)).toEqual([['Đơn vị', 'unit_alias']]);
    expect(v.problems[0].message).toContain('Huyện Đăk Đoa');
    expect(v.rows[0].unitCode).toBe('H-626');
    expect(v.rows[0].valid).toBe(true);
  });
  test('a name in NFD form, in other case, with trailing spaces matches without warning', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { unit: 'Huyện Kông Chro'.normalize('NFD') }),
        row('03', { unit: 'HUYỆN KÔNG CHRO', period: '06/2024' }),
        row('03', { unit: 'Thành phố  Pleiku   ' }),
        row('03', { unit: 'H-622', period: '06/2024' }),
      ]),
      NOW,
    );
    expect(v.problems).toEqual([]);
    expect(v.rows.map((r) => r.unitCode)).toEqual(['H-630', 'H-630', 'H-622', 'H-622']);
  });
  test('Ð (U+00D0) for Đ and a dropped prefix match with a warning', () => {
    const v = validateWorkbook(
      book('03', [row('03', { unit: 'Huyện \u00d0ăk \u00d0oa' }), row('03', { unit: 'Kông Chro' }), row('03', { unit: 'TP. Pleiku' })]),
      NOW,
    );
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'unit_alias'],
      [3, 'unit_alias'],
      [4, 'unit_alias'],
    ]);
    expect(v.rows.map((r) => r.unitCode)).toEqual(['H-626', 'H-630', 'H-622']);
  });
  test('HTML as a unit name is unknown_unit, carried as plain text', () => {
    const v = one('03', { unit: '<img src=x onerror=alert(1)>' });
    expect(at(v, 2)).toEqual([['Đơn vị', 'unknown_unit']]);
    expect(v.problems[0].message).toContain('<img src=x onerror=alert(1)>');
    expect(v.rows[0].unitCode).toBeNull();
  });
  test('a unit of another form is wrong_form, and unitCode is still the unit', () => {
    const v = one('03', { unit: 'Sở Tài chính' });
    expect(at(v, 2)).toEqual([['Đơn vị', 'wrong_form']]);
    expect(v.problems[0].message).toContain('Biểu mẫu 01');
    expect(v.rows[0].unitCode).toBe('S-01');
  });
  test('a unit outside its periods or marked Không is inactive_unit', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { unit: 'Huyện Cũ', period: '07/2024', communes_active: 5 }),
        row('03', { unit: 'Huyện Cũ', period: '08/2024', communes_active: 5 }),
        row('03', { unit: 'Huyện Nhầm', communes_active: 5 }),
      ]),
      NOW,
    );
    expect(v.problems.filter((p) => p.code !== 'period_current').map((p) => [p.row, p.code])).toEqual([
      [3, 'inactive_unit'],
      [4, 'inactive_unit'],
    ]);
  });
  test('two units matching the same text: the one active for the period wins, else unknown_unit listing them', () => {
    const b = book('03', [
      row('03', { unit: 'Ia Grai', period: '06/2024' }),
      row('03', { unit: 'Ia Grai', period: '07/2024' }),
      row('03', { unit: 'IA GRAI', period: '07/2024' }),
    ]);
    b['Danh mục đơn vị'].push(
      ['H-700', 'Huyện Ia Grai', '03', '', '', '', 10, 'Ia Grai', '', '06/2024', ''],
      ['X-700', 'Xã Ia Grai', '03', '', '', '', '', 'Ia Grai', '07/2024', '', ''],
    );
    const v = validateWorkbook(b, NOW);
    expect(v.rows.map((r) => r.unitCode)).toEqual(['H-700', 'X-700', 'X-700']);
    const b2 = book('03', [row('03', { unit: 'Ia Grai' })]);
    b2['Danh mục đơn vị'].push(
      ['H-700', 'Huyện Ia Grai', '03', '', '', '', 10, 'Ia Grai', '', '', ''],
      ['X-700', 'Xã Ia Grai', '03', '', '', '', '', 'Ia Grai', '', '', ''],
    );
    const v2 = validateWorkbook(b2, NOW);
    expect(at(v2, 2)).toEqual([['Đơn vị', 'unknown_unit']]);
    expect(v2.problems[0].message).toContain('Huyện Ia Grai (H-700)');
    expect(v2.problems[0].message).toContain('Xã Ia Grai (X-700)');
  });
});

describe('periods', () => {
  test('a Date cell counts by its month in Asia/Ho_Chi_Minh', () => {
    // 31/07/2024 23:00 in Gia Lai is still July, although it is 16:00 UTC.
    const v = one('03', { period: fromLocal(2024, 7, 31, 23, 0) });
    expect(v.problems).toEqual([]);
    expect(v.rows[0].month).toBe(2024 * 12 + 6);
  });
  test.each(['7/2024', '07/2024', '2024-07', 'T7/2024', 'Tháng 7/2024', 'tháng 07 năm 2024'])('%s is July 2024', (text) => {
    const v = one('03', { period: text });
    expect(v.problems).toEqual([]);
    expect(v.rows[0].month).toBe(2024 * 12 + 6);
  });
  test('13/2024 and free text are bad_period', () => {
    const v = validateWorkbook(book('03', [row('03', { period: '13/2024' }), row('03', { period: 'tháng trước' })]), NOW);
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Kỳ báo cáo', 'bad_period'],
      [3, 'Kỳ báo cáo', 'bad_period'],
    ]);
  });
  test('a day number (a date whose format was lost, 45474 = 01/07/2024) is bad_period saying what it likely is', () => {
    const v = validateWorkbook(book('03', [row('03', { period: 45474 }), row('03', { period: '13/2024' })]), NOW);
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'bad_period'],
      [3, 'bad_period'],
    ]);
    expect(v.problems[0].message).toBe(MSG.badPeriod('45474', true));
    expect(v.problems[0].message).toContain('một ngày đã mất định dạng ngày');
    expect(v.problems[1].message).not.toContain('mất định dạng');
  });
  test('a future month is period_in_future, a month before the start period_before_start', () => {
    const v = validateWorkbook(book('03', [row('03', { period: '09/2024' }), row('03', { period: '05/2024' })]), NOW);
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'period_in_future'],
      [3, 'period_before_start'],
    ]);
  });
  test('the current month is a period_current warning on forms 03/04 only', () => {
    const v3 = one('03', { period: '08/2024' });
    expect(at(v3, 2)).toEqual([['Kỳ báo cáo', 'period_current']]);
    expect(v3.rows[0].valid).toBe(true);
    expect(one('01', { period: '08/2024' }).problems).toEqual([]);
  });
  test('a blank period is required', () => {
    expect(at(one('03', { period: '' }), 2)).toEqual([['Kỳ báo cáo', 'required']]);
  });
});

describe('duplicates', () => {
  test('the same unit and month twice is duplicate on both rows, naming the other row', () => {
    const v = validateWorkbook(
      book('03', [row('03', {}), row('03', { period: '06/2024' }), row('03', { unit: 'TP. Pleiku', period: 'T7/2024' })]),
      NOW,
    );
    expect(v.problems.filter((p) => p.code === 'duplicate').map((p) => [p.row, p.column])).toEqual([
      [2, 'Kỳ báo cáo'],
      [4, 'Kỳ báo cáo'],
    ]);
    expect(v.problems.find((p) => p.row === 2 && p.code === 'duplicate')!.message).toContain('dòng 4');
    expect(v.rows.map((r) => r.valid)).toEqual([false, true, false]);
  });
  test('form 02: several rows a period are fine; rows identical but for script-owned cells are duplicate', () => {
    const v = validateWorkbook(
      book('02', [
        row('02', { print_items: 1 }),
        row('02', { print_items: 2 }),
        row('02', { print_items: 1, submitted_at: fromLocal(2024, 7, 1, 8, 0), status: 'Hợp lệ' }),
      ]),
      NOW,
    );
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'duplicate'],
      [4, 'duplicate'],
    ]);
  });
});

describe('links, phones and free text', () => {
  test('ftp:// and javascript: are bad_url; http(s) and bare domain/path are fine', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { links: 'ftp://x' }),
        row('03', { links: 'javascript:alert(1)', period: '06/2024' }),
        row('03', { unit: 'Kông Chro', links: 'https://gialai.gov.vn/a, baogialai.com.vn/tin-1;\nhttp://x.vn' }),
      ]),
      NOW,
    );
    expect(v.problems.filter((p) => p.code !== 'unit_alias').map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Đường dẫn tin bài', 'bad_url'],
      [3, 'Đường dẫn tin bài', 'bad_url'],
    ]);
  });
  test('phones: landline with dots, +84, a number that lost its 0 are fine; 12345 is a bad_phone warning', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { phone: '0269.3823.456' }),
        row('03', { phone: '+84 912 345 678', period: '06/2024' }),
        row('03', { unit: 'Kông Chro', phone: 912345678 }),
        row('03', { unit: 'Kông Chro', period: '06/2024', phone: 12345 }),
      ]),
      NOW,
    );
    expect(v.problems.filter((p) => p.code !== 'unit_alias').map((p) => [p.row, p.code, p.severity])).toEqual([
      [5, 'bad_phone', 'warning'],
    ]);
  });
  test('a formula-looking note is no problem and stays as typed', () => {
    const b = book('03', [row('03', { note: '=IMPORTXML("http://evil","//a")' })]);
    const v = validateWorkbook(b, NOW);
    expect(v.problems).toEqual([]);
    expect(b['Biểu mẫu 03'][1][header('03').indexOf('Ghi chú')]).toBe('=IMPORTXML("http://evil","//a")');
  });
  test('a 50,000-character cell gives a short message', () => {
    const huge = 'x'.repeat(50000);
    const v = validateWorkbook(book('03', [row('03', { unit: huge }), row('03', { staff_total: huge, period: '06/2024' })]), NOW);
    expect(v.problems.map((p) => p.code)).toEqual(['unknown_unit', 'not_number']);
    for (const p of v.problems) expect(p.message.length).toBeLessThan(400);
  });
  test('script-owned columns are never validated', () => {
    const v = one('03', { updated_at: 'rác', status: '=1/0', submitted_at: 'hôm qua' });
    expect(v.problems).toEqual([]);
    expect(v.rows[0].submittedAt).toBeNull();
  });
});

describe('reading the tab', () => {
  test('empty rows are skipped, a row with only STT and script-owned cells is empty', () => {
    const blank = header('03').map(() => '');
    const sttOnly = row('03', {}).map((_, i) => (i === 0 ? 9 : i >= header('03').length - 3 ? 'Hợp lệ' : ''));
    const v = validateWorkbook(book('03', [row('03', {}), blank, sttOnly, row('03', { period: '06/2024' })]), NOW);
    expect(v.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(v.summary.rows).toBe(2);
  });
  test('a deleted header column is missing_column at the header row; other columns are still checked', () => {
    const cols = header('03');
    const drop = cols.indexOf('Kỳ báo cáo');
    const strip = (r: CellValue[]) => r.filter((_, i) => i !== drop);
    const b = book('03', []);
    b['Biểu mẫu 03'] = [['BÁO CÁO KẾT QUẢ'], strip(cols), strip(row('03', { staff_installed: 400 }))];
    const v = validateWorkbook(b, NOW);
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual(
      [
        [3, INSTALLED, 'exceeds'],
        [2, 'Kỳ báo cáo', 'missing_column'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(v.layouts['Biểu mẫu 03'].headerRow).toBe(2);
  });
  test('reordered and extra columns, a title block and headers without (đến nay) are read by header', () => {
    const cols = header('03');
    const order = cols.map((_, i) => i).reverse();
    const values = row('03', { staff_installed: 130, staff_total: 120 });
    const b = book('03', []);
    b['Biểu mẫu 03'] = [
      ['UBND TỈNH GIA LAI', '', ''],
      [...order.map((i) => cols[i].replace(' (đến nay)', '')), 'Cột riêng'],
      [...order.map((i) => values[i]), 'ghi chú riêng'],
    ];
    const v = validateWorkbook(b, NOW);
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'Số CBCCVC, NLĐ đã cài đặt i-Speed', 'exceeds']]);
    expect(v.layouts['Biểu mẫu 03'].columns.unit).toBe(cols.length - 2);
  });
  test('merged cells over the data keep the value in the top-left cell only: the row below lacks it', () => {
    const first = row('03', {});
    const second = row('03', { unit: '', period: '06/2024' });
    const v = validateWorkbook(book('03', [first, second]), NOW);
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'Đơn vị', 'required']]);
    expect(v.rows[1].unitCode).toBeNull();
  });
  test('missing directory and settings tabs: every unit is unknown, defaults apply', () => {
    const v = validateWorkbook({ 'Biểu mẫu 03': [header('03'), row('03', {})] }, NOW);
    expect(v.problems.map((p) => p.code)).toEqual(['unknown_unit']);
    expect(v.settings.dueDay).toBe(12);
    expect(v.units).toEqual([]);
  });
  test('rows stamped after the end of today are ignored entirely', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { submitted_at: fromLocal(2024, 8, 20, 23, 59) }),
        row('03', { period: '06/2024', unit: 'bogus', submitted_at: fromLocal(2024, 8, 21, 0, 0) }),
      ]),
      NOW,
    );
    expect(v.rows.map((r) => r.row)).toEqual([2]);
    expect(v.problems).toEqual([]);
  });
  test('problems are sorted by tab (directory, settings, forms), row, column position, code', () => {
    const b = book('03', [row('03', { phone: 'x', staff_total: 'abc' }), row('03', { unit: '', period: '06/2024' })], {
      'Cấu hình': [
        ['Tham số', 'Giá trị'],
        ['Giờ gửi nhắc', '25'],
      ],
      'Biểu mẫu 01': [header('01'), row('01', { reporter: '' })],
    });
    b['Danh mục đơn vị'].push(['H-622', 'Khác', '03', 'x', '', '', '', '', '', '', '']);
    const v = validateWorkbook(b, NOW);
    expect(v.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([
      ['Danh mục đơn vị', 4, 'duplicate_unit'],
      ['Danh mục đơn vị', 10, 'duplicate_unit'],
      ['Danh mục đơn vị', 10, 'bad_email'],
      ['Cấu hình', 2, 'bad_setting'],
      ['Biểu mẫu 01', 2, 'required'],
      ['Biểu mẫu 03', 2, 'not_number'],
      ['Biểu mẫu 03', 2, 'bad_phone'],
      ['Biểu mẫu 03', 3, 'required'],
    ]);
    expect(v.summary).toEqual({ errors: 7, warnings: 1, rows: 3 });
  });
});

describe('history', () => {
  test('a stock below the latest earlier valid row is stock_decreased (warning)', () => {
    const v = validateWorkbook(
      book('03', [row('03', { period: '06/2024', staff_installed: 150 }), row('03', { period: '07/2024', staff_installed: 140 })]),
      NOW,
    );
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, INSTALLED, 'stock_decreased']]);
    expect(v.rows[1].valid).toBe(true);
  });
  test('invalid earlier rows do not count as history', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { period: '06/2024', staff_installed: 150, reporter: '' }),
        row('03', { period: '07/2024', staff_installed: 140 }),
      ]),
      NOW,
    );
    expect(v.problems.map((p) => p.code)).toEqual(['required']);
  });
  test('a flow over 10 times the median of earlier periods and over 100 is outlier', () => {
    const v = validateWorkbook(
      book('03', [
        row('03', { period: '06/2024', residents_guided: 20 }),
        row('03', { period: '07/2024', residents_guided: 201 }),
        row('03', { unit: 'H-630', period: '06/2024', residents_guided: 5 }),
        row('03', { unit: 'H-630', period: '07/2024', residents_guided: 99 }),
      ]),
      NOW,
    );
    expect(v.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'Số người dân được hướng dẫn cài đặt (trong kỳ)', 'outlier']]);
  });
  test('form 02 compares period totals', () => {
    const v = validateWorkbook(
      book('02', [
        row('02', { period: '06/2024', print_items: 10 }),
        row('02', { period: '07/2024', print_items: 60, note: 'a' }),
        row('02', { period: '07/2024', print_items: 60, note: 'b' }),
      ]),
      NOW,
    );
    expect(v.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'outlier'],
      [4, 'outlier'],
    ]);
  });
});

describe('findLayout', () => {
  test('form columns are anchored on Đơn vị and Kỳ báo cáo, not on STT', () => {
    const grid = [
      ['STT', 'Đơn vị'],
      ['STT', 'Kỳ báo cáo', 'Đơn vị', 'Ghi chú'],
    ];
    const l = findLayout('Biểu mẫu 03', grid, formById('03').columns);
    expect(l.headerRow).toBe(2);
    expect(l.columns).toEqual({ seq: 0, period: 1, unit: 2, note: 3 });
    expect(l.headers.period).toBe('Kỳ báo cáo');
  });
});
