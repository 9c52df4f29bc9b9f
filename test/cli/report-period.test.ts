// `report` is refused (exit 2, one clear Vietnamese line, nothing written) for a period before `Kỳ bắt đầu` of the
// workbook's own settings, or after the current month (of --today, or of the clock when --today is absent).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TAB } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import { makeDemoWorkbook } from '../../src/local/demo';
import { workbookToSpreadsheet, writeSpreadsheet } from '../../src/local/cli/files';
import { artifactDir, run } from './run';

const dir = artifactDir('report-period');
const DEMO = join(dir, 'demo.xlsx');
const LATE_START = join(dir, 'starts-07-2024.xlsx');
const OUT = join(dir, 'report.html');

beforeAll(async () => {
  expect((await run(['demo', DEMO])).code).toBe(0);
  // The same workbook, its campaign starting a month later in `Cấu hình`.
  const book = makeDemoWorkbook();
  const settings = book[TAB.settings];
  const row = settings.findIndex((r) => r[0] === 'Kỳ bắt đầu');
  expect(row).toBeGreaterThan(0);
  settings[row][1] = '07/2024';
  await writeSpreadsheet(workbookToSpreadsheet(book), LATE_START);
});

async function refused(argv: string[], now?: Date): Promise<string> {
  const r = now ? await run(argv, now) : await run(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(existsSync(OUT)).toBe(false);
  return r.stderr;
}

test('a period before the default start (06/2024) is refused and names the start', async () => {
  const why = await refused(['report', DEMO, '--period', '05/2024', '--today', '2024-08-20', '--out', OUT]);
  expect(why).toBe('Kỳ 05/2024 trước kỳ bắt đầu của đợt báo cáo (06/2024, mục “Kỳ bắt đầu” trong trang Cấu hình).\n');
});

test('the start is read from the workbook: with `Kỳ bắt đầu` 07/2024, 06/2024 is refused and 07/2024 is not', async () => {
  expect(await refused(['report', LATE_START, '--period', '06/2024', '--today', '2024-08-20', '--out', OUT])).toContain('(07/2024,');
  expect((await run(['report', LATE_START, '--period', '07/2024', '--today', '2024-08-20', '--json'])).code).toBe(0);
});

test('a month after the month of --today is refused; the current month is reported', async () => {
  const why = await refused(['report', DEMO, '--period', '09/2024', '--today', '2024-08-31', '--out', OUT]);
  expect(why).toBe('Kỳ 09/2024 chưa đến: tháng hiện tại là 08/2024.\n');
  expect((await run(['report', DEMO, '--period', '08/2024', '--today', '2024-08-31', '--json'])).code).toBe(0);
});

test('without --today the clock decides the current month (in Asia/Ho_Chi_Minh)', async () => {
  // 31/08/2024 23:30 in Gia Lai (16:30 UTC): still August.
  const lateAugust = fromLocal(2024, 8, 31, 23, 30);
  expect(await refused(['report', DEMO, '--period', '09/2024', '--out', OUT], lateAugust)).toContain('tháng hiện tại là 08/2024');
  // 01/09/2024 00:30 in Gia Lai is 31/08 17:30 UTC: September has begun there.
  const r = await run(['report', DEMO, '--period', '09/2024', '--json'], fromLocal(2024, 9, 1, 0, 30));
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).period).toBe('09/2024');
});
