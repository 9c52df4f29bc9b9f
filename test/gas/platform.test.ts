// The product on the platform as Google runs it (issue 10 items 1, 3, 4, 6), through the BUILT bundle: long drop-down
// lists, protections that really protect, triggers owned by one account, and contexts without a UI or a container.
// The runtime limits these tests meet are cited in test/runtime/fidelity.test.ts.
import { boot, cells } from './boot';
import { example1 } from '../fixtures/example1';
import { FORMS, TAB, formById } from '../../src/core/forms/schema';
import { CHOICE_LISTS, MENU, TRIGGERS } from '../../src/core/text';
import { createRuntime, loadBundle, type MemRange, type Runtime, type Sandbox } from '../../src/local/runtime';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { cellCount, installCellCounter, resetCells } from '../../src/local/runtime/cells';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { setupWorkbook } from '../../src/local/setup';
import { readXlsx, writeXlsx } from '../../src/local/xlsx';
import { rangeChoices } from '../../src/local/runtime';
import { Session } from '../../src/local/preview/session';
import { fromLocal } from '../../src/core/periods';
import type { Workbook } from '../../src/core/types';

const OWNER = 'owner@example.com';
const ADMIN = 'sotttt@gialai.example';
const ADMIN2 = 'admin2@gialai.example';
const UNIT = 'pleiku@gialai.example';
const ADMIN_TABS = [TAB.directory, TAB.settings, TAB.log, CHOICE_LISTS.tab];

/** example1 with `n` more active form-03 units, and the admin emails given (none: the row is left out). */
function book(opts: { extraUnits?: number; admins?: string } = {}): Workbook {
  const b = example1();
  for (let i = 1; i <= (opts.extraUnits ?? 0); i++)
    b[TAB.directory].push([`X-${i}`, `Xã Thử ${i}`, '03', `x${i}@gialai.example`, '', '', 20, '', '', '', 'Có']);
  b[TAB.settings] = [['Tham số', 'Giá trị'], ...(opts.admins === undefined ? [] : [['Email quản trị', opts.admins]])];
  return b;
}

/** A runtime over a workbook, the bundle loaded, nothing run yet. */
function fresh(b: Workbook, opts: { containerBound?: boolean } = {}): { rt: Runtime; app: Sandbox } {
  const rt = createRuntime({ spreadsheet: spreadsheetFromBook(b), now: fromLocal(2024, 8, 20, 9, 0), containerBound: opts.containerBound });
  return { rt, app: loadBundle(rt) };
}

const rangeOf = (rule: { args: unknown[] }) => rule.args[0] as MemRange;
const valuesOf = (r: MemRange) => r.getValues().map((row) => row[0]);

