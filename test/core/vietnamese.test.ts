import {
  foldLookAlikes,
  foldLoose,
  foldName,
  placeToneMarks,
  splitPlainPrefix,
  splitPrefix,
  stripDiacritics,
} from '../../src/core/vietnamese';

describe('placeToneMarks: one place for the tone mark of a syllable', () => {
  test.each([
    ['Hoà', 'Hòa'],
    ['Thuỷ', 'Thủy'],
    ['Khoẻ', 'Khỏe'],
    ['Qúy', 'Quý'],
    ['Thuỵ', 'Thụy'],
    ['Xoã', 'Xõa'],
    ['An Hoà', 'An Hòa'],
    ['Hoà Hội', 'Hòa Hội'],
    ['HOÀ BÌNH', 'HÒA BÌNH'],
    ['ngòai', 'ngoài'],
    ['khủyu', 'khuỷu'],
    ['ngừơi', 'người'],
    ['Gìa', 'Già'],
    ['Uỷ ban', 'Ủy ban'],
  ])('%s is written %s', (typed, canonical) => {
    expect(placeToneMarks(typed)).toBe(canonical);
    expect(placeToneMarks(canonical)).toBe(canonical);
  });
  test.each(['Hòa', 'Thủy', 'Khỏe', 'Quý', 'Hoàng', 'Huỳnh', 'Thuận', 'Quyết', 'Giữa', 'Gì', 'Mùa', 'Tài', 'Người', 'Cứu'])(
    '%s, already in place, is unchanged',
    (w) => expect(placeToneMarks(w)).toBe(w),
  );
  test.each(['Ia Boòng', 'Ia Krái', 'Xã SRó', 'Pờ Tó', 'Xã Ia Khươl', 'Đak Sơmei', 'Ia Hiao', 'Café au lait', 'Kbang'])(
    'the real or foreign name %s keeps its marks',
    (w) => expect(placeToneMarks(w)).toBe(w),
  );
  test('the result is NFC whatever the input', () => {
    expect(placeToneMarks('Hoà'.normalize('NFD'))).toBe('Hòa'.normalize('NFC'));
  });
});

describe('foldName and foldLoose', () => {
  test('NFC, case, spaces and tone placement fold to one key', () => {
    const key = foldName('Xã An Hòa');
    for (const t of ['xã an hòa', 'XÃ AN HOÀ', '  Xã   An\u00a0Hoà ', 'Xã An Hoà'.normalize('NFD'), 'Xã\u200b An Hòa'])
      expect(foldName(t)).toBe(key);
  });
  test('look-alikes are not folded by foldName, only by foldLoose', () => {
    expect(foldName('\u00d0ak \u00d0oa')).not.toBe(foldName('Đak Đoa'));
    expect(foldLoose('\u00d0ak \u00d0oa')).toBe(foldName('Đak Đoa'));
    expect(foldLoose('\u0189ak Đoa')).toBe(foldName('Đak Đoa'));
    expect(foldLoose('D\u0335ak Đoa')).toBe(foldName('Đak Đoa'));
  });
  test('typographic apostrophes and dashes are the plain ones', () => {
    expect(foldLookAlikes('K\u2019Bang')).toBe("K'Bang");
    expect(foldLookAlikes('Viễn thông \u2013 Gia Lai')).toBe('Viễn thông - Gia Lai');
  });
  test('stripDiacritics is the text typed without a Vietnamese keyboard', () => {
    expect(stripDiacritics('Huyện Đăk Đoa')).toBe('Huyen Dak Doa');
  });
});

describe('splitPrefix', () => {
  test.each([
    ['Xã Ia Grai', 'xa'],
    ['xã Ia Grai', 'xa'],
    ['X. Ia Grai', 'xa'],
    ['X.Ia Grai', 'xa'],
    ['X Ia Grai', 'xa'],
    ['x. ia grai', 'xa'],
    ['XIa Grai', 'xa'],
    ['UBND xã Ia Grai', 'xa'],
    ['UBND Xã Ia Grai', 'xa'],
    ['Ủy ban nhân dân xã Ia Grai', 'xa'],
    ['Uỷ ban nhân dân xã Ia Grai', 'xa'],
    ['UBND Ia Grai', null],
    ['Ia Grai', null],
  ])('%j is prefix %s of “ia grai”', (text, type) => {
    expect(splitPrefix(text)).toEqual({ type, base: 'ia grai' });
  });
  test.each([
    ['Phường Pleiku', 'phuong', 'pleiku'],
    ['P. Pleiku', 'phuong', 'pleiku'],
    ['P.Pleiku', 'phuong', 'pleiku'],
    ['Thị trấn Phú Thiện', 'thi-tran', 'phú thiện'],
    ['TT. Phú Thiện', 'thi-tran', 'phú thiện'],
    ['TTPhú Thiện', 'thi-tran', 'phú thiện'],
    ['Đặc khu Phú Quý', 'dac-khu', 'phú quý'],
    ['Huyện Chư Păh', 'huyen', 'chư păh'],
    ['H. Chư Păh', 'huyen', 'chư păh'],
    ['Thị xã An Khê', 'thi-xa', 'an khê'],
    ['TX An Khê', 'thi-xa', 'an khê'],
    ['tx.An Khê', 'thi-xa', 'an khê'],
    ['Thành phố Pleiku', 'thanh-pho', 'pleiku'],
    ['TP. Pleiku', 'thanh-pho', 'pleiku'],
    ['Tp Pleiku', 'thanh-pho', 'pleiku'],
    ['TPPleiku', 'thanh-pho', 'pleiku'],
    ['Quận 1', 'quan', '1'],
    ['Q.1', 'quan', '1'],
  ])('%j is prefix %s of %j', (text, type, base) => {
    expect(splitPrefix(text)).toMatchObject({ type, base });
  });
  test.each(['Pleiku', 'Hra', 'Hội Phú', 'Xuân An', 'Quy Nhơn', 'Phú Thiện', 'Tây Sơn', 'Xã', 'UBND'])(
    '%j has no prefix: a short form counts only before a dot, a space or a capital',
    (name) => {
      expect(splitPrefix(name)).toEqual({ type: null, base: foldName(name) });
    },
  );
  test.each([
    ['Xa Ia Grai', 'xa'],
    ['UBND huyen Chu Pah', 'huyen'],
    ['Thi xa An Khe', 'thi-xa'],
    ['Phuong Pleiku', 'phuong'],
  ])('typed without diacritics, %j is still prefix %s (for suggestions)', (text, type) => {
    expect(splitPlainPrefix(text).type).toBe(type);
  });
});
