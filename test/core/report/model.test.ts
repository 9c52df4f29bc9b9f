import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, reportJson, ratio4, type FormReport } from '../../../src/core/report/model';
import { month } from '../../../src/core/periods';
import { example1, JUL, JUN, AUG, row, unit, validation } from './fixture';

const EXAMPLES = '/work/shared/design/examples';
const TODAY = '2024-08-20';

/** The actual JSON cut to the keys the expected JSON shows (indicators matched by key: the example lists four). */
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
function project(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return actual;
    const list: unknown[] = actual;
    if (isObject(expected[0]) && 'key' in expected[0]) {
      return expected.map((e: Record<string, unknown>) =>
        project(
          list.find((a) => isObject(a) && a.key === e.key),
          e,
        ),
      );
    }
    return list.map((a, i) => project(a, expected[i] ?? expected[0]));
  }
  if (isObject(expected) && isObject(actual))
    return Object.fromEntries(Object.keys(expected).map((k) => [k, project(actual[k], expected[k])]));
  return actual;
}

function form(r: ReturnType<typeof buildReport>, id = '03'): FormReport {
  return r.forms.find((f) => f.form === id)!;
}

describe('the worked example (examples/example-1)', () => {
  test('07/2024 comes out as example-1.report.json', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'example-1.report.json'), 'utf8'));
    const actual = reportJson(buildReport(example1(), JUL, ['03'], TODAY));
    expect(project(actual, expected)).toEqual(expected);
  });

  test('06/2024 comes out as example-1.report-06.json', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'example-1.report-06.json'), 'utf8'));
    const actual = reportJson(buildReport(example1(), JUN, ['03'], TODAY));
    expect(project(actual, expected)).toEqual(expected);
  });

  test('the JSON has exactly the report --json keys', () => {
    const json = reportJson(buildReport(example1(), JUL, ['03'], TODAY));
    expect(Object.keys(json)).toEqual(['period', 'forms']);
    expect(Object.keys(json.forms[0])).toEqual([
      'form',
      'dueBefore',
      'expected',
      'reported',
      'onTime',
      'late',
      'unknownTime',
      'invalid',
      'missing',
      'installRate',
      'indicators',
      'units',
      'measured',
      'closedAt',
      'corrections',
    ]);
    expect(Object.keys(json.forms[0].units[0])).toEqual(['code', 'name', 'status', 'values', 'carried']);
    expect(json.forms[0].indicators.map((i) => i.key)).toEqual([
      'staff_total',
      'staff_installed',
      'relatives_guided',
      'communes_active',
      'villages_active',
      'loudspeaker_broadcasts',
      'digital_teams',
      'residents_guided',
      'portal_posts',
      'social_posts',
      'samples',
    ]);
  });

  test('an invalid unit keeps its carried stocks and has no flows', () => {
    const ankhe = form(buildReport(example1(), JUL, ['03'], TODAY)).units.find((u) => u.code === 'H-623')!;
    expect(ankhe.values).toEqual({
      staff_total: 120,
      staff_installed: 40,
      relatives_guided: 30,
      communes_active: 4,
      villages_active: 12,
      digital_teams: 2,
    });
  });

  test('beyond the JSON: completeness, timeliness, changes, sample target, trend and units to chase', () => {
    const f = form(buildReport(example1(), JUL, ['03'], TODAY));
    expect(f.completeness).toBe(0.5);
    expect(f.timeliness).toBe(0.25);
    const installed = f.indicators.find((i) => i.key === 'staff_installed')!;
    expect(installed.previous).toBe(280);
    expect(installed.change).toBe(25);
    expect(f.indicators.find((i) => i.key === 'residents_guided')!.change).toBe(340 - 410);
    expect(f.sampleTargetReached).toEqual(['H-622']);
    expect(f.trend).toEqual([
      { month: JUN, label: '06/2024', installRate: 0.4516, staffInstalled: 280, staffTotal: 620 },
      { month: JUL, label: '07/2024', installRate: 0.4919, staffInstalled: 305, staffTotal: 620 },
    ]);
    expect(f.chase.map((c) => [c.code, c.name, c.status, c.emails])).toEqual([
      ['H-623', 'Thị xã An Khê', 'invalid', ['h-623@gialai.example']],
      ['H-630', 'Huyện Kông Chro', 'invalid', ['h-630@gialai.example']],
    ]);
    expect(f.chase[0].reason).toContain('6');
  });

  test('the first period has no previous period, so no change', () => {
    const f = form(buildReport(example1(), JUN, ['03'], TODAY));
    expect(f.indicators.every((i) => i.previous === null && i.change === null)).toBe(true);
    expect(f.chase.map((c) => [c.code, c.status])).toEqual([['H-630', 'missing']]);
  });
});

