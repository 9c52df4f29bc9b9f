// Sending reminders through the BUILT bundle: each (unit, form, period, step) at most once, whatever happens.
import { boot } from './boot';
import { DIRECTORY_COLUMNS, formById, LOG_COLUMNS, TAB } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';
import type { CellValue, Workbook } from '../../src/core/types';
import type { Runtime } from '../../src/local/runtime';
import { DAILY_STEP_LABELS, DIGEST_TEXT, LOG_RESULT_LABELS as RESULT, REMINDER_SWITCH, REMINDER_TEXT } from '../../src/core/text';

/** Twelve form-03 districts, none reported for 07/2024; reminders on; D-7 of 07/2024 is Monday 05/08/2024. */
function book(emails: (i: number) => string = (i) => `d${i}@gialai.example`, units = 12): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= units; i++) directory.push([`H-${600 + i}`, `Huyện Thử ${i}`, '03', emails(i), '', '', 10, '', '', '', 'Có']);
  return {
    [TAB.directory]: directory,
    [TAB.settings]: [
      ['Tham số', 'Giá trị'],
      ['Nhắc nhở tự động', 'Có'],
      ['Email quản trị', 'sotttt@gialai.example'],
    ],
    'Biểu mẫu 03': [formById('03').columns.map((c) => c.header)],
  };
}

const D7 = fromLocal(2024, 8, 5, 8, 20);
const sentKeys = (rt: Runtime) => rt.outbox.map((m) => `${m.to}|${m.subject}`);
const logRows = (rt: Runtime) => {
  const sheet = rt.spreadsheet.sheet(TAB.log)!;
  const rows: unknown[][] = [];
  for (let r = 1; r < sheet.maxRows && sheet.values.get(r, 0) !== undefined; r++)
    rows.push(LOG_COLUMNS.map((_, c) => sheet.values.get(r, c)));
  return rows;
};

