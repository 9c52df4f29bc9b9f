// The printed report as a reader holds it: the PDF Chromium prints from the demo workbook, read back page by page.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeDemoWorkbook, DEMO_TODAY } from '../../src/local/demo';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { reportDocument, renderReportHtml } from '../../src/core/report/document';
import { writePdf } from '../../src/local/cli/files';
import { TAB } from '../../src/core/forms/schema';

import { dayOf, formatDay, month } from '../../src/core/periods';
import { formatDateTime } from '../../src/core/format';
import type { Report } from '../../src/core/report/model';
import { artifactDir, run } from './run';

const dir = artifactDir('report-pdf');
const pdftotext = (file: string, page: number, raw = false) =>
  execFileSync('pdftotext', [...(raw ? ['-raw'] : ['-layout']), '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const pageSize = (file: string, page: number) => {
  const m = /size:\s+([\d.]+) x ([\d.]+)/.exec(
    execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' }),
  )!;
  return { w: Number(m[1]), h: Number(m[2]) };
};
/** Lines of a page with runs of spaces squeezed, so a line reads as a reader sees it. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/\s{2,}/g, '  '))
    .filter(Boolean);

async function printed(name: string, forms: string[], signerName: string): Promise<{ file: string; report: Report; pages: string[] }> {
  const book = makeDemoWorkbook({ today: DEMO_TODAY });
  const settings = book[TAB.settings];
  const at = settings.findIndex((r) => r[0] === 'Người ký');
  if (at >= 0) settings[at][1] = signerName;
  else settings.push(['Người ký', signerName]);
  const v = validateWorkbook(book, DEMO_TODAY);
  const report = buildReport(v, month(2024, 7), forms as never, dayOf(DEMO_TODAY));
  const file = join(dir, `${name}.pdf`);
  await writePdf(renderReportHtml(report, reportDocument(report, v.settings, dayOf(DEMO_TODAY))), file);
  // The pages as pictures beside the PDF, for a person to look at.
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, name)]);
  const pages = Array.from({ length: pageCount(file) }, (_, i) => pdftotext(file, i + 1));
  return { file, report, pages };
}

describe('the printed report (form 03, demo workbook, 07/2024)', () => {
  let out: Awaited<ReturnType<typeof printed>>;
  beforeAll(async () => {
    out = await printed('form-03', ['03'], 'Nguyễn Văn An');
  }, 60000);

  test('the document comes first; the working tables follow as its Phụ lục', () => {
    const first = out.pages[0];
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('BÁO CÁO');
    const signed = out.pages.findIndex((p) => p.includes('Nơi nhận:'));
    const appendix = out.pages.findIndex((p) => /^\s*(\d+\s+)?Phụ lục\s*$/m.test(p));
    expect(signed).toBeGreaterThan(-1);
    expect(appendix).toBeGreaterThan(signed);
    expect(out.pages[appendix].replace(/\s+/g, ' ')).toContain(
      '(Kèm theo Báo cáo số /BC-STTTT ngày 20 tháng 8 năm 2024 của Sở Thông tin và Truyền thông tỉnh Gia Lai)',
    );
    // Every working table is after the appendix heading, none before it.
    for (const heading of [/^\s*I\. TÌNH HÌNH GỬI BÁO CÁO\s*$/m, /III\. CHI TIẾT THEO ĐƠN VỊ/, /IV\. ĐƠN VỊ CẦN ĐÔN ĐỐC/]) {
      expect(out.pages.findIndex((p) => heading.test(p))).toBeGreaterThanOrEqual(appendix);
    }
  });

  test('the appendix is on landscape pages, the document on portrait A4', () => {
    const appendix = out.pages.findIndex((p) => /^\s*(\d+\s+)?Phụ lục\s*$/m.test(p));
    for (let i = 0; i < out.pages.length; i++) {
      const { w, h } = pageSize(out.file, i + 1);
      expect([i + 1, i < appendix ? w < h : w > h]).toEqual([i + 1, true]);
      expect(Math.round(Math.max(w, h))).toBe(842); // A4: 297 mm
    }
  });

  test('every letter from the document serif: no Vietnamese letter printed from a fallback font', () => {
    // pdffonts lists every font a page draws with; a letter the serif lacks (ế in the old Liberation Serif) brings
    // in a sans-serif fallback (DejaVu Sans) mid-word. scripts/ensure-tools.mjs installs fonts-liberation2.
    const fonts = execFileSync('pdffonts', [out.file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^(TimesNewRoman|Tinos|LiberationSerif)/.test(f))).toEqual([]);
  });

  test('no blank page: every page holds more than its number', () => {
    out.pages.forEach((p, i) => {
      const text = p.replace(/\s+/g, ' ').trim();
      expect([i + 1, text.replace(new RegExp(`^${i + 1}\\b`), '').trim().length > 20]).toEqual([i + 1, true]);
    });
  });

  test('page numbers from page 2, none on page 1', () => {
    expect(linesOf(out.pages[0])[0]).not.toMatch(/^\d+$/);
    out.pages.slice(1).forEach((p, i) => {
      expect(linesOf(p)[0]).toBe(String(i + 2));
    });
  });

  test("the header lines as Decree 30 lays them out, the body's name broken between its word groups", () => {
    const lines = linesOf(out.pages[0]);
    expect(lines[0]).toMatch(/^UBND TỈNH GIA LAI {2}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(lines[1]).toMatch(/^SỞ THÔNG TIN VÀ TRUYỀN THÔNG {2}Độc lập - Tự do - Hạnh phúc$/);
    expect(lines).toContain('TỈNH GIA LAI');
    expect(lines).toContain('Gia Lai, ngày 20 tháng 8 năm 2024');
    expect(lines.some((l) => /^Số: +\/BC-STTTT$/.test(l))).toBe(true);
  });

  test("the signature block is whole on one page, with the signer's name", () => {
    const page = out.pages.find((p) => p.includes('Nơi nhận:'))!;
    for (const line of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An', '- Lưu: VT.']) expect(page).toContain(line);
    // Never alone on its page: the body's last paragraph comes along.
    expect(page.split('Nơi nhận:')[0]).toMatch(/Đề nghị các đơn vị/);
  });

  test('no unit name, code or submission date is broken inside the appendix tables', () => {
    const appendix = out.pages.findIndex((p) => /^\s*(\d+\s+)?Phụ lục\s*$/m.test(p));
    const raw = out.pages.map((_, i) => (i >= appendix ? pdftotext(out.file, i + 1, true) : '')).join('\n');
    const tokens = raw.split(/\s+/);
    const units = out.report.forms.flatMap((f) => f.units);
    expect(units.length).toBe(17);
    for (const u of units) {
      // Each name appears whole on a line at least once (its row in a per-unit table); the code too.
      expect([u.name, raw.split('\n').some((l) => l.includes(u.name))]).toEqual([u.name, true]);
      expect([u.code, tokens.includes(u.code)]).toEqual([u.code, true]);
      if (u.submittedAt) {
        const [date, time] = formatDateTime(u.submittedAt).split(' ');
        expect([date, tokens.includes(date)]).toEqual([date, true]);
        expect([time, tokens.includes(time)]).toEqual([time, true]);
      }
    }
    // What the old layout printed: a code, a header word and a date cut inside.
    expect(raw).not.toMatch(/CBCCV\s+C\b|\/202\s+4\b/);
  });

  test('a short table prints whole with its caption: form 03 totals were 1 row on page 1, 10 on page 2', () => {
    expectShortTablesWhole(out);
  });
});

/** The page (0-based) whose text holds `text`, squeezed as a reader sees it; -1 when none. */
const pageOf = (pages: string[], text: string | RegExp) =>
  pages.findIndex((p) => (typeof text === 'string' ? linesOf(p).join('\n').includes(text) : text.test(linesOf(p).join('\n'))));

/** Every short table of the document and the appendix on one page with its caption: its first and last rows there. */
function expectShortTablesWhole(out: { report: Report; pages: string[] }): void {
  for (const f of out.report.forms) {
    const n = f.indicators.length;
    const first = f.indicators[0].header,
      last = f.indicators[n - 1].header;
    expect(n).toBeLessThanOrEqual(15);
    for (const caption of [`Bảng tổng hợp chỉ tiêu Biểu mẫu ${f.form}`, `Tổng hợp chỉ tiêu Biểu mẫu ${f.form} (`]) {
      const at = pageOf(out.pages, caption);
      expect([caption, at]).not.toEqual([caption, -1]);
      const text = linesOf(out.pages[at]).join('\n');
      const tail = text.slice(text.indexOf(caption));
      expect([caption, tail.includes(`1  ${first}`) || tail.includes(`1 ${first}`)]).toEqual([caption, true]);
      expect([caption, new RegExp(`${n}\\s+${last.replace(/[()]/g, '\\$&')}`).test(tail)]).toEqual([caption, true]);
    }
    if (f.units.length <= 15) {
      const caption = `Tình hình báo cáo theo đơn vị, Biểu mẫu ${f.form}`;
      const at = pageOf(out.pages, caption);
      expect([
        caption,
        linesOf(out.pages[at])
          .join('\n')
          .includes(f.units[f.units.length - 1].name),
      ]).toEqual([caption, true]);
    }
  }
  // A caption is never the last line of its page.
  out.pages.forEach((p, i) => {
    const lines = linesOf(p);
    expect([i + 1, lines[lines.length - 1]]).not.toEqual([i + 1, expect.stringMatching(/^(Bảng |Tình hình báo cáo theo đơn vị)/)]);
  });
}

test('all four forms print with no blank page and the document first', async () => {
  const out = await printed('all-forms', ['01', '02', '03', '04'], '');
  // Tables split badly before: form 01's totals 4+1 rows, form 02's 8+1, the VNNIC caption alone at a page's foot.
  expectShortTablesWhole(out);
  const caption = pageOf(out.pages, 'Bảng số mẫu đo i-Speed theo đơn vị, Biểu mẫu 03 (số liệu VNNIC)');
  expect(caption).toBeGreaterThan(-1);
  const vnnic = linesOf(out.pages[caption]).join('\n').split('(số liệu VNNIC)')[1];
  expect(vnnic).toMatch(/^\n(.*\n){0,3}STT {2}Tên đơn vị/);
  expect(vnnic).toMatch(/\n1 {2}\d/m);
  // A long table breaks between rows and repeats its header row on the next page.
  const units03 = pageOf(out.pages, 'Tình hình báo cáo theo đơn vị, Biểu mẫu 03');
  expect(linesOf(out.pages[units03 + 1])[1]).toMatch(/^STT {2}Đơn vị {2}Tình trạng {2}Tỷ lệ cài đặt$/);
  const appendix = out.pages.findIndex((p) => /^\s*(\d+\s+)?Phụ lục\s*$/m.test(p));
  expect(out.pages.findIndex((p) => p.includes('Nơi nhận:'))).toBe(appendix - 1);
  for (const p of out.pages) expect(p.replace(/\s+/g, ' ').trim().length).toBeGreaterThan(20);
  // No signer in the settings: a visible line to write the name by hand.
  expect(out.pages[appendix - 1]).toMatch(/…{10,}/);
  expect(readdirSync(dir).filter((f) => f.startsWith('all-forms') && f.endsWith('.png')).length).toBe(out.pages.length);
}, 60000);

describe('the document date (--date) and the data date (--today)', () => {
  test('--date sets the date on the document; the intro keeps the day the figures stand at', async () => {
    const book = join(dir, 'demo.xlsx');
    if (!existsSync(book)) expect((await run(['demo', book])).code).toBe(0);
    const html = join(dir, 'dated.html');
    const r = await run([
      'report',
      book,
      '--period',
      '07/2024',
      '--form',
      '03',
      '--today',
      '2024-08-20',
      '--date',
      '2024-08-23',
      '--out',
      html,
    ]);
    expect(r.code).toBe(0);
    const text = require('node:fs').readFileSync(html, 'utf8') as string;
    expect(text).toContain('Gia Lai, ngày 23 tháng 8 năm 2024');
    expect(text).toContain('(số liệu tổng hợp đến ngày 20/08/2024)');
    expect(text).toContain('ngày 23 tháng 8 năm 2024 của Sở Thông tin và Truyền thông tỉnh Gia Lai)');
    expect(r.stdout).not.toContain('hôm nay');
  });

  test("without --today, a past period's report says it is dated today", async () => {
    const book = join(dir, 'demo.xlsx');
    if (!existsSync(book)) expect((await run(['demo', book])).code).toBe(0);
    const now = new Date(Date.UTC(2024, 10, 5, 3)); // 05/11/2024 10:00 in Gia Lai
    const r = await run(['report', book, '--period', '07/2024', '--form', '03'], now);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`số liệu tổng hợp đến ngày ${formatDay('2024-11-05')} (hôm nay) và văn bản đề ngày 05/11/2024`);
    expect(r.stdout).toContain('--date YYYY-MM-DD');
    const current = await run(['report', book, '--period', '11/2024', '--form', '03'], now);
    expect(current.stdout).not.toContain('(hôm nay)');
  });

  test('a past --date without --today sums the figures to that day: the document never cites a later one', async () => {
    const book = join(dir, 'demo.xlsx');
    if (!existsSync(book)) expect((await run(['demo', book])).code).toBe(0);
    const html = join(dir, 'dated-past.html');
    const now = new Date(Date.UTC(2024, 10, 5, 3)); // 05/11/2024 10:00 in Gia Lai
    const r = await run(['report', book, '--period', '07/2024', '--form', '03', '--date', '2024-08-22', '--out', html], now);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lập ngày 22/08/2024');
    const text = require('node:fs').readFileSync(html, 'utf8') as string;
    expect(text).toContain('Gia Lai, ngày 22 tháng 8 năm 2024');
    expect(text).toContain('(số liệu tổng hợp đến ngày 22/08/2024)');
  });

  test('a --date before --today is refused: say which dates, and how to mend', async () => {
    const book = join(dir, 'demo.xlsx');
    if (!existsSync(book)) expect((await run(['demo', book])).code).toBe(0);
    const r = await run(['report', book, '--period', '07/2024', '--today', '2024-08-20', '--date', '2024-08-19']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Văn bản không thể đề ngày 19/08/2024, trước ngày tổng hợp số liệu (20/08/2024)');
    expect(r.stderr).toContain('chọn --date từ ngày 20/08/2024');
  });

  test('a bad --date is refused with the date message', async () => {
    const book = join(dir, 'demo.xlsx');
    if (!existsSync(book)) expect((await run(['demo', book])).code).toBe(0);
    const r = await run(['report', book, '--period', '07/2024', '--date', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2024-02-30');
  });
});
