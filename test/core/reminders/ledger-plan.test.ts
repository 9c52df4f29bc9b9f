// The planner with the sent ledger: an address already sent a form, period and step's email is not sent it again.
import { planReminders, SentLedger, failureNotice, recordChanged, failureEmail, failureEntries } from '../../../src/core/reminders';
import { fromLocal } from '../../../src/core/periods';
import { links, unit, validation } from './fixtures';

const D7 = '2024-08-05';

describe('planReminders with a ledger', () => {
  test('a unit whose address is in the ledger is already_sent, whatever its code is now', () => {
    const ledger = new SentLedger();
    ledger.add('03|07/2024|D-7', ['h-601@gialai.example']);
    const v = validation([unit('H-701', 'Huyện Một', '03', { emails: ['H-601@gialai.example'] }), unit('H-602', 'Huyện Hai', '03')], []);
    const plan = planReminders({ v, log: [], today: D7, quota: 100, links, ledger });
    expect(plan.emails.map((e) => e.unit)).toEqual(['H-602']);
    expect(plan.skipped.map((s) => [s.unit, s.reason])).toEqual([['H-701', 'already_sent']]);
  });

  test('an email goes only to the addresses the ledger does not have yet', () => {
    const ledger = new SentLedger();
    ledger.add('03|07/2024|D-7', ['a@x.vn']);
    const v = validation([unit('H-601', 'Huyện Một', '03', { emails: ['a@x.vn', 'b@x.vn'] })], []);
    const plan = planReminders({ v, log: [], today: D7, quota: 100, links, ledger });
    expect(plan.emails.map((e) => [e.to, e.slot])).toEqual([[['b@x.vn'], '03|07/2024|D-7']]);
  });

  test("the ledger of one step does not stop the next step's email", () => {
    const ledger = new SentLedger();
    ledger.add('03|07/2024|D-7', ['h-601@gialai.example']);
    const v = validation([unit('H-601', 'Huyện Một', '03')], []);
    const plan = planReminders({ v, log: [], today: '2024-08-09', quota: 100, links, ledger });
    expect(plan.emails.map((e) => e.step)).toEqual(['D-2']);
  });

  test('the digest is kept by deadline: its admins in the ledger, it is not sent again', () => {
    const v = validation([unit('H-601', 'Huyện Một', '03')], [], { adminEmails: ['so@gialai.example'] });
    const day = '2024-08-13';
    const first = planReminders({ v, log: [], today: day, quota: 100, links });
    const digest = first.emails.find((e) => e.kind === 'digest')!;
    expect(digest.slot).toBe('*2024-08-12|07/2024|D+1');
    const ledger = new SentLedger();
    ledger.add(digest.slot, digest.to);
    const again = planReminders({ v, log: [], today: day, quota: 100, links, ledger });
    expect(again.emails.filter((e) => e.kind === 'digest')).toEqual([]);
  });
});

describe('the daily failures told to the admins', () => {
  const boom = { step: 'check' as const, message: 'Service Spreadsheets failed' };

  test('a failure not told before is told; the same one again is not', () => {
    const first = failureNotice(null, [boom]);
    expect(first.tell).toEqual([boom]);
    expect(failureNotice(JSON.stringify(first.record), [boom]).tell).toEqual([]);
  });

  test('another message of the same job is told; a job that works again drops out of the record', () => {
    const told = JSON.stringify({ check: 'old message' });
    expect(failureNotice(told, [boom]).tell).toEqual([boom]);
    expect(recordChanged(told, {})).toBe(true);
    expect(recordChanged('{}', {})).toBe(false);
  });

  test('the log entry names the job in Vietnamese and keeps the message; it has no period, so it is never a send', () => {
    const [e] = failureEntries([boom], fromLocal(2024, 8, 13, 8));
    expect([e.step, e.detail, e.result, e.period]).toEqual(['Kiểm tra toàn bộ', 'Service Spreadsheets failed', 'error', '']);
  });

  test('the notice escapes what the error says', () => {
    const mail = failureEmail([{ step: 'digest', message: '<script>x</script>' }], '2024-08-13', 'https://docs.google.com/x');
    expect(mail.subject).toContain('13/08/2024');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Gửi email tổng hợp cho quản trị');
  });
});
