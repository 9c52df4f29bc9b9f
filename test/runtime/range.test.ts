import { createRuntime, MemSpreadsheet } from '../../src/local/runtime';
import { cellCount, installCellCounter, resetCells } from '../../src/local/runtime/cells';

function setup() {
  const rt = createRuntime({ now: new Date('2024-08-20T02:00:00Z') });
  const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Biểu mẫu 03');
  return { rt, ss, sheet };
}

describe('values and ranges', () => {
  test('an empty cell reads as the empty string', () => {
    const { sheet } = setup();
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('C3').getValue()).toBe('');
  });

  test('numbers, booleans, strings and dates come back with their types; dates are fresh copies', () => {
    const { sheet } = setup();
    const d = new Date('2024-07-11T16:30:00Z');
    sheet.getRange(2, 1, 1, 4).setValues([[12, true, 'Pleiku', d]]);
    const row = sheet.getRange(2, 1, 1, 4).getValues()[0];
    expect(row).toEqual([12, true, 'Pleiku', d]);
    expect(row[3]).not.toBe(d);
    d.setFullYear(2000);
    expect((sheet.getRange(2, 4).getValue() as Date).toISOString()).toBe('2024-07-11T16:30:00.000Z');
  });

  test('setValues does not alias the caller arrays', () => {
    const { sheet } = setup();
    const data = [[1, 2]];
    sheet.getRange(1, 1, 1, 2).setValues(data);
    data[0][0] = 99;
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([[1, 2]]);
  });

  test('setValues with too many columns throws the exact Apps Script message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  test('setValues with the wrong number of rows throws the exact Apps Script message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1], [2]])).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('a range needs at least one row: getRange(r, c, 0, n) throws', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
  });

  test('a range beyond the sheet dimensions throws', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getValue()).toBe('');
  });

  // Sheet.getSheetValues (developers.google.com/apps-script/reference/spreadsheet/sheet: "Returns the rectangular grid
  // of values for this range starting at the given coordinates"): one call, the values getRange(…).getValues() gives,
  // and a block the sheet cannot hold is refused as getRange refuses it.
  test('getSheetValues reads a block as getRange(…).getValues() does, in one call, and refuses what getRange refuses', () => {
    const { rt, sheet } = setup();
    const d = new Date('2024-07-11T16:30:00Z');
    sheet.getRange(2, 2, 2, 3).setValues([
      [12, 'Pleiku', d],
      ['', true, 0],
    ]);
    const tracker = rt.state.tracker;
    tracker.reset();
    installCellCounter();
    resetCells(tracker);
    const got = sheet.getSheetValues(1, 1, 4, 4);
    expect(tracker.calls).toEqual({ 'Sheet.getSheetValues': 1 });
    expect(cellCount(tracker).read).toBe(16); // the benchmark's cells, as a getValues of the block counts them
    expect(got).toEqual(sheet.getRange(1, 1, 4, 4).getValues());
    expect(got[1]).toEqual(['', 12, 'Pleiku', d]);
    expect(got[1][3]).not.toBe(d);
    expect(() => sheet.getSheetValues(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getSheetValues(1000, 1, 2, 1)).toThrow('outside the dimensions of the sheet');
    const two = sheet.getSheetValues as unknown as (r: number, c: number) => unknown;
    expect(() => two.call(sheet, 1, 1)).toThrow(
      "The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.getSheetValues.",
    );
  });

  test('a string starting with = becomes a formula that reads as #NAME?', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=HYPERLINK("http://x")');
    expect(sheet.getRange('A1').getFormula()).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });

  test('a constant formula reads as Sheets computes it (=300 is 300); a name it cannot resolve is #NAME?', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([['=300', '=-2.5', '="Pleiku"', '=Huyện Ia Pa']]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()).toEqual([[300, -2.5, 'Pleiku', '#NAME?']]);
    expect(sheet.getRange(1, 1, 1, 4).getFormulas()).toEqual([['=300', '=-2.5', '="Pleiku"', '=Huyện Ia Pa']]);
  });

  test('a leading apostrophe keeps the text literally, without the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 2).setValues([["'=1+2", "'0123"]]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['=1+2', '0123']]);
    expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([['', '']]);
  });

  test('a cell formatted as plain text keeps an = string as text', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setNumberFormat('@').setValue('=x');
    expect(sheet.getRange('B2').getValue()).toBe('=x');
  });

  test('display values follow the Vietnamese locale and the spreadsheet time zone', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 5);
    r.setValues([[1234567, 0.8123, new Date('2024-07-11T16:30:00Z'), '007', 2.5]]);
    r.setNumberFormats([['#,##0', '0.0%', 'dd/MM/yyyy HH:mm', '@', 'General']]);
    expect(r.getDisplayValues()).toEqual([['1.234.567', '81,2%', '11/07/2024 23:30', '007', '2,5']]);
  });

  test('a format of sections (positive;negative;zero) shows each value by its own section, as Sheets does', () => {
    // The report tab's changes: +233, -455, 0 (its negative section writes its own minus; 0 has a section of its own).
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 4);
    r.setValues([[1233, -455, 0, -2.25]]);
    r.setNumberFormats([['+#,##0;-#,##0;0', '+#,##0;-#,##0;0', '+#,##0;-#,##0;0', '+#,##0.0;-#,##0.0;0']]);
    expect(r.getDisplayValues()).toEqual([['+1.233', '-455', '0', '-2,3']]);
  });

  test('getLastRow, getLastColumn and getDataRange follow content only', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('B7').setValue(5);
    sheet.getRange('F20').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  test('merged cells: only the top-left cell keeps its value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Title', 'x', 'y']]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Title', '', '']]);
    expect(
      sheet
        .getRange('B1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1']);
    sheet.getRange('A1:C1').breakApart();
    expect(sheet.getRange('A1:C1').getMergedRanges()).toEqual([]);
  });

  test('mergeAcross merges each row of the range on its own, in one call', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:C2').setValues([
      ['Một', 'x', 'y'],
      ['Hai', 'z', 'w'],
    ]);
    rt.resetCalls();
    sheet.getRange('A1:C2').mergeAcross();
    expect(rt.calls['Range.mergeAcross']).toBe(1);
    expect(rt.calls['Range.merge'] ?? 0).toBe(0);
    expect(
      sheet
        .getRange('A1:C2')
        .getMergedRanges()
        .map((r) => r.getA1Notation())
        .sort(),
    ).toEqual(['A1:C1', 'A2:C2']);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['Một', '', ''],
      ['Hai', '', ''],
    ]);
  });

  test('a RangeList sets bold on every range in one call; setColumnWidths sets several columns at once', () => {
    const { rt, sheet } = setup();
    rt.resetCalls();
    sheet.getRangeList(['A1:B1', 'D3']).setFontWeight('bold');
    expect(rt.calls['RangeList.setFontWeight']).toBe(1);
    expect(sheet.getRange('A1:D3').getFontWeights()).toEqual([
      ['bold', 'bold', 'normal', 'normal'],
      ['normal', 'normal', 'normal', 'normal'],
      ['normal', 'normal', 'normal', 'bold'],
    ]);
    sheet.setColumnWidths(2, 3, 120);
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([100, 120, 120, 120, 100]);
  });

  test('spreadsheet getRange reads a sheet-qualified A1 reference', () => {
    const { ss } = setup();
    ss.getSheetByName('Biểu mẫu 03')!.getRange('B2').setValue(3);
    expect(ss.getRange("'Biểu mẫu 03'!B2").getValue()).toBe(3);
  });

  test('notes, backgrounds, bold and validations are per cell', () => {
    const { rt, sheet } = setup();
    const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const r = sheet.getRange(2, 1, 1, 2);
    r.setNotes([['Sai', null]])
      .setBackgrounds([['#fde2e2', null]])
      .setFontWeights([['bold', null]]);
    expect(r.getNotes()).toEqual([['Sai', '']]);
    expect(r.getBackgrounds()).toEqual([['#fde2e2', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false).setHelpText('0-100').build();
    r.setDataValidation(rule);
    const got = sheet.getRange('B2').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(got.getCriteriaValues()).toEqual([0, 100]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('0-100');
    r.clearDataValidations();
    expect(r.getDataValidations()).toEqual([[null, null]]);
  });

  test('inserting rows shifts content down; deleting removes it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  // How fast the storage reads is the benchmark's to measure (npm run bench), never a time asserted in a test.
  test('a 100,000-row sheet reads back a 25,000 x 21 slice from the middle', () => {
    const ss = new MemSpreadsheet();
    const sheet = ss.sheets[0];
    sheet.maxRows = 100001;
    const row = Array.from({ length: 21 }, (_, j) => (j === 3 ? 'Huyện Đăk Đoa' : j));
    const data = Array.from({ length: 100000 }, () => row);
    sheet.getRange(2, 1, 100000, 21).setValues(data);
    const got = sheet.getRange(50001, 1, 25000, 21).getValues();
    expect(got.length).toBe(25000);
    expect(got[0].length).toBe(21);
    expect(got[0][3]).toBe('Huyện Đăk Đoa');
    expect(got[24999][20]).toBe(20);
  });

  test('a warning-only protection keeps its description; the owner can never be removed from editors', () => {
    const { rt, ss, sheet } = setup();
    const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const p = sheet.getRange('A1:U1').protect().setDescription('Tiêu đề').setWarningOnly(true);
    p.addEditor('x@gialai.example').removeEditors(['x@gialai.example', 'owner@example.com']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    const list = ss.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(list.map((x) => [x.getDescription(), x.isWarningOnly(), x.getRange().getA1Notation()])).toEqual([['Tiêu đề', true, 'A1:U1']]);
    list[0].remove();
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });

  test('charts built on a sheet are stored as inspectable specs', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B5'))
      .setChartType('COLUMN' as unknown as GoogleAppsScript.Charts.ChartType)
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Tỷ lệ cài đặt')
      .build();
    sheet.insertChart(chart);
    const mem = (sheet as unknown as { charts: unknown[] }).charts;
    expect(mem).toEqual([
      {
        id: 1,
        type: 'COLUMN',
        ranges: ["'Biểu mẫu 03'!A1:B5"],
        options: { title: 'Tỷ lệ cài đặt' },
        position: { row: 2, column: 5, offsetX: 0, offsetY: 0 },
      },
    ]);
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe('A1:B5');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });
});
