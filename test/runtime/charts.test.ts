// The Charts global: the ChartType enum of @types/google-apps-script, taken by the embedded-chart builder.
import { createRuntime, type MemSheet } from '../../src/local/runtime';

function setup() {
  const rt = createRuntime({ now: new Date('2024-08-20T02:00:00Z') });
  const Charts = rt.globals.Charts as GoogleAppsScript.Charts.Charts;
  const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Báo cáo 07-2024');
  sheet.getRange('A1:B3').setValues([
    ['Đơn vị', 'Tỷ lệ'],
    ['Pleiku', 0.5667],
    ['An Khê', 0.3333],
  ]);
  return { rt, Charts, sheet };
}

describe('Charts', () => {
  test('ChartType has every member of the published enum, each printing as its own name', () => {
    const { Charts } = setup();
    const names = [
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'RADAR',
      'LINE',
      'ORG',
      'PIE',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TIMELINE',
      'TREEMAP',
      'WATERFALL',
    ];
    expect(Object.keys(Charts.ChartType).sort()).toEqual(names.slice().sort());
    for (const n of names) expect(String((Charts.ChartType as unknown as Record<string, unknown>)[n])).toBe(n);
    expect(String(Charts.Position.BOTTOM)).toBe('BOTTOM');
    expect(String(Charts.CurveStyle.SMOOTH)).toBe('SMOOTH');
  });

  test('the enums cannot be changed by a script', () => {
    const { Charts } = setup();
    expect(Object.isFrozen(Charts.ChartType)).toBe(true);
  });

  test('newChart().setChartType(Charts.ChartType.BAR) stores the type on the inserted chart', () => {
    const { rt, Charts, sheet } = setup();
    rt.resetCalls();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 1, 0, 0)
      .setOption('title', 'Tỷ lệ cài đặt')
      .build();
    sheet.insertChart(chart);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(sheet.getRange('A1:B3')).build());
    const mem = (sheet as unknown as MemSheet).charts;
    expect(mem.map((c) => c.type)).toEqual(['BAR', 'LINE']);
    expect(mem[0]).toMatchObject({
      ranges: ["'Báo cáo 07-2024'!A1:B3"],
      options: { title: 'Tỷ lệ cài đặt' },
      position: { row: 5, column: 1 },
    });
    expect(rt.calls['EmbeddedChartBuilder.setChartType']).toBe(2);
    expect(rt.calls['Sheet.insertChart']).toBe(2);
  });

  test('modify() keeps the type unless it is changed', () => {
    const { Charts, sheet } = setup();
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build());
    const [chart] = sheet.getCharts();
    sheet.insertChart(chart.modify().setOption('title', 'x').build());
    expect((sheet as unknown as MemSheet).charts.map((c) => [c.type, c.options.title])).toEqual([['PIE', 'x']]);
    sheet.insertChart(sheet.getCharts()[0].modify().setChartType(Charts.ChartType.COLUMN).build());
    expect((sheet as unknown as MemSheet).charts.map((c) => c.type)).toEqual(['COLUMN']);
  });

  test('fault injection reaches the chart builder', () => {
    const { rt, Charts, sheet } = setup();
    rt.failOn('EmbeddedChartBuilder.setChartType', 1, 'Service error: Spreadsheets');
    expect(() => sheet.newChart().setChartType(Charts.ChartType.BAR)).toThrow('Service error: Spreadsheets');
  });
});
