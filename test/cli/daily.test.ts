// `ispeed daily` day by day on an .xlsx: the built bundle's daily run on the file itself; only script-owned cells and
// tabs change, the period closes once on its day, `report --json` of the closed period gives the closed figures.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { artifactDir, emlBodies, run } from './run';
import { example1 } from '../fixtures/example1';
import { formById, TAB } from '../../src/core/forms/schema';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { readWorkbookValues, writeXlsx } from '../../src/local/xlsx';
import { PERIOD_TAB } from '../../src/core/text/period';
import type { Workbook } from '../../src/core/types';

const dir = artifactDir('daily');
const BOOK = join(dir, 'book.xlsx');
const TAB03 = 'Biểu mẫu 03';

/** The worked example with automatic reminders on, written as an .xlsx at `path`. */
async function writeRemindingExample(path: string): Promise<void> {
  const book = example1();
  book[TAB.settings].push(['Nhắc nhở tự động', 'Có']);
  await writeXlsx(spreadsheetFromBook(book), path);
}
const userCols = formById('03').columns.findIndex((c) => c.key === 'submitted_at');

/** Every user cell: the directory, the settings and the form tab's columns before the script-owned ones. */
function userCells(book: Workbook): unknown {
  return {
    directory: book[TAB.directory],
    settings: book[TAB.settings],
    form: book[TAB03].map((r) => r.slice(0, userCols).map((v) => (v instanceof Date ? v.toISOString() : v))),
  };
}

async function setCell(path: string, tab: string, row: number, col: number, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.getWorksheet(tab)!.getCell(row, col).value = value;
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  await writeRemindingExample(BOOK);
});

