// The report tab is written with the same handful of Spreadsheet calls whatever the number of rows (issue: 100,000).
import { boot } from './boot';
import { makeBenchWorkbook, benchToday } from '../../src/local/demo';
import { formatMonth, month } from '../../src/core/periods';

function reportCalls(units: number, months: number) {
  const { rt, app } = boot(makeBenchWorkbook({ seed: 7, units, months }), { now: benchToday(months), setup: false });
  rt.resetCalls();
  app.createReportTab(formatMonth(month(2024, 6) + months - 1), ['01', '02', '03', '04']);
  return { calls: { ...rt.calls } };
}

describe('report tab at scale', () => {
  test('the same Spreadsheet calls for about 1,000 and about 100,000 data rows', () => {
    const small = reportCalls(200, 5);
    const large = reportCalls(2000, 50);
    const spreadsheetCalls = (c: Record<string, number>) =>
      Object.fromEntries(Object.entries(c).filter(([k]) => /^(Spreadsheet|Sheet|Range|SpreadsheetApp)\./.test(k)));
    expect(spreadsheetCalls(large.calls)).toEqual(spreadsheetCalls(small.calls));
    expect(Object.values(spreadsheetCalls(small.calls)).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
  });
});
