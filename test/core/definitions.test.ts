// The form definitions (FORMS.md "Form definitions"): the template as rows, reading them back, and every bad cell.
import {
  COMMON_KEYS,
  FORM_COLUMN_COLUMNS,
  FORM_LIST_COLUMNS,
  builtinForms,
  readForms,
  templateGrids,
} from '../../src/core/forms/definitions';
import { FORMS, TAB, formById, indicators, type FormSpec } from '../../src/core/forms/schema';
import { DEFAULT_HELP } from '../../src/core/text/definitions';
import { fromLocal, month } from '../../src/core/periods';
import type { CellValue, Grid, Problem } from '../../src/core/types';
import { validateWorkbook } from '../../src/core/validate';
import { FROZEN_FORMS } from './definitions.frozen';
import { DIRECTORY_HEADER } from './book';

const T = templateGrids();
type ColKey = (typeof FORM_COLUMN_COLUMNS)[number]['key'];
type ListKey = (typeof FORM_LIST_COLUMNS)[number]['key'];
const byKey = <K extends string>(cols: readonly { key: string }[], cells: Partial<Record<K, CellValue>>): CellValue[] =>
  cols.map((c) => (cells as Record<string, CellValue>)[c.key] ?? '');
const col = (cells: Partial<Record<ColKey, CellValue>>) => byKey(FORM_COLUMN_COLUMNS, cells);
const form = (cells: Partial<Record<ListKey, CellValue>>) => byKey(FORM_LIST_COLUMNS, cells);
/** The 1-based sheet row of the first row added after the template's rows. */
const NEXT_LIST_ROW = T.list.length + 1;
const NEXT_COL_ROW = T.columns.length + 1;

/** The schools' form of the issue: its own tab, a stock bounded by another, a flow from 01/2025, a decimal. */
const SCHOOLS_LIST = form({ form: '05', tab: 'Biểu mẫu 05 - Trường học', group: 'Các trường học', cadence: 'Hằng tháng', due: 15 });
const SCHOOLS_COLUMNS: Grid = [
  col({ form: '05', key: 'teachers_total', header: 'Tổng số giáo viên', kind: 'Lũy kế', min: 1 }),
  col({
    form: '05',
    key: 'teachers_installed',
    header: 'Số giáo viên đã cài đặt i-Speed (đến nay)',
    kind: 'Lũy kế',
    max: 'teachers_total',
  }),
  col({ form: '05', key: 'lessons', header: 'Số tiết học có lồng ghép i-Speed (trong kỳ)', kind: 'Trong kỳ', from: '01/2025' }),
  col({
    form: '05',
    key: 'lab_hours',
    header: 'Số giờ đo thử tại phòng máy (trong kỳ)',
    type: 'Số thập phân',
    kind: 'Trong kỳ',
    required: 'Không',
  }),
  col({ form: '05', key: 'website', header: 'Trang tin của trường', type: 'Liên kết' }),
];

function read(extraList: Grid = [], extraColumns: Grid = []) {
  return readForms([...T.list, ...extraList], [...T.columns, ...extraColumns]);
}
const brief = (p: Problem) => [p.sheet, p.row, p.column, p.code];
const ids = (forms: FormSpec[]) => forms.map((f) => f.id);

