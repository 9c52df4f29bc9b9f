import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactDir, run } from './run';
import { readWorkbookValues } from '../../src/local/xlsx';
import { makeBenchWorkbook } from '../../src/local/demo';
import { workbookToSpreadsheet, writeSpreadsheet } from '../../src/local/cli/files';
import ExcelJS from 'exceljs';
import { DIRECTORY_COLUMNS, FORMS, SETTINGS, TAB } from '../../src/core/forms/schema';

const dir = artifactDir('setup-progress');

describe('setup', () => {
  test('setup writes every tab with its headers and an empty directory', async () => {
    const out = join(dir, 'setup.xlsx');
    const r = await run(['setup', out]);
    expect(r.code).toBe(0);
    const book = await readWorkbookValues(out);
    for (const f of FORMS) expect(book[f.tab][0].slice(0, 3)).toEqual(['STT', 'Đơn vị', 'Kỳ báo cáo']);
    expect(book[TAB.directory][0]).toEqual(DIRECTORY_COLUMNS.map((c) => c.header));
    expect(book[TAB.directory].slice(1).filter((r) => r.some((v) => v !== ''))).toEqual([]);
    expect((await run(['validate', out, '--today', '2024-08-20'])).code).toBe(0);

    // Read back with exceljs itself: the drop-downs, the number rules, the settings rows, the frozen header.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Biểu mẫu 03')!;
    const form = FORMS.find((f) => f.id === '03')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(form.columns.map((c) => c.header));
    const period = ws.getCell('C2').dataValidation;
    expect(period.type).toBe('list');
    // periods list from the hidden choice-list tab (an inline list is capped at 500 items in Sheets, 255 characters in Excel)
    const [, tab, col] = /^'(.+)'!\$([A-Z]+)\$2:\$[A-Z]+\$\d+$/.exec(String(period.formulae?.[0]))!;
    expect(wb.getWorksheet(tab)!.state).toBe('hidden');
    expect(wb.getWorksheet(tab)!.getCell(`${col}4`).text).toBe('06/2024');
    expect(period.showErrorMessage).toBeFalsy(); // warns, never rejects
    const staff = ws.getCell('D2').dataValidation;
    expect(staff.type).toMatch(/decimal|whole/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const settings = wb.getWorksheet(TAB.settings)!;
    const rows = SETTINGS.map((_, i) => [settings.getRow(i + 2).getCell(1).text, settings.getRow(i + 2).getCell(2).text]);
    expect(rows).toEqual(SETTINGS.map((x) => [x.name, x.default]));
  });

  test('setup --units fills the directory from a CSV of the 2025 communes', async () => {
    const csv = join(dir, 'communes.csv');
    writeFileSync(
      csv,
      'code,name,form,email,contact,phone,communes,aliases,active\nX-24187,Phường Pleiku,03,pleiku@gialai.example,,,,,Có\nX-24190,"Xã Ia Grai, mới",03,iagrai@gialai.example,,,,,Có\n',
    );
    const out = join(dir, 'communes.xlsx');
    expect((await run(['setup', out, '--units', csv])).code).toBe(0);
    const dirTab = (await readWorkbookValues(out))[TAB.directory];
    const name = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'name');
    expect(dirTab.slice(1).map((r) => r[name])).toEqual(['Phường Pleiku', 'Xã Ia Grai, mới']);
  });

  test('setup --units says which units the check cannot use (a code twice, a form that is none), row by row', async () => {
    const csv = join(dir, 'bad-units.csv');
    writeFileSync(
      csv,
      'code,name,form,email\nH-1,Huyện Một,03,a@gialai.example\nH-1,Huyện Hai,03,b@gialai.example\nH-3,Huyện Ba,7x,c@gialai.example\n',
    );
    const r = await run(['setup', join(dir, 'bad-units.xlsx'), '--units', csv]);
    expect(r.code).toBe(0); // the workbook is written: the officer mends the rows there or in the CSV
    const out = r.stdout.split('\n');
    expect(out).toContain(
      'Danh mục đơn vị lấy từ “bad-units.csv” có 3 lỗi (các đơn vị đó chưa dùng được); sửa trong tệp CSV rồi chạy lại, hoặc sửa trong trang “Danh mục đơn vị” ở các dòng sau:',
    );
    expect(out.filter((l) => l.startsWith('[Lỗi] Danh mục đơn vị, dòng ')).map((l) => l.slice(0, l.indexOf('”') + 1))).toEqual([
      '[Lỗi] Danh mục đơn vị, dòng 2, cột “Mã đơn vị”',
      '[Lỗi] Danh mục đơn vị, dòng 3, cột “Mã đơn vị”',
      '[Lỗi] Danh mục đơn vị, dòng 4, cột “Biểu mẫu”',
    ]);
    // A clean CSV says nothing more than the file written.
    expect(
      (await run(['setup', join(dir, 'communes2.xlsx'), '--units', join(dir, 'communes.csv')])).stdout.trim().split('\n'),
    ).toHaveLength(1);
  });
});

describe('progress', () => {
  test('checking over 20,000 rows says so on stderr, and stdout stays pure JSON', async () => {
    const book = join(dir, 'big.xlsx');
    await writeSpreadsheet(workbookToSpreadsheet(makeBenchWorkbook({ seed: 5, units: 2300, months: 10 })), book);
    const r = await run(['validate', book, '--json', '--today', '2025-04-20']);
    expect(r.stderr).toMatch(/^Đang đọc tệp .*big\.xlsx…\nĐang kiểm tra \d{2}\.\d{3} dòng…\n$/);
    expect(JSON.parse(r.stdout).summary.rows).toBeGreaterThan(20000);
  });
});
