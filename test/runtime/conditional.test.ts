// Conditional format rules and Spreadsheet.getRange(a1 with the sheet's name) in the local runtime, as the Spreadsheet
// service has them. References: developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
// (newConditionalFormatRule().whenNumberBetween(1, 10).setBackground('#FF0000').setRanges([range]).build(), then
// sheet.getConditionalFormatRules() / rules.push(rule) / sheet.setConditionalFormatRules(rules)),
// conditional-format-rule (copy, getBooleanCondition, getRanges), sheet#setconditionalformatrulesrules ("Replaces all
// currently existing conditional format rules in the sheet with the input rules. Rules are evaluated in their input
// order"), spreadsheet#getrangea1notation ("Returns the range as specified in A1 notation", e.g. 'Sheet1!A1:B2').
// Range.getBackground gives the cell's own fill, never the rule's: only what the sheet shows (the preview) applies rules.
import { createRuntime, MemSpreadsheet, shownBackground } from '../../src/local/runtime';

function setup() {
  const ss = new MemSpreadsheet({ firstSheet: 'Tình hình báo cáo' });
  const rt = createRuntime({ spreadsheet: ss });
  const SpreadsheetApp = rt.globals.SpreadsheetApp as any;
  return { ss, rt, sheet: ss.sheets[0], SpreadsheetApp };
}

describe('conditional format rules', () => {
  test('a "text is exactly" rule colours the cells of its ranges that show that text, first rule first', () => {
    const { sheet, SpreadsheetApp, rt } = setup();
    sheet.getRange(1, 1, 2, 3).setValues([
      ['Đúng hạn', 'Trễ hạn', 'x'],
      ['đúng hạn', 'Đúng hạn nhé', 'Đúng hạn'],
    ]);
    sheet.getRange(2, 1).setBackground('#0000ff');
    const range = sheet.getRange(1, 1, 2, 2);
    const green = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Đúng hạn').setBackground('#D9EAD3').setRanges([range]).build();
    const orange = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Trễ hạn').setBackground('#fce5cd').setRanges([range]).build();
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toEqual([]);
    rules.push(green, orange);
    sheet.setConditionalFormatRules(rules);
    expect(shownBackground(sheet, 0, 0)).toBe('#d9ead3');
    expect(shownBackground(sheet, 0, 1)).toBe('#fce5cd');
    expect(shownBackground(sheet, 1, 0)).toBe('#d9ead3'); // the whole text, case aside: over the cell's own fill
    expect(shownBackground(sheet, 1, 1)).toBeUndefined(); // not the whole text
    expect(shownBackground(sheet, 1, 2)).toBeUndefined(); // outside the rule's ranges
    expect(sheet.getRange(2, 1).getBackground()).toBe('#0000ff'); // the cell's own fill, as Range.getBackground gives it
    expect(rt.calls['SpreadsheetApp.newConditionalFormatRule']).toBe(2);
    expect(rt.calls['ConditionalFormatRuleBuilder.build']).toBe(2);
    expect(rt.calls['Sheet.setConditionalFormatRules']).toBe(1);
    const back = sheet.getConditionalFormatRules() as any[];
    expect(back.map((r) => [r.getBooleanCondition().getCriteriaType(), r.getBooleanCondition().getCriteriaValues()])).toEqual([
      ['TEXT_EQUAL_TO', ['Đúng hạn']],
      ['TEXT_EQUAL_TO', ['Trễ hạn']],
    ]);
    expect(back[0].getRanges().map((r: any) => r.getA1Notation())).toEqual(['A1:B2']);
  });

  test('setConditionalFormatRules replaces every rule; copy() keeps the settings; a rule without a condition is refused', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange(1, 1).setValue('Có lỗi');
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Có lỗi')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A1:A5')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const again = rule.copy().setBackground('#000000').build();
    sheet.setConditionalFormatRules([again]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    expect(shownBackground(sheet, 0, 0)).toBe('#000000');
    sheet.setConditionalFormatRules([]);
    expect(shownBackground(sheet, 0, 0)).toBeUndefined();
    expect(() => SpreadsheetApp.newConditionalFormatRule().setBackground('#f4cccc').build()).toThrow();
  });

  test('rule ranges follow rows inserted inside them and deleted under them', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('a')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('B2:C4')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsAfter(2, 2); // inside: B2:C6
    expect((sheet.getConditionalFormatRules()[0] as any).getRanges()[0].getA1Notation()).toBe('B2:C6');
    sheet.deleteRows(1, 1); // above: B1:C5
    expect((sheet.getConditionalFormatRules()[0] as any).getRanges()[0].getA1Notation()).toBe('B1:C5');
    sheet.deleteRows(1, 5); // all of it: the rule goes
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  test("Spreadsheet.getRange with the sheet's quoted name is one call; a missing sheet throws", () => {
    const { ss, rt, sheet } = setup();
    const r = ss.getRange("'Tình hình báo cáo'!D5:F5");
    expect([r.getA1Notation(), r.getSheet().getName()]).toEqual(['D5:F5', sheet.name]);
    expect(rt.calls['Spreadsheet.getRange']).toBe(1);
    expect(rt.calls['Spreadsheet.getSheetByName'] ?? 0).toBe(0);
    expect(() => ss.getRange("'Không có'!A1")).toThrow('Range not found');
  });
});
