// Setup through the BUILT bundle: creates what is missing, re-applies rules, never touches a user's cell, idempotent.
import { boot, cells } from './boot';
import { example1 } from '../fixtures/example1';
import { DIRECTORY_COLUMNS, FORMS, LOG_COLUMNS, SETTINGS, TAB, formById } from '../../src/core/forms/schema';
import { rangeChoices, type MemRange, type Runtime } from '../../src/local/runtime';
import { fromLocal } from '../../src/core/periods';
import type { Workbook } from '../../src/core/types';
import { SETUP } from '../../src/core/text/ui';
import { DEF_MSG } from '../../src/core/text/definitions';
import { templateGrids } from '../../src/core/forms/definitions';
import { MSG } from '../../src/core/text/validation';
import { validateWorkbook } from '../../src/core/validate';
import { bookFromSpreadsheet } from '../../src/local/workbook';

const ALL_TABS = [TAB.directory, TAB.settings, TAB.log, ...FORMS.map((f) => f.tab)];

/** What a list-from-a-range drop-down offers now. */
const choices = (rule: { args: unknown[] }) => rangeChoices(rule.args[0] as MemRange);

/** Everything setup may change, as plain data, to compare two states. */
function state(rt: Runtime) {
  return rt.spreadsheet.sheets.map((s) => ({
    name: s.name,
    frozen: s.frozenRows,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    values: cells(rt, s.name),
    notes: JSON.stringify(s.notes),
    formats: JSON.stringify(s.formats),
    validations: JSON.stringify(s.validations, (k, v) => (k === 'tracker' ? undefined : v)),
    protections: s.protections.map((p) => [p.description, p.warningOnly, [...p.editors].sort()]),
    widths: JSON.stringify(s.columnWidths),
  }));
}

