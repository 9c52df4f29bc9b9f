import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, loadBundle, KilledExecution, type Runtime } from '../../src/local/runtime';

// A tiny stand-in for dist/Code.js: top-level functions only, like the real bundle's forwarders.
const CODE = `
var edits = [];
var ticks = [];
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(8).create();
}
function handleEdit(e) { edits.push(e); }
function dailyTick(e) {
  ticks.push(e);
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').getRange(ticks.length, 1).setValue(new Date());
}
function onEdit(e) { edits.push({ simple: true, authMode: e.authMode }); }
function sendFromSimple() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function isDate(v) { return Object.prototype.toString.call(v) === '[object Date]'; }
function today() { return new Date(); }
function readAll() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').getDataRange().getValues(); }
const hidden = 1;
`;

/** An installable trigger's event as the toy records it, or the simple onEdit's marker. */
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit & { triggerUid: string };
type SimpleMark = { simple: true; authMode: string };
/** CODE's top-level functions and vars, as gas-local exposes them; `other` and `hidden` must stay absent. */
interface Toy {
  edits: Array<EditEvent | SimpleMark>;
  ticks: GoogleAppsScript.Events.TimeDriven[];
  install(): void;
  handleEdit(e: EditEvent): void;
  dailyTick(e: GoogleAppsScript.Events.TimeDriven): void;
  sendFromSimple(): void;
  isDate(v: unknown): boolean;
  today(): Date;
  readAll(): unknown[][];
  other?: unknown;
  hidden?: unknown;
}
const installed = (app: Toy) => app.edits.filter((x): x is EditEvent => !('simple' in x));

function boot(): { rt: Runtime; app: Toy } {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  writeFileSync(join(dir, 'Code.js'), CODE);
  writeFileSync(join(dir, 'Other.js'), 'function other() {}');
  const rt = createRuntime({ now: new Date('2024-08-20T00:30:00Z') });
  rt.spreadsheet.addSheet('Log');
  const app = loadBundle<Toy>(rt, join(dir, 'Code.js'));
  app.install();
  return { rt, app };
}

describe('loadBundle', () => {
  test('only the one file is loaded; top-level functions are visible, const is not', () => {
    const { app } = boot();
    expect(typeof app.handleEdit).toBe('function');
    expect(app.other).toBeUndefined();
    expect(app.hidden).toBeUndefined();
  });

  test('each load gets a fresh context', () => {
    const { rt, app } = boot();
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    writeFileSync(join(dir, 'Code.js'), CODE);
    const again = loadBundle<Toy>(rt, join(dir, 'Code.js'));
    app.edits.push({ simple: true, authMode: 'FULL' });
    expect(again.edits).toEqual([]);
  });

  test("the bundle's builtins are its own realm's, and a bundle may declare one of their names itself", () => {
    const rt = createRuntime();
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    const code = `var JSON = { mine: true };
function protos() { return [Object.getPrototypeOf([]), Array.prototype, Map.prototype]; }
function own() { return JSON.mine === true && typeof Math.max === 'function' && Number.isInteger(3); }
function services() { return typeof SpreadsheetApp.getActiveSpreadsheet; }`;
    writeFileSync(join(dir, 'Code.js'), code);
    const app = loadBundle<{ protos(): object[]; own(): boolean; services(): string }>(rt, join(dir, 'Code.js'));
    const [arrayOfLiteral, arrayProto, mapProto] = app.protos();
    expect(arrayOfLiteral).toBe(arrayProto);
    expect(arrayProto).not.toBe(Array.prototype);
    expect(mapProto).not.toBe(Map.prototype);
    expect(app.own()).toBe(true);
    expect(app.services()).toBe('function');
  });

  test('new Date() inside the sandbox is the runtime clock', () => {
    const { rt, app } = boot();
    expect(app.today().toISOString()).toBe('2024-08-20T00:30:00.000Z');
    rt.setNow(new Date('2024-09-01T00:00:00Z'));
    expect(app.today().getTime()).toBe(Date.parse('2024-09-01T00:00:00Z'));
  });
});

