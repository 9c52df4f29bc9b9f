// A whole campaign, June to December 2024, one daily run a day: every email sent, against a table written by hand.
import { planReminders, type LogEntry, type ReminderPlan } from '../../../src/core/reminders';
import type { FormRow, Unit } from '../../../src/core/model';
import { addDays, fromLocal, month, parseDay } from '../../../src/core/periods';
import { invalidRow, links, unit, validation, validRow } from './fixtures';

const ADMIN = 'quantri@stttt.example';
const M = (mo: number) => month(2024, mo);

const S01 = unit('S-01', 'Sở Y tế', '01');
const B02 = unit('B-02', 'Báo Gia Lai', '02');
const H622 = unit('H-622', 'Thành phố Pleiku', '03');
const H623 = unit('H-623', 'Thị xã An Khê', '03');
const H626 = unit('H-626', 'Huyện Đăk Đoa', '03');
const H630 = unit('H-630', 'Huyện Kông Chro', '03');
const H640 = unit('H-640', 'Huyện Mới Lập', '03', { from: M(8) });
const H650 = unit('H-650', 'Huyện Đã Giải Thể', '03', { to: M(7) });
const H699 = unit('H-699', 'Dòng nhập nhầm', '03', { enabled: false });
const D04 = unit('D-04', 'VNPT Gia Lai', '04');

/** Day of month M+1 on which each unit reports period M (periods 06..11); absent = never. */
function reportDay(u: Unit, m: number): number | null {
  const mo = (m % 12) + 1;
  switch (u.code) {
    case 'H-622':
      return 7; // between D-7 and D-2
    case 'H-623':
      return mo === 7 ? 12 : 3; // July: an invalid row first, fixed on 12/08
    case 'H-630':
      return mo === 6 ? null : 1;
    case 'H-640':
      return mo >= 9 ? 2 : null;
    case 'D-04':
      return mo === 10 ? null : 1;
    default:
      return null;
  }
}

