import { encodeHeaderWord, rfc5322Date, toEml } from '../../src/local/eml';
import { fromLocal } from '../../src/core/periods';

const decodeWords = (header: string) =>
  header.replace(/\r\n /g, '').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));

describe('.eml files', () => {
  const subject = '[i-Speed] Nhắc báo cáo Biểu mẫu 03 kỳ 07/2024, hạn trước ngày 12/08/2024';
  const msg = {
    from: `${encodeHeaderWord('Sở Thông tin và Truyền thông tỉnh Gia Lai')} <no-reply@gialai.example>`,
    to: ['iagrai@gialai.example', 'vanthu@gialai.example'],
    subject,
    text: 'Kính gửi Huyện Ia Grai,\n\nTrân trọng.',
    html: '<p>Kính gửi Huyện Ia Grai,</p>',
    date: fromLocal(2024, 8, 9, 8, 5),
  };

  test('a Vietnamese subject is RFC 2047 encoded in words of at most 75 characters that decode back', () => {
    const encoded = encodeHeaderWord(subject);
    for (const w of encoded.split('\r\n ')) expect(w.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(subject);
    expect(encodeHeaderWord('plain ascii')).toBe('plain ascii');
  });

  test('the date is written in Gia Lai time', () => {
    expect(rfc5322Date(fromLocal(2024, 8, 9, 8, 5))).toBe('Fri, 09 Aug 2024 08:05:00 +0700');
  });

  test('the message is multipart/alternative with UTF-8 text and HTML, CRLF lines, and the same file for the same email', () => {
    const eml = toEml(msg);
    expect(eml).toBe(toEml(msg));
    expect(eml).toContain('To: iagrai@gialai.example, vanthu@gialai.example\r\n');
    expect(eml).toContain('MIME-Version: 1.0\r\n');
    const boundary = /boundary="([^"]+)"/.exec(eml)![1];
    const parts = eml.split(`--${boundary}`);
    expect(parts).toHaveLength(4);
    expect(parts[1]).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(parts[2]).toContain('Content-Type: text/html; charset=UTF-8');
    const body = (part: string) => Buffer.from(part.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body(parts[1])).toBe(msg.text);
    expect(body(parts[2])).toBe(msg.html);
    expect(eml.split('\r\n').every((l) => l.length <= 998)).toBe(true);
  });
});