describe('edit events', () => {
  test('a single-cell edit gives value and oldValue as strings', () => {
    const { rt, app } = boot();
    const sheet = rt.spreadsheet.sheet('Log')!;
    sheet.getRange('B2').setValue(5);
    rt.edit(app, 'Log', 2, 2, [[7]], { user: 'editor@example.com' });
    const e = installed(app)[0];
    expect(e.value).toBe('7');
    expect(e.oldValue).toBe('5');
    expect(e.range.getA1Notation()).toBe('B2');
    expect(e.user.getEmail()).toBe('editor@example.com');
    expect(e.authMode).toBe('FULL');
    expect(e.triggerUid).toBe(rt.triggers()[0].getUniqueId());
    expect(e.source).toBe(rt.spreadsheet);
  });

  test('oldValue is absent when the cell was empty', () => {
    const { rt, app } = boot();
    rt.edit(app, 'Log', 3, 1, [['Pleiku']]);
    const e = installed(app)[0];
    expect(e.value).toBe('Pleiku');
    expect('oldValue' in e).toBe(false);
  });

  test('a pasted block gives one event spanning the block, without value or oldValue', () => {
    const { rt, app } = boot();
    rt.edit(app, 'Log', 2, 1, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const installable = installed(app);
    expect(installable).toHaveLength(1);
    expect(installable[0].range.getA1Notation()).toBe('A2:C3');
    expect('value' in installable[0]).toBe(false);
    expect('oldValue' in installable[0]).toBe(false);
  });

  test('a simple onEdit runs in LIMITED mode too, and cannot send mail', () => {
    const { rt, app } = boot();
    rt.edit(app, 'Log', 1, 1, [['x']]);
    expect(app.edits.filter((x) => 'simple' in x)).toEqual([{ simple: true, authMode: 'LIMITED' }]);
    rt.state.authMode = 'LIMITED';
    expect(() => app.sendFromSimple()).toThrow('You do not have permission to call MailApp.sendEmail');
  });

  test('user edits are not counted as service calls; script writes never fire edit triggers', () => {
    const { rt, app } = boot();
    rt.resetCalls();
    rt.edit(app, 'Log', 1, 1, [['x']]);
    expect(rt.calls['Range.setValues']).toBeUndefined();
    const before = app.edits.length;
    rt.spreadsheet.sheet('Log')!.getRange('A1').setValue('y');
    expect(app.edits.length).toBe(before);
  });

  test('a single-cell entry that breaks a rejecting rule is refused, with no event', () => {
    const { rt, app } = boot();
    const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build();
    rt.spreadsheet.sheet('Log')!.getRange('C1').setDataValidation(rule);
    rt.edit(app, 'Log', 1, 3, [[50]]);
    expect(rt.spreadsheet.sheet('Log')!.getRange('C1').getValue()).toBe('');
    expect(app.edits).toEqual([]);
  });
});

describe('clock triggers', () => {
  test('everyDays(1).atHour(8) fires once inside 8:00-9:00 Gia Lai time, with a UTC event', () => {
    const { rt, app } = boot();
    rt.tick(app, new Date('2024-08-20T00:30:00Z')); // 07:30 local
    expect(app.ticks).toHaveLength(0);
    rt.tick(app, new Date('2024-08-20T01:20:00Z')); // 08:20 local
    rt.tick(app, new Date('2024-08-20T01:50:00Z')); // same window: not again
    expect(app.ticks).toHaveLength(1);
    expect(app.ticks[0]).toMatchObject({ authMode: 'FULL', hour: 1, minute: 20, timezone: 'UTC', 'day-of-month': 20 });
    rt.tick(app, new Date('2024-08-21T01:05:00Z'));
    expect(app.ticks).toHaveLength(2);
  });

  test('Dates written by the bundle are Node Dates holding the runtime clock', () => {
    const { rt, app } = boot();
    rt.tick(app, new Date('2024-08-20T01:20:00Z'));
    const v = rt.spreadsheet.sheet('Log')!.getRange('A1').getValue();
    expect(v).toBeInstanceOf(Date);
    expect(v.toISOString()).toBe('2024-08-20T01:20:00.000Z');
    expect(app.isDate(app.readAll()[0][0])).toBe(true);
  });
});

describe('fault injection', () => {
  test('killOn makes the execution die at that call and every later one until revive', () => {
    const { rt, app } = boot();
    rt.killOn('Range.setValue', 1);
    expect(() => rt.tick(app, new Date('2024-08-20T01:20:00Z'))).toThrow(KilledExecution);
    expect(() => app.readAll()).toThrow(KilledExecution);
    rt.revive();
    expect(app.readAll()).toEqual([['']]);
  });
});
