// FORMS.md's tab-name rule: `Biểu mẫu 03 ` and `biểu MẪU 03` are `Biểu mẫu 03`, in Apps Script and on the command line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot, cells } from './gas/boot';
import { example1, EXAMPLE1_NOW } from './fixtures/example1';
import { run } from './cli/run';
import { formById } from '../src/core/forms/schema';
import { validateWorkbook } from '../src/core/validate';
import { spreadsheetFromBook } from '../src/local/workbook';
import { writeSpreadsheet } from '../src/local/cli/files';
import type { Workbook } from '../src/core/types';

const col = (key: string) => formById('03').columns.findIndex((c) => c.key === key) + 1;

/** The worked example with its form tab renamed as a user might. */
function renamed(name: string): Workbook {
  const { 'Biểu mẫu 03': tab, ...rest } = example1();
  return { ...rest, [name]: tab };
}

describe.each(['Biểu mẫu 03 ', 'biểu MẪU 03', 'Biểu  mẫu 03'])('a form tab named %j', (name) => {
  test('is validated and reported as Biểu mẫu 03 by the core', () => {
    const original = validateWorkbook(example1(), EXAMPLE1_NOW);
    const v = validateWorkbook(renamed(name), EXAMPLE1_NOW);
    expect(v.summary).toEqual(original.summary);
    expect(v.rows.length).toBeGreaterThan(0);
  });

  test('in Apps Script: setup adds no second tab, an edit is checked, the report counts its rows', () => {
    const { rt, app } = boot(renamed(name), { now: EXAMPLE1_NOW });
    const names = rt.spreadsheet.sheets.map((s) => s.name);
    expect(names.filter((n) => n.toLowerCase().includes('biểu mẫu 03') || n.toLowerCase().includes('biểu  mẫu 03'))).toEqual([name]);
    rt.edit(app, name, 5, col('staff_installed'), [['abc']]);
    expect(rt.spreadsheet.sheet(name)!.notes.get(4, col('staff_installed') - 1)).toMatch(/phải là một số/);
    const summary = app.sidebarReport('07/2024', ['03']);
    expect(summary.forms[0].reported).toBeGreaterThan(0);
    expect(cells(rt, name).length).toBeGreaterThan(1);
  });

  test('on the command line: validate finds the same problems as for the exact name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ispeed-tabs-'));
    const exact = join(dir, 'exact.xlsx'),
      other = join(dir, 'renamed.xlsx');
    await writeSpreadsheet(spreadsheetFromBook(example1()), exact);
    await writeSpreadsheet(spreadsheetFromBook(renamed(name)), other);
    const a = await run(['validate', exact, '--json', '--today', '2024-08-20']);
    const b = await run(['validate', other, '--json', '--today', '2024-08-20']);
    expect(b.code).toBe(a.code);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
  });
});