describe('the built-in template', () => {
  test('read from its rows, it equals the hand-written FORMS field by field', () => {
    const forms = builtinForms();
    expect(ids([...forms])).toEqual(['01', '02', '03', '04']);
    forms.forEach((f, i) => {
      const frozen = FROZEN_FORMS[i];
      for (const field of Object.keys(frozen) as (keyof FormSpec)[]) {
        if (field !== 'columns') expect([f.id, field, f[field]]).toStrictEqual([f.id, field, frozen[field]]);
      }
      expect(f.columns.map((c) => c.key)).toEqual(frozen.columns.map((c) => c.key));
      f.columns.forEach((c, j) => {
        expect([f.id, c]).toStrictEqual([f.id, frozen.columns[j]]);
      });
    });
    expect(forms).toStrictEqual(FROZEN_FORMS);
  });

  test('FORMS and formById still give the template, computed once', () => {
    expect([...FORMS]).toStrictEqual(FROZEN_FORMS);
    expect(FORMS.length).toBe(4);
    expect(FORMS.find((f) => f.id === '03')).toBe(builtinForms()[2]);
    expect(formById('04')).toBe(builtinForms()[3]);
    expect(builtinForms()).toBe(builtinForms());
    const other = read([SCHOOLS_LIST], SCHOOLS_COLUMNS).forms;
    expect(formById('05', other).tab).toBe('Biểu mẫu 05 - Trường học');
    expect(() => formById('05')).toThrow('unknown form 05');
  });

  test('its rows read back without a problem', () => {
    const r = readForms(T.list, T.columns);
    expect(r.problems).toEqual([]);
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
    expect(Object.keys(r.layouts).sort()).toEqual([TAB.formColumns, TAB.formList].sort());
    expect(r.layouts[TAB.formList]).toMatchObject({ headerRow: 1, columns: { form: 0, tab: 1, cadence: 3 } });
  });

  test('setup writes text only: Có/Không and the words in full, blank where blank is the default', () => {
    expect(T.list[0]).toEqual(['Biểu mẫu', 'Tên tab', 'Đối tượng', 'Kỳ báo cáo', 'Hạn nộp', 'Nhiều báo cáo mỗi kỳ', 'Nhắc nhở']);
    expect(T.columns[0]).toEqual([
      'Biểu mẫu',
      'Mã cột',
      'Tên cột',
      'Kiểu',
      'Tính chất',
      'Bắt buộc',
      'Tối thiểu',
      'Không vượt quá',
      'Từ kỳ',
      'Đến kỳ',
      'Tên gọi khác',
      'Hướng dẫn',
    ]);
    for (const g of [T.list, T.columns]) for (const r of g) for (const c of r) expect(typeof c).toBe('string');
    expect(T.list.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]])).toEqual([
      ['01', 'Biểu mẫu 01', 'Một lần', '', '', ''],
      ['02', 'Biểu mẫu 02', 'Một lần', '', 'Có', ''],
      ['03', 'Biểu mẫu 03', 'Hằng tháng', '', '', ''],
      ['04', 'Biểu mẫu 04', 'Hằng tháng', '', '', ''],
    ]);
    const rows = T.columns.slice(1);
    const of = (f: string, k: string) => rows.find((r) => r[0] === f && r[1] === k)!;
    expect(rows.filter((r) => r[1] === 'links').map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      ['01', '02', '03'].map((f) => [f, 'Đường dẫn tin bài', 'Liên kết', '']),
    );
    expect(of('02', 'airtime_minutes').slice(3, 5)).toEqual(['Số thập phân', 'Trong kỳ']);
    expect(of('03', 'samples')[5]).toBe('Không');
    expect([of('01', 'staff_installed')[7], of('03', 'communes_active')[7], of('04', 'service_points_active')[7]]).toEqual([
      'staff_total',
      'Số xã',
      'service_points',
    ]);
    expect(of('01', 'staff_total')[6]).toBe('1');
    // Blank Hướng dẫn where the kind's default is today's text; the own texts kept where they differ.
    expect(of('03', 'relatives_guided')[11]).toBe('');
    expect(of('03', 'portal_posts')[11]).toBe('');
    expect(of('01', 'links')[11]).toBe('');
    expect(of('03', 'samples')[11]).toContain('300 mẫu/tháng');
    expect(rows.filter((r) => r[3] === '').every((r) => r[4] !== '')).toBe(true);
  });

  test('read back as Sheets stores what setup wrote (01 and 1 become numbers, 15/09/2025 a date), it is the same', () => {
    const asSheets = (g: Grid) => g.map((r) => r.map((c) => (typeof c === 'string' && /^\d+$/.test(c) ? Number(c) : c)));
    const r = readForms(
      asSheets([...T.list, SCHOOLS_LIST, form({ form: '06', tab: 'Một lần', cadence: 'Một lần', due: fromLocal(2025, 9, 15) })]),
      asSheets([
        ...T.columns,
        ...SCHOOLS_COLUMNS,
        col({ form: '06', key: 'n', header: 'N', kind: 'Trong kỳ', from: fromLocal(2025, 1, 1) }),
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.forms.slice(0, 4)).toStrictEqual(FROZEN_FORMS);
    expect(r.forms[4]).toStrictEqual(read([SCHOOLS_LIST], SCHOOLS_COLUMNS).forms[4]);
    expect(r.forms[5]).toMatchObject({ id: '06', monthly: false, dueDate: '2025-09-15' });
    expect(r.forms[5].columns[3].from).toBe(month(2025, 1));
  });

  test('templateGrids gives a fresh copy each time', () => {
    const a = templateGrids();
    a.list[1][1] = 'changed';
    expect(templateGrids().list[1][1]).toBe('Biểu mẫu 01');
  });

  test.each<[string, Grid | undefined, Grid | undefined]>([
    ['both tabs missing', undefined, undefined],
    ['both tabs empty', [], [[]]],
    ['blank cells only', [['', ''], ['  ']], [['']]],
    ['header rows only', [T.list[0]], [T.columns[0]]],
  ])('%s: the workbook behaves as the built-in template', (_name, list, columns) => {
    const r = readForms(list, columns);
    expect(r.problems).toEqual([]);
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
  });

  test("one empty tab reads as the template's, the other as written", () => {
    const r = readForms(undefined, [...T.columns, ...SCHOOLS_COLUMNS]);
    // The template's list has no 05: its rows name no form, and the four forms are intact.
    expect(r.problems.map(brief)).toEqual(SCHOOLS_COLUMNS.map((_, i) => [TAB.formColumns, NEXT_COL_ROW + i, 'Biểu mẫu', 'bad_definition']));
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
    // The Department's columns without the template's form 04: named on the columns tab, as a whole (no list cell to hold it).
    const no04 = readForms(undefined, [...T.columns.filter((x) => x[0] !== '04')]);
    expect(no04.problems.map(brief)).toEqual([[TAB.formColumns, 1, '', 'bad_definition']]);
    expect(no04.problems[0].message).toContain('Biểu mẫu 04');
    expect(ids(no04.forms)).toEqual(['01', '02', '03']);
    // The Department's list without forms 01 and 02 and the template's columns: their rows are not used, and no problem.
    const without = readForms([T.list[0], T.list[3], T.list[4], SCHOOLS_LIST], undefined);
    expect(without.problems.map(brief)).toEqual([[TAB.formList, 4, 'Biểu mẫu', 'bad_definition']]);
    expect(ids(without.forms)).toEqual(['03', '04']);
    const listOnly = readForms([...T.list, SCHOOLS_LIST], undefined);
    expect(listOnly.problems.map(brief)).toEqual([[TAB.formList, NEXT_LIST_ROW, 'Biểu mẫu', 'bad_definition']]);
    expect(listOnly.problems[0].message).toContain('chưa có chỉ tiêu số');
  });
});

