// Sending reminders through the BUILT bundle: each (unit, form, period, step) at most once, whatever happens.
import { boot } from './boot';
import { DIRECTORY_COLUMNS, formById, LOG_COLUMNS, TAB } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { Runtime } from '../../src/local/runtime';
import { LOG_RESULT_LABELS as RESULT, REMINDER_SWITCH } from '../../src/core/text';

/** Twelve form-03 districts, none reported for 07/2024; reminders on; D-7 of 07/2024 is Monday 05/08/2024. */
function book(emails: (i: number) => string = (i) => `d${i}@gialai.example`): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= 12; i++) directory.push([`H-${600 + i}`, `Huyện Thử ${i}`, '03', emails(i), '', '', 10, '', '', '', 'Có']);
  return {
    [TAB.directory]: directory,
    [TAB.settings]: [['Tham số', 'Giá trị'], ['Nhắc nhở tự động', 'Có'], ['Email quản trị', 'sotttt@gialai.example']],
    'Biểu mẫu 03': [formById('03').columns.map((c) => c.header)],
  };
}

const D7 = fromLocal(2024, 8, 5, 8, 20);
const sentKeys = (rt: Runtime) => rt.outbox.map((m) => `${m.to}|${m.subject}`);
const logRows = (rt: Runtime) => {
  const sheet = rt.spreadsheet.sheet(TAB.log)!;
  const rows: unknown[][] = [];
  for (let r = 1; r < sheet.maxRows && sheet.values.get(r, 0) !== undefined; r++) rows.push(LOG_COLUMNS.map((_, c) => sheet.values.get(r, c)));
  return rows;
};

describe('dailyTick: reminders', () => {
  test('the daily trigger fired twice on the same day sends nothing the second time', () => {
    const { rt, app } = boot(book(), { now: D7 });
    rt.tick(app, D7);
    expect(rt.outbox).toHaveLength(12);
    expect(rt.outbox[0].subject).toContain('Biểu mẫu 03');
    app.dailyTick();
    rt.tick(app, fromLocal(2024, 8, 5, 8, 50));
    expect(rt.outbox).toHaveLength(12);
    expect(logRows(rt).filter((r) => r[6] === RESULT.sent)).toHaveLength(12);
  });

  test('a run killed after the 3rd email, then a normal run: every email exactly once', () => {
    const { rt, app } = boot(book(), { now: D7 });
    // the 3rd send goes out, then the run dies before recording it as sent (2 property writes per email)
    rt.killOn('Properties.setProperty', 6);
    expect(() => rt.tick(app, D7)).toThrow();
    rt.revive();
    expect(rt.outbox).toHaveLength(3);
    app.dailyTick(); // the same day, by hand (the clock trigger fires once a day)
    const keys = sentKeys(rt);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(12);
    // the one whose outcome the dead run never recorded is logged as uncertain, never retried
    expect(logRows(rt).filter((r) => r[6] === RESULT.uncertain)).toHaveLength(1);
  });

  test('with a quota of 5 and 12 emails due, 5 go today and 7 tomorrow', () => {
    const { rt, app } = boot(book(), { now: D7, mailQuota: 5 });
    app.dailyTick();
    expect(rt.outbox).toHaveLength(5);
    rt.tick(app, fromLocal(2024, 8, 6, 8, 10));
    expect(rt.outbox).toHaveLength(10);
    rt.tick(app, fromLocal(2024, 8, 7, 8, 10));
    expect(rt.outbox).toHaveLength(12);
    expect(new Set(sentKeys(rt)).size).toBe(12);
  });

  test('an address the mail service refuses fails alone; the rest go out', () => {
    const { rt, app } = boot(book(), { now: D7 });
    rt.failOn('MailApp.sendEmail', 4, 'Invalid email: d4@gialai.example');
    app.dailyTick();
    expect(rt.outbox).toHaveLength(11);
    const failed = logRows(rt).filter((r) => r[6] === RESULT.failed);
    expect(failed).toHaveLength(1);
    expect(String(failed[0][7])).toContain('Invalid email');
  });

  test('a run that overlaps another (the document lock is held) sends nothing; the next one does', () => {
    const { rt, app } = boot(book(), { now: D7 });
    rt.holdLock('document');
    app.dailyTick();
    expect(rt.outbox).toHaveLength(0);
    rt.releaseLock('document');
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
  });

  test('after the deadline: overdue emails to the units, then one digest to the admins', () => {
    const { rt, app } = boot(book(), { now: fromLocal(2024, 8, 13, 8, 10) });
    app.dailyTick();
    expect(rt.outbox).toHaveLength(13);
    const digest = rt.outbox[12];
    expect(digest.to).toEqual(['sotttt@gialai.example']);
    expect(digest.body).toContain('Huyện Thử 12');
    app.dailyTick();
    expect(rt.outbox).toHaveLength(13);
  });

  test('the menu turns reminders on and off through the setting, never adding or removing a trigger', () => {
    const b = book();
    b[TAB.settings][1][1] = 'Không';
    const { rt, app } = boot(b, { now: D7 });
    const triggers = rt.triggers().map((t) => t.id);
    app.menuRemindersOn();
    const value = () => rt.spreadsheet.sheet(TAB.settings)!.getDataRange().getValues().find((r) => r[0] === 'Nhắc nhở tự động')![1];
    expect(value()).toBe('Có');
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
    app.menuRemindersOff();
    expect(value()).toBe('Không');
    expect(rt.triggers().map((t) => t.id)).toEqual(triggers);
    expect(rt.ui.alerts.slice(-2).map((a) => a.prompt)).toEqual([REMINDER_SWITCH.on, REMINDER_SWITCH.off]);
  });

  test('reminders off: the daily trigger checks but sends nothing', () => {
    const b = book();
    b[TAB.settings][1][1] = 'Không';
    const { rt, app } = boot(b, { now: D7 });
    app.dailyTick();
    expect(rt.outbox).toHaveLength(0);
  });
});
