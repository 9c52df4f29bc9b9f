// The functions the sidebar calls: JSON-safe results, the same figures as the core report, clear Vietnamese errors.
import { boot, cells } from './boot';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { fromLocal, month } from '../../src/core/periods';
import { DIRECTORY_COLUMNS, TAB, formById } from '../../src/core/forms/schema';
import { makeDemoWorkbook } from '../../src/local/demo';
import type { CellValue, Workbook } from '../../src/core/types';

/** google.script.run passes only JSON-like values: a Date or undefined anywhere would fail in production. */
function jsonSafe(x: unknown): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  const walk = (v: unknown): void => {
    expect(Object.prototype.toString.call(v)).not.toBe('[object Date]');
    if (v && typeof v === 'object') Object.values(v as object).forEach(walk);
  };
  walk(x);
}

/** Three form-03 districts, none reported for 07/2024, reminders on; 7 days before its deadline is Monday 05/08/2024. */
function unreported(): Workbook {
  const directory: CellValue[][] = [DIRECTORY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= 3; i++)
    directory.push([`H-${600 + i}`, `Huyện Thử ${i}`, '03', `d${i}@gialai.example`, '', '', 10, '', '', '', 'Có']);
  return {
    [TAB.directory]: directory,
    [TAB.settings]: [
      ['Tham số', 'Giá trị'],
      ['Nhắc nhở tự động', 'Có'],
      ['Email quản trị', 'sotttt@gialai.example'],
      ['Kỳ bắt đầu', '07/2024'],
    ],
    'Biểu mẫu 03': [formById('03').columns.map((c) => c.header)],
  };
}

describe('sidebar API: periods', () => {
  test('sidebarData lists every period from Kỳ bắt đầu to this month, newest first, reported or not', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const data = app.sidebarData();
    jsonSafe(data);
    expect(data.periods).toEqual(['08/2024', '07/2024', '06/2024']);
    // 08/2024 is this month: nobody reports it before September, so the sidebar opens on July.
    expect(data.defaultPeriod).toBe('07/2024');
    expect(data.forms.map((f: { id: string }) => f.id)).toEqual(['01', '02', '03', '04']);
  });

  test('on 05/09 the officer lands on 08/2024, which nobody has reported yet, and sees who is expected', () => {
    const { app } = boot(example1(), { now: fromLocal(2024, 9, 5, 9, 0) });
    const data = app.sidebarData();
    expect(data.periods[0]).toBe('09/2024');
    expect(data.defaultPeriod).toBe('08/2024');
    const f = app.sidebarReport('08/2024', ['03']).forms[0];
    expect([f.dueBefore, f.expected, f.reported, f.chase.length]).toEqual(['2024-09-12', 4, 0, 0]);
  });

  test("in the first month the default is the one-off forms' period, due at its end", () => {
    const { app } = boot(example1(), { now: fromLocal(2024, 6, 20, 9, 0) });
    expect(app.sidebarData()).toMatchObject({ periods: ['06/2024'], defaultPeriod: '06/2024' });
  });

  test('a period before Kỳ bắt đầu or after this month is refused with a Vietnamese message', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(() => app.sidebarReport('05/2024', ['03'])).toThrow(/Kỳ 05\/2024 trước kỳ bắt đầu 06\/2024/);
    expect(() => app.sidebarReport('09/2024', ['03'])).toThrow(/Kỳ 09\/2024 chưa đến \(tháng hiện tại là 08\/2024\)/);
    expect(() => app.sidebarReport('13/2024', ['03'])).toThrow(/Kỳ báo cáo "13\/2024" không hợp lệ/);
    expect(() => app.sidebarReport('07/2024', ['09'])).toThrow(/biểu mẫu/);
  });
});