describe('a fifth form, as the Department would add it', () => {
  const r = read([SCHOOLS_LIST], SCHOOLS_COLUMNS);
  const schools = r.forms.find((f) => f.id === '05')!;

  test('reads without a problem, after the four forms which are unchanged', () => {
    expect(r.problems).toEqual([]);
    expect(ids(r.forms)).toEqual(['01', '02', '03', '04', '05']);
    expect(r.forms.slice(0, 4)).toStrictEqual(FROZEN_FORMS);
  });

  test('its facts come from its list row: tab, group, monthly, due day, reminders on, one row a period', () => {
    expect(schools).toMatchObject({
      tab: 'Biểu mẫu 05 - Trường học',
      group: 'Các trường học',
      monthly: true,
      dueDay: 15,
      dueDate: null,
      reminders: true,
      multipleRowsPerPeriod: false,
    });
  });

  test('columns: common leading, its numbers in order, reporter, phone, its other columns, note, script-owned', () => {
    expect(schools.columns.map((c) => c.key)).toEqual([
      'seq',
      'unit',
      'period',
      'teachers_total',
      'teachers_installed',
      'lessons',
      'lab_hours',
      'reporter',
      'phone',
      'website',
      'note',
      'submitted_at',
      'updated_at',
      'status',
    ]);
    expect(schools.columns.filter((c) => COMMON_KEYS.includes(c.key as never))).toStrictEqual(
      builtinForms()[3].columns.filter((c) => COMMON_KEYS.includes(c.key as never)),
    );
  });

  test('each kind gets its type, default help, width and required; the bound and the version are kept', () => {
    const c = Object.fromEntries(schools.columns.map((x) => [x.key, x]));
    expect(c.teachers_total).toStrictEqual({
      key: 'teachers_total',
      header: 'Tổng số giáo viên',
      type: 'int',
      kind: 'stock',
      required: true,
      min: 1,
      help: DEFAULT_HELP.stock(1),
      width: 150,
    });
    expect(c.teachers_installed).toMatchObject({ type: 'int', kind: 'stock', required: true, help: DEFAULT_HELP.stock(0) });
    expect(c.lessons).toMatchObject({ type: 'int', kind: 'flow', from: month(2025, 1), help: DEFAULT_HELP.flow(0) });
    expect(c.lessons.to).toBeUndefined();
    expect(c.lab_hours).toMatchObject({ type: 'decimal', kind: 'flow', required: false, help: DEFAULT_HELP.decimal(0), width: 150 });
    expect(c.website).toStrictEqual({
      key: 'website',
      header: 'Trang tin của trường',
      type: 'links',
      required: false,
      help: DEFAULT_HELP.links,
      width: 220,
    });
    expect(schools.bounds).toEqual([{ key: 'teachers_installed', max: { column: 'teachers_total' } }]);
    expect(indicators(schools).map((x) => x.key)).toEqual(['teachers_total', 'teachers_installed', 'lessons', 'lab_hours']);
  });

  test('text and phone columns: width 160 and 120, not required unless said, their default help', () => {
    const f = read(
      [SCHOOLS_LIST],
      [
        ...SCHOOLS_COLUMNS,
        col({ form: '05', key: 'principal', header: 'Hiệu trưởng', type: 'van ban', required: 'Có' }),
        col({ form: '05', key: 'principal_phone', header: 'Điện thoại hiệu trưởng', type: 'Điện thoại', help: 'Di động của hiệu trưởng.' }),
      ],
    );
    expect(f.problems).toEqual([]);
    const s = f.forms[4];
    expect(s.columns.slice(9, 13).map((c) => [c.key, c.type, c.required, c.width, c.help])).toEqual([
      ['website', 'links', false, 220, DEFAULT_HELP.links],
      ['principal', 'text', true, 160, DEFAULT_HELP.text],
      ['principal_phone', 'phone', false, 120, 'Di động của hiệu trưởng.'],
      ['note', 'text', false, 160, 'Ghi chú thêm (không bắt buộc).'],
    ]);
  });

  test('a number code counts: 5 is 05, in both tabs', () => {
    const f = read(
      [form({ form: 5, tab: 'Trường học', cadence: 'Hằng tháng' })],
      [col({ form: 5, key: 'pupils', header: 'Số học sinh', kind: 'Lũy kế' })],
    );
    expect(f.problems).toEqual([]);
    expect(f.forms[4]).toMatchObject({ id: '05', tab: 'Trường học', dueDay: null });
  });

  test('Một lần with a date: dd/MM/yyyy text or a Date cell gives the due day; Hằng tháng with a day', () => {
    const f = read(
      [
        form({ form: '05', tab: 'Một lần chữ', cadence: 'Một lần', due: '30/09/2025', reminders: 'Không' }),
        form({ form: '06', tab: 'Một lần ngày', cadence: 'mot lan', due: fromLocal(2025, 10, 1), multiple: 'Có' }),
        form({ form: '07', tab: 'Hằng tháng', cadence: 'Hằng tháng', due: '20' }),
        form({ form: '08', tab: 'Để trống', cadence: '' }),
      ],
      ['05', '06', '07', '08'].map((id) => col({ form: id, key: 'n', header: 'Số', kind: 'Trong kỳ' })),
    );
    expect(f.problems).toEqual([]);
    expect(f.forms.slice(4).map((x) => [x.id, x.monthly, x.dueDay, x.dueDate, x.reminders, x.multipleRowsPerPeriod])).toEqual([
      ['05', false, null, '2025-09-30', false, false],
      ['06', false, null, '2025-10-01', true, true],
      ['07', true, 20, null, true, false],
      ['08', true, null, null, true, false], // blank Kỳ báo cáo = Hằng tháng
    ]);
  });

  test('Từ kỳ and Đến kỳ: any month form periods accept, Date cells too; open when blank', () => {
    const f = read(
      [SCHOOLS_LIST],
      [
        col({ form: '05', key: 'a', header: 'A', kind: 'Lũy kế', from: 'T3/2025', to: fromLocal(2025, 12, 1) }),
        col({ form: '05', key: 'b', header: 'B', kind: 'Trong kỳ', to: '2026-06' }),
        col({ form: '05', key: 'c', header: 'C', kind: 'Trong kỳ', from: 'Tháng 7/2025', to: '07/2025' }),
      ],
    );
    expect(f.problems).toEqual([]);
    const [a, b, c] = f.forms[4].columns.slice(3, 6);
    expect([a.from, a.to, b.from, b.to, c.from, c.to]).toEqual([
      month(2025, 3),
      month(2025, 12),
      undefined,
      month(2026, 6),
      month(2025, 7),
      month(2025, 7),
    ]);
  });

  test('Tên gọi khác: split on ;, spaces collapsed; a name repeating the header or another name is dropped, not an error', () => {
    const f = read(
      [SCHOOLS_LIST],
      [
        col({
          form: '05',
          key: 'a',
          header: 'Số giáo viên (đến nay)',
          kind: 'Lũy kế',
          aliases: ' GV  hiện có ;; số giáo viên; gv hiện có;Giáo viên',
        }),
      ],
    );
    expect(f.problems).toEqual([]);
    expect(f.forms[4].columns[3].aliases).toEqual(['GV hiện có', 'Giáo viên']);
  });

  test('a form reads its own tab name as written, trimmed and with spaces collapsed', () => {
    const f = read([form({ form: '05', tab: '  Biểu mẫu   05 - Trường học ', cadence: 'Hằng tháng' })], SCHOOLS_COLUMNS);
    expect(f.forms[4].tab).toBe('Biểu mẫu 05 - Trường học');
  });
});