describe('setup (Thiết lập biểu mẫu)', () => {
  test('on an empty spreadsheet creates every tab with its headers, settings, rules, protections and two triggers', () => {
    const { rt } = boot({ 'Trang tính1': [] });
    for (const tab of ALL_TABS) expect(rt.spreadsheet.sheet(tab)).not.toBeNull();
    for (const form of FORMS) {
      const sheet = rt.spreadsheet.sheet(form.tab)!;
      expect(cells(rt, form.tab)[0]).toEqual(
        form.columns.map((c) => c.header).concat(new Array(sheet.maxColumns - form.columns.length).fill('')),
      );
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.notes.get(0, 1)).toBe(form.columns[1].help);
      // periods are a drop-down that warns but never rejects (no unit list yet: the directory is empty)
      expect(sheet.validations.get(1, 1)).toBeUndefined();
      const periodRule = sheet.validations.get(1, 2)!;
      expect(periodRule.criteria).toBe('VALUE_IN_RANGE');
      expect(choices(periodRule)[0]).toBe('08/2024');
      expect(choices(periodRule).slice(-1)[0]).toBe('06/2024');
      expect(periodRule.allowInvalid).toBe(true);
      // script-owned columns carry warning-only protection
      const owned = sheet.protections.filter((p) => p.type === 'RANGE');
      expect(owned).toHaveLength(3);
      expect(owned.every((p) => p.warningOnly)).toBe(true);
    }
    expect(cells(rt, TAB.directory)[0].slice(0, DIRECTORY_COLUMNS.length)).toEqual(DIRECTORY_COLUMNS.map((c) => c.header));
    expect(cells(rt, TAB.log)[0].slice(0, LOG_COLUMNS.length)).toEqual([...LOG_COLUMNS]);
    const settings = cells(rt, TAB.settings);
    expect(settings.slice(1).map((r) => [r[0], r[1]])).toEqual(SETTINGS.map((s) => [s.name, s.default]));
    for (const tab of [TAB.directory, TAB.settings, TAB.log]) {
      const [p] = rt.spreadsheet.sheet(tab)!.protections;
      expect(p.type).toBe('SHEET');
      expect(p.warningOnly).toBe(false);
      expect(p.domainEdit).toBe(false);
    }
    expect(rt.spreadsheet.locale).toBe('vi_VN');
    expect(rt.spreadsheet.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(
      rt
        .triggers()
        .map((t) => [t.handler, t.eventType])
        .sort(),
    ).toEqual([
      ['dailyTick', 'CLOCK'],
      ['handleEdit', 'ON_EDIT'],
    ]);
  });

  test('the unit drop-down lists the active units of that form only', () => {
    const { rt } = boot(example1());
    const rule = rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 1)!;
    expect(rule.criteria).toBe('VALUE_IN_RANGE');
    expect(choices(rule)).toEqual(['Thành phố Pleiku', 'Thị xã An Khê', 'Huyện Đăk Đoa', 'Huyện Kông Chro']);
    expect(rule.allowInvalid).toBe(true);
    expect(rt.spreadsheet.sheet('Biểu mẫu 04')!.validations.get(1, 1)).toBeUndefined();
  });

  test('the daily trigger refreshes the period drop-down when a new month starts', () => {
    const { rt, app } = boot(example1());
    rt.tick(app, fromLocal(2024, 9, 2, 8, 30));
    const rule = rt.spreadsheet.sheet('Biểu mẫu 03')!.validations.get(1, 2)!;
    expect(choices(rule).slice(0, 2)).toEqual(['09/2024', '08/2024']);
  });

  test('after `Giờ gửi nhắc` changes, setup moves the daily trigger to the new hour (still one)', () => {
    const b = example1();
    const { rt, app } = boot(b);
    const settings = rt.spreadsheet.sheet('Cấu hình')!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'Giờ gửi nhắc') + 1;
    settings.getRange(row, 2).setValue('17');
    app.menuSetup();
    const daily = rt.triggers().filter((t) => t.handler === 'dailyTick');
    expect(daily).toHaveLength(1);
    expect(daily[0].clock!.atHour).toBe(17);
  });

  test('a second run changes nothing and creates no second trigger', () => {
    const { rt, app } = boot(example1());
    const before = state(rt);
    app.menuSetup();
    expect(state(rt)).toEqual(before);
    expect(rt.triggers()).toHaveLength(2);
  });

  test('on a tab with data, shuffled and extra columns: adds the missing columns at the end and moves no user cell', () => {
    const book: Workbook = example1();
    const form = formById('03');
    const grid = book['Biểu mẫu 03'];
    // shuffle: reverse the indicator block, drop the script-owned columns, add a user column
    const order = [0, 1, 2, ...Array.from({ length: 11 }, (_, i) => 13 - i), 14, 15, 16, 17];
    book['Biểu mẫu 03'] = grid.map((row, r) => [...order.map((i) => row[i]), r === 0 ? 'Cột riêng của đơn vị' : `x${r}`]);
    book['Cấu hình'].push(['Email quản trị phụ (không dùng)', '=IMPORTXML("http://evil","//a")']);
    const { rt } = boot(book, { setup: false });
    const before = Object.fromEntries(Object.keys(book).map((t) => [t, cells(rt, t)]));
    const booted = boot(book);
    const after = Object.fromEntries(Object.keys(book).map((t) => [t, cells(booted.rt, t)]));
    for (const tab of Object.keys(book)) {
      const b = before[tab],
        a = after[tab];
      for (let r = 0; r < b.length; r++)
        for (let c = 0; c < b[r].length; c++) if (b[r][c] !== '') expect([tab, r, c, a[r][c]]).toEqual([tab, r, c, b[r][c]]);
    }
    const header = after['Biểu mẫu 03'][0];
    expect(header.slice(19, 22)).toEqual(form.columns.filter((c) => c.scriptOwned).map((c) => c.header));
    expect(booted.rt.spreadsheet.sheet('Biểu mẫu 03')!.frozenRows).toBe(1);
    // The summary names the columns added to the tab the officer already had; the new tabs' headers are not counted.
    const summary = booted.rt.ui.alerts.find((a) => a.title === SETUP.doneTitle)!.prompt.split('\n');
    expect(summary).toContain(
      `Đã thêm vào tab "Biểu mẫu 03" 3 cột còn thiếu (ở cuối dòng tiêu đề): ${form.columns
        .filter((c) => c.scriptOwned)
        .map((c) => `"${c.header}"`)
        .join(', ')}.`,
    );
    expect(summary.filter((line) => line.startsWith('Đã thêm vào tab'))).toHaveLength(1);
    expect(summary[0]).toMatch(/^Đã tạo tab: .*Biểu mẫu 01/);
    // The triggers by what they do, their functions after (as Apps Script's Triggers page names them).
    expect(summary).toContain('Đã cài trình kích hoạt: kiểm tra khi sửa ô (handleEdit), chạy hằng ngày (dailyTick).');
  });

  test('a header repeating a column already read is said apart, with both letters, not among the extra columns', () => {
    const book: Workbook = example1();
    const grid = book['Biểu mẫu 03'];
    const unit = grid[0].indexOf('Đơn vị');
    book['Biểu mẫu 03'] = grid.map((row, r) => [...row, r === 0 ? 'Đơn vị' : '', r === 0 ? 'Cột riêng của đơn vị' : '']);
    const { rt } = boot(book);
    const summary = rt.ui.alerts.find((a) => a.title === SETUP.doneTitle)!.prompt.split('\n');
    const letter = (i: number) => String.fromCharCode(65 + i);
    const n = grid[0].length;
    expect(summary).toContain(SETUP.repeatedHeader('Biểu mẫu 03', 'Đơn vị', letter(n), 'Đơn vị', letter(unit)));
    expect(summary).toContain(SETUP.extraHeaders('Biểu mẫu 03', ['Cột riêng của đơn vị']));
  });

  test('adopting a sheet with data: a column under its own header is not appended again empty; once named in Tên gọi khác it is read', () => {
    const book: Workbook = example1();
    const form = formById('03');
    const staff = form.columns.find((c) => c.key === 'staff_total')!;
    const grid = book['Biểu mẫu 03'];
    const at = grid[0].indexOf(staff.header);
    grid[0][at] = 'Tổng CB (người)'; // the Department's own header for the column
    const { rt, app } = boot(book);
    const header = () => cells(rt, 'Biểu mẫu 03')[0].filter((h) => h !== '');
    const width = header().length;
    expect(header()).not.toContain(staff.header);
    const summary = () =>
      rt.ui.alerts
        .filter((a) => a.title === SETUP.doneTitle)
        .pop()!
        .prompt.split('\n');
    expect(summary()).toContain(SETUP.missingHeld('Biểu mẫu 03', [staff.header], ['Tổng CB (người)'], 1));
    // The check says how to adopt it.
    const missing = () =>
      validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now()).problems.filter(
        (p) => p.code === 'missing_column' && p.sheet === 'Biểu mẫu 03',
      );
    expect(missing().map((p) => p.message)).toEqual([MSG.missingFormColumn(staff.header, 'Tên gọi khác', TAB.formColumns)]);
    // The admin names the header in Tên gọi khác (an edit of the definitions, applied at once), then runs setup again.
    const defs = cells(rt, TAB.formColumns);
    const row = defs.findIndex((r) => r[0] === '03' && r[1] === 'staff_total') + 1;
    rt.edit(app, TAB.formColumns, row, defs[0].indexOf('Tên gọi khác') + 1, [['Tổng CB (người)']]);
    app.menuSetup();
    expect(header()).toHaveLength(width);
    expect(summary().some((l) => l.includes('Tổng CB (người)'))).toBe(false);
    expect(missing()).toEqual([]);
  });

  test('a misspelt header in Định nghĩa biểu mẫu (Tên khác): setup appends no second, empty Tên gọi khác and says which to correct', () => {
    const book: Workbook = example1();
    const t = templateGrids();
    const form = formById('03');
    const staff = form.columns.find((c) => c.key === 'staff_total')!;
    const aliasAt = t.columns[0].indexOf('Tên gọi khác');
    const staffRow = t.columns.findIndex((r) => r[0] === '03' && r[1] === 'staff_total');
    t.columns[staffRow][aliasAt] = 'Tổng CB (người)';
    t.columns[0][aliasAt] = 'Tên khác';
    book[TAB.formList] = t.list;
    book[TAB.formColumns] = t.columns;
    const grid = book['Biểu mẫu 03'];
    grid[0][grid[0].indexOf(staff.header)] = 'Tổng CB (người)';
    const { rt, app } = boot(book);
    const header = () => cells(rt, TAB.formColumns)[0].filter((h) => h !== '');
    expect(header()).toEqual(t.columns[0]);
    const summary = () =>
      rt.ui.alerts
        .filter((a) => a.title === SETUP.doneTitle)
        .pop()!
        .prompt.split('\n');
    expect(summary()).toContain(`${TAB.formColumns}: ${DEF_MSG.misspeltHeader('Tên khác', 'Tên gọi khác')}`);
    const problems = () => validateWorkbook(bookFromSpreadsheet(rt.spreadsheet), rt.now()).problems;
    expect(
      problems()
        .filter((p) => p.sheet === TAB.formColumns)
        .map((p) => [p.row, p.column, p.code]),
    ).toEqual([[1, 'Tên khác', 'bad_definition']]);
    // The admin corrects the header (applied at once): the aliases are read, the form tab's header adopted.
    rt.edit(app, TAB.formColumns, 1, aliasAt + 1, [['Tên gọi khác']]);
    expect(problems().filter((p) => p.sheet === TAB.formColumns || p.code === 'missing_column')).toEqual([]);
    app.menuSetup();
    expect(summary().some((l) => l.includes('Tên khác'))).toBe(false);
    expect(header()).toEqual(templateGrids().columns[0]);
  });

  test("an existing tab gets the definition's widths and header style, the header row and the unit column frozen", () => {
    const book = example1();
    // An existing sheet with a title block above its header row and no formatting of its own.
    book['Biểu mẫu 03'] = [['BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN I-SPEED'], ...book['Biểu mẫu 03']];
    const { rt } = boot(book);
    const sheet = rt.spreadsheet.sheet('Biểu mẫu 03')!;
    const form = formById('03');
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.frozenColumns).toBe(form.columns.findIndex((c) => c.key === 'unit') + 1);
    for (const [i, c] of form.columns.entries()) expect([c.key, sheet.columnWidths[i + 1]]).toEqual([c.key, c.width ?? 120]);
    expect(sheet.backgrounds.get(1, 1)).toBe('#cfe2f3');
    // The directory, found in place, gets its widths too.
    const dir = rt.spreadsheet.sheet(TAB.directory)!;
    DIRECTORY_COLUMNS.forEach((c, i) => {
      expect([c.key, dir.columnWidths[i + 1]]).toEqual([c.key, c.width]);
    });
    const settings = rt.spreadsheet.sheet(TAB.settings)!;
    expect([settings.columnWidths[1], settings.columnWidths[2]]).toEqual([300, 480]);
  });

  test('the unit column is not frozen when it sits far to the right', () => {
    const book = example1();
    book['Biểu mẫu 03'] = book['Biểu mẫu 03'].map((row) => [...row.slice(3, 8), ...row.slice(0, 3), ...row.slice(8)]);
    const { rt } = boot(book);
    expect(rt.spreadsheet.sheet('Biểu mẫu 03')!.frozenColumns).toBe(0);
  });
});
