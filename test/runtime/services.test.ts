import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, formatJavaDate } from '../../src/local/runtime';

type G = {
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
};
function boot(opts: Parameters<typeof createRuntime>[0] = {}) {
  const rt = createRuntime({ now: new Date('2024-08-20T02:00:00Z'), ...opts });
  return { rt, g: rt.globals as unknown as G };
}

describe('MailApp', () => {
  test('sent mail goes to the outbox with its recipients and the clock time', () => {
    const { rt, g } = boot();
    g.MailApp.sendEmail({
      to: 'a@gialai.example, b@gialai.example',
      cc: 'c@gialai.example',
      subject: 'Nhắc',
      body: 'x',
      htmlBody: '<b>x</b>',
      name: 'Sở TT&TT',
    });
    g.MailApp.sendEmail('d@gialai.example', 'Chủ đề', 'Nội dung', { replyTo: 'admin@gialai.example' });
    expect(rt.outbox[0]).toMatchObject({
      to: ['a@gialai.example', 'b@gialai.example'],
      cc: ['c@gialai.example'],
      bcc: [],
      htmlBody: '<b>x</b>',
      name: 'Sở TT&TT',
    });
    expect(rt.outbox[1]).toMatchObject({ to: ['d@gialai.example'], subject: 'Chủ đề', body: 'Nội dung', replyTo: 'admin@gialai.example' });
    expect(rt.outbox[1].at.toISOString()).toBe('2024-08-20T02:00:00.000Z');
  });

  test('the daily quota counts recipients, and over it the exact error is thrown', () => {
    const { rt, g } = boot({ mailQuota: 3 });
    g.MailApp.sendEmail({ to: 'a@x.vn,b@x.vn', subject: 's', body: 'b' });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => g.MailApp.sendEmail({ to: 'c@x.vn', cc: 'd@x.vn', subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.outbox).toHaveLength(1);
  });

  test('the quota resets at midnight in the script time zone', () => {
    const { rt, g } = boot({ mailQuota: 1 });
    g.MailApp.sendEmail('a@x.vn', 's', 'b');
    rt.setNow(new Date('2024-08-20T16:59:00Z')); // 23:59 Gia Lai
    expect(g.MailApp.getRemainingDailyQuota()).toBe(0);
    rt.setNow(new Date('2024-08-20T17:00:00Z')); // 00:00 the next day
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  test('an invalid address throws Invalid email', () => {
    const { g } = boot();
    expect(() => g.MailApp.sendEmail('khong-hop-le', 's', 'b')).toThrow('Invalid email: khong-hop-le');
  });
});

describe('ScriptApp triggers', () => {
  test('triggers are listed with handler, type and unique id; deleteTrigger removes one', () => {
    const { rt, g } = boot();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    g.ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(8).inTimezone('Asia/Ho_Chi_Minh').create();
    const list = g.ScriptApp.getProjectTriggers();
    expect(list.map((t) => [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())])).toEqual([
      ['handleEdit', 'ON_EDIT', 'SPREADSHEETS'],
      ['dailyTick', 'CLOCK', 'CLOCK'],
    ]);
    expect(list[0].getUniqueId()).not.toBe(list[1].getUniqueId());
    g.ScriptApp.deleteTrigger(list[0]);
    expect(rt.triggers().map((t) => t.handler)).toEqual(['dailyTick']);
  });

  test('the 21st trigger throws the exact error', () => {
    const { g } = boot();
    for (let i = 0; i < 20; i++) g.ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(30).create();
    expect(() => g.ScriptApp.newTrigger('f21').timeBased().everyMinutes(30).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('everyMinutes accepts only 1, 5, 10, 15 and 30', () => {
    const { g } = boot();
    for (const n of [1, 5, 10, 15, 30]) expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(n)).not.toThrow();
    for (const n of [2, 20, 60]) expect(() => g.ScriptApp.newTrigger('f').timeBased().everyMinutes(n)).toThrow(/everyMinutes/);
  });

  test("a clock trigger in another zone is due in that zone's hour", () => {
    const { rt, g } = boot();
    g.ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(8).inTimezone('UTC').create();
    const fired: unknown[] = [];
    const app = { tick: (e: unknown) => fired.push(e) };
    rt.tick(app, new Date('2024-08-20T01:30:00Z'));
    expect(fired).toHaveLength(0);
    rt.tick(app, new Date('2024-08-20T08:10:00Z'));
    expect(fired).toHaveLength(1);
  });
});

describe('LockService', () => {
  test('tryLock returns true when free, false while another process holds the lock', () => {
    const { rt, g } = boot();
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    rt.holdLock('document');
    const t0 = rt.now().getTime();
    expect(g.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(rt.now().getTime() - t0).toBe(5000);
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  test('waitLock throws the exact timeout error while the lock is held elsewhere', () => {
    const { rt, g } = boot();
    rt.holdLock('script');
    expect(() => g.LockService.getScriptLock().waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    rt.releaseLock('script');
    expect(() => g.LockService.getScriptLock().waitLock(30000)).not.toThrow();
  });
});

describe('PropertiesService', () => {
  test('the three stores are separate; missing keys read null; values become strings', () => {
    const { g } = boot();
    const doc = g.PropertiesService.getDocumentProperties();
    doc.setProperty('sent', 12 as unknown as string);
    expect(doc.getProperty('sent')).toBe('12');
    expect(g.PropertiesService.getScriptProperties().getProperty('sent')).toBeNull();
    expect(g.PropertiesService.getUserProperties().getKeys()).toEqual([]);
    doc.setProperties({ a: '1', b: '2' }, true);
    expect(doc.getProperties()).toEqual({ a: '1', b: '2' });
    doc.deleteProperty('a');
    expect(doc.getKeys()).toEqual(['b']);
    doc.deleteAllProperties();
    expect(doc.getProperties()).toEqual({});
  });

  test('a value over 9 KB and a store over 500 KB are refused', () => {
    const { g } = boot();
    const p = g.PropertiesService.getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => p.setProperty('k56', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota');
    expect(p.getProperty('k56')).toBeNull();
  });
});

describe('CacheService', () => {
  test('values expire by the runtime clock; default 10 minutes', () => {
    const { rt, g } = boot();
    const c = g.CacheService.getScriptCache();
    c.put('a', 'x', 60);
    c.put('b', 'y');
    expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: 'x', b: 'y' });
    rt.setNow(new Date(rt.now().getTime() + 61000));
    expect(c.get('a')).toBeNull();
    expect(c.get('b')).toBe('y');
    rt.setNow(new Date(rt.now().getTime() + 600000));
    expect(c.get('b')).toBeNull();
  });

  test('key, value and expiry limits are enforced', () => {
    const { g } = boot();
    const c = g.CacheService.getDocumentCache()!;
    expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => c.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => c.put('k', 'v', 21601)).toThrow(/expiration/);
    expect(() => c.put('k', 'v', 0)).toThrow(/expiration/);
  });

  // Google: "Individual keys can be up to 250 characters and store up to 100KB of data, with a cache item cap of
  // 1,000 entries" (developers.google.com/apps-script/reference/cache/cache). Best effort: the oldest items go.
  test('a cache holds at most 1,000 items: putting more drops the ones put longest ago', () => {
    const { g } = boot();
    const c = g.CacheService.getDocumentCache()!;
    c.putAll(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, String(i)])), 600);
    c.put('k0', 'again'); // put again: now the newest
    c.put('extra', 'x');
    expect(c.get('k1')).toBeNull();
    expect(c.get('k0')).toBe('again');
    expect(c.get('extra')).toBe('x');
    expect(c.get('k999')).toBe('999');
  });

  // Items past their expiry are no longer in the cache ("until the item expires out of the cache",
  // developers.google.com/apps-script/reference/cache/cache): they count toward no cap, and the live ones stay.
  test('expired items do not count toward the 1,000: short-lived keys never push out the items that still live', () => {
    const { rt, g } = boot();
    const c = g.CacheService.getDocumentCache()!;
    c.put('old', 'kept', 21600);
    c.putAll(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`j${i}`, '1'])), 20);
    rt.setNow(new Date(rt.now().getTime() + 30000));
    c.putAll(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, String(i)])), 600);
    expect(c.get('old')).toBe('kept');
    expect(c.get('j0')).toBeNull();
    expect(c.get('k0')).toBe('0');
  });
});

