// The life of a period through the BUILT bundle: a month driven day by day (daily runs, edits, a re-close), with the
// status tab, the closed figures, corrections after the close and the change journal checked against the report.
import { boot } from './boot';
import { example1 } from '../fixtures/example1';
import { formById, TAB } from '../../src/core/forms/schema';
import { ERROR_BACKGROUND, WARNING_BACKGROUND } from '../../src/core/marks';
import { dayOf, formatMonth, fromLocal, parseMonthStrict } from '../../src/core/periods';
import { readPeriod } from '../../src/core/cells';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport, reportJson } from '../../src/core/report/model';
import { readClosed } from '../../src/core/close';
import { CLOSE_TEXT, JOURNAL_TAB, PERIOD_TAB, STATUS_CELL } from '../../src/core/text/period';
import { bookFromSpreadsheet } from '../../src/local/workbook';
import { shownBackground, type Runtime, type Sandbox } from '../../src/local/runtime';
import { statusTextColours } from '../../src/core/status';
import type { UnitStatus } from '../../src/core/report/model';

const TAB03 = 'Biểu mẫu 03';
const form = formById('03');
const col = (key: string) => form.columns.findIndex((c) => c.key === key) + 1; // 1-based
const at = (day: number, hour = 8) => fromLocal(2024, 8, day, hour, 0);

function values(rt: Runtime, tab: string): unknown[][] {
  const s = rt.spreadsheet.sheet(tab);
  if (!s) return [];
  const out: unknown[][] = [];
  for (let r = 0; r < s.maxRows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < s.maxColumns; c++) row.push(s.values.get(r, c) ?? '');
    out.push(row);
  }
  while (out.length && out[out.length - 1].every((x) => x === '')) out.pop();
  return out.map((r) => {
    const x = r.slice();
    while (x.length && x[x.length - 1] === '') x.pop();
    return x;
  });
}

/** The report of every period on the status tab, as the core computes it on the workbook as it stands. */
function reportNow(rt: Runtime) {
  const now = rt.now();
  const v = validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), now);
  return { v, report: (m: number) => buildReport(v, m, ['03'], dayOf(now)).forms[0] };
}