describe('drop-downs list from a hidden tab, for any number of units', () => {
  test('a form with 604 active units sets up without error; its unit drop-down is a range rule over exactly those names', () => {
    const { rt } = boot(book({ extraUnits: 600, admins: ADMIN }));
    const form = rt.spreadsheet.sheet('Biểu mẫu 03')!;
    const rule = form.validations.get(1, 1)!;
    expect(rule.criteria).toBe('VALUE_IN_RANGE');
    expect(rule.allowInvalid).toBe(true);
    expect(rule.helpText).toBe(formById('03').columns.find((c) => c.type === 'unit')!.help);
    expect(form.validations.get(999, 1)).toBe(rule);
    const range = rangeOf(rule);
    expect(range.sheet.name).toBe(CHOICE_LISTS.tab);
    expect(valuesOf(range)).toEqual([
      'Thành phố Pleiku',
      'Thị xã An Khê',
      'Huyện Đăk Đoa',
      'Huyện Kông Chro',
      ...Array.from({ length: 600 }, (_, i) => `Xã Thử ${i + 1}`),
    ]);
    expect(range.sheet.hidden).toBe(true);
  });

  test('the period drop-down is a range rule too (one column of periods); a form without units gets no unit list', () => {
    const { rt } = boot(book({ admins: ADMIN }));
    const periods = rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 2)!;
    expect(periods.criteria).toBe('VALUE_IN_RANGE');
    expect(valuesOf(rangeOf(periods))).toEqual(['08/2024', '07/2024', '06/2024']);
    expect(rt.spreadsheet.sheet('Biểu mẫu 04')!.validations.get(1, 1)).toBeUndefined();
    expect(rangeOf(rt.spreadsheet.sheet('Biểu mẫu 04')!.validations.get(1, 2)!)).toEqual(rangeOf(periods));
    const lists = cells(rt, CHOICE_LISTS.tab);
    expect(lists[0]).toEqual([
      ...FORMS.map((f) => CHOICE_LISTS.unitsHeader(f.tab)),
      CHOICE_LISTS.periodsHeader,
      ...new Array(lists[0].length - FORMS.length - 1).fill(''),
    ]);
  });

  test('the list tab is written in one setValues, and the daily run keeps it current (a unit switched off leaves the list)', () => {
    const b = book({ extraUnits: 600, admins: ADMIN });
    const { rt, app } = boot(b);
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    dir.getRange(dir.getLastRow(), 11).setValue('Không'); // the last unit, Xã Thử 600, is no longer active
    installCellCounter();
    resetCells(rt.state.tracker);
    rt.tick(app, fromLocal(2024, 9, 1, 8, 30));
    expect(cellCount(rt.state.tracker).bySheet[CHOICE_LISTS.tab]).toMatchObject({ reads: 0, writes: 1 });
    const units = valuesOf(rangeOf(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 1)!));
    expect(units).toHaveLength(603);
    expect(units).not.toContain('Xã Thử 600');
    expect(cells(rt, CHOICE_LISTS.tab).map((r) => r[0])).not.toContain('Xã Thử 600'); // the stale cell is blanked
    expect(valuesOf(rangeOf(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 2)!))[0]).toBe('09/2024');
  });

  test('a second setup changes nothing on the list tab', () => {
    const { rt, app } = boot(book({ extraUnits: 600, admins: ADMIN }));
    const snapshot = () =>
      JSON.stringify([cells(rt, CHOICE_LISTS.tab), rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 1)], (k, v) =>
        k === 'tracker' ? undefined : v,
      );
    const before = snapshot();
    app.menuSetup();
    expect(snapshot()).toBe(before);
  });
});

describe('`ispeed setup` with 600 units writes an .xlsx that opens with its drop-downs', () => {
  test('the unit list is an Excel list over the hidden tab, by its quoted name, and reads back as a range rule', async () => {
    const units = [
      example1()[TAB.directory][0],
      ...Array.from({ length: 600 }, (_, i) => [`X-${i}`, `Xã Thử ${i + 1}`, '03', `x${i}@gialai.example`, '', '', 20, '', '', '', 'Có']),
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'lists-')), 'blank.xlsx');
    await writeXlsx(setupWorkbook(units, fromLocal(2024, 8, 20, 9, 0)), path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet(CHOICE_LISTS.tab)!.state).toBe('hidden');
    const dv = wb.getWorksheet('Biểu mẫu 03')!.getCell('B2').dataValidation;
    expect(dv).toMatchObject({ type: 'list', formulae: [`'${CHOICE_LISTS.tab}'!$C$2:$C$601`], errorStyle: 'warning' });
    const back = await readXlsx(path);
    const rule = back.sheet('Biểu mẫu 03')!.validations.get(500, 1)!;
    expect(rule.criteria).toBe('VALUE_IN_RANGE');
    expect(rangeChoices(rule.args[0] as MemRange)).toEqual(Array.from({ length: 600 }, (_, i) => `Xã Thử ${i + 1}`));
    expect(back.sheet(CHOICE_LISTS.tab)!.hidden).toBe(true);
  });
});

describe('the local preview', () => {
  test('keeps the hidden list tab out of its tab bar, as Sheets does, while the drop-downs use it', async () => {
    const s = await Session.open({
      out: join(mkdtempSync(join(tmpdir(), 'preview-')), 'demo.preview.xlsx'),
      now: fromLocal(2024, 8, 20, 9),
    });
    const st = s.state();
    expect(st.sheets).not.toContain(CHOICE_LISTS.tab);
    expect(st.sheets).toContain('Biểu mẫu 03');
    expect(st.active).not.toBe(CHOICE_LISTS.tab);
    expect(rangeOf(s.ss.sheet('Biểu mẫu 03')!.validations.get(1, 1)!).sheet.name).toBe(CHOICE_LISTS.tab);
  }, 30000);
});

