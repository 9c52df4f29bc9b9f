// Issue 14 item 5 with the life of a period: a daily run with nothing new writes nothing (no status tab, no closed
// figures, no memo), and the status tab it leaves is always what the workbook says, whatever happened in between:
// the clock, an edit, a change made without a trigger (an API write), setup, a deleted tab.
import { boot } from './boot';
import { example1 } from '../fixtures/example1';
import { formById } from '../../src/core/forms/schema';
import { dayOf, fromLocal } from '../../src/core/periods';
import { validateWorkbook } from '../../src/core/validate';
import { statusCells, statusHeader, statusTab } from '../../src/core/status';
import { PERIOD_TAB } from '../../src/core/text/period';
import { bookFromSpreadsheet } from '../../src/local/workbook';
import type { Runtime, Sandbox } from '../../src/local/runtime';

const TAB03 = 'Biểu mẫu 03';
const form = formById('03');
const col = (key: string) => form.columns.findIndex((c) => c.key === key) + 1;
const at = (day: number, hour = 8) => fromLocal(2024, 8, day, hour, 0);

/** The status tab's texts as they stand (uncounted). */
function shown(rt: Runtime): string[][] {
  const s = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
  const out: string[][] = [];
  for (let r = 0; r < s.values.rows.length; r++) {
    const line: string[] = [];
    for (let c = 0; c < s.maxColumns; c++) line.push(String(s.values.get(r, c) ?? ''));
    while (line.length && line[line.length - 1] === '') line.pop();
    if (line.length) out.push(line);
  }
  return out;
}

/** What the core says the tab must show now, from the workbook as it stands. */
function expected(rt: Runtime): string[][] {
  const v = validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now());
  const tab = statusTab(v, dayOf(rt.now()), {});
  return [statusHeader(tab), ...tab.rows.map((r) => statusCells(r).texts)].map((line) => {
    const x = line.slice();
    while (x.length && x[x.length - 1] === '') x.pop();
    return x;
  });
}

function daily(rt: Runtime, app: Sandbox, day: number): void {
  rt.setNow(at(day));
  rt.resetCalls();
  app.dailyTick();
}

const statusWritten = (rt: Runtime) => (rt.calls['Range.setRichTextValues'] ?? 0) > 0;
const propertyWrites = (rt: Runtime) => (rt.calls['Properties.setProperty'] ?? 0) + (rt.calls['Properties.setProperties'] ?? 0);

describe('the daily run does only what changed (status tab, close, memo)', () => {
  test('the day after a daily run, nothing new: no status tab, closed figures or memo written, the tab still true', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    daily(rt, app, 20);
    expect(statusWritten(rt)).toBe(false);
    expect(rt.calls['Sheet.setConditionalFormatRules'] ?? 0).toBe(0);
    expect(propertyWrites(rt)).toBe(0);
    expect(rt.calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    expect(shown(rt)).toEqual(expected(rt));
  });

  test('day by day, with edits, API writes, setup and a deleted tab in between: the tab is rewritten exactly when it must be', () => {
    const { rt, app } = boot(example1(), { now: at(1) });
    const api = (row: number, key: string, value: unknown) => rt.spreadsheet.sheet(TAB03)!.getRange(row, col(key)).setValue(value);
    const written: number[] = [];
    const quiet: number[] = [];
    let before = expected(rt);
    for (let day = 1; day <= 20; day++) {
      rt.setNow(at(day, 7));
      const event = [4, 6, 10, 11, 16, 18, 19].includes(day);
      if (day === 4) rt.edit(app, TAB03, 6, col('staff_installed'), [[100]]); // an edit: its row rewritten at once
      if (day === 6) api(6, 'staff_installed', ''); // no trigger: only the daily run can see it
      if (day === 11) app.menuSetup();
      if (day === 16) rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet(PERIOD_TAB.status) as never);
      if (day === 18) rt.spreadsheet.sheet(PERIOD_TAB.status)!.deleteRows(5, 1); // an admin deletes a unit's row
      if (day === 19) {
        // An admin sorts the tab by hand: two units' rows swap, the row count stays (no trigger fires).
        const s = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
        const width = s.getLastColumn();
        const [a, b] = [s.getRange(3, 1, 1, width).getValues(), s.getRange(4, 1, 1, width).getValues()];
        s.getRange(3, 1, 1, width).setValues(b);
        s.getRange(4, 1, 1, width).setValues(a);
        expect(shown(rt)).not.toEqual(expected(rt));
      }
      rt.setNow(at(day));
      const now = expected(rt);
      if (!event && JSON.stringify(now) === JSON.stringify(before)) quiet.push(day);
      daily(rt, app, day);
      if (statusWritten(rt)) written.push(day);
      expect([day, shown(rt)]).toEqual([day, expected(rt)]);
      if (day === 9) {
        // Within the hours after the run (the shape still cached): the edit rewrites the row alone, then an API write
        // puts the cell back as it was, without a trigger. The tab now shows the edit's statuses, the sheet the run's.
        const run = expected(rt);
        rt.setNow(at(9, 10));
        rt.edit(app, TAB03, 6, col('staff_installed'), [[120]]);
        expect(rt.calls['Sheet.setConditionalFormatRules'] ?? 0).toBe(0); // not rebuilt
        expect(shown(rt)).not.toEqual(run);
        api(6, 'staff_installed', '');
      }
      before = expected(rt);
    }
    // Rewritten after a change made without a trigger (6), after an edit undone by one (10: the edits' stamps are in
    // what the run compares), when deleted (16), when a row of it was deleted by hand (18) or its rows sorted (19)...
    for (const d of [6, 10, 16, 18, 19]) expect(written).toContain(d);
    // ...and never on a day with nothing new (setup on the 11th rebuilt it and kept the memo true).
    expect(quiet.length).toBeGreaterThan(5);
    expect(written.filter((d) => quiet.includes(d) || d === 11)).toEqual([]);
  });

  test('the close job does nothing when no period became due since its last run', () => {
    const { rt, app } = boot(example1(), { now: at(14) });
    daily(rt, app, 14);
    expect((rt.calls['Range.setValues'] ?? 0) > 0).toBe(true); // the 14th closes 07/2024
    daily(rt, app, 15);
    const closed = rt.spreadsheet.sheet(PERIOD_TAB.closed)!;
    const rows = closed.values.rows.length;
    daily(rt, app, 16);
    expect(closed.values.rows.length).toBe(rows);
    expect(rt.calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    expect(propertyWrites(rt)).toBe(0);
  });
});
