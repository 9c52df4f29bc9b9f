// The period close in the core: when a period closes, how closes are kept and read back, corrections, the setting.
import {
  closeFigures,
  closeMoment,
  closedTabWrite,
  closesDue,
  correctionsOf,
  correctionsSection,
  localDateTime,
  readClosed,
  type ClosedForm,
} from '../../src/core/close';
import { formById } from '../../src/core/forms/schema';
import { formatMonth, fromLocal, month } from '../../src/core/periods';
import { defaultSettings, readSettings } from '../../src/core/settings';
import { validateWorkbook } from '../../src/core/validate';
import { buildReport } from '../../src/core/report/model';
import { reportSheet } from '../../src/core/report/sheet';
import { reportDocument } from '../../src/core/report/document';
import { statusCells, statusTab } from '../../src/core/status';
import { CLOSE_TEXT, CLOSED_CELL_TEXT, CLOSED_TAB, PERIOD_TAB } from '../../src/core/text/period';
import { example1 } from '../fixtures/example1';
import type { Grid } from '../../src/core/types';

const JUL = month(2024, 7);
const f03 = formById('03');

describe('the period close (core)', () => {
  test('07/2024, due before 12/08/2024, closes at 00:00 on 14/08/2024 by default; the setting moves it (0–27)', () => {
    expect(defaultSettings().closeAfterDays).toBe(2);
    expect(localDateTime(closeMoment(f03, JUL, defaultSettings())!)).toBe('2024-08-14T00:00');
    const zero = readSettings([
      ['Tham số', 'Giá trị'],
      ['Chốt số liệu sau hạn (ngày)', 0],
    ]);
    expect(localDateTime(closeMoment(f03, JUL, zero.settings)!)).toBe('2024-08-12T00:00');
    const bad = readSettings([
      ['Tham số', 'Giá trị'],
      ['Chốt số liệu sau hạn (ngày)', 28],
    ]);
    expect(bad.problems.map((p) => p.code)).toEqual(['bad_setting']);
    expect(bad.settings.closeAfterDays).toBe(2);
    // A one-off form closes only in its one period.
    expect(closeMoment(formById('01'), JUL, defaultSettings())).toBeNull();
  });

  test('what is due to close: every period whose moment has come and that never closed, whatever runs were missed', () => {
    const before = validateWorkbook(example1(), fromLocal(2024, 8, 13, 23, 59));
    expect(
      closesDue(before, fromLocal(2024, 8, 13, 23, 59))
        .filter((d) => d.spec.id === '03')
        .map((d) => d.period),
    ).toEqual([month(2024, 6)]);
    const now = fromLocal(2024, 8, 17, 8);
    const v = validateWorkbook(example1(), now);
    const due = closesDue(v, now).filter((d) => d.spec.id === '03');
    expect(due.map((d) => d.period)).toEqual([month(2024, 6), JUL]);
    const closes = closeFigures(v, due, now);
    const grid = closedTabWrite([], closes, v.forms).values;
    const closedBook = { ...example1(), [PERIOD_TAB.closed]: grid as Grid };
    const after = validateWorkbook(closedBook, now);
    expect(closesDue(after, now).filter((d) => d.spec.id === '03')).toEqual([]);
  });

  test('a unit that had not reported at the close and reports later: each figure says the close had none of it', () => {
    const closedAt = fromLocal(2024, 8, 14, 8);
    const [july] = closeFigures(validateWorkbook(example1(), closedAt), [{ spec: f03, period: JUL }], closedAt);
    const book: Record<string, Grid> = {
      ...example1(),
      [PERIOD_TAB.closed]: closedTabWrite([], [july], validateWorkbook(example1(), closedAt).forms).values as Grid,
    };
    // On the 15th Kông Chro fixes its period ("Tháng 7/2024" did not read) and names its reporter: its report counts.
    const at = (key: string) => f03.columns.findIndex((c) => c.key === key);
    book['Biểu mẫu 03'][7][at('period')] = '07/2024';
    book['Biểu mẫu 03'][7][at('reporter')] = 'Anh Ba';
    const v = validateWorkbook(book, fromLocal(2024, 8, 15, 9));
    const late = v.problems.filter((p) => p.code === 'changed_after_close' && p.row === 8);
    expect(late.length).toBeGreaterThan(0);
    const header = f03.columns.find((c) => c.key === 'staff_total')!.header;
    expect(late.map((p) => p.message)).toContain(CLOSE_TEXT.changedAfterClose(header, '07/2024', '08:00 14/08/2024', null, 90));
    expect(late[0].message).toContain('đã chốt lúc 08:00 14/08/2024 khi chưa có số liệu này; nay là');
  });

  test('a close dated after "today" is not there yet (FORMS.md: the workbook as it stood that day), as a later stamp is not', () => {
    // `ispeed daily --today 2026-08-20` typed for 2024: every period to 07/2026 closed, dated 20/08/2026.
    const later = fromLocal(2026, 8, 20, 8);
    const v0 = validateWorkbook(example1(), later);
    const [july] = closeFigures(v0, [{ spec: f03, period: JUL }], later);
    const book = { ...example1(), [PERIOD_TAB.closed]: closedTabWrite([], [july], v0.forms).values as Grid };
    const now = fromLocal(2024, 8, 20, 12);
    const v = validateWorkbook(book, now);
    expect(v.closed).toEqual([]);
    expect(buildReport(v, JUL, ['03'], '2024-08-20').forms[0].closedAt).toBeNull();
    expect(v.problems.filter((p) => p.code === 'changed_after_close')).toEqual([]);
    // The daily run of that day still closes 07/2024 (its moment, 14/08/2024, has come).
    expect(
      closesDue(v, now)
        .filter((d) => d.spec.id === '03')
        .map((d) => d.period),
    ).toEqual([month(2024, 6), JUL]);
    // On the day of the close itself, it is there.
    expect(validateWorkbook(book, fromLocal(2026, 8, 20, 9)).closed).toHaveLength(1);
  });

  test('the closed tab: one row per unit with status, submission and each figure; read back exactly; a new key widens the header', () => {
    const now = fromLocal(2024, 8, 14, 8);
    const v = validateWorkbook(example1(), now);
    const [july] = closeFigures(v, [{ spec: f03, period: JUL }], now);
    const w = closedTabWrite([], [july], v.forms);
    expect(w.row).toBe(1);
    expect(w.values[0].slice(0, CLOSED_TAB.headers.length)).toEqual(CLOSED_TAB.headers);
    // Each figure column reads as the officers know it, its key (what the tab is read by) in brackets.
    expect(w.values[0].slice(CLOSED_TAB.headers.length)).toEqual(f03.columns.filter((c) => c.kind).map((c) => `${c.header} (${c.key})`));
    expect(w.values).toHaveLength(1 + 4);
    // As Sheets stores it: the apostrophe keeps '07/2024' and '03' as text and is not part of the value.
    const stored = w.values.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)));
    const [read] = readClosed(stored as Grid);
    expect(read).toEqual(july);
    // The same close appended: only new rows, after the last one.
    expect(closedTabWrite(stored as Grid, [july], v.forms).row).toBe(stored.length + 1);
    // A tab written with bare keys (before the labels) reads back the same, and gets its labels with the next close.
    // Such a tab names its carried figures by their keys too ('staff_total, staff_installed (từ 06/2024)').
    const keysOf = (u: (typeof july.units)[number]) =>
      u.carried.length ? `${u.carried.join(', ')} (từ ${formatMonth(u.from![u.carried[0]])})` : '';
    const bare = [
      [...CLOSED_TAB.headers, ...f03.columns.filter((c) => c.kind).map((c) => c.key)],
      ...stored.slice(1).map((r, i) => [...r.slice(0, 7), keysOf(july.units[i]), ...r.slice(8)]),
    ] as Grid;
    expect(july.units.some((u) => u.carried.length)).toBe(true);
    expect(readClosed(bare)).toEqual([july]);
    const relabelled = closedTabWrite(bare, [july], v.forms);
    expect([relabelled.row, relabelled.values[0]]).toEqual([1, w.values[0]]);
    expect(relabelled.values).toHaveLength(1 + 8);
    // Relabelled, the old rows name their carried figures by the headers, as the new rows do.
    expect(relabelled.values.slice(1, 5).map((r) => r[7])).toEqual(w.values.slice(1).map((r) => r[7]));
    const extra: ClosedForm = { ...july, units: [{ ...july.units[0], values: { ...july.units[0].values, new_key: 1 } }] };
    const wide = closedTabWrite(stored as Grid, [extra], v.forms);
    expect([wide.row, wide.values[0][wide.values[0].length - 1], wide.values.length]).toEqual([1, 'new_key', stored.length + 1]);
  });

  test('a report of a closed period uses the closed figures and lists each correction; the report tab and the document show them', () => {
    const closedAt = fromLocal(2024, 8, 14, 8);
    const v0 = validateWorkbook(example1(), closedAt);
    const [july] = closeFigures(v0, [{ spec: f03, period: JUL }], closedAt);
    const book = example1();
    book['Biểu mẫu 03'][4][4] = 175; // Pleiku's July staff_installed, 170 when closed
    book[PERIOD_TAB.closed] = closedTabWrite([], [july], v0.forms).values as Grid;
    const now = fromLocal(2024, 8, 20, 12);
    const v = validateWorkbook(book, now);
    const r = buildReport(v, JUL, ['03'], '2024-08-20');
    const f = r.forms[0];
    expect(f.closedAt).toEqual(closedAt);
    expect(f.corrections).toEqual([{ unit: 'H-622', key: 'staff_installed', closed: 170, now: 175 }]);
    expect(f.indicators.find((i) => i.key === 'staff_installed')!.period).toBe(
      july.units.reduce((n, u) => n + (u.values.staff_installed ?? 0), 0),
    );
    expect(
      correctionsOf(july, [], [])
        .filter((c) => c.key === 'status')
        .map((c) => c.now),
    ).toEqual([null, null, null, null]);
    const section = correctionsSection(r)!;
    expect(section.rows).toEqual([['Biểu mẫu 03', 'H-622', f03.columns[4].header, '170', '175']]);
    const sheet = reportSheet(r, v.settings, now);
    const at = sheet.values.findIndex((row) => row[0] === CLOSE_TEXT.section);
    expect(at).toBeGreaterThan(0);
    expect(sheet.values.slice(at).some((row) => row[1] === 'H-622' && row[3] === '170' && row[4] === '175')).toBe(true);
    const doc = reportDocument(r, v.settings, '2024-08-20');
    expect(doc.blocks.some((b) => b.kind === 'table' && b.rows.some((row) => row[1] === 'H-622' && row[4] === '175'))).toBe(true);
    // An open period has no such section.
    expect(correctionsSection(buildReport(v, month(2024, 8), ['03'], '2024-08-20'))).toBeNull();
  });

  test('cells of the closed tab that do not read are said by the check on their cells, and the report counts them as blank and says so', () => {
    const closedAt = fromLocal(2024, 8, 14, 8);
    const v0 = validateWorkbook(example1(), closedAt);
    const [july] = closeFigures(v0, [{ spec: f03, period: JUL }], closedAt);
    const tab = closedTabWrite([], [july], v0.forms).values.map((r) =>
      r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)),
    ) as Grid;
    const col = (key: string) => tab[0].findIndex((h) => String(h).endsWith(`(${key})`));
    const row = (code: string) => tab.findIndex((r) => r[3] === code);
    const now = fromLocal(2024, 8, 20, 12);
    const check = (g: Grid) => {
      const v = validateWorkbook({ ...example1(), [PERIOD_TAB.closed]: g }, now);
      return { v, problems: v.problems.filter((p) => p.sheet === PERIOD_TAB.closed), report: buildReport(v, JUL, ['03'], '2024-08-20') };
    };
    expect(check(tab).problems).toEqual([]);
    const g = tab.map((r) => r.slice());
    g[row('H-622')][col('staff_total')] = 'abc';
    g[row('H-626')][col('staff_installed')] = ''; // a unit that reported: a required figure cleared
    g[row('H-623')][col('staff_total')] = ''; // carried from June
    g[row('H-626')][6] = 'hôm qua';
    g[row('H-630')][5] = 'Xong';
    const { problems, report } = check(g);
    expect(problems.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([
      [row('H-622') + 1, tab[0][col('staff_total')], 'not_number', 'error'],
      [row('H-623') + 1, tab[0][col('staff_total')], 'required', 'error'],
      [row('H-626') + 1, 'Thời điểm nộp', 'bad_directory', 'error'],
      [row('H-626') + 1, tab[0][col('staff_installed')], 'required', 'error'],
      [row('H-630') + 1, 'Trạng thái', 'bad_directory', 'error'],
    ]);
    expect(problems[0].message).toBe(
      '“Tổng số CBCCVC, NLĐ”: “abc” không phải là số; báo cáo tính ô này là trống. Khôi phục giá trị đã chốt (giá trị cũ: trang Nhật ký thay đổi hoặc Lịch sử phiên bản), hoặc chốt lại số liệu kỳ 07/2024 từ thanh bên (Chốt lại số liệu kỳ 07/2024).',
    );
    expect(problems[4].message).toContain('dòng này không được tính vào số liệu đã chốt');
    // The report: the figures as blank (the sums drop by them), the unit of the row that does not read left out, and
    // both said in its close section.
    const f = report.forms[0];
    const before = check(tab).report.forms[0];
    const sum = (r: typeof f, k: string) => r.indicators.find((i) => i.key === k)!.period;
    expect(sum(before, 'staff_total') - sum(f, 'staff_total')).toBe(300 + 120);
    expect(f.units.map((u) => u.code)).not.toContain('H-630');
    expect(f.closedSkipped).toEqual([row('H-630') + 1]);
    expect(f.closedGaps.map((x) => [x.unit, x.key, x.text])).toEqual([
      ['H-622', 'staff_total', 'abc'],
      ['H-623', 'staff_total', ''],
      ['H-626', 'submitted', 'hôm qua'],
      ['H-626', 'staff_installed', ''],
    ]);
    const lines = correctionsSection(report)!.lines;
    expect(
      lines.some((l) =>
        l.startsWith('Biểu mẫu 03: 4 ô của trang Số liệu đã chốt không đọc được (Thành phố Pleiku (H-622), “Tổng số CBCCVC, NLĐ”: “abc”;'),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith(`Biểu mẫu 03: Dòng ${row('H-630') + 1} của trang Số liệu đã chốt không đọc được`))).toBe(true);
    // The working views say how to mend the tab; the signed document states the facts only.
    const fix = CLOSED_CELL_TEXT.fix('07/2024');
    expect(lines.filter((l) => l.includes('không đọc được')).every((l) => l.endsWith(fix))).toBe(true);
    const printed = correctionsSection(report, false)!.lines.filter((l) => l.includes('không đọc được'));
    expect(printed).toHaveLength(2);
    expect(printed.some((l) => l.includes('Khôi phục'))).toBe(false);
    // Closed again, the close before is replaced: its cells are no longer said (nothing reads them).
    const [again] = closeFigures(v0, [{ spec: f03, period: JUL }], fromLocal(2024, 8, 15, 8));
    const reclosed = [...g, ...closedTabWrite(g, [again], v0.forms).values] as Grid;
    expect(check(reclosed.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)))).problems).toEqual([]);
    // A tab whose A1 was changed reads nothing: said once.
    const headless = tab.map((r) => r.slice());
    headless[0][0] = 'Chốt';
    expect(check(headless).problems.map((p) => [p.row, p.code])).toEqual([[1, 'missing_column']]);
  });

  test('a closed month is official everywhere: the trend, the previous period and the stocks carried from it take its closed figures, so a report stays as it was closed', () => {
    const JUN = month(2024, 6),
      AUG = month(2024, 8);
    const closedAt = fromLocal(2024, 8, 14, 8);
    const v0 = validateWorkbook(example1(), closedAt);
    const closes = closeFigures(
      v0,
      [JUN, JUL].map((period) => ({ spec: f03, period })),
      closedAt,
    );
    const written = closedTabWrite([], closes, v0.forms).values.map((r) =>
      r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)),
    ) as Grid;
    // The period a carried figure came from is kept in the tab and read back.
    expect(readClosed(written)).toEqual(closes);
    const carried = closes[1].units.filter((u) => u.carried.length);
    expect(carried.length).toBeGreaterThan(0);
    for (const u of carried) for (const k of u.carried) expect(u.from![k]).toBe(JUN);
    // As the tab shows it: each run of keys with the period it came from; a close written before that has none.
    const cell = (text: string) => {
      const g = written.map((r) => r.slice());
      g[1][7] = text;
      return readClosed(g)[0].units[0];
    };
    // Named by the headers officers read, separated by semicolons (a header holds commas and brackets).
    expect(written.slice(1).find((r) => String(r[7]).length)![7]).toMatch(
      /^Tổng số CBCCVC, NLĐ; Số CBCCVC, NLĐ đã cài đặt i-Speed \(đến nay\); .* \(từ 06\/2024\)$/,
    );
    expect(String(written.slice(1).find((r) => String(r[7]).length)![7])).not.toMatch(/[a-z]+_[a-z]+/);
    expect(cell('Tổng số CBCCVC, NLĐ (từ 05/2024); Số tổ công nghệ số cộng đồng tham gia (đến nay) (từ 06/2024)')).toMatchObject({
      carried: ['staff_total', 'digital_teams'],
      from: { staff_total: month(2024, 5), digital_teams: JUN },
    });
    expect(cell('staff_total, staff_installed (từ 05/2024), digital_teams (từ 06/2024)')).toMatchObject({
      carried: ['staff_total', 'staff_installed', 'digital_teams'],
      from: { staff_total: month(2024, 5), staff_installed: month(2024, 5), digital_teams: JUN },
    });
    expect(cell('staff_total, staff_installed')).toMatchObject({ carried: ['staff_total', 'staff_installed'], from: {} });
    const book = (): Record<string, Grid> => ({ ...example1(), [PERIOD_TAB.closed]: written });
    const now = fromLocal(2024, 8, 20, 12);
    const report = (b: Record<string, Grid>, m: number) => buildReport(validateWorkbook(b, now), m, ['03'], '2024-08-20').forms[0];
    const before = report(book(), JUL);
    // Corrections after the close, in June and in July: July's report is the one that was closed, but its list.
    const fixed = book();
    const tab = fixed['Biểu mẫu 03'];
    const june = tab.findIndex((r) => r[2] === '06/2024');
    tab[june][4] = Number(tab[june][4]) + 5;
    tab[4][4] = 175;
    const after = report(fixed, JUL);
    expect(after.trend).toEqual(before.trend);
    expect(after.indicators).toEqual(before.indicators);
    expect(after.corrections).toEqual([{ unit: 'H-622', key: 'staff_installed', closed: 170, now: 175 }]);
    // The trend's closed months are their closes' sums.
    const sum = (c: ClosedForm, k: string) => c.units.reduce((n, u) => n + (u.values[k] ?? 0), 0);
    for (const [i, c] of closes.entries())
      expect(after.trend[i]).toMatchObject({ staffInstalled: sum(c, 'staff_installed'), staffTotal: sum(c, 'staff_total') });
    // August, open: a unit without an August row carries July's closed figure (with the period it came from), not the
    // corrected row; the previous period is July's close.
    const aug = report(fixed, AUG);
    const pleiku = aug.units.find((u) => u.code === 'H-622')!;
    expect([pleiku.values.staff_installed, pleiku.carriedFrom.staff_installed]).toEqual([170, JUL]);
    for (const u of carried) {
      const a = aug.units.find((x) => x.code === u.code)!;
      for (const k of u.carried) expect(a.carriedFrom[k]).toBe(JUN);
    }
    expect(aug.indicators.find((i) => i.key === 'staff_installed')!.previous).toBe(sum(closes[1], 'staff_installed'));
  });

  test('the status tab rows: each status as the report model gives it, periods with a deadline from Kỳ bắt đầu to today', () => {
    const now = fromLocal(2024, 8, 20, 12);
    const v = validateWorkbook(example1(), now);
    const tab = statusTab(v, '2024-08-20', { 'Biểu mẫu 03': 7 });
    expect(tab.periods).toEqual([month(2024, 6), JUL, month(2024, 8)]);
    tab.periods.forEach((m, i) => {
      const report = buildReport(v, m, ['03'], '2024-08-20').forms[0];
      for (const row of tab.rows)
        expect([row.code, i, row.statuses[i]]).toEqual([row.code, i, report.units.find((u) => u.code === row.code)!.status]);
    });
    // An edit's units and months: the statuses from the first to the last month, the same; none elsewhere.
    const edit = statusTab(
      v,
      '2024-08-20',
      {},
      { form: '03', codes: new Set(['H-630', 'H-622']), months: [month(2024, 8), month(2024, 6)] },
    );
    const rowOf = (t: typeof tab, code: string) => t.rows.find((r) => r.code === code)!.statuses;
    for (const code of ['H-630', 'H-622']) expect(rowOf(edit, code)).toEqual(rowOf(tab, code));
    expect(
      edit.rows
        .filter((r) => r.statuses.some((x) => x !== null))
        .map((r) => r.code)
        .sort(),
    ).toEqual(['H-622', 'H-630']);
    const july = statusTab(v, '2024-08-20', {}, { form: '03', codes: new Set(['H-630']), months: [JUL] });
    expect(rowOf(july, 'H-630')).toEqual([null, 'invalid', null]);
    const kongChro = tab.rows.find((r) => r.code === 'H-630')!;
    expect(statusCells(kongChro).texts).toEqual(['03', 'H-630', 'Huyện Kông Chro', 'Chưa nộp', 'Có lỗi', 'Chưa đến hạn']);
    expect(kongChro.link).toBe('#gid=7&range=A8:U8');
  });
});
