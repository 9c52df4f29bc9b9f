// One report, three faces: `ispeed report --json` on the demo file, the sidebar, and the report tab agree.
import { join } from 'node:path';
import { boot } from './boot';
import { run, artifactDir } from '../cli/run';
import { readWorkbookValues, readXlsx } from '../../src/local/xlsx';
import { bookFromSpreadsheet } from '../../src/local/workbook';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport, type ReportJson } from '../../src/core/report/model';
import { reportSheet } from '../../src/core/report/sheet';
import { fromLocal, month } from '../../src/core/periods';
import { FORMS } from '../../src/core/forms/schema';

const TODAY = fromLocal(2024, 8, 20, 12);

describe('the report on the demo workbook', () => {
  const dir = artifactDir('report-consistency');
  const file = join(dir, 'demo.xlsx');

  test('the CLI, the sidebar and the report tab give the same figures', async () => {
    expect((await run(['demo', file])).code).toBe(0);
    const cli = JSON.parse((await run(['report', file, '--period', '07/2024', '--today', '2024-08-20', '--json'])).stdout) as ReportJson;

    const { rt, app } = boot(bookFromSpreadsheet(await readXlsx(file)), { now: TODAY });
    const sidebar = app.sidebarReport('07/2024', ['01', '02', '03', '04']);
    expect(sidebar.forms.map((f) => [f.form, f.expected, f.reported, f.onTime, f.late, f.installRate])).toEqual(
      cli.forms.map((f) => [f.form, f.expected, f.reported, f.onTime, f.late, f.installRate]),
    );
    for (let i = 0; i < cli.forms.length; i++) {
      expect(sidebar.forms[i].indicators.map((x) => [x.key, x.period, x.cumulative])).toEqual(
        cli.forms[i].indicators.map((x) => [x.key, x.period, x.cumulative]),
      );
    }
    expect(cli.forms.find((f) => f.form === '03')!.reported).toBeGreaterThan(5);

    // The report tab holds exactly the layout of the CLI's report (but the generation time).
    app.createReportTab('07/2024', ['01', '02', '03', '04']);
    const tab = rt.spreadsheet.sheet('Báo cáo 07-2024')!;
    const values = await readWorkbookValues(file);
    const layout = reportSheet(
      buildReport(validateWorkbook(values, TODAY), month(2024, 7), [...FORMS.map((f) => f.id)], '2024-08-20'),
      validateWorkbook(values, TODAY).settings,
      TODAY,
    );
    const shown = tab.getDataRange().getDisplayValues();
    const numbers = (grid: unknown[][]) => grid.map((row) => row.filter((v) => typeof v === 'number'));
    expect(numbers(tab.getDataRange().getValues())).toEqual(numbers(layout.values));
    expect(shown.length).toBe(layout.values.length);
    // The demo has VNNIC's samples too: their combo chart against the target.
    expect(tab.charts.map((c) => c.type).sort()).toEqual(['BAR', 'COMBO', 'LINE']);
  });
});