/** The status tab agrees with the report: each cell is the report's status (its current one after a correction). */
function expectStatusMatchesReport(rt: Runtime): void {
  const grid = values(rt, PERIOD_TAB.status);
  const header = grid[0] as string[];
  const { report } = reportNow(rt);
  let checked = 0;
  for (let c = 3; c < header.length; c++) {
    const m = parseMonthStrict(header[c])!;
    const f = report(m);
    for (const u of f.units) {
      const row = grid.find((r) => r[1] === u.code)!;
      const corrected = f.corrections.find((x) => x.unit === u.code && x.key === 'status');
      const status = (corrected ? corrected.now : u.status) as UnitStatus;
      expect([u.code, header[c], row[c]]).toEqual([u.code, header[c], STATUS_CELL[status]]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

/** The argument of every call of the spreadsheet's `method` the bundle makes from now on (an A1, a tab name). */
function asked(rt: Runtime, method: 'getRange' | 'getSheetByName'): string[] {
  const args: string[] = [];
  const ss = rt.spreadsheet as unknown as Record<string, (arg: string) => unknown>;
  const original = ss[method].bind(ss);
  ss[method] = (arg: string) => {
    args.push(arg);
    return original(arg);
  };
  return args;
}

function closesOf(rt: Runtime) {
  return readClosed(bookFromSpreadsheet(rt.spreadsheet)[PERIOD_TAB.closed] as never).map(
    (c) => `${c.form} ${formatMonth(c.period)} @ ${dayOf(c.closedAt)}`,
  );
}

function daily(rt: Runtime, app: Sandbox, day: number): void {
  rt.setNow(at(day));
  app.dailyTick();
}

describe('the life of a period (Tình hình báo cáo, Số liệu đã chốt, corrections, Nhật ký thay đổi)', () => {
  test('a month day by day: the status tab matches the report, the close happens once on the 14th, a correction is flagged, listed and digested, a re-close is logged, every edit journalled', () => {
    const { rt, app } = boot(example1(), { now: at(1) });
    const userCells = () => values(rt, TAB03).map((r) => Array.from({ length: col('note') }, (_, i) => r[i] ?? ''));
    const before = userCells();
    for (let day = 1; day <= 14; day++) {
      if (day === 5) {
        // After 06/2024 closed (the 1st), An Khê corrects its June figure: the next close's digest lists it.
        rt.setNow(at(5, 7));
        rt.edit(app, TAB03, 3, col('staff_installed'), [[45]]);
        before[2][col('staff_installed') - 1] = 45;
      }
      daily(rt, app, day);
      expectStatusMatchesReport(rt);
      // 06/2024 (due before 12/07) closed on the first run; 07/2024 (due before 12/08) at 00:00 on 14/08, so on the 14th.
      expect(closesOf(rt).filter((c) => c.includes('07/2024'))).toEqual(day < 14 ? [] : ['03 07/2024 @ 2024-08-14']);
      expect(closesOf(rt).filter((c) => c.includes('06/2024'))).toEqual(['03 06/2024 @ 2024-08-01']);
    }
    expect(userCells()).toEqual(before);
    const closeDigests = () => rt.outbox.filter((m) => m.subject.startsWith('[i-Speed] Đã chốt số liệu'));
    expect(closeDigests().map((m) => m.subject)).toEqual(['[i-Speed] Đã chốt số liệu kỳ 07/2024']);
    // The digest names the unit and the column as the officer knows them, between its greeting and its signature.
    const digestText = closeDigests()[0].body;
    expect(digestText).toContain('- Biểu mẫu 03 kỳ 06/2024, Thị xã An Khê (H-623): “Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)” 40 → 45');
    expect(digestText.split('\n')[0]).toBe('Kính gửi: cán bộ quản trị,');
    expect(digestText.split('\n').slice(-2)).toEqual([
      'Sở Thông tin và Truyền thông tỉnh Gia Lai',
      'Email này được gửi tự động từ hệ thống báo cáo i-Speed.',
    ]);

    // The 15th: Pleiku corrects its July figure after the close.
    rt.setNow(at(15, 10));
    const pleiku = 5; // sheet row of Pleiku's 07/2024 report
    rt.edit(app, TAB03, pleiku, col('staff_installed'), [[175]]);
    const sheet = rt.spreadsheet.sheet(TAB03)!;
    const note = sheet.notes.get(pleiku - 1, col('staff_installed') - 1) ?? '';
    // The note names its column, as every message of the Kiểm tra note does (ten of them on a late row must be told apart).
    const header = form.columns[col('staff_installed') - 1].header;
    expect(note).toMatch(
      new RegExp(`^“${header.replace(/[()]/g, '\\$&')}”: số liệu kỳ 07/2024 đã chốt lúc 08:00 14/08/2024 với giá trị 170; nay là 175\\.`),
    );
    expect(sheet.backgrounds.get(pleiku - 1, col('staff_installed') - 1)).toBe(WARNING_BACKGROUND);
    const v = validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now());
    // Both corrections after their period's close are flagged: An Khê's June row and Pleiku's July row.
    const installed = form.columns[col('staff_installed') - 1].header;
    expect(v.problems.filter((p) => p.code === 'changed_after_close').map((p) => [p.row, p.column])).toEqual([
      [3, installed],
      [pleiku, installed],
    ]);
    const july = reportJson(buildReport(v, parseMonthStrict('07/2024')!, ['03'], '2024-08-15'));
    expect(july.forms[0].closedAt).toBe('2024-08-14T08:00');
    expect(july.forms[0].corrections).toEqual([{ unit: 'H-622', key: 'staff_installed', closed: 170, now: 175 }]);
    // The report keeps the closed figure (official) while the correction is listed.
    expect(july.forms[0].units.find((u) => u.code === 'H-622')!.values.staff_installed).toBe(170);
    expectStatusMatchesReport(rt);

    // The report tab and the Google Doc of the closed period carry the section with the correction.
    const tabName = app.createReportTab('07/2024', ['03']).sheetName;
    const reportRows = values(rt, tabName);
    const section = reportRows.findIndex((r) => r[0] === CLOSE_TEXT.section);
    expect(section).toBeGreaterThan(0);
    expect(reportRows.slice(section).some((r) => r[1] === 'H-622' && r[3] === '170' && r[4] === '175')).toBe(true);
    app.createReportDocument('07/2024', ['03']);
    const plain = rt.documents[rt.documents.length - 1].toPlain();
    expect(plain).toContain(CLOSE_TEXT.section);
    expect(plain).toMatch(/H-622[\s\S]*170[\s\S]*175/);

    // The journal: one row for the edit, by its editor, with the single cell's old value.
    const journal = values(rt, PERIOD_TAB.journal);
    expect(journal[0]).toEqual(JOURNAL_TAB.headers);
    const cellA1 = (row: number) => `${String.fromCharCode(64 + col('staff_installed'))}${row}`;
    expect(journal.slice(1).map((r) => r.slice(1))).toEqual([
      ['owner@example.com', TAB03, cellA1(3), '40', '45'],
      ['owner@example.com', TAB03, cellA1(pleiku), '170', '175'],
    ]);

    // The 16th: the daily run does not close again; the officer re-closes from the sidebar, after confirming.
    daily(rt, app, 16);
    expect(closesOf(rt).filter((c) => c.includes('07/2024'))).toEqual(['03 07/2024 @ 2024-08-14']);
    const summary = app.sidebarReport('07/2024', ['03']);
    expect(summary.forms[0].closedLine).toBe(CLOSE_TEXT.sidebarLine('08:00 14/08/2024', 1));
    expect(summary.reclose).toBe(CLOSE_TEXT.reclose('07/2024'));
    rt.setNow(at(16, 11));
    rt.ui.nextButtons.push('NO');
    // Answered No: nothing closed, and the sidebar is told so (an empty message left its spinner turning).
    expect(app.reclosePeriod('07/2024')).toEqual({ done: false, message: CLOSE_TEXT.recloseKept('07/2024', '08:00 14/08/2024') });
    rt.ui.nextButtons.push('YES');
    const sentBefore = rt.outbox.length;
    expect(app.reclosePeriod('07/2024').done).toBe(true);
    expect(closesOf(rt).filter((c) => c.includes('07/2024 @ 2024-08-16'))).toHaveLength(1);
    const log = values(rt, TAB.log);
    expect(log.filter((r) => r[5] === CLOSE_TEXT.logReclose).map((r) => [r[4], r[1], r[3]])).toEqual([['07/2024', '', '']]);
    // The digest after the re-close lists the correction it absorbed.
    const digest = rt.outbox[sentBefore];
    expect(digest.to).toEqual(['sotttt@gialai.example']);
    expect(digest.body).toContain('Thành phố Pleiku (H-622): “Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)” 170 → 175');
    const after = reportJson(
      buildReport(validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now()), parseMonthStrict('07/2024')!, ['03'], '2024-08-16'),
    );
    expect([after.forms[0].closedAt, after.forms[0].corrections]).toEqual(['2024-08-16T11:00', []]);

    for (let day = 17; day <= 20; day++) {
      daily(rt, app, day);
      expectStatusMatchesReport(rt);
    }
    expect(closesOf(rt)).toEqual(['03 06/2024 @ 2024-08-01', '03 07/2024 @ 2024-08-14', '03 07/2024 @ 2024-08-16']);
    // Close digests: the 14th's (a June correction to list) and the re-close's; the 1st had no correction to list.
    expect(closeDigests()).toHaveLength(2);
  });

  test('a close digest lists each correction once: a deleted report in the next one only, one made before a re-close of another period still', () => {
    const { rt, app } = boot(example1(), { now: at(1) });
    daily(rt, app, 1); // closes 06/2024
    const digests = () => rt.outbox.filter((m) => m.subject.startsWith('[i-Speed] Đã chốt số liệu')).map((m) => m.body);
    // 05/08: An Khê's 06/2024 report is cleared (no row is left to date the correction by).
    rt.setNow(at(5, 9));
    rt.edit(app, TAB03, 3, 1, [Array.from({ length: col('note') }, () => '')]);
    daily(rt, app, 14); // closes 07/2024: its digest lists the deleted report
    const gone = /Biểu mẫu 03 kỳ 06\/2024, Thị xã An Khê \(H-623\)/;
    expect(digests().map((d) => gone.test(d))).toEqual([true]);
    // 15/08: Pleiku corrects its 06/2024 figure; 16/08 the officer re-closes 07/2024 (its digest absorbs none of June).
    rt.setNow(at(15, 10));
    rt.edit(app, TAB03, 2, col('staff_installed'), [[171]]);
    rt.setNow(at(16, 11));
    rt.ui.nextButtons.push('YES');
    expect(app.reclosePeriod('07/2024').done).toBe(true);
    // 14/09: 08/2024 closes; its digest lists Pleiku's June correction, and not the deleted report again.
    rt.setNow(fromLocal(2024, 9, 14, 8));
    app.dailyTick();
    const last = digests()[digests().length - 1];
    expect(last).toMatch(/Biểu mẫu 03 kỳ 06\/2024, Thành phố Pleiku \(H-622\): .* → 171/);
    expect(gone.test(last)).toBe(false);
    // 14/10: nothing new since, so no digest at all.
    const count = digests().length;
    rt.setNow(fromLocal(2024, 10, 14, 8));
    app.dailyTick();
    expect(closesOf(rt).filter((c) => c.includes('09/2024'))).toHaveLength(1);
    expect(digests()).toHaveLength(count);
  });

  test('runs missed on the 13th to the 16th: the close happens once, on the first run after its moment', () => {
    const { rt, app } = boot(example1(), { now: at(1) });
    for (const day of [1, 5, 12, 17, 18, 20]) daily(rt, app, day);
    expect(closesOf(rt).filter((c) => c.includes('07/2024'))).toEqual(['03 07/2024 @ 2024-08-17']);
    expectStatusMatchesReport(rt);
  });

  test('the status tab: grouped by form, sorted by name, a rich-text link to the unit rows, colours, rebuilt when deleted', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    const s = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
    const grid = values(rt, PERIOD_TAB.status);
    expect(grid[0]).toEqual(['Biểu mẫu', 'Mã đơn vị', 'Tên đơn vị', '06/2024', '07/2024', '08/2024']);
    expect(grid.slice(1).map((r) => r[2])).toEqual(['Huyện Đăk Đoa', 'Huyện Kông Chro', 'Thành phố Pleiku', 'Thị xã An Khê']);
    const gid = rt.spreadsheet.sheet(TAB03)!.id;
    const pleikuRow = grid.findIndex((r) => r[1] === 'H-622');
    // Pleiku's rows are sheet rows 2 and 5; the link spans them over the tab's 21 columns, never a formula.
    expect(s.links.get(pleikuRow, 2)).toBe(`#gid=${gid}&range=A2:U5`);
    expect(s.formulas.get(pleikuRow, 2)).toBeUndefined();
    // The colours are conditional format rules on the period columns (text is exactly …), not the cells' own fills.
    expect(s.backgrounds.get(pleikuRow, 3)).toBeUndefined();
    expect(shownBackground(s, pleikuRow, 3)).toBe('#d9ead3');
    expect(shownBackground(s, pleikuRow, 5)).toBe('#efefef');
    expect(s.conditionalRules.map((r) => [r.condition.values[0], r.condition.background])).toEqual(
      statusTextColours().map((c) => [c.text, c.colour]),
    );
    expect(s.conditionalRules[0].ranges.map((g) => g.getA1Notation())).toEqual(['D2:F5']);
    expect(grid[pleikuRow].slice(3)).toEqual(['Đúng hạn', 'Đúng hạn', 'Chưa đến hạn']);
    // The script's tabs are protected like the admin tabs: the owner and the admin emails only.
    for (const t of [PERIOD_TAB.status, PERIOD_TAB.closed, PERIOD_TAB.journal]) {
      const p = rt.spreadsheet.sheet(t)!.protections.filter((x) => x.type === 'SHEET');
      expect([t, p.length, p[0].editors.slice().sort()]).toEqual([t, 1, ['owner@example.com', 'sotttt@gialai.example']]);
    }
    rt.spreadsheet.deleteSheet(s as never);
    expect(rt.spreadsheet.sheet(PERIOD_TAB.status)).toBeNull();
    // A note changes no status: the edit does not touch the status tab, so it does not see it gone either.
    rt.edit(app, TAB03, 5, col('note'), [['ghi chú']]);
    expect(rt.spreadsheet.sheet(PERIOD_TAB.status)).toBeNull();
    // The daily run puts it back as it was (as does the next edit that changes a status).
    daily(rt, app, 20);
    expect(values(rt, PERIOD_TAB.status)).toEqual(grid);
  });

  test("an edit rewrites only the edited unit's statuses on the status tab: one range by its A1, one write of plain values", () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    rt.resetCalls();
    const ranges = asked(rt, 'getRange');
    const looked = asked(rt, 'getSheetByName');
    const sheet = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
    const before = values(rt, PERIOD_TAB.status);
    const row = before.findIndex((r) => r[1] === 'H-623');
    const link = sheet.links.get(row, 2);
    const colour = (text: unknown) => statusTextColours().find((c) => c.text === text)?.colour;
    expect(before[row][4]).not.toBe('Trễ hạn');
    expect(shownBackground(sheet, row, 4)).toBe(colour(before[row][4]));
    rt.edit(app, TAB03, 6, col('staff_installed'), [[100]]);
    const status = values(rt, PERIOD_TAB.status);
    expect(status[row].slice(3)).toEqual(['Đúng hạn', 'Trễ hạn', 'Chưa đến hạn']);
    // The unit's code, read (the row must still be the unit's), and the column of the edited row's month (07/2024):
    // the other months' statuses cannot have changed with it.
    expect(ranges).toEqual([`'${PERIOD_TAB.status}'!B${row + 1}:B${row + 1}`, `'${PERIOD_TAB.status}'!E${row + 1}:E${row + 1}`]);
    expect(status.map((r) => r.slice(0, 4))).toEqual(before.map((r) => r.slice(0, 4)));
    // The rules recolour the cell; the name and its link are not written again.
    expect(shownBackground(sheet, row, 4)).toBe(colour('Trễ hạn'));
    expect(sheet.links.get(row, 2)).toBe(link);
    expect(rt.calls['Spreadsheet.getRange']).toBe(2);
    expect(looked).not.toContain(PERIOD_TAB.status);
    expect(rt.calls['Range.setRichTextValues'] ?? 0).toBe(0);
    expect(rt.calls['SpreadsheetApp.newRichTextValue'] ?? 0).toBe(0);
    expect(rt.calls['Range.setBackgrounds']).toBe(1); // the form rows' colours only
    expect(rt.calls['Properties.getProperty'] ?? 0).toBe(0); // the shape comes from the document cache
    expect(rt.calls['Sheet.appendRow']).toBe(1); // the journal
  });

  test('a status tab cut down by hand (its rows deleted by an admin): the next edit that changes a status rebuilds it instead of failing', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    const sheet = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
    const row = values(rt, PERIOD_TAB.status).findIndex((r) => r[1] === 'H-623');
    // The unit's row and those below it gone: its range by A1 is refused ("outside the dimensions of the sheet").
    sheet.deleteRows(row + 1, sheet.maxRows - row);
    expect(() => rt.edit(app, TAB03, 6, col('staff_installed'), [[100]])).not.toThrow();
    const status = values(rt, PERIOD_TAB.status);
    expect(status.find((r) => r[1] === 'H-623')?.slice(3)).toEqual(['Đúng hạn', 'Trễ hạn', 'Chưa đến hạn']);
    expectStatusMatchesReport(rt);
  });

  test("a status tab sorted by hand (two units' rows swapped by an admin): the next edit that changes a status rebuilds it, never writing a unit's statuses on another's row", () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    const sheet = rt.spreadsheet.sheet(PERIOD_TAB.status)!;
    const row = values(rt, PERIOD_TAB.status).findIndex((r) => r[1] === 'H-623');
    const other = row === 1 ? 2 : 1;
    const width = sheet.getLastColumn();
    const [a, b] = [sheet.getRange(row + 1, 1, 1, width).getValues(), sheet.getRange(other + 1, 1, 1, width).getValues()];
    sheet.getRange(row + 1, 1, 1, width).setValues(b);
    sheet.getRange(other + 1, 1, 1, width).setValues(a);
    rt.edit(app, TAB03, 6, col('staff_installed'), [[100]]);
    expect(
      values(rt, PERIOD_TAB.status)
        .find((r) => r[1] === 'H-623')
        ?.slice(3),
    ).toEqual(['Đúng hạn', 'Trễ hạn', 'Chưa đến hạn']);
    expectStatusMatchesReport(rt);
  });

  test("a row moved from one month to a later one: the statuses of every month between are written, each the report's", () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    const rows = values(rt, TAB03);
    const june = rows.findIndex((r, i) => i > 0 && String(r[col('period') - 1]).includes('06/2024'));
    expect(june).toBeGreaterThan(0);
    const ranges = asked(rt, 'getRange');
    rt.edit(app, TAB03, june + 1, col('period'), [['08/2024']]);
    // The columns from June to August (D to F), July's included: the edit computes the statuses of that whole span
    // (after the unit's code, column B, read to check the row is the unit's).
    expect(ranges).toHaveLength(2);
    expect(ranges[1]).toMatch(new RegExp(`^'${PERIOD_TAB.status}'!D\\d+:F\\d+$`));
    expectStatusMatchesReport(rt);
  });

  test('an edit whose shape cache was lost rebuilds the tab and puts the shape back; a deleted tab is rebuilt on the next edit', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20);
    const grid = values(rt, PERIOD_TAB.status);
    rt.state.caches.document.clear();
    rt.resetCalls();
    rt.edit(app, TAB03, 5, col('note'), [['ghi chú 1']]);
    expect(rt.calls['Sheet.setConditionalFormatRules']).toBe(1); // rebuilt
    expect(values(rt, PERIOD_TAB.status)).toEqual(grid);
    rt.resetCalls();
    rt.edit(app, TAB03, 5, col('note'), [['ghi chú 2']]);
    expect(rt.calls['Sheet.setConditionalFormatRules'] ?? 0).toBe(0); // the shape is known again
    rt.spreadsheet.deleteSheet(rt.spreadsheet.sheet(PERIOD_TAB.status) as never);
    rt.edit(app, TAB03, 5, col('note'), [['ghi chú 3']]);
    expect(rt.spreadsheet.sheet(PERIOD_TAB.status)).toBeNull(); // a note changes no status: nothing written
    daily(rt, app, 20); // the daily run puts it back
    expect(values(rt, PERIOD_TAB.status)).toEqual(grid);
  });

  test("a hand edit of 'Số liệu đã chốt' is journalled, and the check marks each cell that does not read on the tab until it is mended", () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    daily(rt, app, 20); // closes 06/2024 and 07/2024
    const closed = rt.spreadsheet.sheet(PERIOD_TAB.closed)!;
    const grid = values(rt, PERIOD_TAB.closed);
    const header = grid[0] as string[];
    const staff = header.findIndex((h) => h.endsWith('(staff_total)'));
    const installed = header.findIndex((h) => h.endsWith('(staff_installed)'));
    const july = grid.findIndex((r) => r[1] === '07/2024' && r[3] === 'H-622');
    const other = grid.findIndex((r) => r[1] === '07/2024' && r[3] === 'H-623');
    const was = [grid[july][staff], grid[other][installed]];
    // The owner types into the protected tab: a figure that is not a number, another cleared.
    rt.setNow(at(20, 10));
    rt.edit(app, PERIOD_TAB.closed, july + 1, staff + 1, [['abc']]);
    rt.edit(app, PERIOD_TAB.closed, other + 1, installed + 1, [['']]);
    const journal = values(rt, PERIOD_TAB.journal).slice(1);
    const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
    expect(journal.map((r) => r.slice(2, 6))).toEqual([
      [PERIOD_TAB.closed, a1(july, staff), String(was[0]), 'abc'],
      [PERIOD_TAB.closed, a1(other, installed), String(was[1]), JOURNAL_TAB.cleared],
    ]);
    // The check says both, on their cells, in the error colour, with the fix.
    app.menuCheckAll();
    const note = (r: number, c: number) => closed.notes.get(r, c) ?? '';
    expect(note(july, staff)).toContain('“abc” không phải là số');
    expect(note(july, staff)).toContain('Chốt lại số liệu kỳ 07/2024');
    expect(note(other, installed)).toContain('ô trống');
    expect(closed.backgrounds.get(july, staff)).toBe(ERROR_BACKGROUND);
    expect(note(july, installed)).toBe('');
    // Its values stay as they are: only the notes and colours are the check's.
    const edited = grid.map((r) => r.slice());
    edited[july][staff] = 'abc';
    edited[other][installed] = '';
    expect(values(rt, PERIOD_TAB.closed)).toEqual(
      edited.map((r) => {
        const x = r.slice();
        while (x.length && x[x.length - 1] === '') x.pop();
        return x;
      }),
    );
    // The report says it counts them as blank.
    const v = validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now());
    expect(v.problems.filter((p) => p.sheet === PERIOD_TAB.closed).map((p) => [p.row, p.code])).toEqual([
      [july + 1, 'not_number'],
      [other + 1, 'required'],
    ]);
    const f = buildReport(v, parseMonthStrict('07/2024')!, ['03'], dayOf(rt.now())).forms[0];
    expect(f.closedGaps).toEqual([
      { unit: 'H-622', key: 'staff_total', text: 'abc' },
      { unit: 'H-623', key: 'staff_installed', text: '' },
    ]);
    // Mended (restored without a trigger), the next daily run clears the marks.
    closed.getRange(july + 1, staff + 1).setValue(was[0]);
    closed.getRange(other + 1, installed + 1).setValue(was[1]);
    daily(rt, app, 21);
    expect([note(july, staff), note(other, installed), closed.backgrounds.get(july, staff) ?? null]).toEqual(['', '', null]);
    // A quiet day after, with nothing to mark: the closed tab's notes are not written (a note put by hand stays).
    closed.getRange(2, 1).setNote('ghi chú');
    daily(rt, app, 22);
    expect(note(1, 0)).toBe('ghi chú');
  });

  test('the journal: one trigger delivering the same cell typed the same way again within seconds journals each edit (5, cleared, 5)', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    const cell = `${String.fromCharCode(64 + col('note'))}2`;
    for (const [i, value] of ['5', '', '5'].entries()) {
      rt.setNow(new Date(at(20).getTime() + i * 3000));
      rt.edit(app, TAB03, 2, col('note'), [[value]], { user: '' });
    }
    const j = values(rt, PERIOD_TAB.journal).slice(1);
    expect(j.map((r) => [r[2], r[3], r[4], r[5] ?? ''])).toEqual([
      [TAB03, cell, '', '5'],
      [TAB03, cell, '5', JOURNAL_TAB.cleared],
      [TAB03, cell, '', '5'],
    ]);
  });

  test('the journal: a paste is one row (its range and first cells), an anonymous editor is "không rõ", a doubled event writes once, a formula stays text', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    // A second installable edit trigger: both deliver the same event.
    (rt.globals.ScriptApp as any).newTrigger('handleEdit').forSpreadsheet(rt.spreadsheet).onEdit().create();
    rt.edit(app, TAB03, 2, col('note'), [['=IMPORTXML("x")']], { user: '' });
    rt.setNow(at(20, 9));
    rt.edit(app, TAB03, 2, col('reporter'), [
      ['A', 'B'],
      ['C', 'D'],
      ['E', 'F'],
    ]);
    rt.setNow(at(20, 10));
    rt.edit(app, 'Danh mục đơn vị', 2, 5, [['Chị Hoa']]);
    const j = values(rt, PERIOD_TAB.journal);
    const reporter = String.fromCharCode(64 + col('reporter')),
      phone = String.fromCharCode(65 + col('reporter'));
    expect(j.slice(1).map((r) => r.slice(1))).toEqual([
      [JOURNAL_TAB.unknownUser, TAB03, `${String.fromCharCode(64 + col('note'))}2`, '', '=IMPORTXML("x")'],
      ['owner@example.com', TAB03, `${reporter}2:${phone}4`, '', JOURNAL_TAB.block(3, 2, 'A | B / C | D')],
      ['owner@example.com', 'Danh mục đơn vị', 'E2', '', 'Chị Hoa'],
    ]);
    const s = rt.spreadsheet.sheet(PERIOD_TAB.journal)!;
    expect(s.formulas.get(1, 5)).toBeUndefined();
    expect(s.protections.filter((p) => p.type === 'SHEET')).toHaveLength(1);
  });

  // Apps Script gives a date cell's e.value / e.oldValue as its serial number, a string (the local runtime does the
  // same; the sources are in the comment on shownOldValue, src/core/journal.ts): the journal shows the date instead.
  test('the journal: a date typed in Kỳ báo cáo reads as its month, old and new, not as the serial numbers the event gives', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    const was = values(rt, TAB03)[1][col('period') - 1];
    rt.edit(app, TAB03, 2, col('period'), [[fromLocal(2024, 6, 1)]]); // 6/2024 typed: Sheets made it a Date
    rt.setNow(at(20, 9));
    rt.edit(app, TAB03, 2, col('period'), [[fromLocal(2024, 7, 1)]]);
    rt.setNow(at(20, 10));
    rt.edit(app, TAB03, 2, col('period'), [['']]);
    const cell = `${String.fromCharCode(64 + col('period'))}2`;
    const j = values(rt, PERIOD_TAB.journal).slice(1);
    expect(j.map((r) => [r[3], r[4] ?? '', r[5]])).toEqual([
      [cell, was, '06/2024'],
      [cell, '06/2024', '07/2024'],
      [cell, '07/2024', JOURNAL_TAB.cleared],
    ]);
  });

  test('the journal: a cleared row is (xóa) with the unit and period the edit index held for it, not its empty cells', () => {
    const { rt, app } = boot(example1(), { now: at(20) });
    const before = values(rt, TAB03);
    // A row's cells selected past the form's 21 columns (A3:W3), and Delete.
    const width = before[0].length + 2;
    const last = String.fromCharCode(64 + width);
    const held = (row: number) => {
      const p = before[row - 1][col('period') - 1];
      const period =
        p instanceof Date || Object.prototype.toString.call(p) === '[object Date]' ? formatMonth(readPeriod(p as Date)!) : String(p);
      return JOURNAL_TAB.removedRow(row, String(before[row - 1][col('unit') - 1]), period);
    };
    const blank = [Array.from({ length: width }, () => '')];
    rt.edit(app, TAB03, 3, 1, blank); // setup built the edit index: it knows what row 3 held
    rt.setNow(at(20, 9));
    rt.edit(app, TAB03, 4, 1, [blank[0], blank[0]]); // two rows at once
    // Without the index (the cache emptied), the row's cells are gone before the edit reads them: (xóa) alone.
    const store = rt.state.caches.document;
    for (const key of [...store.keys()]) store.delete(key);
    rt.setNow(at(20, 10));
    rt.edit(app, TAB03, 6, 1, blank);
    const j = values(rt, PERIOD_TAB.journal).slice(1);
    expect(j.map((r) => [r[3], r[4] ?? '', r[5]])).toEqual([
      [`A3:${last}3`, held(3), JOURNAL_TAB.cleared],
      [`A4:${last}5`, `${held(4)}; ${held(5)}`, JOURNAL_TAB.cleared],
      [`A6:${last}6`, '', JOURNAL_TAB.cleared],
    ]);
    expect(j.flat().some((x) => String(x).includes(' |  | '))).toBe(false);
    // Past the form's columns the edit takes the index only when it left them empty: a value there is a new column,
    // and the tab is read whole.
    rt.resetCalls();
    rt.edit(app, TAB03, 7, width - 1, [['', '']]);
    expect(rt.calls['Sheet.getDataRange'] ?? 0).toBe(0);
    rt.edit(app, TAB03, 7, width - 1, [['', 'cột mới']]);
    expect(rt.calls['Sheet.getDataRange'] ?? 0).toBeGreaterThan(0);
  });
});