describe('* rows: the common columns of every form', () => {
  test('give unit, period, reporter, phone and note their other names, and reporter, phone, note Bắt buộc', () => {
    const r = read(
      [],
      [
        col({ form: '*', key: 'unit', aliases: 'Tên đơn vị; Đơn vị báo cáo' }),
        col({ form: '*', key: 'period', header: 'Kỳ báo cáo', aliases: 'Tháng báo cáo' }),
        col({ form: '*', key: 'reporter', required: 'Không', aliases: 'Người lập biểu' }),
        col({ form: '*', key: 'phone', required: 'Có' }),
        col({ form: '*', key: 'note', aliases: 'Ghi chú khác', required: 'Không' }),
      ],
    );
    expect(r.problems).toEqual([]);
    for (const f of r.forms) {
      const c = Object.fromEntries(f.columns.map((x) => [x.key, x]));
      expect([c.unit.aliases, c.period.aliases, c.reporter.aliases, c.note.aliases]).toEqual([
        ['Tên đơn vị', 'Đơn vị báo cáo'],
        ['Tháng báo cáo'],
        ['Người lập biểu'],
        ['Ghi chú khác'],
      ]);
      expect([c.unit.required, c.period.required, c.reporter.required, c.phone.required, c.note.required]).toEqual([
        true,
        true,
        false,
        true,
        false,
      ]);
      expect(c.unit.header).toBe('Đơn vị');
      expect(c.phone.aliases).toBeUndefined();
    }
  });

  test.each<[string, Partial<Record<ColKey, CellValue>>, string, string]>([
    ['a key other than the five common ones', { key: 'status', aliases: 'Trạng thái' }, 'Mã cột', 'unit, period, reporter, phone, note'],
    ["a form's own key", { key: 'links', aliases: 'Link' }, 'Mã cột', 'unit, period, reporter, phone, note'],
    ['unit made optional', { key: 'unit', required: 'Không' }, 'Bắt buộc', 'luôn bắt buộc'],
    ['a type', { key: 'note', type: 'Văn bản' }, 'Kiểu', 'để trống ô này'],
    ['a help text', { key: 'note', help: 'Ghi chú' }, 'Hướng dẫn', 'để trống ô này'],
    ['another header', { key: 'unit', header: 'Tên đơn vị' }, 'Tên cột', 'Tên gọi khác'],
    ['an alias that is another common column', { key: 'unit', aliases: 'Kỳ báo cáo' }, 'Tên gọi khác', 'bỏ tên này'],
  ])('%s is bad_definition, and the row is left out', (_name, cells, column, fix) => {
    const r = read([], [col({ form: '*', ...cells })]);
    expect(r.problems.map(brief)).toEqual([[TAB.formColumns, NEXT_COL_ROW, column, 'bad_definition']]);
    expect(r.problems[0].message).toContain(fix);
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
  });

  test('two * rows for one column: the second is bad_definition naming the first', () => {
    const r = read(
      [],
      [col({ form: '*', key: 'unit', aliases: 'Tên đơn vị' }), col({ form: '*', key: 'unit', aliases: 'Đơn vị báo cáo' })],
    );
    expect(r.problems.map(brief)).toEqual([[TAB.formColumns, NEXT_COL_ROW + 1, 'Mã cột', 'bad_definition']]);
    expect(r.problems[0].message).toContain(`dòng ${NEXT_COL_ROW}`);
    expect(r.forms[0].columns[1].aliases).toEqual(['Tên đơn vị']);
  });
});

