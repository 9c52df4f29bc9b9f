import { dayOf, fromLocal } from '../../src/core/periods';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { artifactDir, run } from './run';
import { readWorkbookValues } from '../../src/local/xlsx';
import { makeDemoWorkbook } from '../../src/local/demo';
import { FORMS, LOG_COLUMNS, TAB } from '../../src/core/forms/schema';

const dir = artifactDir('flow');
const DEMO = join(dir, 'demo.xlsx');

beforeAll(async () => {
  const r = await run(['demo', DEMO]);
  expect(r.code).toBe(0);
});

describe('demo -> validate -> report -> remind on the demo workbook', () => {
  test('demo writes the seeded demo workbook: its values read back as generated', async () => {
    const book = await readWorkbookValues(DEMO);
    const made = makeDemoWorkbook();
    for (const f of FORMS) expect(book[f.tab]).toEqual(made[f.tab]);
    expect(book[TAB.log][0]).toEqual([...LOG_COLUMNS]);
    expect((await run(['demo', join(dir, 'again.xlsx')])).stdout).toContain('71 dòng số liệu, tính đến ngày 20/08/2024');
  });

  test('validate finds the planted mistakes and exits 1', async () => {
    const r = await run(['validate', DEMO, '--today', '2024-08-20', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'duplicate',
      'duplicate',
      'exceeds',
      'not_integer',
      'unit_alias',
    ]);
    expect(out.summary).toEqual({ errors: 4, warnings: 1, rows: 71 });
  });

  test('validate without --today uses the clock', async () => {
    const r = await run(['validate', DEMO]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('4 lỗi, 1 cảnh báo trên 71 dòng số liệu');
  });

  test('report --json covers the four forms, forms 03 and 04 expected every unit', async () => {
    const r = await run(['report', DEMO, '--period', '07/2024', '--today', '2024-08-20', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.period).toBe('07/2024');
    expect(out.forms.map((f: { form: string }) => f.form)).toEqual(['01', '02', '03', '04']);
    const f03 = out.forms[2];
    expect(f03.expected).toBe(17);
    expect(f03.dueBefore).toBe('2024-08-12');
    expect(f03.reported + f03.invalid.length + f03.missing.length).toBe(17);
    expect(f03.invalid.length).toBeGreaterThanOrEqual(1); // installs above staff
    expect(out.forms[0].dueBefore).toBeNull();
  });

  test('report --out .html holds the document and the charts', async () => {
    const out = join(dir, 'report.html');
    const r = await run(['report', DEMO, '--period', '07/2024', '--today', '2024-08-20', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('<svg');
    expect(r.stdout).toContain(`Đã tạo tệp ${out}.`);
  });

  test('report --out .pdf prints an A4 PDF with headless Chromium', async () => {
    const out = join(dir, 'report.pdf');
    const r = await run(['report', DEMO, '--period', '07/2024', '--today', '2024-08-20', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period).toBe('07/2024');
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595.28 x 841.89 points; Chromium sizes pages from the CSS `@page` (issue 12: the appendix is landscape) in
    // steps of about 1 pt, so the first page's box reads 594.96 x 841.92.
    expect(pdf.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 841(\.\d+)?|MediaBox\s*\[\s*0 0 59[45](\.\d+)? 842/);
  });

  test('report --out .xlsx writes the report tab: values, bold title, merges and widths', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await run(['report', DEMO, '--period', '07/2024', '--form', '03', '--today', '2024-08-20', '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Báo cáo 07-2024');
    expect(ws.getCell(1, 1).value).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH GIA LAI');
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThan(5);
    let filled = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.fill && (c.fill as ExcelJS.FillPattern).pattern === 'solid') filled++;
      }),
    );
    expect(filled).toBeGreaterThan(0);
  });

  test('remind is a dry run by default: the list, and nothing written', async () => {
    const before = readFileSync(DEMO);
    const r = await run(['remind', DEMO, '--today', '2024-08-13']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ngày 13/08/2024:');
    expect(r.stdout).toContain('chạy thử');
    expect(r.stdout).toContain('[D+1]');
    expect(readFileSync(DEMO).equals(before)).toBe(true);
  });
});

describe('remind --send', () => {
  const book = join(dir, 'send.xlsx');
  const outbox = join(dir, 'outbox');

  // The demo's log holds the sends up to the day before its `today`: made as of 13/08, the 13th's are still due.
  beforeAll(async () => {
    expect((await run(['demo', book, '--today', '2024-08-13'])).code).toBe(0);
  });

  test('writes one .eml per email and logs them, so a second run the same day sends nothing', async () => {
    const first = await run(['remind', book, '--today', '2024-08-13', '--json', '--send', '--outbox', outbox]);
    expect(first.code).toBe(0);
    const plan = JSON.parse(first.stdout);
    expect(plan.emails.length).toBeGreaterThan(3);
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(plan.emails.length);
    const eml = readFileSync(join(outbox, files[0]), 'utf8');
    expect(eml).toMatch(/^From: /);
    expect(eml).toContain('Content-Type: multipart/alternative');
    expect(eml).toMatch(/Subject: =\?UTF-8\?B\?/);

    const values = await readWorkbookValues(book);
    const log = values[TAB.log];
    const sent = log.slice(1).filter((r) => r[6] === 'Đã gửi' && dayOf(r[0] as Date) === '2024-08-13');
    expect(sent).toHaveLength(plan.emails.length);
    expect(sent[0][0]).toBeInstanceOf(Date);
    // Stamped when the daily trigger sends (Giờ gửi nhắc, 8 by default), as `ispeed daily` does: not at noon.
    expect((sent[0][0] as Date).getTime()).toBe(fromLocal(2024, 8, 13, 8).getTime());
    expect(eml).toContain('Date: Tue, 13 Aug 2024 08:00:00 +0700');
    // Everything else is as it was.
    const demo = makeDemoWorkbook({ today: fromLocal(2024, 8, 13, 12) });
    for (const f of FORMS) expect(values[f.tab]).toEqual(demo[f.tab]);

    const second = await run(['remind', book, '--today', '2024-08-13', '--json', '--send', '--outbox', outbox]);
    expect(second.code).toBe(0);
    const again = JSON.parse(second.stdout);
    expect(again.emails).toEqual([]);
    expect(again.skipped.some((s: { reason: string }) => s.reason === 'already_sent')).toBe(true);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(plan.emails.length);
  });

  test('the quota counts the recipients already logged that day', async () => {
    const q = join(dir, 'quota.xlsx');
    expect((await run(['demo', q, '--today', '2024-08-13'])).code).toBe(0);
    const box = join(dir, 'outbox-quota');
    const first = JSON.parse(
      (await run(['remind', q, '--today', '2024-08-13', '--json', '--quota', '3', '--send', '--outbox', box])).stdout,
    );
    expect(first.emails).toHaveLength(3);
    expect(first.skipped.some((s: { reason: string }) => s.reason === 'quota')).toBe(true);
    // Five a day: three already went out, so two more today.
    const second = JSON.parse(
      (await run(['remind', q, '--today', '2024-08-13', '--json', '--quota', '5', '--send', '--outbox', box])).stdout,
    );
    expect(second.emails).toHaveLength(2);
    expect(readdirSync(box)).toHaveLength(5);
    // The next day the quota is whole again.
    const third = JSON.parse((await run(['remind', q, '--today', '2024-08-14', '--json', '--quota', '100'])).stdout);
    expect(third.emails.length).toBeGreaterThan(0);
  });

  test('a dry run after sends reads the log but changes no file', async () => {
    const before = readFileSync(book);
    const r = await run(['remind', book, '--today', '2024-08-13']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không có email nào cần gửi.');
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});