describe('report rules', () => {
  const A = unit('A', 'Đơn vị A', '03');
  const B = unit('B', 'Đơn vị B', '03');
  const vals = (installed: number, flow: number) => [100, installed, 10, 1, 1, flow, 1, flow, flow, flow, flow];

  test('install rate is rounded half-up to 4 decimals from exact integers', () => {
    expect(ratio4(57, 800)).toBe(0.0713);
    expect(ratio4(305, 620)).toBe(0.4919);
    expect(ratio4(1, 0)).toBeNull();
  });

  test('stocks are carried forward from the latest earlier valid report, never summed across months', () => {
    const v = validation(
      [A, B],
      [
        row('03', 2, 'A', JUN, vals(10, 5), [2024, 7, 1, 8, 0]),
        row('03', 3, 'B', JUN, vals(20, 5), [2024, 7, 1, 8, 0]),
        row('03', 4, 'A', JUL, vals(30, 7), [2024, 8, 1, 8, 0]),
      ],
    );
    const f = form(buildReport(v, AUG, ['03'], '2024-09-20'));
    const installed = f.indicators.find((i) => i.key === 'staff_installed')!;
    expect(installed.period).toBe(50);
    expect(installed.cumulative).toBe(50);
    expect(f.units.map((u) => u.carried.length)).toEqual([6, 6]);
    expect(f.units.map((u) => u.status)).toEqual(['missing', 'missing']);
  });

  test('flows add up only within the period; the cumulative runs from the campaign start', () => {
    const v = validation(
      [A, B],
      [
        row('03', 2, 'A', month(2024, 5), vals(1, 1000), [2024, 6, 1, 8, 0]),
        row('03', 3, 'A', JUN, vals(10, 5), [2024, 7, 1, 8, 0]),
        row('03', 4, 'A', JUL, vals(10, 7), [2024, 8, 1, 8, 0]),
        row('03', 5, 'B', JUL, vals(10, 11), [2024, 8, 1, 8, 0]),
        row('03', 6, 'B', AUG, vals(10, 13), [2024, 9, 1, 8, 0]),
      ],
    );
    const residents = form(buildReport(v, JUL, ['03'], '2024-09-20')).indicators.find((i) => i.key === 'residents_guided')!;
    expect(residents.period).toBe(18);
    expect(residents.cumulative).toBe(23);
  });

  test('a row with errors does not count, a duplicate pair with errors neither', () => {
    const v = validation(
      [A, B],
      [
        row('03', 2, 'A', JUL, vals(10, 5), [2024, 8, 1, 8, 0]),
        row('03', 3, 'B', JUL, vals(90, 50), null, false),
        row('03', 4, 'A', JUL, vals(99, 99), null, false),
      ],
    );
    const f = form(buildReport(v, JUL, ['03'], TODAY));
    expect(f.indicators.find((i) => i.key === 'residents_guided')!.period).toBe(5);
    expect(f.units.map((u) => u.status)).toEqual(['on_time', 'invalid']);
    const v2 = validation(
      [A],
      [row('03', 2, 'A', JUL, vals(10, 5), [2024, 8, 1, 8, 0], false), row('03', 3, 'A', JUL, vals(10, 5), [2024, 8, 1, 8, 0], false)],
    );
    const f2 = form(buildReport(v2, JUL, ['03'], TODAY));
    expect(f2.invalid).toEqual(['A']);
    expect(f2.indicators.find((i) => i.key === 'residents_guided')!.period).toBe(0);
  });

  test('a report first valid on or after the due day is late; one without a stamp is unknown_time', () => {
    const v = validation([A, B], [row('03', 2, 'A', JUL, vals(10, 5), [2024, 8, 12, 0, 0]), row('03', 3, 'B', JUL, vals(10, 5), null)]);
    const f = form(buildReport(v, JUL, ['03'], TODAY));
    expect(f.units.map((u) => u.status)).toEqual(['late', 'unknown_time']);
    expect([f.reported, f.onTime, f.late, f.unknownTime]).toEqual([2, 0, 1, 1]);
  });

  test('before the deadline nobody is late or missing: units without a row are pending', () => {
    const v = validation([A, B], [row('03', 2, 'A', JUL, vals(10, 5), [2024, 8, 5, 8, 0])]);
    const f = form(buildReport(v, JUL, ['03'], '2024-08-11'));
    expect(f.units.map((u) => u.status)).toEqual(['on_time', 'pending']);
    expect(f.missing).toEqual([]);
    expect(f.pending).toEqual(['B']);
    expect(f.chase).toEqual([]);
    expect(f.expected).toBe(2);
  });

  test('rows stamped after today are ignored: the workbook is read as it stood that day', () => {
    const v = validation([A], [row('03', 2, 'A', JUL, vals(10, 5), [2024, 8, 21, 8, 0])]);
    expect(form(buildReport(v, JUL, ['03'], TODAY)).units[0].status).toBe('missing');
  });

  test('a unit added mid-campaign is expected from its first period only; disabled units never', () => {
    const C = unit('C', 'Đơn vị C', '03', { from: JUL });
    const D = unit('D', 'Đơn vị D', '03', { enabled: false });
    const E = unit('E', 'Đơn vị E', '03', { to: JUN });
    const v = validation([A, C, D, E], []);
    expect(form(buildReport(v, JUN, ['03'], TODAY)).units.map((u) => u.code)).toEqual(['A', 'E']);
    const jul = form(buildReport(v, JUL, ['03'], TODAY));
    expect(jul.units.map((u) => u.code)).toEqual(['A', 'C']);
    expect(jul.expected).toBe(2);
  });

  test("only rows on the unit's own tab count", () => {
    const v = validation([A], [row('04', 2, 'A', JUL, [100, 50, 1, 1, 1, 1, 1, 1, 1], [2024, 8, 1, 8, 0])]);
    expect(form(buildReport(v, JUL, ['03'], TODAY)).units[0].status).toBe('missing');
  });

  test('form 02: flows add up over rows, stocks from the latest stamp, the earliest stamp is the submission time', () => {
    const P = unit('P', 'Báo Gia Lai', '02');
    // staff_total, staff_installed, relatives, print, online, radio, tv, airtime, social
    const v = validation(
      [P],
      [
        row('02', 2, 'P', JUN, [50, 40, 10, 1, 2, 0, 0, 1.25, 3], [2024, 6, 27, 10, 0]),
        row('02', 3, 'P', JUN, [50, 45, 12, 2, 3, 1, 1, 2.3, 4], [2024, 6, 29, 10, 0]),
        row('02', 4, 'P', JUN, [50, 30, 5, 1, 1, 1, 1, 0.1, 1], null),
      ],
    );
    const f = form(buildReport(v, JUN, ['02'], TODAY), '02');
    const u = f.units[0];
    expect(u.status).toBe('on_time');
    expect(u.values.staff_installed).toBe(45);
    expect(u.values.print_items).toBe(4);
    expect(u.values.airtime_minutes).toBe(3.7);
    expect(f.indicators.find((i) => i.key === 'airtime_minutes')!.period).toBe(3.7);
    expect(f.installRate).toBe(0.9);
  });

  test('form 02: among unstamped rows the lowest on the sheet gives the stocks', () => {
    const P = unit('P', 'Báo Gia Lai', '02');
    const v = validation(
      [P],
      [row('02', 5, 'P', JUN, [50, 20, 1, 0, 0, 0, 0, 0, 0], null), row('02', 3, 'P', JUN, [50, 10, 1, 0, 0, 0, 0, 0, 0], null)],
    );
    expect(form(buildReport(v, JUN, ['02'], TODAY), '02').units[0].values.staff_installed).toBe(20);
  });

  test('airtime totals are rounded to 0.1', () => {
    const P = unit('P', 'Báo Gia Lai', '02');
    const Q = unit('Q', 'Đài PT-TH Gia Lai', '02');
    const v = validation(
      [P, Q],
      [
        row('02', 2, 'P', JUN, [50, 40, 10, 0, 0, 0, 0, 0.14, 0], [2024, 6, 20, 10, 0]),
        row('02', 3, 'Q', JUN, [50, 40, 10, 0, 0, 0, 0, 0.22, 0], [2024, 6, 20, 10, 0]),
      ],
    );
    const airtime = form(buildReport(v, JUN, ['02'], TODAY), '02').indicators.find((i) => i.key === 'airtime_minutes')!;
    expect(airtime.period).toBe(0.4);
  });

  test('a period without a deadline expects nobody: form 01 07/2024 has reported/invalid/none and null completeness', () => {
    const S1 = unit('S1', 'Sở Y tế', '01');
    const S2 = unit('S2', 'Sở Xây dựng', '01');
    const S3 = unit('S3', 'Sở Tư pháp', '01');
    const v = validation(
      [S1, S2, S3],
      [row('01', 2, 'S1', JUL, [80, 60, 20, 3, 4], [2024, 8, 1, 8, 0]), row('01', 3, 'S2', JUL, [80, 60, 20, 3, 4], null, false)],
    );
    const json = reportJson(buildReport(v, JUL, ['01'], TODAY));
    const f = json.forms[0];
    expect(f.dueBefore).toBeNull();
    expect(f.expected).toBe(0);
    expect(f.units.map((u) => u.status)).toEqual(['reported', 'invalid', 'none']);
    expect(f.reported).toBe(1);
    expect(f.missing).toEqual([]);
    const model = form(buildReport(v, JUL, ['01'], TODAY), '01');
    expect(model.completeness).toBeNull();
    expect(model.timeliness).toBeNull();
  });

  test('form 01 06/2024 is due before the one-off deadline', () => {
    const S1 = unit('S1', 'Sở Y tế', '01');
    const v = validation([S1], [row('01', 2, 'S1', JUN, [80, 60, 20, 3, 4], [2024, 6, 27, 23, 59])]);
    const f = form(buildReport(v, JUN, ['01'], TODAY), '01');
    expect(f.dueBefore).toBe('2024-06-28');
    expect(f.units[0].status).toBe('on_time');
  });

  test('several forms: each reported in form order, the trend adds them up', () => {
    const S1 = unit('S1', 'Sở Y tế', '01');
    const v = validation(
      [A, S1],
      [row('03', 2, 'A', JUN, vals(10, 5), [2024, 7, 1, 8, 0]), row('01', 3, 'S1', JUN, [100, 30, 20, 3, 4], [2024, 6, 20, 8, 0])],
    );
    const r = buildReport(v, JUN, ['03', '01'], TODAY);
    expect(r.forms.map((f) => f.form)).toEqual(['01', '03']);
    expect(r.trend).toEqual([{ month: JUN, label: '06/2024', installRate: 0.2, staffInstalled: 40, staffTotal: 200 }]);
  });
});
