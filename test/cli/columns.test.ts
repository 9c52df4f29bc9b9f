// `ispeed columns`: the text names each column by the header officers know (never the schema's keys), says a second
// header of a column already read repeats it, and the JSON keeps INTERFACES.md's shape.
import { join } from 'node:path';
import { EXAMPLES, artifactDir, run } from './run';
import { CLI_COLUMNS } from '../../src/core/text/cli';
import { example1 } from '../fixtures/example1';
import { formById, TAB } from '../../src/core/forms/schema';
import { templateGrids } from '../../src/core/forms/definitions';
import { spreadsheetFromBook } from '../../src/local/workbook';
import { writeXlsx } from '../../src/local/xlsx';
import type { Workbook } from '../../src/core/types';
import { columnLetter } from '../../src/core/a1';

const dir = artifactDir('columns');
const TAB03 = 'Biểu mẫu 03';
const F03 = formById('03').columns;
const at = (key: string) => F03.findIndex((c) => c.key === key);

/** Form 03 under an adopted sheet's headers: `Đơn vị` by another name, a header in lower case, no samples column, the staff total twice. */
function adopted(): Workbook {
  const book = example1();
  const t = templateGrids();
  const rows = book[TAB03].map((r) => r.filter((_, i) => i !== at('samples')));
  const header = rows[0].map(String);
  header[at('unit')] = 'Tên đơn vị';
  header[at('staff_total')] = 'tổng số cbccvc, nlđ';
  rows[0] = [...header, 'Tổng số CBCCVC, NLĐ', 'Ghi chú thêm'];
  return {
    ...book,
    [TAB.formList]: t.list,
    [TAB.formColumns]: [...t.columns, ['*', 'unit', '', '', '', '', '', '', '', '', 'Tên đơn vị', '']],
    [TAB03]: rows,
  };
}

let file = '';
beforeAll(async () => {
  file = join(dir, 'adopted.xlsx');
  await writeXlsx(spreadsheetFromBook(adopted()), file);
});

describe('ispeed columns BOOK.xlsx', () => {
  test('the text names the defined columns by their headers, and a second staff-total column as a repeat of the first', async () => {
    const r = await run(['columns', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const repeatLetter = columnLetter(F03.length); // the samples column is gone: the one after the last defined
    expect(lines).toEqual(
      expect.arrayContaining([
        'Trang “Biểu mẫu 03” (mã biểu mẫu 03): dòng tiêu đề 1',
        '  “STT”: đúng tên cột đã định nghĩa',
        '  “Tên đơn vị” → cột “Đơn vị” (theo tên gọi khác)',
        '  “tổng số cbccvc, nlđ” → cột “Tổng số CBCCVC, NLĐ”',
        '  “Số CBCCVC, NLĐ đã cài đặt i-Speed (đến nay)”: đúng tên cột đã định nghĩa',
        `  “Tổng số CBCCVC, NLĐ” (cột ${repeatLetter}) → lặp lại cột “Tổng số CBCCVC, NLĐ” đã đọc ở cột D: cột này giữ nguyên nhưng không được đọc, không kiểm tra; hãy xóa cột thừa, hoặc đổi tiêu đề nếu đó là một cột khác.`,
        '  “Ghi chú thêm” → không thuộc định nghĩa (giữ nguyên, không kiểm tra)',
        '  Chưa tìm thấy cột: “Số mẫu đo i-Speed trên địa bàn (trong kỳ)”. Hãy thêm cột vào trang, hoặc thêm tiêu đề đang dùng vào “Tên gọi khác” của cột đó trong trang “Định nghĩa biểu mẫu”.',
      ]),
    );
    // No schema key reaches the officer.
    for (const key of ['unit', 'staff_total', 'staff_installed', 'samples', 'seq'])
      expect(r.stdout).not.toMatch(new RegExp(`\\b${key}\\b`));
  });

  test('--json is unchanged: keys, via, null for the repeat and the extra column, missing as keys', async () => {
    const r = await run(['columns', file, '--json']);
    expect(r.code).toBe(0);
    const f03 = JSON.parse(r.stdout).forms.find((f: { form: string }) => f.form === '03');
    expect(Object.keys(f03)).toEqual(['form', 'tab', 'headerRow', 'columns', 'missing']);
    for (const c of f03.columns) expect(Object.keys(c)).toEqual(['header', 'key', 'via']);
    expect(f03.columns.slice(0, 4)).toEqual([
      { header: 'STT', key: 'seq', via: 'header' },
      { header: 'Tên đơn vị', key: 'unit', via: 'alias' },
      { header: 'Kỳ báo cáo', key: 'period', via: 'header' },
      { header: 'tổng số cbccvc, nlđ', key: 'staff_total', via: 'header' },
    ]);
    expect(f03.columns.slice(-2)).toEqual([
      { header: 'Tổng số CBCCVC, NLĐ', key: null, via: null },
      { header: 'Ghi chú thêm', key: null, via: null },
    ]);
    expect(f03.missing).toEqual(['samples']);
  });
});

describe('a definition that does not read', () => {
  test('columns says it first, with its cell and its fix, as validate does (with --json on stderr, the JSON unchanged)', async () => {
    const book = adopted();
    // A key with spaces and accents: the column is left out, so its header would be listed as no column at all.
    book[TAB.formColumns] = [
      ...book[TAB.formColumns],
      ['03', 'Số hộ', 'Số hộ gia đình đã cài đặt i-Speed', '', 'Lũy kế', '', '', '', '', '', '', ''],
    ];
    const path = join(dir, 'bad-definition.xlsx');
    await writeXlsx(spreadsheetFromBook(book), path);
    const row = book[TAB.formColumns].length;
    const r = await run(['columns', path]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Các trang định nghĩa biểu mẫu có 1 lỗi; phần bị lỗi không được dùng khi đọc các trang dưới đây. Hãy sửa các ô sau rồi chạy lại lệnh:',
      expect.stringMatching(new RegExp(`^\\[Lỗi\\] Định nghĩa biểu mẫu, dòng ${row}, cột “Mã cột”: Mã cột “Số hộ” không đúng\\.`)),
      CLI_COLUMNS.absent('Biểu mẫu 01', '01'),
    ]);
    const j = await run(['columns', path, '--json']);
    expect(j.code).toBe(0);
    expect(j.stderr.split('\n')[0]).toBe(lines[0]);
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse((await run(['columns', file, '--json'])).stdout));
  });

  test('a workbook whose definitions read says nothing of them', async () => {
    const r = await run(['columns', file]);
    expect(r.stdout.split('\n')[0]).toBe(CLI_COLUMNS.absent('Biểu mẫu 01', '01'));
    expect(r.stdout.split('\n')[0]).toContain('“Thiết lập biểu mẫu” sẽ tạo trang này');
    expect((await run(['columns', file, '--json'])).stderr).toBe('');
  });

  test('a workbook without the definition tabs says first that the built-in forms are read, and where aliases go', async () => {
    const r = await run(['columns', join(EXAMPLES, 'example-1.xlsx')]);
    expect(r.stdout.split('\n')[0]).toBe(CLI_COLUMNS.template(TAB.formList, TAB.formColumns, 'Tên gọi khác'));
    const j = await run(['columns', join(EXAMPLES, 'example-1.xlsx'), '--json']);
    expect(j.stderr.split('\n')[0]).toBe(r.stdout.split('\n')[0]);
    expect(JSON.parse(j.stdout).forms.length).toBeGreaterThan(0);
  });
});

