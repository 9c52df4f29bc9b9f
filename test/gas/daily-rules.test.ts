// Issue 14, item 5: the daily run re-applies drop-downs, number rules and formats only when what they are made of
// changed since the last application (a fingerprint in document properties); setup always applies them.
import { boot } from './boot';
import { example1 } from '../fixtures/example1';
import { DIRECTORY_COLUMNS, TAB } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import { rangeChoices, type MemRange, type Runtime } from '../../src/local/runtime';

const RULE_CALLS = /^(Range\.(setDataValidation|setNumberFormat)|SpreadsheetApp\.newDataValidation|Range\.protect)$/;
const ruleCalls = (rt: Runtime) =>
  Object.entries(rt.calls)
    .filter(([k]) => RULE_CALLS.test(k))
    .reduce((n, [, v]) => n + v, 0);

describe('daily run: rules only when their inputs changed', () => {
  test('the day after setup, with nothing changed, the daily run applies no drop-down, rule or format', () => {
    const { rt, app } = boot(example1());
    rt.tick(app, fromLocal(2024, 8, 21, 8, 30));
    expect(rt.calls['Range.getValues']).toBeGreaterThan(0); // it did run the full check
    expect(ruleCalls(rt)).toBe(0);
    expect(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 1)!.criteria).toBe('VALUE_IN_RANGE'); // setup's rules stay
  });

  test('setup applies them again even when nothing changed', () => {
    const { rt, app } = boot(example1());
    app.menuSetup();
    expect(rt.calls['Range.setDataValidation']).toBeGreaterThan(0);
  });

  test("a unit added to the directory puts the new name in the next daily run's drop-down", () => {
    const { rt, app } = boot(example1());
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    const row = dir.getDataRange().getValues().length + 1;
    const byKey: Record<string, string | number> = { code: 'X-99999', name: 'Xã Ia Mới', form: '03', active: 'Có', communes: 10 };
    // Written as an API edit (no trigger): only the daily run can notice it.
    dir.getRange(row, 1, 1, DIRECTORY_COLUMNS.length).setValues([DIRECTORY_COLUMNS.map((c) => byKey[c.key] ?? '')]);
    rt.resetCalls();
    rt.tick(app, fromLocal(2024, 8, 21, 8, 30));
    expect(ruleCalls(rt)).toBeGreaterThan(0);
    expect(rangeChoices(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 1)!.args[0] as MemRange)).toContain('Xã Ia Mới');
    rt.resetCalls();
    rt.tick(app, fromLocal(2024, 8, 22, 8, 30));
    expect(ruleCalls(rt)).toBe(0);
  });

  test('a new month re-applies them (the period drop-down gains the month)', () => {
    const { rt, app } = boot(example1());
    rt.tick(app, fromLocal(2024, 9, 2, 8, 30));
    expect(ruleCalls(rt)).toBeGreaterThan(0);
  });

  test("the directory's notes follow changes made without a trigger: put at the next daily run, cleared when fixed", () => {
    const { rt, app } = boot(example1());
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    const emailCol = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'email');
    rt.tick(app, fromLocal(2024, 8, 21, 8, 30));
    const good = dir.values.get(1, emailCol);
    dir.getRange(2, emailCol + 1).setValue('không-phải-email'); // an API write: no edit trigger
    rt.tick(app, fromLocal(2024, 8, 22, 8, 30));
    expect(dir.notes.get(1, emailCol)).toBeTruthy();
    dir.getRange(2, emailCol + 1).setValue(good);
    rt.tick(app, fromLocal(2024, 8, 23, 8, 30));
    expect(dir.notes.get(1, emailCol) ?? '').toBe('');
  });

  test("marks written by the menu check between two daily runs are not trusted to the daily run's memory", () => {
    const { rt, app } = boot(example1());
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    const emailCol = DIRECTORY_COLUMNS.findIndex((c) => c.key === 'email');
    rt.tick(app, fromLocal(2024, 8, 21, 8, 30));
    const good = dir.values.get(1, emailCol);
    dir.getRange(2, emailCol + 1).setValue('không-phải-email');
    app.menuCheckAll(); // writes the note and remembers it
    expect(dir.notes.get(1, emailCol)).toBeTruthy();
    dir.getRange(2, emailCol + 1).setValue(good); // back as the last daily run saw it, without a trigger
    rt.tick(app, fromLocal(2024, 8, 22, 8, 30));
    expect(dir.notes.get(1, emailCol) ?? '').toBe('');
  });

  test('nothing changed: the daily run writes no note or colour on the directory, settings and definition tabs', () => {
    const { rt, app } = boot(example1());
    rt.tick(app, fromLocal(2024, 8, 21, 8, 30));
    rt.resetCalls();
    rt.tick(app, fromLocal(2024, 8, 22, 8, 30));
    // Only the form tabs are written (an edit may have left marks on them the memory cannot know).
    const formTabs = rt.spreadsheet.sheets.filter((s) => s.name.startsWith('Biểu mẫu') && s.getDataRange().getValues().length > 1).length;
    expect(rt.calls['Range.setNotes']).toBe(formTabs);
  });
});
