// Step days and windows, and the sidebar's schedule line.
import { FORMS } from '../../../src/core/forms/schema';
import { reminderSchedule, stepsFor } from '../../../src/core/reminders';
import { defaultSettings } from './fixtures';

describe('the steps of a deadline', () => {
  test('07/2024 (due before Mon 12/08): D-7 Mon 05/08, D-2 Sat 10/08 moved to Fri 09/08, D+1 Tue 13/08', () => {
    expect(stepsFor('2024-08-12', defaultSettings())).toEqual([
      { name: 'D-7', offset: -7, nominal: '2024-08-05', day: '2024-08-05', until: '2024-08-09' },
      { name: 'D-2', offset: -2, nominal: '2024-08-10', day: '2024-08-09', until: '2024-08-12' },
      { name: 'D+1', offset: 1, nominal: '2024-08-13', day: '2024-08-13', until: '2024-09-05' },
    ]);
  });

  test('the one-off deadline 28/06: D-7 Fri 21/06, D-2 Wed 26/06, D+1 Sat 29/06 moved to Mon 01/07', () => {
    expect(stepsFor('2024-06-28', defaultSettings()).map((s) => [s.name, s.day])).toEqual([
      ['D-7', '2024-06-21'],
      ['D-2', '2024-06-26'],
      ['D+1', '2024-07-01'],
    ]);
  });

  test('a Sunday step before the deadline moves to the Friday before, after it to the Monday after', () => {
    const s = stepsFor('2024-10-12', defaultSettings()); // Sat: D-7 Sat 05/10, D+1 Sun 13/10
    expect(s.map((x) => x.day)).toEqual(['2024-10-04', '2024-10-10', '2024-10-14']);
    expect(stepsFor('2024-11-12', defaultSettings())[1].day).toBe('2024-11-08'); // D-2 Sun 10/11
  });
});

describe('the sidebar schedule', () => {
  test('names the offsets and the next step', () => {
    const r = reminderSchedule(FORMS, defaultSettings(), '2024-08-01');
    expect(r.text).toBe(
      'Lịch nhắc: 7 ngày trước hạn, 2 ngày trước hạn và 1 ngày sau hạn. Lời nhắc rơi vào thứ Bảy, Chủ nhật được dời sang ngày làm việc gần nhất. Lần nhắc tiếp theo: 05/08/2024 (Biểu mẫu 03, Biểu mẫu 04 kỳ 07/2024, bước D-7).',
    );
    expect(r.nextSteps.slice(0, 4)).toEqual([
      { day: '2024-08-05', form: '03', period: '07/2024', step: 'D-7' },
      { day: '2024-08-05', form: '04', period: '07/2024', step: 'D-7' },
      { day: '2024-08-09', form: '03', period: '07/2024', step: 'D-2' },
      { day: '2024-08-09', form: '04', period: '07/2024', step: 'D-2' },
    ]);
  });

  test('before the campaign, the one-off deadline of forms 01 and 02 comes first', () => {
    expect(reminderSchedule(FORMS, defaultSettings(), '2024-06-10').nextSteps[0]).toEqual({
      day: '2024-06-21',
      form: '01',
      period: '06/2024',
      step: 'D-7',
    });
  });
});
