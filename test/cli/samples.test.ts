// `ispeed report … --samples FILE.xlsx|.csv`: VNNIC's table from a file reads as the tab does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, artifactDir } from './run';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { writeXlsx } from '../../src/local/xlsx';
import type { MemSheet } from '../../src/local/runtime';
import { EXPECTED_JULY, SEMICOLON_CSV, TITLED_MERGES, measuredBook, monthsTable, titledTable } from '../fixtures/measured';

const dir = artifactDir('samples');
const REPORT = ['--period', '07/2024', '--form', '03', '--today', '2024-08-20', '--json'];

async function xlsx(
  name: string,
  book: Parameters<typeof spreadsheetFromBook>[0],
  merges?: { tab: string; boxes: typeof TITLED_MERGES },
): Promise<string> {
  const ss = spreadsheetFromBook(book);
  if (merges) (ss.sheet(merges.tab) as unknown as MemSheet).merges.push(...merges.boxes);
  const path = join(dir, name);
  await writeXlsx(ss, path);
  return path;
}
const measuredOf = (stdout: string) => JSON.parse(stdout).forms[0].measured;

describe('ispeed report with VNNIC samples', () => {
  test('the tab Dữ liệu i-Speed in the workbook, merged cells and all, is read by report --json', async () => {
    const book = await xlsx('with-tab.xlsx', measuredBook(titledTable()), { tab: 'Dữ liệu i-Speed', boxes: TITLED_MERGES });
    const r = await run(['report', book, ...REPORT]);
    expect(r.code).toBe(0);
    expect(measuredOf(r.stdout)).toMatchObject(EXPECTED_JULY);
  });

  test('--samples FILE.csv with `;` gives the same figures as the tab', async () => {
    const book = await xlsx('plain.xlsx', measuredBook());
    const csv = join(dir, 'vnnic.csv');
    writeFileSync(csv, `\uFEFF${SEMICOLON_CSV}`, 'utf8');
    const r = await run(['report', book, '--samples', csv, ...REPORT]);
    expect(r.code).toBe(0);
    expect(measuredOf(r.stdout)).toMatchObject(EXPECTED_JULY);
    // Its one problem (the locality nobody has) is said on stderr, with the file's row.
    expect(r.stderr).toContain('0 lỗi, 1 cảnh báo');
    expect(r.stderr).toContain('dòng 7');
  });

  test('--samples FILE.xlsx reads its first sheet, here with a `Tháng` column holding two months', async () => {
    const book = await xlsx('plain2.xlsx', measuredBook());
    const samples = await xlsx('vnnic.xlsx', { Sheet1: monthsTable() });
    const r = await run(['report', book, '--samples', samples, ...REPORT]);
    expect(r.code).toBe(0);
    expect(measuredOf(r.stdout)).toMatchObject({ ...EXPECTED_JULY, change: { 'X-001': 134, 'X-002': 122, 'X-003': -60 } });
  });

  test('--samples replaces the tab of the workbook, and the text report has its line', async () => {
    const book = await xlsx('with-tab2.xlsx', measuredBook([['Kỳ: 07/2024'], ['Xã/Phường', 'Số mẫu'], ['Xã Ia Grai', 5]]));
    const csv = join(dir, 'vnnic2.csv');
    writeFileSync(csv, SEMICOLON_CSV, 'utf8');
    const r = await run(['report', book, '--samples', csv, '--period', '07/2024', '--form', '03', '--today', '2024-08-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mẫu đo VNNIC: 2/4 đơn vị đạt 300 mẫu; 1 địa bàn chưa khớp');
  });

  test('a samples file that is missing or of another kind is unusable input (exit 2), nothing written', async () => {
    const book = await xlsx('plain3.xlsx', measuredBook());
    const missing = await run(['report', book, '--samples', join(dir, 'none.csv'), ...REPORT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.csv');
    const txt = join(dir, 'vnnic.txt');
    writeFileSync(txt, SEMICOLON_CSV, 'utf8');
    const wrong = await run(['report', book, '--samples', txt, ...REPORT]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
  });

  test.each([
    [
      'no-header',
      'without VNNIC’s header row',
      'Xã;Điểm\nXã Ia Grai;5\n',
      'Không dùng được tệp số mẫu đo',
      'Không tìm thấy dòng tiêu đề của bảng VNNIC',
    ],
    ['no-month', 'without a month', 'Xã/Phường;Số mẫu\nXã Ia Grai;5\n', 'Không dùng được tệp số mẫu đo', 'Kỳ: MM/YYYY'],
    ['blank', 'with only blank cells', '\uFEFF\n;\n', 'không có số liệu nào', 'hãy tải lại bảng số mẫu đo từ cổng VNNIC'],
  ])(
    'a samples file %s (%s) is unusable input: exit 2 with one line saying how to fix, before any work',
    async (name, _, csv, what, fix) => {
      const book = await xlsx(`plain-${name}.xlsx`, measuredBook());
      const file = join(dir, `unusable-${name}.csv`);
      writeFileSync(file, csv, 'utf8');
      const out = join(dir, `never-${name}.html`);
      const r = await run(['report', book, '--samples', file, ...REPORT.filter((x) => x !== '--json'), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(what);
      expect(r.stderr).toContain(fix);
      expect(existsSync(out)).toBe(false);
    },
  );

  test('--out may not be the samples file it reads: refused before any work, the file untouched', async () => {
    const book = await xlsx('plain4.xlsx', measuredBook());
    const samples = await xlsx('vnnic-out.xlsx', { Sheet1: monthsTable() });
    const before = readFileSync(samples);
    const r = await run(['report', book, '--samples', samples, '--out', samples, ...REPORT]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readFileSync(samples).equals(before)).toBe(true);
  });
});
