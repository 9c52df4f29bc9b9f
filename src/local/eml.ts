// An email as an RFC 5322 message file (.eml): UTF-8, multipart/alternative (text + HTML), RFC 2047 subject.
import { createHash } from 'node:crypto';

export interface EmlMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  date: Date;
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** RFC 2047 encoded-words (base64), each ≤ 75 characters, never splitting a UTF-8 character. */
export function encodeHeaderWord(value: string): string {
  if (ASCII_PRINTABLE.test(value) && value.length <= 70) return value;
  const words: string[] = [];
  let chunk = '';
  // 45 bytes of UTF-8 -> 60 base64 characters, + 12 for `=?UTF-8?B?` and `?=` = 72.
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      // Break after a space when there is one: decoders that wrongly keep the fold then never split a word.
      const cut = chunk.lastIndexOf(' ') + 1;
      const at = cut > chunk.length / 2 ? cut : chunk.length;
      words.push(chunk.slice(0, at));
      chunk = chunk.slice(at);
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** Base64 body lines of 76 characters (RFC 2045). */
function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in Gia Lai time, e.g. `Tue, 20 Aug 2024 12:00:00 +0700`. */
export function rfc5322Date(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600 * 1000);
  return (
    `${DAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} +0700`
  );
}

/** The message as CRLF text; boundary and Message-ID derive from the content, so the same email gives the same file. */
export function toEml(m: EmlMessage): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([m.to, m.subject, m.text, m.html, m.date.getTime()]))
    .digest('hex');
  const boundary = `=_ispeed_${hash.slice(0, 24)}`;
  const domain = /@([^>\s]+)>?$/.exec(m.from)?.[1] ?? 'localhost';
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to.join(', ')}`,
    `Subject: ${encodeHeaderWord(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${hash.slice(0, 32)}@${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(m.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(m.html),
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}