describe('protections that really protect', () => {
  test('no admin emails: only the user who ran setup may edit the directory, settings, log and list tabs', () => {
    const { rt, app } = fresh(book());
    app.menuSetup();
    rt.share(UNIT, ADMIN); // shared after setup, as README step 5 says
    for (const tab of ADMIN_TABS) {
      const sheet = rt.spreadsheet.sheet(tab)!;
      expect([tab, rt.canEdit(sheet, OWNER), rt.canEdit(sheet, UNIT), rt.canEdit(sheet, ADMIN)]).toEqual([tab, true, false, false]);
    }
    // the form tabs stay open to the units (their script columns only warn)
    expect(rt.canEdit(rt.spreadsheet.sheet('Biểu mẫu 03')!, UNIT)).toBe(true);
  });

  test('with admin emails: the owner and the admins, nobody else; a second run changes nothing', () => {
    const { rt, app } = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    rt.share(UNIT);
    app.menuSetup();
    rt.share(ADMIN, ADMIN2, 'other@gialai.example');
    const who = () =>
      ADMIN_TABS.map((tab) =>
        [OWNER, ADMIN, ADMIN2, UNIT, 'other@gialai.example'].filter((e) => rt.canEdit(rt.spreadsheet.sheet(tab)!, e)),
      );
    const editors = () => ADMIN_TABS.map((tab) => rt.spreadsheet.sheet(tab)!.protections.map((p) => [p.mirroring, [...p.editors].sort()]));
    expect(who()).toEqual(ADMIN_TABS.map(() => [OWNER, ADMIN, ADMIN2]));
    const before = editors();
    app.menuSetup();
    expect(editors()).toEqual(before);
    expect(who()).toEqual(ADMIN_TABS.map(() => [OWNER, ADMIN, ADMIN2]));
  });

  test('the form definition tabs are protected like the settings (only admins may redefine a form)', () => {
    const { rt, app } = fresh(book({ admins: ADMIN }));
    app.menuSetup();
    rt.share(UNIT, ADMIN);
    for (const tab of [TAB.formList, TAB.formColumns]) {
      const sheet = rt.spreadsheet.sheet(tab)!;
      expect([tab, rt.canEdit(sheet, OWNER), rt.canEdit(sheet, ADMIN), rt.canEdit(sheet, UNIT)]).toEqual([tab, true, true, false]);
    }
  });

  test('an admin removed from the settings loses edit rights at the next setup', () => {
    const { rt, app } = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    app.menuSetup();
    rt.share(ADMIN, ADMIN2);
    expect(rt.canEdit(rt.spreadsheet.sheet(TAB.directory)!, ADMIN2)).toBe(true);
    const settings = rt.spreadsheet.sheet(TAB.settings)!;
    settings.getRange(2, 2).setValue(ADMIN);
    app.menuSetup();
    expect(rt.canEdit(rt.spreadsheet.sheet(TAB.directory)!, ADMIN2)).toBe(false);
    expect(rt.canEdit(rt.spreadsheet.sheet(TAB.directory)!, ADMIN)).toBe(true);
  });
});