describe('sidebar API: figures', () => {
  test('sidebarReport tells the officer when Người ký is empty (the document then leaves a line to sign on)', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(app.sidebarReport('07/2024', ['03']).signerMissing).toBe(true);
    const settings = rt.spreadsheet.sheet('Cấu hình')!;
    let row = 0;
    while (settings.values.get(row, 0) !== 'Người ký') row++;
    settings.values.set(row, 1, 'Nguyễn Văn Ký');
    expect(app.sidebarReport('07/2024', ['03']).signerMissing).toBe(false);
  });

  test('sidebarReport shows the same figures as the core report', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const summary = app.sidebarReport('07/2024', ['03']);
    jsonSafe(summary);
    const core = buildReport(validateWorkbook(example1(), EXAMPLE1_NOW), month(2024, 7), ['03'], '2024-08-20').forms[0];
    const f = summary.forms[0];
    expect([f.expected, f.reported, f.onTime, f.late, f.installRate, f.completeness, f.timeliness]).toEqual([
      core.expected,
      core.reported,
      core.onTime,
      core.late,
      core.installRate,
      core.completeness,
      core.timeliness,
    ]);
    expect(f.installRate).toBe(0.4919);
    expect(f.chase.map((c: { code: string }) => c.code)).toEqual(['H-623', 'H-630']);
    expect(f.indicators.find((i: { key: string }) => i.key === 'residents_guided')).toMatchObject({
      kind: 'flow',
      period: 340,
      cumulative: 750,
      carried: null,
    });
    expect(summary.pastDeadline).toBe(true);
    expect(summary.adminEmails).toEqual(['sotttt@gialai.example']);
  });

  test('a stock carried from an earlier period says from which, and how many units it is', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const f = app.sidebarReport('07/2024', ['03']).forms[0];
    // An Khê's July row has an error: its stocks are June's; the three others reported July.
    const core = buildReport(validateWorkbook(example1(), EXAMPLE1_NOW), month(2024, 7), ['03'], '2024-08-20').forms[0];
    const carriedUnits = core.units.filter((u) => u.carried.includes('staff_total')).map((u) => u.code);
    expect(carriedUnits).toEqual(['H-623']);
    expect(f.indicators.find((i) => i.key === 'staff_total')!.carried).toEqual({ units: 1, from: '06/2024', all: false });
  });

  test('a form with no deadline in the period: nobody expected, its stocks all marked with the period they come from', () => {
    const now = fromLocal(2024, 8, 20, 9, 0);
    const { app } = boot(makeDemoWorkbook({ today: now }), { now });
    const f = app.sidebarReport('07/2024', ['01']).forms[0];
    expect([f.dueBefore, f.expected, f.completeness, f.timeliness]).toEqual([null, 0, null, null]);
    const stocks = f.indicators.filter((i: { kind: string }) => i.kind === 'stock');
    expect(stocks.length).toBeGreaterThan(0);
    for (const i of stocks) expect(i.carried).toMatchObject({ from: '06/2024', all: true });
  });
});

describe('sidebar API: chasing a unit', () => {
  test('selectUnitRows selects the unit rows of the period on its tab', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    rt.resetCalls();
    const r = app.selectUnitRows('03', 'H-623', '07/2024');
    // Only the context tabs are read whole; the form's tab by its deciding columns, the other forms' not at all.
    expect(rt.calls['Sheet.getDataRange']).toBe(4);
    jsonSafe(r);
    expect(r).toMatchObject({ tab: 'Biểu mẫu 03', unit: 'Thị xã An Khê', rows: [6], emptyRow: null });
    expect(rt.spreadsheet.active!.name).toBe('Biểu mẫu 03');
    expect(rt.spreadsheet.selection.map((x) => [x.sheet.name, x.row, x.numRows])).toEqual([['Biểu mẫu 03', 6, 1]]);
  });

  test('a unit without a row of the period: the first empty row is selected, nothing is written, and what to type is said', () => {
    const { rt, app } = boot(example1(), { now: fromLocal(2024, 9, 5, 9, 0) });
    const before = cells(rt, 'Biểu mẫu 03');
    const r = app.selectUnitRows('03', 'H-622', '08/2024');
    expect(r).toEqual({
      tab: 'Biểu mẫu 03',
      unit: 'Thành phố Pleiku',
      period: '08/2024',
      rows: [],
      emptyRow: 9,
      unitHeader: 'Đơn vị',
      periodHeader: 'Kỳ báo cáo',
    });
    expect(rt.spreadsheet.selection.map((x) => [x.row, x.col, x.numRows])).toEqual([[9, 1, 1]]);
    expect(cells(rt, 'Biểu mẫu 03')).toEqual(before);
  });

  test('an unknown unit is refused by name', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(() => app.selectUnitRows('03', 'H-999', '07/2024')).toThrow(/Không tìm thấy đơn vị "H-999"/);
  });
});

