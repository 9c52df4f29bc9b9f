// What the emails say: placeholders, the cells to fix, escaping and header safety.
import { planReminders } from '../../../src/core/reminders';
import { fromLocal, month } from '../../../src/core/periods';
import { invalidRow, links, unit, validation, validRow } from './fixtures';

const JULY = month(2024, 7);
const plan = (v: ReturnType<typeof validation>, today: string, extra: Partial<Parameters<typeof planReminders>[0]> = {}) =>
  planReminders({ v, log: [], today, quota: 100, links, ...extra });

describe('reminder emails', () => {
  test('every placeholder of the default reminder is filled', () => {
    const e = plan(validation([unit('H-622', 'Thành phố Pleiku', '03')], []), '2024-08-05').emails[0];
    expect(e.kind).toBe('reminder');
    expect(e.subject).toBe('[i-Speed] Nhắc báo cáo Biểu mẫu 03 kỳ 07/2024, hạn trước ngày 12/08/2024');
    expect(e.text).toBe(
      [
        'Kính gửi: UBND thành phố Pleiku,',
        'Sở Thông tin và Truyền thông tỉnh Gia Lai đề nghị Quý đơn vị cập nhật kết quả tuyên truyền sử dụng ứng dụng i-Speed theo Biểu mẫu 03, kỳ báo cáo 07/2024, trước ngày 12/08/2024 tại: https://docs.google.com/spreadsheets/d/abc/edit#gid=3',
        'Trân trọng.',
        '--\nSở Thông tin và Truyền thông tỉnh Gia Lai\nEmail này được gửi tự động từ hệ thống báo cáo i-Speed.',
      ].join('\n\n'),
    );
    expect(e.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=3" target="_blank"');
    // No rows yet: the button opens the unit's tab.
    expect(e.html).toMatch(
      /<td bgcolor="#[0-9a-f]{6}"[^>]*><a href="https:\/\/docs.google.com\/spreadsheets\/d\/abc\/edit#gid=3"[^>]*>Mở trang Biểu mẫu 03<\/a>/,
    );
    expect(e.text).not.toMatch(/\{[a-z_]+\}/);
  });

  test('after the deadline the overdue templates are used', () => {
    const e = plan(validation([unit('D-04', 'VNPT Gia Lai', '04')], []), '2024-08-13').emails[0];
    expect(e.kind).toBe('overdue');
    expect(e.subject).toBe('[i-Speed] Quá hạn báo cáo Biểu mẫu 04 kỳ 07/2024');
    expect(e.text).toContain('(hạn trước ngày 12/08/2024)');
    expect(e.html).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=4" target="_blank"');
    expect(e.text).toMatch(/^Kính gửi: VNPT Gia Lai,/);
  });

  test('forms 01 and 02 name the one-off deadline', () => {
    const e = plan(validation([unit('S-01', 'Sở Y tế', '01')], []), '2024-06-21').emails[0];
    expect(e.subject).toBe('[i-Speed] Nhắc báo cáo Biểu mẫu 01 kỳ 06/2024, hạn trước ngày 28/06/2024');
  });

  test('{chi_tiet} lists the cells to fix of a unit whose rows all have errors', () => {
    const u = unit('H-623', 'Thị xã An Khê', '03');
    const rows = [
      invalidRow(u, JULY, 6, [
        { column: 'Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)', message: 'Số đã cài đặt (130) lớn hơn tổng số CBCCVC, NLĐ (120).' },
        { column: 'Người báo cáo', message: 'Ô bắt buộc, chưa nhập.' },
      ]),
    ];
    const v = validation([u], rows);
    // The tab's columns A..U (21 columns): the range spans the row's whole width.
    v.layouts['Biểu mẫu 03'] = { sheet: 'Biểu mẫu 03', headerRow: 1, columns: { seq: 0, unit: 1, period: 2, status: 20 }, headers: {} };
    const e = plan(v, '2024-08-09').emails[0];
    expect(e.text).toContain(
      [
        'Báo cáo của Quý đơn vị đang có lỗi, đề nghị sửa các ô sau:',
        '- Dòng 6, cột “Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)”: Số đã cài đặt (130) lớn hơn tổng số CBCCVC, NLĐ (120).',
        '- Dòng 6, cột “Người báo cáo”: Ô bắt buộc, chưa nhập.',
      ].join('\n'),
    );
    expect(e.html).toMatch(
      /<td[^>]*>6<\/td><td[^>]*>Số CBCCVC, NLĐ đã cài đặt i-Speed \(đến nay\)<\/td><td[^>]*>Số đã cài đặt \(130\) lớn hơn tổng số CBCCVC, NLĐ \(120\).<\/td>/,
    );
    // The unit has rows: the link and the button select them (row 6, columns A to the last column read).
    expect(e.text).toContain('tại: https://docs.google.com/spreadsheets/d/abc/edit#gid=3&range=A6:U6\n');
    expect(e.html).toMatch(
      /<a href="https:\/\/docs.google.com\/spreadsheets\/d\/abc\/edit#gid=3&amp;range=A6:[A-Z]+6"[^>]*>Mở các dòng báo cáo của đơn vị<\/a>/,
    );
  });

  test('warnings are not listed as cells to fix, and a unit with one valid row is reported', () => {
    const u = unit('H-623', 'Thị xã An Khê', '03');
    const bad = invalidRow(u, JULY, 6, [{ column: 'Người báo cáo', message: 'Ô bắt buộc, chưa nhập.' }]);
    bad.problems.push({
      ...bad.problems[0],
      severity: 'warning',
      code: 'bad_phone',
      column: 'Số điện thoại',
      message: 'Số điện thoại chưa đúng.',
    });
    const e = plan(validation([u], [bad]), '2024-08-09').emails[0];
    expect(e.text).not.toContain('Số điện thoại');
    const p = plan(validation([u], [bad, validRow(u, JULY, '2024-08-08', 7)]), '2024-08-09');
    expect(p.emails).toEqual([]);
    expect(p.skipped[0].reason).toBe('reported');
  });

  test('a unit name with HTML is escaped in the HTML body and left as text in the plain body', () => {
    const e = plan(validation([unit('H-666', '<img src=x onerror=alert(1)>', '03')], []), '2024-08-05').emails[0];
    expect(e.html).toContain('Kính gửi: &lt;img src=x onerror=alert(1)&gt;,');
    expect(e.html).not.toContain('<img');
    expect(e.text).toContain('Kính gửi: <img src=x onerror=alert(1)>,');
  });

  test('a CR/LF in a unit name never reaches the subject', () => {
    const v = validation([unit('H-666', 'Huyện A\r\nBcc: victim@evil.example', '03')], [], {
      reminderSubject: 'Nhắc {don_vi}: {bieu_mau} {chi_tiet}',
    });
    const e = plan(v, '2024-08-05').emails[0];
    expect(e.subject).toBe('Nhắc UBND huyện A Bcc: victim@evil.example: Biểu mẫu 03');
    expect(e.subject).not.toMatch(/[\r\n]/);
  });

  test('formula-like text from a cell is neutralised in the email', () => {
    const v = validation([unit('H-666', '=HYPERLINK("http://evil","x")', '03')], [], { department: '+Sở X' });
    const e = plan(v, '2024-08-05').emails[0];
    expect(e.text).toContain(`Kính gửi: '=HYPERLINK("http://evil","x"),`);
    expect(e.text).toContain(`'+Sở X đề nghị`);
  });

  test('a link that is not a web address is shown as text, not as a link', () => {
    const v = validation([unit('H-622', 'Pleiku', '03')], []);
    const e = plan(v, '2024-08-05', { links: { spreadsheetUrl: '', tabUrl: () => 'javascript:alert(1)' } }).emails[0];
    expect(e.html).not.toContain('<a ');
    expect(e.html).toContain('javascript:alert(1)');
  });
});

describe('the digest', () => {
  test('gives completeness, timeliness, missing, invalid, bad addresses and uncertain sends per deadline', () => {
    const ok = unit('H-622', 'Thành phố Pleiku', '03');
    const late = unit('H-626', 'Huyện Đăk Đoa', '03');
    const wrong = unit('H-623', 'Thị xã <b>An Khê</b>', '03');
    const none = unit('H-630', 'Huyện Kông Chro', '03', { badEmail: true, emails: [] });
    const telco = unit('D-04', 'VNPT Gia Lai', '04');
    const rows = [
      validRow(ok, JULY, '2024-08-08'),
      { ...validRow(late, JULY, '2024-08-12'), submittedAt: fromLocal(2024, 8, 12, 0, 30) },
      invalidRow(wrong, JULY, 8, [{ column: 'Người báo cáo', message: 'Ô bắt buộc, chưa nhập.' }]),
      validRow(telco, JULY, '2024-08-01'),
    ];
    const v = validation([ok, late, wrong, none, telco], rows, { adminEmails: ['qt1@stttt.example', 'qt2@stttt.example'] });
    const uncertain = [{ unit: 'H-630', form: '03' as const, period: '07/2024', step: 'D-2' }];
    const p = plan(v, '2024-08-13', { uncertain });
    const d = p.emails[p.emails.length - 1];
    expect(d).toMatchObject({
      unit: '',
      form: '',
      period: '07/2024',
      step: 'D+1',
      kind: 'digest',
      to: ['qt1@stttt.example', 'qt2@stttt.example'],
    });
    expect(d.subject).toBe('[i-Speed] Tổng hợp tình hình báo cáo kỳ 07/2024, hạn trước ngày 12/08/2024');
    expect(d.text).toContain(
      'Biểu mẫu 03 (UBND các huyện, thị xã, thành phố):\n- Phải báo cáo 4; đã báo cáo 2 (50,0%); đúng hạn 1 (25,0%); chưa báo cáo 1; có lỗi 1\n  + H-630 Huyện Kông Chro: chưa báo cáo\n  + H-623 Thị xã <b>An Khê</b>: có lỗi, chưa được tính',
    );
    expect(d.text).toContain('Biểu mẫu 04 (Doanh nghiệp bưu chính, viễn thông):\n- Phải báo cáo 1; đã báo cáo 1 (100,0%)');
    expect(d.text).toContain('không gửi được lời nhắc):\n- H-630 Huyện Kông Chro');
    expect(d.text).toContain('(không gửi lại):\n- H-630 - Biểu mẫu 03 - 07/2024 - 2 ngày trước hạn');
    // The HTML part: one table row a form (expected, reported, on time, missing, invalid), then who to chase.
    const cells = (html: string) =>
      [...html.matchAll(/<tr>((?:(?!<tr>|<table).)*?)<\/tr>/g)].map((m) =>
        [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]),
      );
    const table = cells(d.html);
    expect(table).toContainEqual(['Biểu mẫu', 'Phải báo cáo', 'Đã báo cáo', 'Đúng hạn', 'Chưa báo cáo', 'Có lỗi']);
    expect(table).toContainEqual(['Biểu mẫu 03', '4', '2 (50,0%)', '1 (25,0%)', '1', '1']);
    expect(table).toContainEqual(['Biểu mẫu 04', '1', '1 (100,0%)', '1 (100,0%)', '0', '0']);
    expect(table).toContainEqual(['H-630', 'Huyện Kông Chro', 'Chưa báo cáo']);
    expect(table).toContainEqual(['H-623', 'Thị xã &lt;b&gt;An Khê&lt;/b&gt;', 'Có lỗi, chưa được tính']);
    expect(d.html).not.toMatch(/<style|<img|<link/i);
    expect(d.text).toContain('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(d.html).toContain('Thị xã &lt;b&gt;An Khê&lt;/b&gt;');
    expect(d.html).not.toContain('<b>An Khê');
  });

  test('forms 01 and 02 share one digest after the one-off deadline', () => {
    const v = validation([unit('S-01', 'Sở Y tế', '01'), unit('B-02', 'Báo Gia Lai', '02')], [], { adminEmails: ['qt@stttt.example'] });
    const d = plan(v, '2024-07-01').emails.filter((e) => e.kind === 'digest');
    expect(d).toHaveLength(1);
    expect(d[0].text).toContain('Biểu mẫu 01 (Sở, ban, ngành cấp tỉnh)');
    expect(d[0].text).toContain('Biểu mẫu 02 (Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai)');
    expect(d[0].text).not.toContain('Biểu mẫu 03');
  });

  test('the 01/02 digest of 06/2024 does not stop the 03/04 digest of 06/2024', () => {
    const v = validation([unit('S-01', 'Sở Y tế', '01'), unit('H-622', 'Pleiku', '03')], [], { adminEmails: ['qt@stttt.example'] });
    const log = [
      {
        unit: '',
        form: '' as const,
        period: '06/2024',
        step: 'D+1',
        at: fromLocal(2024, 7, 1, 8),
        to: ['qt@stttt.example'],
        result: 'sent' as const,
        detail: '',
      },
    ];
    const d = plan(v, '2024-07-15', { log }).emails.filter((e) => e.kind === 'digest');
    expect(d).toHaveLength(1);
    expect(d[0].text).toContain('Biểu mẫu 03');
  });
});