describe('one edit trigger and one daily trigger per spreadsheet, whoever runs setup', () => {
  const handlers = (rt: Runtime) =>
    rt
      .triggers()
      .map((t) => [t.owner, t.handler])
      .sort();

  test('a second admin running setup installs none and is told who owns them and how to take them over', () => {
    const { rt, app } = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    app.menuSetup();
    rt.asUser(ADMIN2, () => app.menuSetup());
    expect(handlers(rt)).toEqual([
      [OWNER, 'dailyTick'],
      [OWNER, 'handleEdit'],
    ]);
    const summary = rt.ui.alerts[rt.ui.alerts.length - 1].prompt;
    expect(summary).toContain(`thuộc tài khoản ${OWNER}`);
    expect(summary).toContain(MENU.releaseTriggers);
    expect(summary).toContain(MENU.takeOverTriggers);
  });

  test("handing over: the owner releases theirs, the second admin's setup installs and records theirs", () => {
    const { rt, app } = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    app.menuSetup();
    app.menuReleaseTriggers();
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toBe(TRIGGERS.released(2));
    expect(rt.triggers()).toEqual([]);
    rt.asUser(ADMIN2, () => app.menuSetup());
    expect(handlers(rt)).toEqual([
      [ADMIN2, 'dailyTick'],
      [ADMIN2, 'handleEdit'],
    ]);
    app.menuSetup(); // the old owner now sees the new one's record and installs nothing
    expect(handlers(rt)).toEqual([
      [ADMIN2, 'dailyTick'],
      [ADMIN2, 'handleEdit'],
    ]);
  });

  test("taking over when the owner cannot release: confirmed, it installs this account's and deletes nothing it cannot", () => {
    const { rt, app } = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    app.menuSetup();
    rt.ui.nextButtons.push('NO');
    rt.asUser(ADMIN2, () => app.menuTakeOverTriggers());
    expect(handlers(rt)).toEqual([
      [OWNER, 'dailyTick'],
      [OWNER, 'handleEdit'],
    ]);
    rt.ui.nextButtons.push('YES');
    rt.asUser(ADMIN2, () => app.menuTakeOverTriggers());
    expect(handlers(rt)).toEqual([
      [ADMIN2, 'dailyTick'],
      [ADMIN2, 'handleEdit'],
      [OWNER, 'dailyTick'],
      [OWNER, 'handleEdit'],
    ]);
    // the old owner, back, releases theirs: one of each is left, the new owner's
    app.menuReleaseTriggers();
    expect(handlers(rt)).toEqual([
      [ADMIN2, 'dailyTick'],
      [ADMIN2, 'handleEdit'],
    ]);
    rt.asUser(ADMIN2, () => app.menuSetup());
    expect(handlers(rt)).toEqual([
      [ADMIN2, 'dailyTick'],
      [ADMIN2, 'handleEdit'],
    ]);
  });

  test('the account whose triggers run stays an editor of the protected tabs when someone else runs setup', () => {
    // its triggers write the directory's notes, the log and the choice lists: a protection without it would make them throw
    const IT = 'it@gialai.example';
    const { rt, app } = fresh(book({ admins: ADMIN }));
    rt.asUser(IT, () => app.menuSetup());
    expect(handlers(rt)).toEqual([
      [IT, 'dailyTick'],
      [IT, 'handleEdit'],
    ]);
    app.menuSetup(); // the file's owner, who is no trigger owner
    for (const tab of ADMIN_TABS) expect([tab, rt.canEdit(rt.spreadsheet.sheet(tab)!, IT)]).toEqual([tab, true]);
    expect(() => rt.tick(app, fromLocal(2024, 9, 1, 8, 30))).not.toThrow();
    expect(valuesOf(rangeOf(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 2)!))[0]).toBe('09/2024');
    expect(() => rt.edit(app, TAB.directory, 2, 7, [[23]], { user: ADMIN })).not.toThrow();
  });

  test('an account that takes the triggers over becomes an editor of the protected tabs at once', () => {
    const IT = 'it@gialai.example';
    const { rt, app } = fresh(book({ admins: ADMIN }));
    app.menuSetup();
    rt.share(IT);
    expect(rt.canEdit(rt.spreadsheet.sheet(TAB.log)!, IT)).toBe(false);
    rt.ui.nextButtons.push('YES');
    rt.asUser(IT, () => app.menuTakeOverTriggers());
    for (const tab of ADMIN_TABS) expect([tab, rt.canEdit(rt.spreadsheet.sheet(tab)!, IT)]).toEqual([tab, true]);
    app.menuReleaseTriggers(); // the old owner's set goes; the new owner's daily run writes the protected tabs
    expect(() => rt.tick(app, fromLocal(2024, 9, 1, 8, 30))).not.toThrow();
    expect(valuesOf(rangeOf(rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 2)!))[0]).toBe('09/2024');
  });

  test("copies of the owner's own triggers (an older version's) are cut to one of each", () => {
    const { rt, app } = fresh(book({ admins: ADMIN }));
    const g = rt.globals as { ScriptApp: GoogleAppsScript.Script.ScriptApp; SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
    for (let i = 0; i < 2; i++) {
      g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(g.SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
      g.ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(8).create();
    }
    app.menuSetup();
    expect(handlers(rt)).toEqual([
      [OWNER, 'dailyTick'],
      [OWNER, 'handleEdit'],
    ]);
  });

  test("a doubled edit event (two users' edit triggers) leaves the sheet as one does", () => {
    const edit = (rt: Runtime, app: Sandbox) => {
      rt.setNow(fromLocal(2024, 8, 21, 10, 0));
      const row = example1()['Biểu mẫu 03'][5].slice(0, 19);
      row[1] = 'Thị xã An Khê';
      row[4] = 60;
      rt.edit(app, 'Biểu mẫu 03', 6, 1, [row], { user: 'ankhe@gialai.example' });
      rt.edit(app, TAB.directory, 3, 7, [[12]], { user: ADMIN });
    };
    const state = (rt: Runtime) =>
      ['Biểu mẫu 03', TAB.directory].map((tab) => {
        const s = rt.spreadsheet.sheet(tab)!;
        return JSON.stringify([cells(rt, tab), s.notes, s.backgrounds]);
      });
    const once = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    once.app.menuSetup();
    const twice = fresh(book({ admins: `${ADMIN}, ${ADMIN2}` }));
    twice.app.menuSetup();
    twice.rt.ui.nextButtons.push('YES');
    twice.rt.asUser(ADMIN2, () => twice.app.menuTakeOverTriggers());
    expect(twice.rt.triggers().filter((t) => t.handler === 'handleEdit')).toHaveLength(2);
    edit(once.rt, once.app);
    edit(twice.rt, twice.app);
    expect(state(twice.rt)).toEqual(state(once.rt));
  });
});