function validationOn(day: string) {
  // H-640 is entered in the directory on Saturday 07/09, for periods from 08/2024.
  const units = [S01, B02, H622, H623, H626, H630, H650, H699, D04, ...(day >= '2024-09-07' ? [H640] : [])];
  const rows: FormRow[] = [];
  if (day >= '2024-06-25') rows.push(validRow(S01, M(6), '2024-06-25'));
  for (const u of [H622, H623, H630, H640, D04]) {
    for (let m = M(6); m <= M(11); m++) {
      const d = reportDay(u, m);
      if (d === null) continue;
      const next = m + 1;
      const stamp = `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (stamp <= day) rows.push(validRow(u, m, stamp));
    }
  }
  if (day >= '2024-08-06' && day < '2024-08-12') {
    rows.push(invalidRow(H623, M(7), 9, [{ column: 'Người báo cáo', message: 'Ô bắt buộc, chưa nhập.' }]));
  }
  return validation(units, rows, { adminEmails: [ADMIN] });
}

const MISSED_RUN = '2024-09-05';

// [day, unit, form, period, step]; '' unit and form = the admins' digest.
const EXPECTED: Array<[string, string, string, string, string]> = [
  // Forms 01/02, one-off deadline: due before 28/06 (Fri).
  ['2024-06-21', 'S-01', '01', '06/2024', 'D-7'],
  ['2024-06-21', 'B-02', '02', '06/2024', 'D-7'],
  ['2024-06-26', 'B-02', '02', '06/2024', 'D-2'], // S-01 reported on 25/06
  ['2024-07-01', 'B-02', '02', '06/2024', 'D+1'], // 29/06 is a Saturday: Monday 01/07
  ['2024-07-01', '', '', '06/2024', 'D+1'],
  // Forms 03/04, 06/2024: due before 12/07 (Fri); D+1 13/07 is a Saturday: Monday 15/07.
  ['2024-07-05', 'H-622', '03', '06/2024', 'D-7'],
  ['2024-07-05', 'H-626', '03', '06/2024', 'D-7'],
  ['2024-07-05', 'H-630', '03', '06/2024', 'D-7'],
  ['2024-07-05', 'H-650', '03', '06/2024', 'D-7'],
  ['2024-07-10', 'H-626', '03', '06/2024', 'D-2'], // H-622 reported on 07/07
  ['2024-07-10', 'H-630', '03', '06/2024', 'D-2'],
  ['2024-07-10', 'H-650', '03', '06/2024', 'D-2'],
  ['2024-07-15', 'H-626', '03', '06/2024', 'D+1'],
  ['2024-07-15', 'H-630', '03', '06/2024', 'D+1'],
  ['2024-07-15', 'H-650', '03', '06/2024', 'D+1'],
  ['2024-07-15', '', '', '06/2024', 'D+1'],
  // 07/2024: due before 12/08 (Mon); D-2 10/08 is a Saturday: Friday 09/08.
  ['2024-08-05', 'H-622', '03', '07/2024', 'D-7'],
  ['2024-08-05', 'H-623', '03', '07/2024', 'D-7'],
  ['2024-08-05', 'H-626', '03', '07/2024', 'D-7'],
  ['2024-08-05', 'H-650', '03', '07/2024', 'D-7'],
  ['2024-08-09', 'H-623', '03', '07/2024', 'D-2'], // its row has errors: reminded, with the cells to fix
  ['2024-08-09', 'H-626', '03', '07/2024', 'D-2'],
  ['2024-08-09', 'H-650', '03', '07/2024', 'D-2'],
  ['2024-08-13', 'H-626', '03', '07/2024', 'D+1'], // H-623 fixed its row on 12/08
  ['2024-08-13', 'H-650', '03', '07/2024', 'D+1'],
  ['2024-08-13', '', '', '07/2024', 'D+1'],
  // 08/2024: due before 12/09 (Thu); no run on 05/09, D-7 caught up on 06/09; H-650 ended with 07/2024.
  ['2024-09-06', 'H-622', '03', '08/2024', 'D-7'],
  ['2024-09-06', 'H-626', '03', '08/2024', 'D-7'],
  ['2024-09-07', 'H-640', '03', '08/2024', 'D-7'], // entered on Saturday 07/09: caught up the same day
  ['2024-09-10', 'H-626', '03', '08/2024', 'D-2'],
  ['2024-09-10', 'H-640', '03', '08/2024', 'D-2'],
  ['2024-09-13', 'H-626', '03', '08/2024', 'D+1'],
  ['2024-09-13', 'H-640', '03', '08/2024', 'D+1'],
  ['2024-09-13', '', '', '08/2024', 'D+1'],
  // 09/2024: due before 12/10 (Sat); D-7 05/10 Sat: Friday 04/10; D+1 13/10 Sun: Monday 14/10.
  ['2024-10-04', 'H-622', '03', '09/2024', 'D-7'],
  ['2024-10-04', 'H-626', '03', '09/2024', 'D-7'],
  ['2024-10-10', 'H-626', '03', '09/2024', 'D-2'],
  ['2024-10-14', 'H-626', '03', '09/2024', 'D+1'],
  ['2024-10-14', '', '', '09/2024', 'D+1'],
  // 10/2024: due before 12/11 (Tue); D-2 10/11 Sun: Friday 08/11; D-04 never reports.
  ['2024-11-05', 'H-622', '03', '10/2024', 'D-7'],
  ['2024-11-05', 'H-626', '03', '10/2024', 'D-7'],
  ['2024-11-05', 'D-04', '04', '10/2024', 'D-7'],
  ['2024-11-08', 'H-626', '03', '10/2024', 'D-2'],
  ['2024-11-08', 'D-04', '04', '10/2024', 'D-2'],
  ['2024-11-13', 'H-626', '03', '10/2024', 'D+1'],
  ['2024-11-13', 'D-04', '04', '10/2024', 'D+1'],
  ['2024-11-13', '', '', '10/2024', 'D+1'],
  // 11/2024: due before 12/12 (Thu).
  ['2024-12-05', 'H-622', '03', '11/2024', 'D-7'],
  ['2024-12-05', 'H-626', '03', '11/2024', 'D-7'],
  ['2024-12-10', 'H-626', '03', '11/2024', 'D-2'],
  ['2024-12-13', 'H-626', '03', '11/2024', 'D+1'],
  ['2024-12-13', '', '', '11/2024', 'D+1'],
];

function runCampaign(): { plans: Map<string, ReminderPlan>; sends: string[][] } {
  const log: LogEntry[] = [];
  const plans = new Map<string, ReminderPlan>();
  const sends: string[][] = [];
  for (let day = '2024-06-01'; day <= '2024-12-31'; day = addDays(day, 1)) {
    if (day === MISSED_RUN) continue;
    const plan = planReminders({ v: validationOn(day), log, today: day, quota: 100, links });
    plans.set(day, plan);
    const p = parseDay(day);
    for (const e of plan.emails) {
      sends.push([day, e.unit, e.form, e.period, e.step]);
      log.push({
        unit: e.unit,
        form: e.form,
        period: e.period,
        step: e.step,
        at: fromLocal(p.year, p.month, p.day, 8, 5),
        to: e.to,
        result: 'sent',
        detail: '',
      });
    }
  }
  return { plans, sends };
}

describe('a whole campaign, day by day', () => {
  const { plans, sends } = runCampaign();

  test('every send of June to December 2024 is exactly the hand-made table, in order', () => {
    expect(sends).toEqual(EXPECTED);
  });

  test('a step moved off a Saturday after the deadline is skipped as weekend on its nominal day', () => {
    expect(plans.get('2024-06-29')!.skipped).toEqual([
      { unit: 'S-01', form: '01', period: '06/2024', step: 'D+1', reason: 'reported' },
      { unit: 'B-02', form: '02', period: '06/2024', step: 'D+1', reason: 'weekend' },
      { unit: '', form: '', period: '06/2024', step: 'D+1', reason: 'weekend' },
    ]);
    expect(plans.get('2024-06-29')!.emails).toEqual([]);
  });

  test('on the Saturday after a step moved to Friday, the units already reminded are skipped as already_sent', () => {
    expect(plans.get('2024-08-10')!.skipped.map((s) => [s.unit, s.step, s.reason])).toEqual([
      ['H-622', 'D-2', 'reported'],
      ['H-623', 'D-2', 'already_sent'],
      ['H-626', 'D-2', 'already_sent'],
      ['H-630', 'D-2', 'reported'],
      ['H-650', 'D-2', 'already_sent'],
      ['D-04', 'D-2', 'reported'],
    ]);
  });

  test('the invalid unit is told which cells to fix, and only while its row has errors', () => {
    const d2 = plans.get('2024-08-09')!.emails.find((e) => e.unit === 'H-623')!;
    expect(d2.text).toContain('Dòng 9, cột “Người báo cáo”: Ô bắt buộc, chưa nhập.');
    const d7 = plans.get('2024-08-05')!.emails.find((e) => e.unit === 'H-623')!;
    expect(d7.text).not.toContain('Dòng');
  });

  test('a disabled unit is never listed, and a unit is not listed outside its periods', () => {
    for (const p of plans.values()) {
      const all = [...p.emails, ...p.skipped];
      expect(all.some((x) => x.unit === 'H-699')).toBe(false);
      expect(all.some((x) => x.unit === 'H-650' && x.period !== '06/2024' && x.period !== '07/2024')).toBe(false);
      expect(all.some((x) => x.unit === 'H-640' && (x.period === '06/2024' || x.period === '07/2024'))).toBe(false);
    }
  });

  test('form 02 gets no reminder for any month after 06/2024', () => {
    for (const p of plans.values()) expect([...p.emails, ...p.skipped].some((x) => x.form === '02' && x.period !== '06/2024')).toBe(false);
  });

  test('the digest goes to the admins only, once per deadline, last in the list', () => {
    const digests = [...plans.values()].flatMap((p) => p.emails.filter((e) => e.kind === 'digest').map((e) => ({ e, p })));
    expect(digests).toHaveLength(7);
    for (const { e, p } of digests) {
      expect(e.to).toEqual([ADMIN]);
      expect(p.emails[p.emails.length - 1]).toBe(e);
    }
  });
});
