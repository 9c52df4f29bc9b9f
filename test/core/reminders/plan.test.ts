// The daily plan's rules one by one: quota, log, skip reasons, order, the --json shape.
import { planJson, planReminders, sendKey, type LogEntry } from '../../../src/core/reminders';
import { fromLocal, month } from '../../../src/core/periods';
import { links, unit, validation, validRow } from './fixtures';
import { REMINDER_TEXT } from '../../../src/core/text/reminders';
import { escapeHtml } from '../../../src/core/safety';

const JULY = month(2024, 7);
const at = (d: number, h = 8) => fromLocal(2024, 8, d, h);

function twelveUnits() {
  return Array.from({ length: 12 }, (_, i) => unit(`H-${601 + i}`, `Huyện số ${i + 1}`, '03'));
}

function sentLog(emails: { unit: string; form: string; period: string; step: string; to: string[] }[], when: Date): LogEntry[] {
  return emails.map((e) => ({
    unit: e.unit,
    form: e.form as '03',
    period: e.period,
    step: e.step,
    to: e.to,
    at: when,
    result: 'sent' as const,
    detail: '',
  }));
}

describe('the quota', () => {
  test('12 due with a quota of 5: 5 emails, 7 quota skips; the next day the 7 go out', () => {
    const v = validation(twelveUnits(), []);
    const day1 = planReminders({ v, log: [], today: '2024-08-05', quota: 5, links });
    expect(day1.emails.map((e) => e.unit)).toEqual(['H-601', 'H-602', 'H-603', 'H-604', 'H-605']);
    expect(day1.skipped.map((s) => [s.unit, s.reason])).toEqual(
      ['H-606', 'H-607', 'H-608', 'H-609', 'H-610', 'H-611', 'H-612'].map((u) => [u, 'quota']),
    );

    const day2 = planReminders({ v, log: sentLog(day1.emails, at(5)), today: '2024-08-06', quota: 5 + 7, links });
    expect(day2.emails.map((e) => `${e.unit} ${e.step}`)).toEqual(
      ['H-606', 'H-607', 'H-608', 'H-609', 'H-610', 'H-611', 'H-612'].map((u) => `${u} D-7`),
    );
    expect(day2.skipped.filter((s) => s.reason === 'already_sent')).toHaveLength(5);
  });

  test('the quota counts recipients and stops at the first email that does not fit', () => {
    const units = [unit('H-601', 'A', '03'), unit('H-602', 'B', '03', { emails: ['b1@x.vn', 'b2@x.vn'] }), unit('H-603', 'C', '03')];
    const p = planReminders({ v: validation(units, []), log: [], today: '2024-08-05', quota: 2, links });
    expect(p.emails.map((e) => e.unit)).toEqual(['H-601']);
    expect(p.skipped.map((s) => [s.unit, s.reason])).toEqual([
      ['H-602', 'quota'],
      ['H-603', 'quota'],
    ]);
  });

  test('no quota left: nothing is sent, everything due waits', () => {
    const p = planReminders({ v: validation(twelveUnits(), []), log: [], today: '2024-08-05', quota: 0, links });
    expect(p.emails).toEqual([]);
    expect(p.skipped.every((s) => s.reason === 'quota')).toBe(true);
  });
});

describe('the send log', () => {
  const units = [unit('H-601', 'A', '03')];
  const base = { unit: 'H-601', form: '03' as const, period: '07/2024', step: 'D-7', to: ['h-601@gialai.example'], detail: '' };

  test('an uncertain send is never retried', () => {
    const p = planReminders({
      v: validation(units, []),
      log: [{ ...base, at: at(5), result: 'uncertain' }],
      today: '2024-08-06',
      quota: 10,
      links,
    });
    expect(p.emails).toEqual([]);
    expect(p.skipped).toEqual([{ unit: 'H-601', form: '03', period: '07/2024', step: 'D-7', reason: 'already_sent' }]);
  });

  test('a failed send is retried on the next run within its window', () => {
    const p = planReminders({
      v: validation(units, []),
      log: [{ ...base, at: at(5), result: 'failed' }],
      today: '2024-08-06',
      quota: 10,
      links,
    });
    expect(p.emails.map((e) => sendKey(e))).toEqual(['03|H-601|07/2024|D-7']);
  });

  test('log entries dated after today are ignored', () => {
    const p = planReminders({
      v: validation(units, []),
      log: [{ ...base, at: at(6), result: 'sent' }],
      today: '2024-08-05',
      quota: 10,
      links,
    });
    expect(p.emails).toHaveLength(1);
  });

  test('a step missed entirely is dropped once the next step is due', () => {
    const p = planReminders({ v: validation(units, []), log: [], today: '2024-08-09', quota: 10, links });
    expect(p.emails.map((e) => e.step)).toEqual(['D-2']);
  });

  test('a step before the deadline is never sent on the deadline day', () => {
    const p = planReminders({ v: validation(units, []), log: [], today: '2024-08-12', quota: 10, links });
    expect(p.emails).toEqual([]);
    expect(p.skipped).toEqual([]);
  });
});