describe('bad definition cells: bad_definition on the cell, the column or form left out, the rest works', () => {
  /** A case: rows added to the schools' form; the cell expected; a fix the message names; what is left out. */
  type Case = { list?: Grid; columns?: Grid; at: [string, number, string]; fix: string; without?: string; noForm?: boolean };
  const L = TAB.formList,
    C = TAB.formColumns;
  const sc = (cells: Partial<Record<ColKey, CellValue>>) => col({ form: '05', kind: 'Lũy kế', ...cells });
  const cases: Record<string, Case> = {
    'an unknown Kiểu': { columns: [sc({ key: 'x', header: 'X', type: 'Số lẻ' })], at: [C, 0, 'Kiểu'], fix: 'Số thập phân', without: 'x' },
    'a number without Tính chất': {
      columns: [sc({ key: 'x', header: 'X', kind: '' })],
      at: [C, 0, 'Tính chất'],
      fix: 'Lũy kế',
      without: 'x',
    },
    'an unknown Tính chất': {
      columns: [sc({ key: 'x', header: 'X', kind: 'Cộng dồn' })],
      at: [C, 0, 'Tính chất'],
      fix: 'Trong kỳ',
      without: 'x',
    },
    'Tính chất on a text column': {
      columns: [sc({ key: 'x', header: 'X', type: 'Văn bản' })],
      at: [C, 0, 'Tính chất'],
      fix: 'để trống',
      without: 'x',
    },
    'Tối thiểu that is no number': {
      columns: [sc({ key: 'x', header: 'X', min: 'một' })],
      at: [C, 0, 'Tối thiểu'],
      fix: 'từ 0 trở lên',
      without: 'x',
    },
    'a decimal Tối thiểu on a whole-number column': {
      columns: [sc({ key: 'x', header: 'X', min: 1.5 })],
      at: [C, 0, 'Tối thiểu'],
      fix: 'số nguyên',
      without: 'x',
    },
    'Bắt buộc that is not Có/Không': {
      columns: [sc({ key: 'x', header: 'X', required: 'Có lẽ' })],
      at: [C, 0, 'Bắt buộc'],
      fix: '“Có” hoặc “Không”',
      without: 'x',
    },
    'a key with capitals and accents': { columns: [sc({ key: 'Số_HS', header: 'X' })], at: [C, 0, 'Mã cột'], fix: 'so_hoc_sinh' },
    'a key starting with a digit': { columns: [sc({ key: '2nd', header: 'X' })], at: [C, 0, 'Mã cột'], fix: 'bắt đầu bằng chữ' },
    'a key of a common column': {
      columns: [sc({ key: 'note', header: 'Ghi chú riêng' })],
      at: [C, 0, 'Mã cột'],
      fix: 'dòng có Biểu mẫu là *',
    },
    'a blank key': { columns: [sc({ key: '', header: 'X' })], at: [C, 0, 'Mã cột'], fix: 'so_hoc_sinh' },
    'a blank header': { columns: [sc({ key: 'x', header: '' })], at: [C, 0, 'Tên cột'], fix: 'tên cột', without: 'x' },
    'a duplicate key in the form': {
      columns: [sc({ key: 'teachers_total', header: 'Tổng số giáo viên (lần 2)' })],
      at: [C, 0, 'Mã cột'],
      fix: `dòng ${NEXT_COL_ROW}`,
    },
    'a duplicate header in the form': {
      columns: [sc({ key: 'x', header: 'tổng số  GIÁO VIÊN (đến nay)' })],
      at: [C, 0, 'Tên cột'],
      fix: 'đổi tên',
      without: 'x',
    },
    'a header of a common column': {
      columns: [sc({ key: 'x', header: 'Ghi chú', type: 'Văn bản', kind: '' })],
      at: [C, 0, 'Tên cột'],
      fix: 'cột chung “Ghi chú”',
      without: 'x',
    },
    "an alias that is another column's header": {
      columns: [sc({ key: 'x', header: 'X', aliases: 'Y; Tổng số giáo viên' })],
      at: [C, 0, 'Tên gọi khác'],
      fix: 'đổi tên',
      without: 'x',
    },
    'a Biểu mẫu that names no form': {
      columns: [sc({ form: '07', key: 'x', header: 'X' })],
      at: [C, 0, 'Biểu mẫu'],
      fix: 'Danh sách biểu mẫu',
    },
    'a Biểu mẫu that is no code': { columns: [sc({ form: 'Trường', key: 'x', header: 'X' })], at: [C, 0, 'Biểu mẫu'], fix: '01 đến 99' },
    'a blank Biểu mẫu': { columns: [sc({ form: '', key: 'x', header: 'X' })], at: [C, 0, 'Biểu mẫu'], fix: 'mã biểu mẫu' },
    'a bound naming no column': {
      columns: [sc({ key: 'x', header: 'X', max: 'teachers' })],
      at: [C, 0, 'Không vượt quá'],
      fix: 'Số xã',
      without: 'x',
    },
    'a bound naming itself': {
      columns: [sc({ key: 'x', header: 'X', max: 'x' })],
      at: [C, 0, 'Không vượt quá'],
      fix: 'chính nó',
      without: 'x',
    },
    'a bound naming a non-number column': {
      columns: [sc({ key: 'x', header: 'X', max: 'website' })],
      at: [C, 0, 'Không vượt quá'],
      fix: 'cột số khác',
      without: 'x',
    },
    "a bound naming another form's column": {
      columns: [sc({ key: 'x', header: 'X', max: 'service_points' })],
      at: [C, 0, 'Không vượt quá'],
      fix: 'biểu mẫu 05',
      without: 'x',
    },
    'a bound on a text column': {
      columns: [sc({ key: 'x', header: 'X', type: 'Văn bản', kind: '', max: 'teachers_total' })],
      at: [C, 0, 'Không vượt quá'],
      fix: 'chỉ dùng cho cột số',
      without: 'x',
    },
    'a month that does not parse': {
      columns: [sc({ key: 'x', header: 'X', from: '13/2025' })],
      at: [C, 0, 'Từ kỳ'],
      fix: 'MM/YYYY',
      without: 'x',
    },
    'Từ kỳ after Đến kỳ': {
      columns: [sc({ key: 'x', header: 'X', from: '06/2025', to: '01/2025' })],
      at: [C, 0, 'Đến kỳ'],
      fix: 'sửa lại hai kỳ',
      without: 'x',
    },
    'a duplicate code': {
      list: [form({ form: 5, tab: 'Khác', cadence: 'Hằng tháng' })],
      at: [L, 0, 'Biểu mẫu'],
      fix: `dòng ${NEXT_LIST_ROW}`,
    },
    'a duplicate tab, compared as tab names are': {
      list: [form({ form: '06', tab: ' biểu MẪU  01', cadence: 'Hằng tháng' })],
      at: [L, 0, 'Tên tab'],
      fix: 'đặt tên khác',
    },
    'a system tab': { list: [form({ form: '06', tab: 'cấu hình', cadence: 'Hằng tháng' })], at: [L, 0, 'Tên tab'], fix: 'đặt tên khác' },
    'a tab name an .xlsx cannot hold': {
      list: [form({ form: '06', tab: 'Trường học / Mầm non', cadence: 'Hằng tháng' })],
      at: [L, 0, 'Tên tab'],
      fix: '31 ký tự',
    },
    'a blank tab': { list: [form({ form: '06', tab: '', cadence: 'Hằng tháng' })], at: [L, 0, 'Tên tab'], fix: 'Biểu mẫu 05' },
    'a code out of range': { list: [form({ form: 100, tab: 'Khác', cadence: 'Hằng tháng' })], at: [L, 0, 'Biểu mẫu'], fix: '01 đến 99' },
    'a code of letters': { list: [form({ form: 'A1', tab: 'Khác', cadence: 'Hằng tháng' })], at: [L, 0, 'Biểu mẫu'], fix: '01 đến 99' },
    'an unknown Kỳ báo cáo': { list: [form({ form: '06', tab: 'Khác', cadence: 'Hằng quý' })], at: [L, 0, 'Kỳ báo cáo'], fix: 'Một lần' },
    'a day after the 28th for a monthly form': {
      list: [form({ form: '06', tab: 'Khác', cadence: 'Hằng tháng', due: 31 })],
      at: [L, 0, 'Hạn nộp'],
      fix: 'từ 1 đến 28',
    },
    'a date for a monthly form': {
      list: [form({ form: '06', tab: 'Khác', cadence: 'Hằng tháng', due: '28/06/2024' })],
      at: [L, 0, 'Hạn nộp'],
      fix: 'Hạn nộp hằng tháng',
    },
    'a day that does not exist for a one-off form': {
      list: [form({ form: '06', tab: 'Khác', cadence: 'Một lần', due: '31/02/2025' })],
      at: [L, 0, 'Hạn nộp'],
      fix: 'dd/MM/yyyy',
    },
    'Nhắc nhở that is not Có/Không': {
      list: [form({ form: '06', tab: 'Khác', cadence: 'Hằng tháng', reminders: 'Thỉnh thoảng' })],
      at: [L, 0, 'Nhắc nhở'],
      fix: 'để trống là Có',
    },
    'Nhiều báo cáo mỗi kỳ that is not Có/Không': {
      list: [form({ form: '06', tab: 'Khác', cadence: 'Hằng tháng', multiple: 2 })],
      at: [L, 0, 'Nhiều báo cáo mỗi kỳ'],
      fix: 'để trống là Không',
    },
  };

  test.each(Object.entries(cases))('%s', (_name, c) => {
    const list = [SCHOOLS_LIST, ...(c.list ?? [])];
    const columns = [...SCHOOLS_COLUMNS, ...(c.columns ?? [])];
    const r = read(list, columns);
    const [sheet, offset, column] = c.at;
    const row = (sheet === TAB.formList ? NEXT_LIST_ROW + 1 : NEXT_COL_ROW + SCHOOLS_COLUMNS.length) + offset;
    expect(r.problems.map(brief)).toEqual([[sheet, row, column, 'bad_definition']]);
    expect(r.problems[0]).toMatchObject({ severity: 'error' });
    expect(r.problems[0].message).toContain(c.fix);
    expect(r.problems[0].message).toMatch(/không được dùng/);
    // The rest works: the four forms as the template, the schools' form with its own columns.
    expect(r.forms.slice(0, 4)).toStrictEqual(FROZEN_FORMS);
    const good = read([SCHOOLS_LIST], SCHOOLS_COLUMNS).forms[4];
    expect(ids(r.forms)).toEqual(['01', '02', '03', '04', '05']);
    expect(r.forms[4]).toStrictEqual(good);
    if (c.without) expect(r.forms[4].columns.map((x) => x.key)).not.toContain(c.without);
  });

  test('a column of the template with a bad cell leaves only that column out of its form', () => {
    const columns = T.columns.map((r) => [...r]);
    const i = columns.findIndex((r) => r[0] === '02' && r[1] === 'airtime_minutes');
    columns[i][3] = 'Phút';
    const r = readForms(T.list, columns);
    expect(r.problems.map(brief)).toEqual([[TAB.formColumns, i + 1, 'Kiểu', 'bad_definition']]);
    expect(r.problems[0].message).toContain('“Phút”');
    expect(r.forms[1].columns.map((c) => c.key)).toEqual(FROZEN_FORMS[1].columns.map((c) => c.key).filter((k) => k !== 'airtime_minutes'));
    expect([r.forms[0], r.forms[2], r.forms[3]]).toStrictEqual([FROZEN_FORMS[0], FROZEN_FORMS[2], FROZEN_FORMS[3]]);
  });

  test('a column bounded by a column left out is left out too, each cell named', () => {
    const r = read(
      [SCHOOLS_LIST],
      [
        ...SCHOOLS_COLUMNS,
        col({ form: '05', key: 'rooms', header: 'Số phòng máy', kind: 'Lũy kế', min: 'nhiều' }),
        col({ form: '05', key: 'rooms_online', header: 'Số phòng máy có mạng', kind: 'Lũy kế', max: 'rooms' }),
      ],
    );
    const at = NEXT_COL_ROW + SCHOOLS_COLUMNS.length;
    expect(r.problems.map(brief)).toEqual([
      [TAB.formColumns, at, 'Tối thiểu', 'bad_definition'],
      [TAB.formColumns, at + 1, 'Không vượt quá', 'bad_definition'],
    ]);
    expect(r.forms[4].columns.map((c) => c.key)).not.toContain('rooms_online');
    expect(r.forms[4].bounds).toEqual([{ key: 'teachers_installed', max: { column: 'teachers_total' } }]);
  });

  test('every bad cell of a row is reported, not only the first', () => {
    const r = read(
      [SCHOOLS_LIST],
      [...SCHOOLS_COLUMNS, col({ form: '05', key: 'x', header: 'X', type: 'Số lẻ', required: 'hmm', from: 'sau này' })],
    );
    expect(r.problems.map((p) => p.column)).toEqual(['Kiểu', 'Bắt buộc', 'Từ kỳ']);
  });

  test('a form without any indicator is left out, named on its code in the list; its columns say nothing more', () => {
    const r = read([SCHOOLS_LIST], [col({ form: '05', key: 'website', header: 'Trang tin', type: 'Liên kết' })]);
    expect(r.problems.map(brief)).toEqual([[TAB.formList, NEXT_LIST_ROW, 'Biểu mẫu', 'bad_definition']]);
    expect(r.problems[0].message).toContain('Biểu mẫu 05');
    expect(r.problems[0].message).toContain('Số nguyên');
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
  });

  test('a form left out for a bad list cell: its rows in Định nghĩa biểu mẫu are not reported again', () => {
    const r = read(
      [form({ ...Object.fromEntries(FORM_LIST_COLUMNS.map((c, i) => [c.key, SCHOOLS_LIST[i]])), cadence: 'Hằng quý' })],
      SCHOOLS_COLUMNS,
    );
    expect(r.problems.map(brief)).toEqual([[TAB.formList, NEXT_LIST_ROW, 'Kỳ báo cáo', 'bad_definition']]);
    expect(ids(r.forms)).toEqual(['01', '02', '03', '04']);
  });

  test('problems name the header as found in the sheet', () => {
    const columns = [
      T.columns[0].map((h) => (h === 'Kiểu' ? '  kiểu ' : h)),
      ...T.columns.slice(1),
      ...SCHOOLS_COLUMNS,
      col({ form: '05', key: 'x', header: 'X', type: 'Số lẻ' }),
    ];
    const r = readForms([...T.list, SCHOOLS_LIST], columns);
    expect(r.problems.map((p) => p.column)).toEqual(['kiểu']);
  });

  test('a title block above the header row and reordered columns are read', () => {
    const order = [1, 0, 2, 4, 3, 5, 6, 7, 8, 9, 10, 11];
    const columns = [['Định nghĩa các biểu mẫu'], [], ...[...T.columns, ...SCHOOLS_COLUMNS].map((r) => order.map((i) => r[i]))];
    const r = readForms([...T.list, SCHOOLS_LIST], columns);
    expect(r.problems).toEqual([]);
    expect(r.forms[4]).toStrictEqual(read([SCHOOLS_LIST], SCHOOLS_COLUMNS).forms[4]);
    expect(r.layouts[TAB.formColumns].headerRow).toBe(3);
  });

  test.each([
    ['Danh sách biểu mẫu', 'Kỳ báo cáo'],
    ['Định nghĩa biểu mẫu', 'Tính chất'],
  ])('%s without its required header %s: missing_column, and both tabs are read as the template', (sheet, header) => {
    const drop = (g: Grid) => {
      const i = g[0].indexOf(header);
      return g.map((r) => r.filter((_, j) => j !== i));
    };
    const list = [...T.list, SCHOOLS_LIST],
      columns = [...T.columns, ...SCHOOLS_COLUMNS];
    const r = sheet === TAB.formList ? readForms(drop(list), columns) : readForms(list, drop(columns));
    expect(r.problems.map(brief)).toEqual([[sheet, 1, header, 'missing_column']]);
    expect(r.problems[0].message).toContain('biểu mẫu có sẵn');
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
  });

  describe('a misspelt header of a definition tab is said on its cell, with the header it should be', () => {
    const rename = (g: Grid, from: string, to: string) => [g[0].map((h) => (h === from ? to : h)), ...g.slice(1)];
    const STAFF_ALIAS = col({ form: '03', key: 'staff_total', header: 'Tổng số CBCCVC, NLĐ', kind: 'Lũy kế', min: 1, aliases: 'Tổng CB' });
    const withAlias = () => [...T.columns.filter((r) => !(r[0] === '03' && r[1] === 'staff_total')), STAFF_ALIAS];
    test.each([
      ['a word left out', 'Tên khác'],
      ['without its marks', 'Ten goi khac'],
      ['a letter off', 'Tên gọi khá'],
      ['a word more', 'Tên gọi khác (nếu có)'],
    ])('%s (%s for Tên gọi khác): bad_definition, Có phải là “Tên gọi khác”?', (_what, typed) => {
      const r = readForms(T.list, rename(withAlias(), 'Tên gọi khác', typed));
      expect(r.problems.map(brief)).toEqual([[TAB.formColumns, 1, typed, 'bad_definition']]);
      expect(r.problems[0].message).toBe(
        `Tiêu đề “${typed}” không phải tên cột nào của trang này, nên cả cột bị bỏ qua. Có phải là “Tên gọi khác”? Hãy sửa tiêu đề cho đúng.`,
      );
      // The rest is read as before (the aliases are not: that is the problem said).
      expect(r.forms.map((f) => f.id)).toEqual(['01', '02', '03', '04']);
      expect(formById('03', r.forms).columns.find((c) => c.key === 'staff_total')!.aliases ?? []).toEqual([]);
    });
    test('on the form list too (Nhac nho for Nhắc nhở), and in the check of the workbook', () => {
      const r = readForms(rename(T.list, 'Nhắc nhở', 'Nhac nho'), T.columns);
      expect(r.problems.map(brief)).toEqual([[TAB.formList, 1, 'Nhac nho', 'bad_definition']]);
      expect(r.problems[0].message).toContain('Có phải là “Nhắc nhở”?');
      const v = validateWorkbook(
        { [TAB.formList]: rename(T.list, 'Nhắc nhở', 'Nhac nho'), [TAB.formColumns]: T.columns },
        fromLocal(2024, 8, 20, 12, 0),
      );
      expect(v.problems.filter((p) => p.code === 'bad_definition').map(brief)).toEqual([[TAB.formList, 1, 'Nhac nho', 'bad_definition']]);
    });
    test('the right header read, a header like none it lacks, or the header present beside it: no problem', () => {
      const extra = (g: Grid, header: string) => [[...g[0], header], ...g.slice(1).map((r) => [...r, ''])];
      expect(readForms(T.list, withAlias()).problems).toEqual([]);
      expect(readForms(T.list, rename(withAlias(), 'Hướng dẫn', 'Ghi chú của phòng')).problems).toEqual([]);
      expect(readForms(T.list, extra(withAlias(), 'Tên khác')).problems).toEqual([]);
      expect(readForms(T.list, extra(withAlias(), 'Người nhập')).problems).toEqual([]);
    });
  });

  test('a definition tab with data but no header row: missing_column for each required header, the template is used', () => {
    const r = readForms([['05', 'Trường học', 'Hằng tháng']], T.columns);
    expect(r.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual(
      FORM_LIST_COLUMNS.filter((c) => c.required).map((c) => [TAB.formList, 1, c.header, 'missing_column']),
    );
    expect(r.forms).toStrictEqual(FROZEN_FORMS);
  });

  test('the words are read with or without accents and in any case', () => {
    const r = read(
      [form({ form: '05', tab: 'Trường', cadence: 'HẰNG THÁNG', multiple: 'co', reminders: 'khong' })],
      [
        col({ form: '05', key: 'a', header: 'A', type: 'so thap phan', kind: 'luy ke' }),
        col({ form: '05', key: 'b', header: 'B', type: 'Số nguyên', kind: 'Luỹ kế', max: 'so xa' }),
        col({ form: '05', key: 'c', header: 'C', kind: 'TRONG KỲ', required: 'KHÔNG' }),
      ],
    );
    expect(r.problems).toEqual([]);
    const f = r.forms[4];
    expect([f.multipleRowsPerPeriod, f.reminders]).toEqual([true, false]);
    expect(f.columns.slice(3, 6).map((c) => [c.type, c.kind, c.required])).toEqual([
      ['decimal', 'stock', true],
      ['int', 'stock', true],
      ['int', 'flow', false],
    ]);
    expect(f.bounds).toEqual([{ key: 'b', max: { unitField: 'communes' } }]);
  });
});

describe('through the check: a workbook that defines its forms', () => {
  const NOW = fromLocal(2025, 3, 10, 12, 0);
  const DIRECTORY = [DIRECTORY_HEADER, ['T-01', 'Trường THPT Pleiku', '05', 'thpt@gialai.example', '', '', '', '', '', '', '']];
  const defs = read([SCHOOLS_LIST], SCHOOLS_COLUMNS).forms[4];
  const schoolRow = (values: Record<string, CellValue>) => defs.columns.map((c) => values[c.key] ?? '');
  const base = { unit: 'Trường THPT Pleiku', reporter: 'Lê Thị Hoa', teachers_total: 50, teachers_installed: 40, lab_hours: '2,5' };

  test('the fifth form is checked by its definition: its bound, its column from 01/2025, its decimal', () => {
    const book = {
      [TAB.directory]: DIRECTORY,
      [TAB.formList]: [...T.list, SCHOOLS_LIST],
      [TAB.formColumns]: [...T.columns, ...SCHOOLS_COLUMNS, col({ form: '05', key: 'broken', header: 'Lỗi', kind: 'Hằng ngày' })],
      'Biểu mẫu 05 - Trường học': [
        defs.columns.map((c) => c.header),
        schoolRow({ ...base, period: '12/2024', teachers_installed: 60 }),
        schoolRow({ ...base, period: '01/2025' }),
        schoolRow({ ...base, period: '02/2025', lessons: 12 }),
      ],
    };
    const v = validateWorkbook(book, NOW);
    expect(v.forms.map((f) => f.id)).toEqual(['01', '02', '03', '04', '05']);
    expect(v.problems.map(brief)).toEqual([
      [TAB.formColumns, NEXT_COL_ROW + SCHOOLS_COLUMNS.length, 'Tính chất', 'bad_definition'],
      ['Biểu mẫu 05 - Trường học', 2, 'Số giáo viên đã cài đặt i-Speed (đến nay)', 'exceeds'],
      ['Biểu mẫu 05 - Trường học', 3, 'Số tiết học có lồng ghép i-Speed (trong kỳ)', 'required'],
    ]);
  });

  test('a * row gives Đơn vị another name: a tab whose column says Tên đơn vị is read as it is', () => {
    const header = defs.columns.map((c) => (c.key === 'unit' ? 'Tên đơn vị' : c.header));
    const book = {
      [TAB.directory]: DIRECTORY,
      [TAB.formList]: [...T.list, SCHOOLS_LIST],
      [TAB.formColumns]: [...T.columns, ...SCHOOLS_COLUMNS, col({ form: '*', key: 'unit', aliases: 'Tên đơn vị' })],
      'Biểu mẫu 05 - Trường học': [
        header,
        schoolRow({ ...base, period: '02/2025', lessons: 12 }),
        schoolRow({ ...base, period: '01/2025', unit: 'Trường Nào Đó', lessons: 3 }),
      ],
    };
    const v = validateWorkbook(book, NOW);
    expect(v.problems.map(brief)).toEqual([['Biểu mẫu 05 - Trường học', 3, 'Tên đơn vị', 'unknown_unit']]);
    expect(v.rows.filter((r) => r.valid).length).toBe(1);
  });
});
