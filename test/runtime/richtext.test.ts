// Rich text values and Sheet.appendRow in the local runtime, as the Spreadsheet service has them.
// References: developers.google.com/apps-script/reference/spreadsheet/range#setrichtextvaluesvalues,
// range#getrichtextvalue ("null if the cell value is not text"), rich-text-value-builder#setlinkurlstartoffset,-endoffset,-linkurl,
// sheet#appendrowrowcontents ("Appends a row to the bottom of the current data region").
import { createRuntime, MemSpreadsheet } from '../../src/local/runtime';

function setup() {
  const ss = new MemSpreadsheet();
  const rt = createRuntime({ spreadsheet: ss });
  const SpreadsheetApp = rt.globals.SpreadsheetApp as any;
  return { ss, rt, sheet: ss.sheets[0], SpreadsheetApp };
}

describe('rich text values', () => {
  test('setRichTextValues stores the text as text (a leading = is no formula) with its link; one builder serves many values', () => {
    const { sheet, SpreadsheetApp, rt } = setup();
    const b = SpreadsheetApp.newRichTextValue();
    const values = [[b.setText('=SUM(1)').setLinkUrl(null).build(), b.setText('Pleiku').setLinkUrl('#gid=3&range=A2:U5').build()]];
    sheet.getRange(1, 1, 1, 2).setRichTextValues(values);
    expect(sheet.values.get(0, 0)).toBe('=SUM(1)');
    expect(sheet.formulas.get(0, 0)).toBeUndefined();
    expect(sheet.links.get(0, 1)).toBe('#gid=3&range=A2:U5');
    const back = sheet.getRange(1, 1, 1, 2).getRichTextValues() as any[][];
    expect(back[0].map((v) => [v.getText(), v.getLinkUrl()])).toEqual([
      ['=SUM(1)', null],
      ['Pleiku', '#gid=3&range=A2:U5'],
    ]);
    expect(rt.calls['SpreadsheetApp.newRichTextValue']).toBe(1);
  });

  test('a number cell has no rich text value; a plain value written over a link removes it', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange(1, 1).setValue(42);
    expect(sheet.getRange(1, 1).getRichTextValue()).toBeNull();
    sheet.getRange(2, 1).setRichTextValue(SpreadsheetApp.newRichTextValue().setText('x').setLinkUrl('#gid=1').build());
    sheet.getRange(2, 1, 1, 1).setValues([['y']]);
    expect((sheet.getRange(2, 1).getRichTextValue() as any).getLinkUrl()).toBeNull();
  });

  test('the shape must match the range, and a plain string is refused where a RichTextValue is expected', () => {
    const { sheet, SpreadsheetApp } = setup();
    const v = SpreadsheetApp.newRichTextValue().setText('a').build();
    expect(() => sheet.getRange(1, 1, 2, 1).setRichTextValues([[v]])).toThrow(/number of rows/);
    expect(() => sheet.getRange(1, 1).setRichTextValues([['a' as any]])).toThrow(/RichTextValue/);
  });

  test('the local runtime links whole texts only (it refuses rather than fakes a partial link)', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.newRichTextValue().setText('abc').setLinkUrl(0, 1, '#gid=1')).toThrow();
    expect(SpreadsheetApp.newRichTextValue().setText('abc').setLinkUrl(0, 3, '#gid=1').build().getLinkUrl()).toBe('#gid=1');
  });
});

describe('Sheet.appendRow', () => {
  test('writes after the last row with content, as setValue would (a formula-like text with an apostrophe stays text)', () => {
    const { sheet } = setup();
    sheet.getRange(3, 2).setValue('x');
    sheet.appendRow(['a', "'=1+1", 5]);
    expect([sheet.values.get(3, 0), sheet.values.get(3, 1), sheet.formulas.get(3, 1), sheet.values.get(3, 2)]).toEqual([
      'a',
      '=1+1',
      undefined,
      5,
    ]);
  });

  test('grows the sheet when it is full', () => {
    const { sheet } = setup();
    sheet.maxRows = 1;
    sheet.getRange(1, 1).setValue('h');
    sheet.appendRow(['r']);
    expect([sheet.maxRows, sheet.values.get(1, 0)]).toEqual([2, 'r']);
  });
});