describe('a workbook whose form tabs were renamed', () => {
  /** example-1 with `Biểu mẫu 03` renamed `BM03`, with or without the definition tabs. */
  async function renamed(name: string, definitions: boolean): Promise<string> {
    const { [TAB03]: rows, ...rest } = example1();
    const t = templateGrids();
    const book: Workbook = { ...rest, BM03: rows, ...(definitions && { [TAB.formList]: t.list, [TAB.formColumns]: t.columns }) };
    const path = join(dir, name);
    await writeXlsx(spreadsheetFromBook(book), path);
    return path;
  }
  const expects = 'định nghĩa biểu mẫu cần các trang “Biểu mẫu 01”, “Biểu mẫu 02”, “Biểu mẫu 03”, “Biểu mẫu 04”';

  test('columns, and every command that reads it, exits 2 naming the tabs it has, those expected, and how to fix', async () => {
    const path = await renamed('bm03.xlsx', false);
    const r = await run(['columns', path]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `Tệp “${path}” không có trang biểu mẫu nào: ${expects}, còn tệp có các trang “Danh mục đơn vị”, “Cấu hình”, “BM03”. ` +
        'Hãy đổi tên các trang biểu mẫu cho đúng (tệp không có trang “Danh sách biểu mẫu” nên dùng tên trang mặc định).\n',
    );
    for (const argv of [['validate'], ['report', '--period', '07/2024'], ['daily', '--today', '2024-08-20']]) {
      const other = await run([argv[0], path, ...argv.slice(1)]);
      expect([other.code, other.stderr]).toEqual([2, r.stderr]);
    }
  });

  test('with the definition tabs, the message also offers changing `Tên tab` in `Danh sách biểu mẫu`', async () => {
    const path = await renamed('bm03-defined.xlsx', true);
    const r = await run(['columns', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“BM03”');
    expect(r.stderr).toContain(
      'Hãy đổi tên các trang biểu mẫu cho đúng, hoặc sửa cột “Tên tab” trong trang “Danh sách biểu mẫu” theo tên các trang đang dùng.',
    );
  });
});
