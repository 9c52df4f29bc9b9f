import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLES, artifactDir, run } from './run';

const dir = artifactDir('bad-input');
const EXAMPLE = join(EXAMPLES, 'example-1.xlsx');
const OUT = join(dir, 'never.xlsx');

/** Exit 2, exactly one line on stderr containing `fragment`, nothing on stdout, and the output file not written. */
async function refuses(argv: string[], fragment: string, written: string = OUT): Promise<void> {
  const r = await run(argv);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(fragment);
  expect(existsSync(written)).toBe(false);
}

beforeAll(async () => {
  writeFileSync(join(dir, 'notes.txt'), 'không phải bảng tính');
  writeFileSync(join(dir, 'book.csv'), 'Đơn vị,Kỳ báo cáo\nPleiku,07/2024\n');
  writeFileSync(join(dir, 'text.xlsx'), 'Đơn vị,Kỳ báo cáo\nPleiku,07/2024\n');
  // A zip header and then garbage: what a broken download looks like.
  writeFileSync(join(dir, 'corrupt.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(600, 7)]));
  const real = readFileSync(EXAMPLE);
  writeFileSync(join(dir, 'truncated.xlsx'), real.subarray(0, Math.floor(real.length / 2)));
  // An encrypted OOXML file is an OLE compound document (D0 CF 11 E0 A1 B1 1A E1).
  writeFileSync(
    join(dir, 'password.xlsx'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
  );
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Trang tính1').addRow(['Họ tên', 'Điểm']);
  await wb.xlsx.writeFile(join(dir, 'no-forms.xlsx'));
});

describe('unusable input exits 2 with one Vietnamese line and writes nothing', () => {
  test('a missing file', () => refuses(['validate', join(dir, 'nope.xlsx')], 'Không tìm thấy tệp'));
  test('a folder instead of a file', () => refuses(['validate', dir], 'không phải là một tệp'));
  test('a file that is not an .xlsx', () => refuses(['validate', join(dir, 'notes.txt')], 'không phải tệp .xlsx'));
  test('a CSV says how to get an .xlsx of it', () =>
    refuses(
      ['validate', join(dir, 'book.csv')],
      `Tệp “${join(dir, 'book.csv')}” không phải tệp .xlsx: hãy mở tệp bằng Excel rồi lưu thành “Sổ làm việc Excel (*.xlsx)”, ` +
        'hoặc mở bằng Google Sheets rồi chọn Tệp > Tải xuống > Microsoft Excel (.xlsx).',
    ));
  test('a corrupt .xlsx says to download or export it again', () =>
    refuses(
      ['validate', join(dir, 'corrupt.xlsx')],
      'tệp .xlsx bị hỏng hoặc không đúng định dạng; hãy tải/xuất lại tệp (Google Sheets: Tệp > Tải xuống > Microsoft Excel (.xlsx)).',
    ));
  test('a text file named .xlsx', () => refuses(['report', join(dir, 'text.xlsx'), '--period', '07/2024'], 'không phải tệp .xlsx'));
  test('a corrupt .xlsx', () => refuses(['validate', join(dir, 'corrupt.xlsx')], 'bị hỏng'));
  test('a truncated .xlsx', () => refuses(['remind', join(dir, 'truncated.xlsx'), '--today', '2024-08-13'], 'bị hỏng'));
  test('a password-protected .xlsx', () => refuses(['validate', join(dir, 'password.xlsx')], 'mật khẩu'));
  test('a workbook without any form tab', () => refuses(['validate', join(dir, 'no-forms.xlsx')], 'không có trang biểu mẫu'));
  test('a period that is not MM/YYYY', () =>
    refuses(['report', EXAMPLE, '--period', '13/2024', '--out', OUT], 'Kỳ báo cáo không hợp lệ: “13/2024”'));
  test('a period written the other way round', () => refuses(['report', EXAMPLE, '--period', '2024-07'], 'MM/YYYY'));
  test('report without --period', () => refuses(['report', EXAMPLE], 'Thiếu kỳ báo cáo'));
  test('a day that does not exist', () => refuses(['validate', EXAMPLE, '--today', '2024-02-30'], 'Ngày không hợp lệ: “2024-02-30”'));
  test('a day written dd/MM/yyyy', () => refuses(['demo', OUT, '--today', '20/08/2024'], 'YYYY-MM-DD'));
  test('remind without --today', () => refuses(['remind', EXAMPLE], 'Thiếu ngày chạy'));
  test('an unknown option', () => refuses(['validate', EXAMPLE, '--verbose'], 'Tùy chọn không hợp lệ cho lệnh validate: “--verbose”'));
  test('an option without its value', () => refuses(['report', EXAMPLE, '--period'], 'cần một giá trị'));
  test('a flag given a value', () => refuses(['validate', EXAMPLE, '--json=yes'], 'không nhận giá trị'));
  test('an unknown command', () => refuses(['export', EXAMPLE], 'Lệnh không hợp lệ: “export”'));
  test('no command at all', () => refuses([], 'Thiếu lệnh'));
  test('no file', () => refuses(['validate'], 'Thiếu tên tệp'));
  test('two files', () => refuses(['validate', EXAMPLE, EXAMPLE], 'Thừa tham số'));
  test('a form that does not exist', () =>
    refuses(['report', EXAMPLE, '--period', '07/2024', '--form', '05'], 'Biểu mẫu không hợp lệ: “05”'));
  test('a report file of another kind', () =>
    refuses(['report', EXAMPLE, '--period', '07/2024', '--out', join(dir, 'r.docx')], 'đuôi .xlsx, .html hoặc .pdf', join(dir, 'r.docx')));
  test('a demo written to something other than .xlsx', () =>
    refuses(['demo', join(dir, 'demo.csv')], 'phải có đuôi .xlsx', join(dir, 'demo.csv')));
  test('a seed that is not a number', () => refuses(['demo', OUT, '--seed', 'abc'], 'Số khởi tạo không hợp lệ'));
  test('a negative quota', () => refuses(['remind', EXAMPLE, '--today', '2024-08-13', '--quota', '-1'], 'Hạn mức không hợp lệ: “-1”'));
  test('a quota that is not a whole number', () =>
    refuses(['remind', EXAMPLE, '--today', '2024-08-13', '--quota', '2.5'], 'Hạn mức không hợp lệ'));
  test('--send without --outbox', () => refuses(['remind', EXAMPLE, '--today', '2024-08-13', '--send'], '--outbox'));
  test('--outbox without --send', () =>
    refuses(['remind', EXAMPLE, '--today', '2024-08-13', '--outbox', join(dir, 'outbox')], '--send', join(dir, 'outbox')));
  test('a units file that does not exist', () => refuses(['setup', OUT, '--units', join(dir, 'units.csv')], 'Không tìm thấy tệp'));
});

describe('help', () => {
  test('--help describes every command in Vietnamese and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'setup', 'validate', 'report', 'remind']) expect(r.stdout).toContain(`  ${c} `);
    expect(r.stdout).toContain('Mã thoát');
  });

  test.each(['demo', 'setup', 'validate', 'report', 'remind'])(
    '%s --help shows its usage and options, even with other arguments',
    async (cmd) => {
      const r = await run([cmd, '--help', '--period', '07/2024']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Cách dùng: ispeed ${cmd}`);
      expect(r.stderr).toBe('');
    },
  );

  test('-h works as --help, and remind --help documents the placeholder link', async () => {
    const r = await run(['remind', '-h']);
    expect(r.stdout).toContain('https://docs.google.com/spreadsheets/d/ID-BANG-TINH/edit');
  });
});