describe('ispeed daily BOOK.xlsx --today D', () => {
  test('day by day from the 1st to the 20th: the close once on the 14th, report --json of the closed period gives its figures and the correction, user cells unchanged', async () => {
    const original = userCells(await readWorkbookValues(BOOK));
    const closedOn: string[] = [];
    for (let day = 1; day <= 20; day++) {
      const today = `2024-08-${String(day).padStart(2, '0')}`;
      if (day === 15) {
        // A unit corrects its July figure after the close (in the shared sheet, exported again).
        await setCell(BOOK, TAB03, 5, formById('03').columns.findIndex((c) => c.key === 'staff_installed') + 1, 175);
      }
      const r = await run(['daily', BOOK, '--today', today, '--json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const out = JSON.parse(r.stdout);
      expect(out.at).toBe(`${today}T08:00`);
      expect(out.sent).toBe(false);
      for (const c of out.closed) closedOn.push(`${c.form} ${c.period} ${c.closedAt}`);
      expect(out.status.rows).toBe(4);
    }
    expect(closedOn).toEqual(['03 06/2024 2024-08-01T08:00', '03 07/2024 2024-08-14T08:00']);

    const after = await readWorkbookValues(BOOK);
    const expected = original as { form: unknown[][] };
    expected.form[4] = expected.form[4].slice();
    expected.form[4][formById('03').columns.findIndex((c) => c.key === 'staff_installed')] = 175;
    expect(userCells(after)).toEqual(expected);
    // Without --outbox nothing was sent, so nothing was logged.
    expect(after[TAB.log]).toBeUndefined();
    expect(after[PERIOD_TAB.status][0]).toEqual(['Biểu mẫu', 'Mã đơn vị', 'Tên đơn vị', '06/2024', '07/2024', '08/2024']);

    const report = JSON.parse(
      (await run(['report', BOOK, '--period', '07/2024', '--form', '03', '--today', '2024-08-20', '--json'])).stdout,
    );
    const f = report.forms[0];
    expect(f.closedAt).toBe('2024-08-14T08:00');
    expect(f.corrections).toEqual([{ unit: 'H-622', key: 'staff_installed', closed: 170, now: 175 }]);
    expect(f.units.find((u: { code: string }) => u.code === 'H-622').values.staff_installed).toBe(170);
    const june = JSON.parse((await run(['report', BOOK, '--period', '06/2024', '--form', '03', '--today', '2024-08-20', '--json'])).stdout)
      .forms[0];
    expect([june.closedAt, june.corrections]).toEqual(['2024-08-01T08:00', []]);

    const v = JSON.parse((await run(['validate', BOOK, '--today', '2024-08-20', '--json'])).stdout);
    expect(v.problems.filter((p: { code: string }) => p.code === 'changed_after_close').map((p: { row: number }) => p.row)).toEqual([5]);
  }, 60_000);

  test('--outbox writes the emails of the day as .eml and logs them; a second run the same day sends nothing more', async () => {
    const path = join(dir, 'outbox-book.xlsx');
    await writeRemindingExample(path);
    const outbox = join(dir, 'outbox');
    const first = JSON.parse((await run(['daily', path, '--today', '2024-08-13', '--json', '--outbox', outbox])).stdout);
    expect(first.sent).toBe(true);
    expect(first.emails.length).toBeGreaterThan(0);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(first.emails.length);
    const log = (await readWorkbookValues(path))[TAB.log];
    expect(log.length).toBeGreaterThan(1);
    const second = JSON.parse((await run(['daily', path, '--today', '2024-08-13', '--json', '--outbox', outbox])).stdout);
    expect(second.emails).toEqual([]);
  }, 30_000);

  test('--url puts the spreadsheet address in every email, as remind does; without it, the placeholder remind uses', async () => {
    const links = async (name: string, extra: string[]) => {
      const path = join(dir, `${name}.xlsx`);
      await writeRemindingExample(path);
      const outbox = join(dir, `${name}-outbox`);
      const r = await run(['daily', path, '--today', '2024-08-13', '--outbox', outbox, ...extra]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
      expect(files.length).toBeGreaterThan(0);
      return files.flatMap((f) => {
        const { text, html } = emlBodies(readFileSync(join(outbox, f), 'utf8'));
        return [...`${text} ${html}`.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0]);
      });
    };
    const real = 'https://docs.google.com/spreadsheets/d/1AbC-thatSheet/edit';
    const given = await links('url', ['--url', real]);
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((l) => l.startsWith(real))).toBe(true);
    // A file's tabs have no Google ids: no link carries the local runtime's #gid (it could open another tab).
    expect(given.filter((l) => l.includes('#gid='))).toEqual([]);
    // Nor the rest of that fragment: a unit's rows (&range=A6:U6) left after the address made it no address at all.
    expect(given.filter((l) => l.includes('range=') || l.includes('edit&'))).toEqual([]);
    const placeholder = await links('placeholder', []);
    expect(placeholder.every((l) => l.startsWith('https://docs.google.com/spreadsheets/d/ID-BANG-TINH/edit'))).toBe(true);
    expect(placeholder.join(' ')).not.toContain('mem-spreadsheet');

    const help = await run(['daily', '--help']);
    expect(help.stdout).toContain('--url URL');
    expect(help.stdout).toContain('https://docs.google.com/spreadsheets/d/ID-BANG-TINH/edit');
    const bad = await run(['daily', BOOK, '--today', '2024-08-13', '--url', 'docs.google.com/x']);
    expect([bad.code, bad.stderr]).toEqual([2, 'Địa chỉ không hợp lệ: “docs.google.com/x”. Dùng địa chỉ bắt đầu bằng https://.\n']);
  }, 30_000);

  test('with "Nhắc nhở tự động" = Không it says reminders are off and how to turn them on, and never that the log was updated', async () => {
    const path = join(dir, 'off-book.xlsx');
    const book = example1();
    book[TAB.settings].push(['Nhắc nhở tự động', 'Không']);
    await writeXlsx(spreadsheetFromBook(book), path);
    const off =
      'Nhắc nhở tự động đang tắt (mục “Nhắc nhở tự động” trong trang Cấu hình là “Không”): không gửi email nhắc nào. ' +
      'Để bật, ghi “Có” vào mục đó, hoặc chọn i-Speed > Bật nhắc nhở tự động trong bảng tính.';
    const outbox = join(dir, 'off-outbox');
    const sent = await run(['daily', path, '--today', '2024-08-13', '--outbox', outbox]);
    expect(sent.code).toBe(0);
    expect(sent.stdout.split('\n')).toContain(off);
    expect(sent.stdout).not.toContain('Nhật ký đã được cập nhật');
    expect(sent.stdout).not.toContain('0 email');
    expect((await readWorkbookValues(path))[TAB.log]).toBeUndefined();
    const dry = await run(['daily', path, '--today', '2024-08-14']);
    expect(dry.stdout.split('\n')).toContain(off);
    expect(dry.stdout).not.toContain('email sẽ được gửi');
  }, 30_000);

  test('reminders on: the log is said updated when the run logged, unchanged when a second run the same day had nothing to log', async () => {
    const path = join(dir, 'on-book.xlsx');
    await writeRemindingExample(path);
    const outbox = join(dir, 'on-outbox');
    const first = await run(['daily', path, '--today', '2024-08-13', '--outbox', outbox]);
    expect(first.stdout).toMatch(/^[1-9]\d* email đã ghi vào thư mục .*; Nhật ký đã được cập nhật\.$/m);
    const second = await run(['daily', path, '--today', '2024-08-13', '--outbox', outbox]);
    expect(second.stdout.split('\n')).toContain(`0 email đã ghi vào thư mục ${outbox}; Nhật ký không thay đổi.`);
  }, 30_000);

  test('the text output gives the time of each close as the sheet does (08:00 14/08/2024; the JSON keeps its ISO form, above)', async () => {
    const path = join(dir, 'text-book.xlsx');
    await writeXlsx(spreadsheetFromBook(example1()), path);
    const r = await run(['daily', path, '--today', '2024-08-14']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'Đã chốt số liệu Biểu mẫu 03 kỳ 06/2024 lúc 08:00 14/08/2024.',
        'Đã chốt số liệu Biểu mẫu 03 kỳ 07/2024 lúc 08:00 14/08/2024.',
      ]),
    );
  }, 30_000);

  test('an unusable input is refused with exit 2 and the file is left as it was', async () => {
    const bad = join(dir, 'not.xlsx');
    writeFileSync(bad, 'not a workbook');
    const r = await run(['daily', bad, '--today', '2024-08-13']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
    expect((await run(['daily', BOOK])).code).toBe(2); // --today is required
    expect(existsSync(BOOK)).toBe(true);
  });
});
