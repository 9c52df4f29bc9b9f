// A directory tab that is not found (renamed "Danh muc don vi") makes every unit unknown and nobody expected: validate
// and report say so first (remind and daily too), with the tabs the file has and how to fix; their --json stays as it is, the line on stderr.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, artifactDir, run } from './run';
import { example1 } from '../fixtures/example1';
import { TAB } from '../../src/core/forms/schema';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { writeXlsx } from '../../src/local/xlsx';

const dir = artifactDir('missing-directory');
const WARNING =
  'Cảnh báo: không tìm thấy trang “Danh mục đơn vị” (tệp có các trang “Cấu hình”, “Biểu mẫu 03”, “Danh muc don vi”), ' +
  'nên không đơn vị nào được nhận ra và không đơn vị nào phải báo cáo. Hãy đổi tên trang danh mục đơn vị thành “Danh mục đơn vị” rồi chạy lại.';
const VALIDATE = ['--today', '2024-08-20'];
const REPORT = ['--period', '07/2024', '--form', '03', '--today', '2024-08-20'];
let file = '';

beforeAll(async () => {
  const { [TAB.directory]: directory, ...rest } = example1();
  file = join(dir, 'renamed.xlsx');
  await writeXlsx(spreadsheetFromBook({ ...rest, 'Danh muc don vi': directory }), file);
});

describe('the directory tab is missing', () => {
  test('validate prints the warning as its first line, before the per-row errors it explains', async () => {
    const r = await run(['validate', file, ...VALIDATE]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(WARNING);
    expect(lines[1]).toMatch(/^Kiểm tra renamed\.xlsx: /);
    expect(r.stdout.split(WARNING)).toHaveLength(2); // once
  });

  test('remind prints it first too (nobody to remind reads as nothing due otherwise); --json keeps it on stderr', async () => {
    const r = await run(['remind', file, '--today', '2024-08-13']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(WARNING);
    const j = await run(['remind', file, '--today', '2024-08-13', '--json']);
    // No unit is known, so none is reminded (the admins' digest still goes out: it reports the form's state).
    expect(JSON.parse(j.stdout).emails.filter((e: { unit: string }) => e.unit)).toEqual([]);
    expect(j.stderr).toContain(WARNING);
  });

  test('daily prints it first too (it runs on a copy: daily writes the file it reads); --json keeps it on stderr', async () => {
    const copy = join(dir, 'renamed-daily.xlsx');
    copyFileSync(file, copy);
    const r = await run(['daily', copy, '--today', '2024-08-13']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(WARNING);
    expect(r.stdout.split(WARNING)).toHaveLength(2); // once
    copyFileSync(file, copy); // the first run added its tabs, which the warning would list
    const j = await run(['daily', copy, '--today', '2024-08-14', '--json']);
    expect(JSON.parse(j.stdout).today).toBe('2024-08-14');
    expect(j.stderr).toBe(`${WARNING}\n`);
  });

  test('report prints it first too, above "Phải báo cáo: 0"', async () => {
    const r = await run(['report', file, ...REPORT]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(WARNING);
    expect(lines).toContain('  Phải báo cáo: 0; đã báo cáo: 0 (đúng hạn 0, muộn 0)');
  });

  test.each([
    ['validate', VALIDATE],
    ['report', REPORT],
  ])('%s --json: the JSON alone on stdout, the warning on stderr', async (cmd, extra) => {
    const r = await run([cmd, file, ...extra, '--json']);
    expect(JSON.parse(r.stdout)).toBeInstanceOf(Object);
    expect(r.stdout).not.toContain('Cảnh báo: không tìm thấy trang');
    expect(r.stderr).toBe(`${WARNING}\n`);
  });

  test('a workbook with its directory has no such line', async () => {
    const r = await run(['validate', join(EXAMPLES, 'example-1.xlsx'), ...VALIDATE]);
    expect(r.stdout.split('\n')[0]).toMatch(/^Kiểm tra example-1\.xlsx: /);
    expect(r.stdout).not.toContain('không tìm thấy trang');
  });
});