describe('who is reminded', () => {
  test('a unit with a bad or no address is skipped as bad_email, and named in the digest', () => {
    const units = [
      unit('H-601', 'A', '03', { badEmail: true, emails: [] }),
      unit('H-602', 'B', '03', { emails: [] }),
      unit('H-603', 'C', '03'),
    ];
    const v = validation(units, [], { adminEmails: ['qt@stttt.example'] });
    const p = planReminders({ v, log: [], today: '2024-08-13', quota: 10, links });
    expect(p.skipped.map((s) => [s.unit, s.reason])).toEqual([
      ['H-601', 'bad_email'],
      ['H-602', 'bad_email'],
    ]);
    expect(p.emails.map((e) => [e.unit, e.kind])).toEqual([
      ['H-603', 'overdue'],
      ['', 'digest'],
    ]);
    expect(p.emails[1].text).toContain('H-601 A');
    expect(p.emails[1].text).toContain('H-602 B');
  });

  test('a valid row stamped after today does not count yet', () => {
    const u = unit('H-601', 'A', '03');
    const v = validation([u], [validRow(u, JULY, '2024-08-10')]);
    expect(planReminders({ v, log: [], today: '2024-08-09', quota: 10, links }).emails).toHaveLength(1);
    expect(planReminders({ v, log: [], today: '2024-08-10', quota: 10, links }).skipped[0].reason).toBe('reported');
  });

  test('a row on another form tab does not make the unit reported', () => {
    const u = unit('H-601', 'A', '03');
    const elsewhere = { ...validRow(u, JULY, '2024-08-01'), form: '04' as const, sheet: 'Biểu mẫu 04' };
    expect(planReminders({ v: validation([u], [elsewhere]), log: [], today: '2024-08-05', quota: 10, links }).emails).toHaveLength(1);
  });

  test('with skipWeekends off, a step on a Saturday goes out that Saturday', () => {
    const v = validation([unit('H-601', 'A', '03')], [], { skipWeekends: false });
    expect(planReminders({ v, log: [], today: '2024-08-09', quota: 10, links }).emails.map((e) => e.step)).toEqual(['D-7']);
    expect(planReminders({ v, log: [], today: '2024-08-10', quota: 10, links }).emails.map((e) => e.step)).toEqual(['D-2']);
  });

  test('an overdue email of a period already closed says when it closed and that a report now is still taken', () => {
    const v = validation([unit('H-601', 'A', '03')], []);
    const open = planReminders({ v, log: [], today: '2024-08-13', quota: 10, links }).emails[0];
    expect(open.text).not.toContain('đã được chốt');
    // 07/2024 closed at 00:00 on the 13th (a step moved off a weekend, or sent late, comes after the close).
    const closed = { ...v, closed: [{ form: '03' as const, period: JULY, closedAt: fromLocal(2024, 8, 13, 0), units: [] }] };
    const late = planReminders({ v: closed, log: [], today: '2024-08-13', quota: 10, links }).emails[0];
    const note = REMINDER_TEXT.closedNote('07/2024', '00:00 13/08/2024');
    expect(late.kind).toBe('overdue');
    expect(late.text).toContain(`\n\n${note}\n\n`); // its own paragraph after the body (a postscript), above the signature
    expect(late.html.indexOf(`${escapeHtml(note)}</p>`)).toBeGreaterThan(late.html.indexOf('Trân trọng.'));
    expect(late.html.indexOf(`${escapeHtml(note)}</p>`)).toBeLessThan(late.html.indexOf('<b>Sở Thông tin'));
  });

  test('no admin emails: no digest', () => {
    const p = planReminders({ v: validation([unit('H-601', 'A', '03')], []), log: [], today: '2024-08-13', quota: 10, links });
    expect(p.emails.map((e) => e.kind)).toEqual(['overdue']);
  });

  test('emails and skips are ordered by form, unit code, period, step; the digest last', () => {
    const units = [unit('D-09', 'Z', '04'), unit('H-602', 'B', '03'), unit('H-601', 'A', '03')];
    const v = validation(units, [], { adminEmails: ['qt@stttt.example'], reminderOffsets: [-7, -2, 1, 30] });
    const p = planReminders({ v, log: [], today: '2024-09-05', quota: 100, links });
    expect(p.emails.map((e) => sendKey(e))).toEqual([
      '03|H-601|07/2024|D+1',
      '03|H-601|08/2024|D-7',
      '03|H-602|07/2024|D+1',
      '03|H-602|08/2024|D-7',
      '04|D-09|07/2024|D+1',
      '04|D-09|08/2024|D-7',
      '||07/2024|D+1',
    ]);
  });
});

describe('planJson', () => {
  test('prints exactly the remind --json shape', () => {
    const units = [unit('H-601', 'A', '03'), unit('H-602', 'B', '03')];
    const v = validation(units, [validRow(units[1], JULY, '2024-08-01')]);
    const json = planJson(planReminders({ v, log: [], today: '2024-08-09', quota: 10, links }));
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      today: '2024-08-09',
      emails: [
        {
          to: ['h-601@gialai.example'],
          unit: 'H-601',
          form: '03',
          period: '07/2024',
          step: 'D-2',
          subject: '[i-Speed] Nhắc báo cáo Biểu mẫu 03 kỳ 07/2024, hạn trước ngày 12/08/2024',
        },
      ],
      skipped: [{ unit: 'H-602', form: '03', period: '07/2024', step: 'D-2', reason: 'reported' }],
    });
  });
});
