// The report email to the admins: tables, a link to the printable document, escaped names.
import { buildReport } from '../../../src/core/report/model';
import { renderReportEmail } from '../../../src/core/report/email';
import { example1, JUL } from './fixture';

const TODAY = '2024-08-20';
const SHEET = 'https://docs.google.com/spreadsheets/d/abc/edit';
const DOC = 'https://docs.google.com/document/d/doc1/edit';

/** The cells of every innermost table row of an HTML part. */
const rows = (html: string) =>
  [...html.matchAll(/<tr>((?:(?!<tr>|<table).)*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]));

describe('the report email', () => {
  const v = example1();
  const r = buildReport(v, JUL, ['03'], TODAY);
  const mail = renderReportEmail(r, v.settings, TODAY, SHEET, DOC);

  test('links the printable document first, as a button and in the text part', () => {
    expect(mail.html).toMatch(new RegExp(`<a href="${DOC}"[^>]*>Mở văn bản báo cáo</a>`));
    expect(mail.html.indexOf(DOC)).toBeLessThan(mail.html.indexOf(`href="${SHEET}"`));
    expect(mail.text).toContain(`Văn bản báo cáo (bản in): ${DOC}`);
  });

  test('gives the forms as a table: expected, reported, on time, late and the rates', () => {
    const f = r.forms[0];
    expect(rows(mail.html)).toContainEqual([
      'Biểu mẫu',
      'Phải báo cáo',
      'Đã báo cáo',
      'Đúng hạn',
      'Trễ hạn',
      'Tỷ lệ đầy đủ',
      'Tỷ lệ đúng hạn',
      'Tỷ lệ cài đặt',
    ]);
    expect(
      rows(mail.html)
        .find((c) => c[0] === f.tab)!
        .slice(1, 5),
    ).toEqual([f.expected, f.reported, f.onTime, f.late].map(String));
    expect(mail.html).not.toMatch(/<style|<img/i);
  });

  test('without a document it links the sheet only', () => {
    const plain = renderReportEmail(r, v.settings, TODAY, SHEET);
    expect(plain.html).not.toContain('document/d/');
    expect(plain.text).not.toContain('Văn bản báo cáo');
  });
});
