// Small workbooks for the validation tests: a directory of a few units and rows built by column key.
import type { CellValue, FormId, Grid, Workbook } from '../../src/core/types';
import { formById } from '../../src/core/forms/schema';
import { fromLocal } from '../../src/core/periods';

/** "today" of these tests: 20/08/2024 12:00 in Gia Lai, so 08/2024 is the current month. */
export const NOW = fromLocal(2024, 8, 20, 12, 0);

export const DIRECTORY_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Biểu mẫu',
  'Email',
  'Người liên hệ',
  'Số điện thoại',
  'Số xã, phường, thị trấn',
  'Tên gọi khác',
  'Từ kỳ',
  'Đến kỳ',
  'Hoạt động',
];

export function directory(): Grid {
  return [
    DIRECTORY_HEADER,
    ['S-01', 'Sở Tài chính', '01', 'stc@gialai.example', '', '', '', '', '', '', ''],
    ['B-01', 'Báo Gia Lai', '02', 'bao@gialai.example', '', '', '', '', '', '', ''],
    ['H-622', 'Thành phố Pleiku', '03', 'pleiku@gialai.example', '', '', 22, 'TP. Pleiku', '', '', 'Có'],
    ['H-626', 'Huyện Đăk Đoa', '03', 'dakdoa@gialai.example', '', '', 17, 'Đak Đoa', '', '', 'Có'],
    ['H-630', 'Huyện Kông Chro', '03', 'kongchro@gialai.example', '', '', 14, '', '', '', 'Có'],
    ['H-640', 'Huyện Cũ', '03', 'cu@gialai.example', '', '', 9, '', '', '07/2024', 'Có'],
    ['H-650', 'Huyện Nhầm', '03', 'nham@gialai.example', '', '', 9, '', '', '', 'Không'],
    ['D-01', 'VNPT Gia Lai', '04', 'vnpt@gialai.example', '', '', '', '', '', '', ''],
  ];
}

/** A clean value for every column of a form, overridable by key. */
const BASE: Record<string, CellValue> = {
  seq: 1,
  unit: 'Thành phố Pleiku',
  period: '07/2024',
  reporter: 'Nguyễn Văn An',
  phone: '0912345678',
  links: '',
  note: '',
  submitted_at: '',
  updated_at: '',
  status: '',
  staff_total: 300,
  staff_installed: 150,
  relatives_guided: 80,
  communes_active: 10,
  villages_active: 40,
  loudspeaker_broadcasts: 20,
  digital_teams: 5,
  residents_guided: 200,
  portal_posts: 6,
  social_posts: 12,
  samples: 320,
  print_items: 3,
  online_items: 4,
  radio_items: 2,
  tv_items: 1,
  airtime_minutes: 12.5,
  service_points: 20,
  service_points_active: 10,
  leaflets: 500,
  screens: 4,
  customers_guided: 300,
  messages_sent: 1000,
};
const DEFAULT_UNIT: Record<FormId, string> = { '01': 'Sở Tài chính', '02': 'Báo Gia Lai', '03': 'Thành phố Pleiku', '04': 'VNPT Gia Lai' };

export function header(form: FormId): string[] {
  return formById(form).columns.map((c) => c.header);
}

export function row(form: FormId, values: Record<string, CellValue> = {}): CellValue[] {
  return formById(form).columns.map((c) => (c.key in values ? values[c.key] : c.key === 'unit' ? DEFAULT_UNIT[form] : BASE[c.key]));
}

/** A workbook with the test directory and the given form tab rows (header at row 1). */
export function book(form: FormId, rows: CellValue[][], extra: Workbook = {}): Workbook {
  return { 'Danh mục đơn vị': directory(), [`Biểu mẫu ${form}`]: [header(form), ...rows], ...extra };
}
