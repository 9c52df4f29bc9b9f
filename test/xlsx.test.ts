import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx, writeXlsx, readWorkbookValues, workbookValues, XlsxError } from '../src/local/xlsx';
import { spreadsheetFromBook } from '../src/local/workbook';
import { makeDemoWorkbook } from '../src/local/demo';
import { MemSpreadsheet, createRuntime } from '../src/local/runtime';

const EXAMPLE = '/work/shared/design/examples/example-1.xlsx';
const tmp = () => mkdtempSync(join(tmpdir(), 'xlsx-'));

describe('reading an .xlsx', () => {
  test('the example workbook reads its tabs with typed values', async () => {
    const ss = await readXlsx(EXAMPLE);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Danh mục đơn vị', 'Cấu hình', 'Biểu mẫu 03']);
    const dir = ss.sheet('Danh mục đơn vị')!;
    expect(dir.getRange('A2:D2').getValues()).toEqual([['H-622', 'Thành phố Pleiku', '03', 'pleiku@gialai.example']]);
    expect(dir.getRange('G2').getValue()).toBe(22);
    expect(dir.getRange('E2').getValue()).toBe('');
  });

  test('a date cell is a wall-clock time of Gia Lai: 11/07/2024 23:30 is 16:30 UTC', async () => {
    const ss = await readXlsx(EXAMPLE);
    const v = ss.sheet('Biểu mẫu 03')!.getRange('S4').getValue();
    expect(Object.prototype.toString.call(v)).toBe('[object Date]');
    expect((v as Date).toISOString()).toBe('2024-07-11T16:30:00.000Z');
    expect(ss.sheet('Biểu mẫu 03')!.getRange('S4').getDisplayValue()).toBe('11/07/2024 23:30');
  });

  test('readWorkbookValues gives each tab as getValues of its data range', async () => {
    const wb = await readWorkbookValues(EXAMPLE);
    expect(wb['Cấu hình']).toEqual([
      ['Tham số', 'Giá trị'],
      ['Email quản trị', 'sotttt@gialai.example'],
    ]);
    expect(wb['Biểu mẫu 03']).toHaveLength(8);
    expect(wb['Biểu mẫu 03'][0]).toHaveLength(21);
    expect(wb['Biểu mẫu 03'][7][2]).toBe('Tháng 7/2024');
  });

  test("the streaming read of the values equals the full reader's getValues, tab by tab (demo workbook, example)", async () => {
    const dir = tmp();
    const file = join(dir, 'demo.xlsx');
    await writeXlsx(spreadsheetFromBook(makeDemoWorkbook()), file);
    for (const path of [file, EXAMPLE]) {
      const full = workbookValues(await readXlsx(path));
      const streamed = await readWorkbookValues(path);
      expect(Object.keys(streamed).sort()).toEqual(Object.keys(full).sort());
      for (const tab of Object.keys(full)) expect(streamed[tab]).toEqual(full[tab]);
    }
  });

  test('the streaming read keeps a character whose bytes straddle two 16 KB chunks (shared strings and sheet XML)', async () => {
    // exceljs's stream reader decoded each chunk on its own: a directory of 182 units made `ispeed setup` write a
    // workbook whose `Tính chất` header then read as `T\uFFFD\uFFFDnh chất` (its definitions set aside for the template).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh mục đơn vị');
    // Every string all three-byte letters (its number written in them too), so most chunk ends fall inside one.
    const letters = (i: number) => [...String(i)].map((d) => 'ạảấầẩẫậắằẳ'[Number(d)]).join('');
    const names = Array.from({ length: 1500 }, (_, i) => `${'ữ'.repeat(30)}${letters(i)}`);
    names.forEach((n, i) => {
      ws.getCell(i + 1, 1).value = n;
      // A formula's cached text lives in the sheet's own XML, not in the shared strings.
      ws.getCell(i + 1, 2).value = { formula: `"${n}"`, result: `${'ệ'.repeat(30)}${letters(i)}` } as ExcelJS.CellFormulaValue;
    });
    const path = join(tmp(), 'multibyte.xlsx');
    await wb.xlsx.writeFile(path);
    const streamed = (await readWorkbookValues(path))['Danh mục đơn vị'];
    expect(streamed.map((r) => r[0])).toEqual(names);
    expect(streamed.every((r) => !String(r[1]).includes('\uFFFD'))).toBe(true);
    expect(streamed).toEqual(workbookValues(await readXlsx(path))['Danh mục đơn vị']);
  });

  test('formula cells read as their cached result; rich text and links as plain text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('T');
    ws.getCell('A1').value = { formula: 'B1*2', result: 84 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { richText: [{ text: 'Huyện ' }, { font: { bold: true }, text: 'Đăk Đoa' }] };
    ws.getCell('A3').value = { text: 'trang báo cáo', hyperlink: 'https://gialai.example/r' };
    const path = join(tmp(), 'f.xlsx');
    await wb.xlsx.writeFile(path);
    const ss = await readXlsx(path);
    expect(ss.sheet('T')!.getRange('A1:A3').getValues()).toEqual([[84], ['Huyện Đăk Đoa'], ['trang báo cáo']]);
  });

  test('an encrypted (OLE) file rejects with a clear error', async () => {
    const path = join(tmp(), 'locked.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(readXlsx(path)).rejects.toThrow(/mật khẩu/);
    await expect(readXlsx(path)).rejects.toMatchObject({ code: 'encrypted' });
  });

  test('a file that is not a zip rejects as not an .xlsx', async () => {
    const path = join(tmp(), 'text.xlsx');
    writeFileSync(path, 'Đơn vị,Kỳ\nPleiku,07/2024\n');
    await expect(readXlsx(path)).rejects.toBeInstanceOf(XlsxError);
    await expect(readXlsx(path)).rejects.toMatchObject({ code: 'not_xlsx' });
  });

  test('a truncated zip rejects as corrupt', async () => {
    const dir = tmp();
    const path = join(dir, 'cut.xlsx');
    const full = readFileSync(EXAMPLE);
    writeFileSync(path, full.subarray(0, 600));
    await expect(readXlsx(path)).rejects.toMatchObject({ code: 'corrupt' });
  });

  test('a missing file rejects as missing', async () => {
    await expect(readXlsx('/nonexistent/book.xlsx')).rejects.toMatchObject({ code: 'missing' });
  });
});

describe('writing an .xlsx', () => {
  test('the example survives a round trip with the same values', async () => {
    const first = await readXlsx(EXAMPLE);
    const path = join(tmp(), 'round.xlsx');
    await writeXlsx(first, path);
    const second = await readXlsx(path);
    const a = await readWorkbookValues(EXAMPLE);
    const b = await readWorkbookValues(path);
    expect(b).toEqual(a);
    expect((second.sheet('Biểu mẫu 03')!.getRange('S4').getValue() as Date).toISOString()).toBe('2024-07-11T16:30:00.000Z');
  });

  test('text that looks like a formula stays text', async () => {
    const ss = new MemSpreadsheet({ firstSheet: 'T' });
    ss.sheet('T')!
      .getRange('A1:B1')
      .setValues([['\'=HYPERLINK("x")', "'+84 912"]]);
    const path = join(tmp(), 'text.xlsx');
    await writeXlsx(ss, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('T')!.getCell('A1').value).toBe('=HYPERLINK("x")');
    expect(wb.getWorksheet('T')!.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect((await readWorkbookValues(path)).T).toEqual([['=HYPERLINK("x")', '+84 912']]);
  });

  test('formats, notes, colours, bold, frozen rows, widths, merges and validations round-trip', async () => {
    const rt = createRuntime();
    const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = rt.spreadsheet;
    const sh = ss.addSheet('Biểu mẫu 03');
    sh.getRange('A1:C1')
      .setValues([['Đơn vị', 'Số', 'Tỷ lệ']])
      .setFontWeight('bold')
      .setBackground('#d9ead3');
    sh.getRange('A2:C2').setValues([['Pleiku', 1234, 0.8123]]);
    sh.getRange('B2').setNumberFormat('#,##0').setNote('Vượt quá tổng số');
    sh.getRange('C2').setNumberFormat('0.0%');
    sh.setFrozenRows(1);
    sh.setColumnWidth(1, 180);
    sh.getRange('A5:C5').merge();
    sh.getRange('B2:B9').setDataValidation(
      SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100000).setAllowInvalid(false).build(),
    );
    sh.getRange('A2:A9').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Có', 'Không']).build());
    const path = join(tmp(), 'fmt.xlsx');
    await writeXlsx(ss, path);
    const back = (await readXlsx(path)).sheet('Biểu mẫu 03')!;
    expect(back.getRange('A2:C2').getDisplayValues()).toEqual([['Pleiku', '1.234', '81,2%']]);
    expect(back.getRange('B2').getNote()).toBe('Vượt quá tổng số');
    expect(back.getRange('A1:C1').getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
    expect(back.getRange('A1').getBackground()).toBe('#d9ead3');
    expect(back.getFrozenRows()).toBe(1);
    expect(back.getColumnWidth(1)).toBe(180);
    expect(
      back
        .getRange('B5')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A5:C5']);
    const num = back.getRange('B9').getDataValidation()!;
    expect(String(num.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(num.getCriteriaValues()).toEqual([0, 100000]);
    expect(num.getAllowInvalid()).toBe(false);
    const list = back.getRange('A3').getDataValidation()!;
    expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list.getCriteriaValues()[0]).toEqual(['Có', 'Không']);
    expect(list.getAllowInvalid()).toBe(true);
  });

  test('a copy of the example is not modified by reading it', async () => {
    const dir = tmp();
    copyFileSync(EXAMPLE, join(dir, 'a.xlsx'));
    const before = readFileSync(join(dir, 'a.xlsx'));
    await readXlsx(join(dir, 'a.xlsx'));
    expect(readFileSync(join(dir, 'a.xlsx')).equals(before)).toBe(true);
  });
});

describe('conditional format rules in an .xlsx', () => {
  test('"text is exactly" rules are written as Excel "cell value equal to" rules with their fill, and read back in order', async () => {
    const ss = new MemSpreadsheet({ firstSheet: 'Tình hình báo cáo' });
    const rt = createRuntime({ spreadsheet: ss });
    const SpreadsheetApp = rt.globals.SpreadsheetApp as any;
    const sheet = ss.sheets[0];
    sheet.getRange(1, 1, 2, 2).setValues([
      ['Đúng hạn', 'Trễ hạn'],
      ['Chưa nộp', 'x "y"'],
    ]);
    const range = sheet.getRange('A1:B2');
    const rule = (text: string, colour: string) =>
      SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build();
    sheet.setConditionalFormatRules([rule('Đúng hạn', '#d9ead3'), rule('Trễ hạn', '#fce5cd'), rule('x "y"', '#f4cccc')]);
    const file = join(tmp(), 'rules.xlsx');
    await writeXlsx(ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cf = (wb.worksheets[0] as any).conditionalFormattings as ExcelJS.ConditionalFormattingOptions[];
    expect(cf.map((c) => [c.ref, (c.rules[0] as any).operator, (c.rules[0] as any).formulae[0]])).toEqual([
      ['A1:B2', 'equal', '"Đúng hạn"'],
      ['A1:B2', 'equal', '"Trễ hạn"'],
      ['A1:B2', 'equal', '"x ""y"""'],
    ]);
    const back = (await readXlsx(file)).sheets[0];
    expect(back.conditionalRules.map((r) => [r.condition.values[0], r.condition.background, r.ranges[0].getA1Notation()])).toEqual([
      ['Đúng hạn', '#d9ead3', 'A1:B2'],
      ['Trễ hạn', '#fce5cd', 'A1:B2'],
      ['x "y"', '#f4cccc', 'A1:B2'],
    ]);
  });
});
