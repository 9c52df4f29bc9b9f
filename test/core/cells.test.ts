import { readNumber, readPeriod, isPhone, badLinks, readEmails, normalizeHeader, isDate, cellText } from '../../src/core/cells';

describe('reading numbers (FORMS.md table)', () => {
  test.each<[unknown, boolean, unknown]>([
    [120, true, { ok: true, value: 120 }],
    ['1.234', true, { ok: true, value: 1234 }],
    ['12 345', true, { ok: true, value: 12345 }],
    ['1.234.567', true, { ok: true, value: 1234567 }],
    [1.234, true, { ok: false, code: 'not_integer', thousands: 1234 }],
    [1.5, true, { ok: false, code: 'not_integer', thousands: undefined }],
    [1.234, false, { ok: true, value: 1.234 }],
    ['2,5', true, { ok: false, code: 'not_integer', thousands: undefined }],
    // an English writer's thousands: the message suggests 1234, as for a US-locale 1.234
    ['1,234', true, { ok: false, code: 'not_integer', thousands: 1234 }],
    ['1,234', false, { ok: true, value: 1.234 }],
    ['2,5', false, { ok: true, value: 2.5 }],
    ['1.234,5', false, { ok: true, value: 1234.5 }],
    ['15 người', true, { ok: false, code: 'not_number' }],
    ['1.2.3', true, { ok: false, code: 'not_number' }],
    [true, true, { ok: false, code: 'not_number' }],
    [-3, true, { ok: false, code: 'negative' }],
    ['-3', true, { ok: false, code: 'negative' }],
  ])('%j (count column: %s)', (cell, integer, expected) => {
    expect(readNumber(cell as never, integer)).toMatchObject(expected as object);
  });
  test('below the minimum but not negative is below_min', () => {
    expect(readNumber(0, true, 1)).toMatchObject({ ok: false, code: 'below_min' });
  });
  test('a number cell that fails is quoted as the Vietnamese sheet shows it', () => {
    expect(readNumber(-1234.5, false)).toEqual({ ok: false, code: 'negative', text: '-1.234,5', value: -1234.5 });
    expect(readNumber(1.5, true)).toEqual({ ok: false, code: 'not_integer', text: '1,5', value: 1.5, thousands: undefined });
    expect(readNumber(2, false, 2.5)).toEqual({ ok: false, code: 'below_min', text: '2', value: 2 });
    expect(readNumber(Number.NaN, false)).toEqual({ ok: false, code: 'not_number', text: 'NaN' });
    expect(readNumber(Number.POSITIVE_INFINITY, true)).toEqual({ ok: false, code: 'not_number', text: 'Infinity' });
    expect(readNumber(2.5, false, 2.5)).toEqual({ ok: true, value: 2.5 });
  });
});

describe('reading periods', () => {
  test.each(['7/2024', '07/2024', '2024-07', 'T7/2024', 't7/2024', 'Tháng 7/2024', 'tháng 07 năm 2024', ' 07/2024 '])(
    '%j is July 2024',
    (t) => {
      expect(readPeriod(t)).toBe(2024 * 12 + 6);
    },
  );
  test.each(['13/2024', '0/2024', 'July 2024', '01/07/2024', ''])('%j is no period', (t) => {
    expect(readPeriod(t)).toBeNull();
  });
  test('a Date cell counts by its month in Asia/Ho_Chi_Minh, and a number is no period', () => {
    expect(readPeriod(new Date('2024-06-30T17:30:00Z'))).toBe(2024 * 12 + 6); // 01/07 00:30 in Gia Lai
    expect(readPeriod(72024)).toBeNull();
  });
});

describe('phones, links, emails, headers', () => {
  test.each<[unknown, boolean]>([
    ['0912345678', true],
    ['0912 345 678', true],
    ['0269.3823.456', true],
    ['+84912345678', true],
    ['0269-3823-456', true],
    [912345678, true],
    [2693823456, true],
    ['12345', false],
    [12345, false],
    ['091234567', false],
    ['0912345678 hoặc 0987654321', false],
  ])('phone %j: %s', (v, ok) => {
    expect(isPhone(v as never)).toBe(ok);
  });
  test('links: http(s) and bare domain/path are fine; other schemes and text are not', () => {
    expect(badLinks('https://gialai.gov.vn/a?b=1 http://x.vn, baogialai.com.vn/tin;\ngialai.gov.vn')).toEqual([]);
    expect(badLinks('ftp://x javascript:alert(1) data:text/html,x xem bài')).toEqual([
      'ftp://x',
      'javascript:alert(1)',
      'data:text/html',
      'x',
      'xem',
      'bài',
    ]);
  });
  test('email lists', () => {
    expect(readEmails('a@x.vn;b@y.vn')).toEqual(['a@x.vn', 'b@y.vn']);
    expect(readEmails('a@x.vn\nb@y.vn')).toBeNull();
    expect(readEmails('Bcc: a@x.vn')).toBeNull();
  });
  test('headers match after trimming, collapsing spaces, NFC, case, and without (đến nay)/(trong kỳ)', () => {
    expect(normalizeHeader('  SỐ CBCCVC,  NLĐ đã cài đặt i-Speed\n(đến nay) ')).toBe(normalizeHeader('Số CBCCVC, NLĐ đã cài đặt i-Speed'));
    expect(normalizeHeader('Kỳ báo cáo'.normalize('NFD'))).toBe('kỳ báo cáo');
  });
  test('dates from any realm are dates; text of a date cell is its Gia Lai day', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate('2024-01-01')).toBe(false);
    expect(isDate(new Date('nope'))).toBe(false);
    expect(cellText(new Date('2024-07-11T16:30:00Z'))).toBe('11/07/2024');
  });
});
