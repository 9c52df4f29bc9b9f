// The `Dữ liệu i-Speed` tab through the BUILT bundle: checked and annotated, in the report tab with a combo chart, in the sidebar.
import { boot } from './boot';
import { WARNING_BACKGROUND } from '../../src/core/marks';
import { MEASURED_TEXT } from '../../src/core/text/measured';
import type { MemSheet } from '../../src/local/runtime';
import { EXPECTED_JULY, NOW, TITLED_MERGES, measuredBook, titledTable } from '../fixtures/measured';

const TAB = 'Dữ liệu i-Speed';

function booted(setup = false) {
  const b = boot(measuredBook(titledTable()), { now: NOW, setup });
  // The pasted table keeps VNNIC's merges (value in the first cell, blanks after), as Sheets holds them.
  (b.rt.spreadsheet.sheet(TAB) as unknown as MemSheet).merges.push(...TITLED_MERGES);
  return b;
}

describe('the Dữ liệu i-Speed tab in Apps Script', () => {
  test('the full check puts a warning note on the locality nobody has and leaves the clean rows and the title alone', () => {
    const { rt, app } = booted();
    app.menuCheckAll();
    const sheet = rt.spreadsheet.sheet(TAB)!;
    expect(sheet.notes.get(8, 2)).toContain('Xã Không Có');
    expect(sheet.backgrounds.get(8, 2)).toBe(WARNING_BACKGROUND);
    expect(sheet.notes.get(5, 2) ?? '').toBe('');
    // Only the notes and colours of the columns read: no value of the pasted table changes.
    expect(sheet.getDataRange().getValues()).toEqual(titledTable());
    expect(rt.ui.alerts.at(-1)?.prompt ?? '').toContain(`${TAB}: 0 lỗi, 1 cảnh báo`);
  });

  test('pasting a fix into the tab checks it again on the edit trigger: the note goes', () => {
    // Setup installs the edit trigger.
    const { rt, app } = booted(true);
    app.menuCheckAll();
    expect(rt.spreadsheet.sheet(TAB)!.notes.get(8, 2)).toContain('Xã Không Có');
    rt.edit(app, TAB, 9, 3, [['Xã Kông Chro']]);
    const sheet = rt.spreadsheet.sheet(TAB)!;
    expect(sheet.notes.get(8, 2) ?? '').toBe('');
    expect(sheet.backgrounds.get(8, 2) ?? null).toBeNull();
  });

  test('the report tab lists each unit measured figure and draws a combo chart: columns for the samples, a line for the target', () => {
    const { rt, app } = booted();
    app.createReportTab('07/2024', ['03']);
    const tab = rt.spreadsheet.sheet('Báo cáo 07-2024')! as unknown as MemSheet;
    const values = tab.getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === MEASURED_TEXT.headers[0] && r[2] === MEASURED_TEXT.headers[2]);
    const shown: Record<string, unknown> = {};
    for (const r of values.slice(header + 1, header + 5)) if (r[7] !== MEASURED_TEXT.notListed) shown[String(r[0])] = r[2];
    expect(shown).toEqual(EXPECTED_JULY.units);
    // Google's EmbeddedChartBuilder: setChartType(Charts.ChartType.COMBO), then the Google Charts ComboChart options
    // `seriesType` (the default mark) and `series` (per-series overrides: {1: {type: 'line'}}) through setOption;
    // https://developers.google.com/apps-script/reference/spreadsheet/embedded-combo-chart-builder and
    // https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object).
    const combo = tab.charts.filter((c) => c.type === 'COMBO');
    expect(combo).toHaveLength(1);
    expect(combo[0].options).toMatchObject({
      title: MEASURED_TEXT.chartTitle(300),
      seriesType: 'bars',
      series: { 1: { type: 'line' } },
      legend: { position: 'bottom' },
    });
    expect(combo[0].ranges).toEqual([`'Báo cáo 07-2024'!B${header + 1}:D${header + 5}`]);
    expect(tab.charts.map((c) => c.type)).toEqual(['BAR', 'LINE', 'COMBO']);
  });

  test('the sidebar says in one line how many units reach the target and how many localities matched nobody', () => {
    const { app } = booted();
    const s = app.sidebarReport('07/2024', ['03']);
    expect(s.forms[0].measured).toBe(MEASURED_TEXT.sidebar(2, 4, 300, 1));
    expect(app.sidebarReport('06/2024', ['03']).forms[0].measured).toBeNull();
  });
});