describe('sidebar API: report actions', () => {
  test('emailReport sends to the confirmed admins only, escaped', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(app.emailReport('07/2024', ['03'], ['sotttt@gialai.example'])).toEqual({ to: ['sotttt@gialai.example'] });
    expect(rt.outbox).toHaveLength(1);
    expect(rt.outbox[0].subject).toContain('07/2024');
    expect(rt.outbox[0].htmlBody).toContain('Thị xã An Khê');
  });

  test('emailReport links a printable document made for it, readable by the recipients', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    app.emailReport('07/2024', ['03'], ['sotttt@gialai.example']);
    expect(rt.documents).toHaveLength(1);
    const doc = rt.documents[0];
    expect(doc.viewers).toEqual(['sotttt@gialai.example']);
    expect(rt.outbox[0].htmlBody).toContain(`href="${doc.getUrl()}"`);
    expect(rt.outbox[0].body).toContain(doc.getUrl());
  });

  test('emailReport refuses when the admin list changed since the officer confirmed it, and sends nothing', () => {
    const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
    expect(() => app.emailReport('07/2024', ['03'], ['old@gialai.example'])).toThrow(
      /Danh sách email quản trị vừa thay đổi \(nay là: sotttt@gialai\.example\)/,
    );
    // @ts-expect-error a page from before the confirmation step calls without the confirmed list
    expect(() => app.emailReport('07/2024', ['03'])).toThrow(/vừa thay đổi/);
    expect(rt.outbox).toHaveLength(0);
  });

  test('createReportDocument gives the document and its PDF export link', () => {
    const { app } = boot(example1(), { now: EXAMPLE1_NOW });
    const r = app.createReportDocument('07/2024', ['03']);
    jsonSafe(r);
    const id = /\/document\/d\/([^/]+)\/edit$/.exec(r.url)![1];
    expect(r.pdfUrl).toBe(`https://docs.google.com/document/d/${id}/export?format=pdf`);
  });
});

describe('sidebar API: the reminders panel', () => {
  test('before the send hour: the next send is today, with unit names and steps in words, nothing sent', () => {
    const { rt, app } = boot(unreported(), { now: fromLocal(2024, 8, 5, 7, 0) });
    const panel = app.reminderPanel();
    jsonSafe(panel);
    expect(rt.outbox).toHaveLength(0);
    expect(panel.nextSend).toEqual({
      day: '05/08/2024',
      today: true,
      hour: 8,
      emails: 3,
      what: ['Biểu mẫu 03 kỳ 07/2024, 7 ngày trước hạn'],
    });
    expect(panel.preview.map((m: { unit: string }) => m.unit)).toEqual(['Huyện Thử 1', 'Huyện Thử 2', 'Huyện Thử 3']);
    expect(JSON.stringify(panel)).not.toMatch(/D[-+]\d/);
    expect(panel.schedule).not.toMatch(/Lần nhắc tiếp theo/);
  });

  test("once today's emails are sent, the next send is the next step's day (Saturday moved to Friday)", () => {
    const { app } = boot(unreported(), { now: fromLocal(2024, 8, 5, 9, 0) });
    app.sendRemindersNow();
    const panel = app.reminderPanel();
    expect(panel.sentToday).toBe(3);
    expect(panel.preview).toEqual([]);
    expect(panel.nextSend).toEqual({
      day: '09/08/2024',
      today: false,
      hour: 8,
      emails: 3,
      what: ['Biểu mẫu 03 kỳ 07/2024, 2 ngày trước hạn'],
    });
  });

  test('with automatic reminders off there is no next automatic send', () => {
    const { rt, app } = boot(unreported(), { now: fromLocal(2024, 8, 5, 7, 0) });
    app.setAutoRemindFromSidebar(false);
    const panel = app.reminderPanel();
    expect([panel.autoRemind, panel.nextSend]).toEqual([false, null]);
    expect(panel.preview.length).toBeGreaterThan(0);
    expect(rt.outbox).toHaveLength(0);
  });
});
