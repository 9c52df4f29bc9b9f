import { defaultSettings, readSettings } from '../../src/core/settings';
import type { CellValue } from '../../src/core/types';

const tab = (...rows: Array<[string, CellValue]>) => [['Tham số', 'Giá trị'], ...rows];

describe('settings', () => {
  test('the defaults are those of FORMS.md', () => {
    expect(defaultSettings()).toMatchObject({
      department: 'Sở Thông tin và Truyền thông tỉnh Gia Lai',
      startMonth: 2024 * 12 + 5,
      dueDay: 12,
      oneOffDeadline: '2024-06-28',
      reminderOffsets: [-7, -2, 1],
      sendHour: 8,
      skipWeekends: true,
      sampleTarget: 300,
      autoRemind: false,
      adminEmails: [],
      signerName: '',
    });
    expect(defaultSettings().reminderBody).toContain('{chi_tiet}');
  });
  test('a missing tab or blank value means the default', () => {
    expect(readSettings(undefined)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(readSettings(tab(['Giờ gửi nhắc', '']))).toEqual({ settings: defaultSettings(), problems: [] });
  });
  test('values are read in their formats; a Date cell is accepted for a month and a day', () => {
    const { settings, problems } = readSettings(
      tab(
        ['Email quản trị', 'a@x.vn, b@y.vn'],
        ['Kỳ bắt đầu', new Date('2024-07-01T00:00:00+07:00')],
        ['Hạn nộp hằng tháng (trước ngày)', 10],
        ['Hạn nộp đợt đầu biểu mẫu 01, 02 (trước ngày)', new Date('2024-06-30T00:00:00+07:00')],
        ['Lịch nhắc (số ngày so với hạn)', '3, -5'],
        ['Bỏ qua cuối tuần', 'Không'],
        ['Nhắc nhở tự động', 'có'],
        ['Người ký', 'Nguyễn Văn B'],
      ),
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      adminEmails: ['a@x.vn', 'b@y.vn'],
      startMonth: 2024 * 12 + 6,
      dueDay: 10,
      oneOffDeadline: '2024-06-30',
      reminderOffsets: [-5, 3],
      skipWeekends: false,
      autoRemind: true,
      signerName: 'Nguyễn Văn B',
    });
  });
  test.each<[string, CellValue]>([
    ['Hạn nộp hằng tháng (trước ngày)', 31],
    ['Giờ gửi nhắc', '25'],
    ['Kỳ bắt đầu', '2024'],
    ['Lịch nhắc (số ngày so với hạn)', '-7, 0, 1'],
    ['Lịch nhắc (số ngày so với hạn)', '-2, -2'],
    ['Bỏ qua cuối tuần', 'Có lẽ'],
    ['Email quản trị', 'admin'],
    ['Hạn nộp đợt đầu biểu mẫu 01, 02 (trước ngày)', '31/02/2024'],
    ['Tiêu đề email nhắc', 'Nhắc {don_vi} nộp {han_chot}'],
  ])('%s = %j is bad_setting on its row and the default is used', (name, value) => {
    const { settings, problems } = readSettings(tab(['Tên cơ quan', 'Sở X'], [name, value]));
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([['Cấu hình', 3, 'Giá trị', 'bad_setting']]);
    expect(settings).toEqual({ ...defaultSettings(), department: 'Sở X' });
  });
  test('an unknown placeholder is named in the message', () => {
    const { problems } = readSettings(tab(['Tiêu đề email nhắc', 'Nhắc {don_vi} nộp {han_chot}']));
    expect(problems[0].message).toContain('{han_chot}');
  });
});
