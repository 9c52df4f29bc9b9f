// The Charts global: the enums of @types/google-apps-script (read from its declarations), taken by the embedded-chart
// builder.
import { readFileSync } from 'node:fs';
import { createRuntime, type MemSheet } from '../../src/local/runtime';

/** The members of `enum <name> { ... }` in @types/google-apps-script's Charts declarations. */
function publishedEnum(name: string): string[] {
  const dts = readFileSync(require.resolve('@types/google-apps-script/google-apps-script.charts.d.ts'), 'utf8');
  const body = new RegExp(`\\benum ${name} \\{([^}]*)\\}`).exec(dts);
  if (!body) throw new Error(`enum ${name} is not in google-apps-script.charts.d.ts`);
  return body[1]
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
}

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
  test('each enum has exactly the members @types/google-apps-script publishes, each printing as its own name', () => {
    const { Charts } = setup();
    const globals = Charts as unknown as Record<string, Record<string, unknown>>;
    const provided = [
      'ChartType',
      'ChartHiddenDimensionStrategy',
      'ChartMergeStrategy',
      'ColumnType',
      'CurveStyle',
      'PointStyle',
      'Position',
    ];
    for (const name of provided) {
      const members = publishedEnum(name);
      expect(members.length).toBeGreaterThan(1);
      expect(Object.keys(globals[name]).sort()).toEqual(members.slice().sort());
      for (const m of members) expect(String(globals[name][m])).toBe(m);
    }
    expect(publishedEnum('ChartType')).toContain('BAR');
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