describe('dailyTick: reminders', () => {
  test('an overdue email sent in the run that closed its period says so (D+1 missed on the 13th goes out on the 14th, after the close)', () => {
    const day14 = fromLocal(2024, 8, 14, 8, 20);
    const { rt, app } = boot(book(), { now: day14 });
    rt.tick(app, day14);
    const overdue = rt.outbox.filter((m) => m.subject.includes('Quá hạn'));
    expect(overdue).toHaveLength(12);
    const note = REMINDER_TEXT.closedNote('07/2024', '08:20 14/08/2024');
    for (const m of overdue) expect(m.body).toContain(`\n\n${note}\n\n--\n`);
  });

  test("an email opens with the office salutation, links the unit's own rows (or its tab) and is signed with the contact", () => {
    const b = book();
    b[TAB.settings].push(['Người liên hệ', 'Nguyễn Văn A'], ['Số điện thoại liên hệ', '0269 3823 456']);
    // Huyện Thử 2 has a row with an error for 07/2024 on sheet row 2: its link selects it, A to the last column.
    const row = formById('03').columns.map((c) =>
      c.key === 'unit' ? 'Huyện Thử 2' : c.key === 'period' ? '07/2024' : c.key === 'staff_total' ? 'abc' : '',
    );
    b['Biểu mẫu 03'].push(row);
    const { rt, app } = boot(b, { now: D7 });
    rt.tick(app, D7);
    const gid = rt.spreadsheet.sheet('Biểu mẫu 03')!.getSheetId();
    const url = rt.spreadsheet.getUrl();
    const to = (addr: string) => rt.outbox.find((m) => m.to.includes(addr))!;
    const withRows = to('d2@gialai.example'),
      without = to('d1@gialai.example');
    expect(withRows.body.split('\n')[0]).toBe('Kính gửi: UBND huyện Thử 2,');
    const last = String.fromCharCode(64 + formById('03').columns.length); // 21 columns: A..U
    expect(withRows.body).toContain(`${url}#gid=${gid}&range=A2:${last}2`);
    expect(withRows.htmlBody).toContain(`href="${url}#gid=${gid}&amp;range=A2:${last}2"`);
    expect(withRows.htmlBody).toContain('>Mở các dòng báo cáo của đơn vị</a>');
    expect(without.body).toContain(`${url}#gid=${gid}\n`);
    expect(without.body).not.toContain('range=');
    expect(without.htmlBody).toContain('>Mở trang Biểu mẫu 03</a>');
    expect(without.body).toMatch(
      /Trân trọng\.\n\n--\nSở Thông tin và Truyền thông tỉnh Gia Lai\nNgười liên hệ: Nguyễn Văn A - Điện thoại: 0269 3823 456\n/,
    );
    // Mail clients keep inline styles only: no <style> block, no external image.
    expect(without.htmlBody).not.toMatch(/<style|<img|<link/i);
  });

  test('Nhật ký speaks Vietnamese: the step as "7 ngày trước hạn", the detail as what was sent', () => {
    const { rt, app } = boot(book(), { now: D7 });
    rt.tick(app, D7);
    expect(logRows(rt)[0].slice(5)).toEqual(['7 ngày trước hạn', RESULT.sent, 'Email nhắc trước hạn']);
    expect(rt.spreadsheet.sheet(TAB.log)!.values.get(0, 7)).toBe('Chi tiết');
  });

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
    // one Properties write before each email records it and confirms the one before: the 4th write never happens,
    // so the 3rd email went out but its run never confirmed it
    rt.killOn('Properties.setProperties', 4);
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

  test("an email whose outcome is unknown is named in the admins' digest and never sent again", () => {
    const { rt, app } = boot(book(), { now: fromLocal(2024, 8, 13, 8, 10) });
    rt.killOn('Properties.setProperties', 4); // the 3rd overdue email went, unconfirmed
    expect(() => rt.tick(app, fromLocal(2024, 8, 13, 8, 10))).toThrow();
    rt.revive();
    app.dailyTick();
    const units = rt.outbox.filter((m) => !m.to.includes('sotttt@gialai.example'));
    expect(units).toHaveLength(12);
    expect(new Set(units.map((m) => m.to.join(','))).size).toBe(12);
    const digest = rt.outbox.find((m) => m.subject.includes('Tổng hợp'))!;
    expect(digest.body).toContain(DIGEST_TEXT.uncertain);
    expect(digest.body).toContain('H-603');
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
    const value = () =>
      rt.spreadsheet
        .sheet(TAB.settings)!
        .getDataRange()
        .getValues()
        .find((r) => r[0] === 'Nhắc nhở tự động')![1];
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

/** Properties calls that write (the daily quota counts them: 50,000 a day on a consumer account, APPS_SCRIPT.md). */
const propertyWrites = (rt: Runtime) =>
  ['setProperty', 'setProperties', 'deleteProperty', 'deleteAllProperties'].reduce((n, m) => n + (rt.calls[`Properties.${m}`] ?? 0), 0);

describe('the sent ledger: no email twice to one address for one form, period and step', () => {
  const LATER = fromLocal(2024, 8, 5, 15, 0);

  test('12 emails cost at most 14 Properties writes', () => {
    const { rt, app } = boot(book(), { now: D7 });
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
    expect(propertyWrites(rt)).toBeLessThanOrEqual(12 + 2);
  });

  test('a day with nothing to send writes nothing to the properties', () => {
    const { rt, app } = boot(book(), { now: D7 });
    app.dailyTick();
    rt.resetCalls();
    rt.setNow(LATER);
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
    expect(propertyWrites(rt)).toBe(0);
  });

  test('a Properties write refused mid-run: the email it would have recorded is not sent, and goes on the next run', () => {
    const { rt, app } = boot(book(), { now: D7 });
    // the daily quota of Properties writes (50,000 consumer, APPS_SCRIPT.md) runs out at the 5th email's record
    rt.failOn('Properties.setProperties', 5, 'Service invoked too many times for one day: properties.');
    app.dailyTick();
    const units = () => rt.outbox.filter((m) => m.subject.includes('Nhắc báo cáo'));
    expect(units()).toHaveLength(4);
    rt.setNow(LATER);
    app.dailyTick();
    expect(units()).toHaveLength(12);
    expect(new Set(units().map((m) => m.to.join(','))).size).toBe(12);
  });

  test('rows deleted from Nhật ký: the next run sends nothing again', () => {
    const { rt, app } = boot(book(), { now: D7 });
    app.dailyTick();
    const log = rt.spreadsheet.sheet(TAB.log)!;
    log.deleteRows(2, log.getLastRow() - 1);
    rt.setNow(LATER);
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
  });

  test('the whole Nhật ký tab deleted: nothing is sent again', () => {
    const { rt, app } = boot(book(), { now: D7 });
    app.dailyTick();
    rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet(TAB.log)! as never);
    rt.setNow(LATER);
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
  });

  test("a unit's code changed between two runs: its address is not sent the same step again", () => {
    const b = book();
    const { rt, app } = boot(b, { now: D7 });
    app.dailyTick();
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    dir.getRange(2, 1).setValue('H-701'); // H-601 becomes H-701, same address
    rt.setNow(LATER);
    app.dailyTick();
    expect(rt.outbox).toHaveLength(12);
    // the next step (D-2, Friday 09/08) still goes to that address
    rt.setNow(fromLocal(2024, 8, 9, 8, 10));
    app.dailyTick();
    expect(rt.outbox.filter((m) => m.to.includes('d1@gialai.example'))).toHaveLength(2);
  });

  // 9 KB a value on Google's quota page; 8,066 bytes measured (tanaikech.github.io, "Specification of Properties Service", 2023)
  test('at 2,000 units every ledger value stays under 8,066 bytes and the store far under 500 KB', () => {
    const { rt, app } = boot(
      book((i) => `don.vi.so.${i}@gialai.example`, 2000),
      { now: D7, mailQuota: 5000 },
    );
    app.dailyTick();
    expect(rt.outbox).toHaveLength(2000);
    const store = rt.state.properties.document;
    const sizes = [...store.entries()].map(([k, v]) => Buffer.byteLength(k) + Buffer.byteLength(v));
    expect(Math.max(...[...store.values()].map((v) => Buffer.byteLength(v)))).toBeLessThanOrEqual(8066);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(20 * 1024);
    expect(propertyWrites(rt)).toBeLessThanOrEqual(2000 + 2);
    // and the next run the same day, the log deleted, sends none of them again
    rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet(TAB.log)! as never);
    rt.setNow(LATER);
    app.dailyTick();
    expect(rt.outbox).toHaveLength(2000);
  });

  test('a closed period is pruned from the ledger', () => {
    const { rt, app } = boot(book(), { now: D7 });
    app.dailyTick();
    const keys = () => [...rt.state.properties.document.keys()].filter((k) => k.startsWith('sent|03|07/2024'));
    expect(keys().length).toBeGreaterThan(0);
    // 07/2024's last step (D+1, 13/08) may be sent until 08/2024's first step (05/09) is due; after that it goes
    rt.state.properties.document.set('owner|triggers', 'admin@gialai.example'); // another job's property
    rt.tick(app, fromLocal(2024, 9, 6, 8, 10));
    expect(keys()).toEqual([]);
    expect(rt.state.properties.document.get('owner|triggers')).toBe('admin@gialai.example');
  });
});

describe('dailyTick: one failing job never stops the others', () => {
  const D1 = fromLocal(2024, 8, 13, 8, 10),
    NEXT_DAY = fromLocal(2024, 8, 14, 8, 10);
  const form03 = formById('03');
  const statusCol = form03.columns.findIndex((c) => c.key === 'status');
  const unitCol = form03.columns.findIndex((c) => c.key === 'unit');

  /** The 12 districts after the deadline, one of them with a row that has errors (so the check has work to do). */
  function bookWithRow(): Workbook {
    const b = book();
    const row: CellValue[] = form03.columns.map(() => '');
    row[unitCol] = 'Huyện Thử 12';
    row[form03.columns.findIndex((c) => c.key === 'period')] = '07/2024';
    b['Biểu mẫu 03'].push(row);
    return b;
  }

  /** What each job leaves behind: the status the check writes, the drop-down, the units' emails, the digest. */
  function effects(rt: Runtime) {
    const sheet = rt.spreadsheet.sheet('Biểu mẫu 03')!;
    return {
      check: String(sheet.values.get(1, statusCol) ?? '') !== '',
      dropdowns: sheet.validations.get(1, unitCol) !== undefined,
      reminders: rt.outbox.filter((m) => m.subject.includes('Quá hạn')).length,
      digest: rt.outbox.filter((m) => m.subject.includes('Tổng hợp')).length,
    };
  }
  const notices = (rt: Runtime) => rt.outbox.filter((m) => m.subject.includes('Lỗi khi chạy tự động'));
  const failureRows = (rt: Runtime) => logRows(rt).filter((r) => r[6] === RESULT.error);

  /** Booted with the check's status and the drop-downs wiped, so the daily run must put them back. */
  function booted() {
    const { rt, app } = boot(bookWithRow(), { now: D1 });
    const sheet = rt.spreadsheet.sheet('Biểu mẫu 03')!;
    sheet.values.set(1, statusCol, undefined);
    sheet.validations.clear();
    // As if they had never been applied: the daily run re-applies them only when the memo says so (issue 14 item 5).
    (rt.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().deleteProperty('dailyMemo');
    return { rt, app };
  }

  const MESSAGE = 'Service Spreadsheets timed out while accessing document with id 1abc.';
  // Each job's first call of its own: the check colours cells first, the drop-downs build a rule first, the units'
  // emails and then the digest each read the mail quota first.
  const cases: [string, string, string, number][] = [
    ['check', DAILY_STEP_LABELS.check, 'Range.setBackgrounds', 1],
    ['dropdowns', DAILY_STEP_LABELS.dropdowns, 'SpreadsheetApp.newDataValidation', 1],
    ['reminders', DAILY_STEP_LABELS.reminders, 'MailApp.getRemainingDailyQuota', 1],
    ['digest', DAILY_STEP_LABELS.digest, 'MailApp.getRemainingDailyQuota', 2],
  ];

  test.each(cases)('%s fails: the other jobs are done, the failure is logged and told to the admins once', (job, label, method, nth) => {
    const { rt, app } = booted();
    rt.failOn(method, nth, MESSAGE);
    app.dailyTick();
    const done = effects(rt);
    const expected = { check: true, dropdowns: true, reminders: 12, digest: 1 };
    expect(done).toEqual({ ...expected, [job]: job === 'reminders' || job === 'digest' ? 0 : false });

    const rows = failureRows(rt);
    expect(rows).toHaveLength(1);
    expect([rows[0][5], rows[0][7]]).toEqual([label, MESSAGE]);
    expect(notices(rt)).toHaveLength(1);
    expect(notices(rt)[0].to).toEqual(['sotttt@gialai.example']);
    expect(notices(rt)[0].body).toContain(`${label}: ${MESSAGE}`);

    // the same failure the next day: logged again, not told again
    rt.failOn(method, nth, MESSAGE);
    rt.setNow(NEXT_DAY);
    app.dailyTick();
    expect(failureRows(rt)).toHaveLength(2);
    expect(notices(rt)).toHaveLength(1);
  });

  test('a job that works again is forgotten: failing later, it is told again', () => {
    const { rt, app } = booted();
    rt.failOn('Range.setBackgrounds', 1, MESSAGE);
    app.dailyTick();
    rt.setNow(NEXT_DAY);
    app.dailyTick(); // everything works
    rt.failOn('Range.setBackgrounds', 1, MESSAGE);
    rt.setNow(fromLocal(2024, 8, 15, 8, 10));
    app.dailyTick();
    expect(notices(rt)).toHaveLength(2);
  });

  test('a different failure of the same job is told', () => {
    const { rt, app } = booted();
    rt.failOn('Range.setBackgrounds', 1, MESSAGE);
    app.dailyTick();
    rt.failOn('Range.setBackgrounds', 1, 'Exceeded maximum execution time');
    rt.setNow(NEXT_DAY);
    app.dailyTick();
    expect(notices(rt).map((m) => m.body.includes('Exceeded maximum execution time'))).toEqual([false, true]);
  });

  test('with reminders off, a failing check is still logged and told', () => {
    const b = bookWithRow();
    b[TAB.settings][1][1] = 'Không';
    const { rt, app } = boot(b, { now: D1 });
    rt.failOn('Range.setBackgrounds', 1, MESSAGE);
    app.dailyTick();
    expect(failureRows(rt)).toHaveLength(1);
    expect(notices(rt)).toHaveLength(1);
  });

  test('when neither the log nor the mail can take the failure, the run fails instead of hiding it', () => {
    const { rt, app } = booted();
    rt.failOn('Range.setBackgrounds', 1, MESSAGE);
    rt.killOn('Range.setValues', 1); // every later call dies too: nothing can be written or sent
    expect(() => app.dailyTick()).toThrow();
  });
});
