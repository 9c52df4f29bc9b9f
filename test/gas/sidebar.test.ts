// The functions the sidebar calls: JSON-safe results, the same figures as the core report, clear Vietnamese errors.
import { boot } from './boot';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { month } from '../../src/core/periods';

/** google.script.run passes only JSON-like values: a Date or undefined anywhere would fail in production. */
function jsonSafe(x: unknown): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  const walk = (v: unknown): void => {
    expect(Object.prototype.toString.call(v)).not.toBe('[object Date]');
    if (v && typeof v === 'object') Object.values(v as object).forEach(walk);
  };
  walk(x);
}

describe('sidebar API', () => {
  test('sidebarData lists the periods that have data, newest first', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const data = app.sidebarData();
    jsonSafe(data);
    expect(data.periods).toEqual(['07/2024', '06/2024']);
    expect(data.defaultPeriod).toBe('07/2024');
    expect(data.forms.map((f: { id: string }) => f.id)).toEqual(['01', '02', '03', '04']);
  });

  test('sidebarReport shows the same figures as the core report', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const summary = app.sidebarReport('07/2024', ['03']);
    jsonSafe(summary);
    const core = buildReport(validateWorkbook(example1(), EXAMPLE1_NOW), month(2024, 7), ['03'], '2024-08-20').forms[0];
    const f = summary.forms[0];
    expect([f.expected, f.reported, f.onTime, f.late, f.installRate, f.completeness, f.timeliness])
      .toEqual([core.expected, core.reported, core.onTime, core.late, core.installRate, core.completeness, core.timeliness]);
    expect(f.installRate).toBe(0.4919);
    expect(f.chase.map((c: { code: string }) => c.code)).toEqual(['H-623', 'H-630']);
    expect(f.indicators.find((i: { key: string }) => i.key === 'residents_guided')).toMatchObject({ period: 340, cumulative: 750 });
    expect(summary.pastDeadline).toBe(true);
  });

  test('a bad period or form is refused with a Vietnamese message', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(() => app.sidebarReport('13/2024', ['03'])).toThrow(/Kỳ báo cáo "13\/2024" không hợp lệ/);
    expect(() => app.sidebarReport('07/2024', ['09'])).toThrow(/biểu mẫu/);
  });

  test('selectUnitRows selects the unit rows of the period on its tab', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(app.selectUnitRows('03', 'H-623', '07/2024')).toBe(1);
    expect(rt.spreadsheet.active!.name).toBe('Biểu mẫu 03');
  });

  test('emailReport sends the summary to the admins, escaped', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(app.emailReport('07/2024', ['03'])).toEqual({ to: ['sotttt@gialai.example'] });
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].subject).toContain('07/2024');
    expect(rt.outbox[0].htmlBody).toContain('Thị xã An Khê');
  });

  test('emailReport links a printable document made for it, readable by the recipients', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    app.emailReport('07/2024', ['03']);
    expect(rt.documents).toHaveLength(1);
    const doc = rt.documents[0];
    expect(doc.viewers).toEqual(['sotttt@gialai.example']);
    expect(rt.outbox[0].htmlBody).toContain(`href="${doc.getUrl()}"`);
    expect(rt.outbox[0].body).toContain(doc.getUrl());
  });

  test('the reminders panel previews today without sending', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    const panel = app.reminderPanel();
    jsonSafe(panel);
    expect(panel.autoRemind).toBe(false);
    expect(rt.outbox).toHaveLength(0);
    expect(typeof panel.schedule).toBe('string');
  });
});