describe('Utilities.formatDate', () => {
  const d = new Date('2024-07-11T16:30:05Z');
  test.each([
    ['dd/MM/yyyy HH:mm', 'Asia/Ho_Chi_Minh', '11/07/2024 23:30'],
    ['yyyy-MM-dd', 'UTC', '2024-07-11'],
    ['d/M/yy H:mm:ss', 'Asia/Ho_Chi_Minh', '11/7/24 23:30:05'],
    ["EEE, dd 'tháng' MM", 'Asia/Ho_Chi_Minh', 'Thu, 11 tháng 07'],
    ['hh:mm a', 'Asia/Ho_Chi_Minh', '11:30 PM'],
    ['Z', 'Asia/Ho_Chi_Minh', '+0700'],
    ['XXX', 'America/New_York', '-04:00'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", 'Europe/Paris', '2024-07-11T18:30:05+02:00'],
    ["''yy''", 'UTC', "'24'"],
  ])('pattern %s in %s gives %s', (pattern, tz, out) => {
    const { g } = boot();
    expect(g.Utilities.formatDate(d, tz, pattern)).toBe(out);
  });

  test('a zone with daylight saving uses the offset of that date', () => {
    expect(formatJavaDate(new Date('2024-01-15T12:00:00Z'), 'America/New_York', 'HH:mm Z')).toBe('07:00 -0500');
  });

  test('sleep advances the runtime clock', () => {
    const { rt, g } = boot();
    g.Utilities.sleep(1500);
    expect(rt.now().toISOString()).toBe('2024-08-20T02:00:01.500Z');
  });
});

describe('Ui, HtmlService and Session', () => {
  test('menus, alerts, sidebars and toasts are recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Báo cáo</p>');
    const { rt, g } = boot({ htmlDir: dir });
    const ui = g.SpreadsheetApp.getUi();
    ui.createMenu('i-Speed').addItem('Kiểm tra', 'menuCheckAll').addSeparator().addToUi();
    expect(rt.ui.menus).toEqual([
      { title: 'i-Speed', items: [{ caption: 'Kiểm tra', functionName: 'menuCheckAll' }, { separator: true }] },
    ]);
    expect(String(ui.alert('Xong'))).toBe('OK');
    expect(rt.ui.alerts[0].prompt).toBe('Xong');
    ui.showSidebar(g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Báo cáo'));
    expect(rt.ui.sidebars[0].getContent()).toBe('<p>Báo cáo</p>');
    expect(rt.ui.sidebars[0].getTitle()).toBe('Báo cáo');
    g.SpreadsheetApp.getActiveSpreadsheet().toast('Đã lưu', 'i-Speed');
    expect(rt.ui.toasts).toEqual([{ message: 'Đã lưu', title: 'i-Speed', timeoutSeconds: null }]);
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  test('Session gives the runtime user and script time zone', () => {
    const { g } = boot({ user: 'admin@gialai.example' });
    expect(g.Session.getEffectiveUser().getEmail()).toBe('admin@gialai.example');
    expect(g.Session.getActiveUser().getEmail()).toBe('admin@gialai.example');
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('call counting and fault injection', () => {
  test('every service call is counted as Interface.method', () => {
    const { rt, g } = boot();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('X');
    sheet.getRange(1, 1, 2, 2).getValues();
    g.PropertiesService.getDocumentProperties().getProperty('a');
    g.LockService.getDocumentLock().tryLock(10);
    expect(rt.calls).toMatchObject({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.insertSheet': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Properties.getProperty': 1,
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
    });
    expect(rt.totalCalls((n) => n.startsWith('Range.'))).toBe(1);
    rt.resetCalls();
    expect(rt.totalCalls()).toBe(0);
  });

  test('failOn makes the nth call from now throw the given message, once', () => {
    const { rt, g } = boot();
    rt.failOn('MailApp.sendEmail', 2, 'Service invoked too many times for one day: email.');
    g.MailApp.sendEmail('a@x.vn', 's', 'b');
    expect(() => g.MailApp.sendEmail('a@x.vn', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(() => g.MailApp.sendEmail('a@x.vn', 's', 'b')).not.toThrow();
    expect(rt.outbox).toHaveLength(2);
  });
});