describe('contexts: no UI in triggers, no document lock outside a container', () => {
  test('the daily run and every edit path (a form row, the directory, the settings, the form definitions) never reach getUi', () => {
    const { rt, app } = boot(book({ admins: ADMIN }));
    const settings = rt.spreadsheet.sheet(TAB.settings)!;
    const autoRow =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Nhắc nhở tự động') + 1;
    settings.getRange(autoRow, 2).setValue('Có');
    expect(() => rt.edit(app, 'Biểu mẫu 03', 2, 4, [[301]])).not.toThrow();
    expect(() => rt.edit(app, TAB.directory, 2, 7, [[23]])).not.toThrow();
    expect(() => rt.edit(app, TAB.settings, autoRow, 2, [['Có']])).not.toThrow();
    // a definition edit (the same value typed again) re-runs setup's form work from the edit trigger
    const defined = rt.spreadsheet.sheet(TAB.formList)!.getRange(2, 2).getValue();
    expect(defined).not.toBe('');
    expect(() => rt.edit(app, TAB.formList, 2, 2, [[defined]])).not.toThrow();
    expect(() => rt.tick(app, fromLocal(2024, 8, 24, 8, 30))).not.toThrow();
    expect(rt.calls['SpreadsheetApp.getUi'] ?? 0).toBe(0);
    expect(rt.outbox.length).toBeGreaterThan(0); // the reminders of 24/08 (7 days before the deadline) went out
  });

  test('not container-bound: the daily run falls back to the script lock and still sends the reminders', () => {
    const run = (containerBound: boolean) => {
      const { rt, app } = fresh(book({ admins: ADMIN }), { containerBound });
      app.menuSetup();
      const settings = rt.spreadsheet.sheet(TAB.settings)!;
      const autoRow =
        settings
          .getDataRange()
          .getValues()
          .findIndex((r) => r[0] === 'Nhắc nhở tự động') + 1;
      settings.getRange(autoRow, 2).setValue('Có');
      rt.resetCalls();
      rt.tick(app, fromLocal(2024, 8, 24, 8, 30));
      return { sent: rt.outbox.map((m) => m.to.join(',')).sort(), scriptLocks: rt.calls['LockService.getScriptLock'] ?? 0 };
    };
    const bound = run(true),
      standalone = run(false);
    expect(standalone.sent.length).toBeGreaterThan(0);
    expect(standalone.sent).toEqual(bound.sent);
    expect(bound.scriptLocks).toBe(0);
    expect(standalone.scriptLocks).toBeGreaterThan(0);
  });
});
