// The declarative schema: every tab, column, rule and indicator kind, in one place (FORMS.md).
// Setup, native validation, the script's check, the report and the reminders all read this.
import type { FormId, Month } from '../types';
import type { Day } from '../periods';
import { builtinForms } from './definitions';

export { builtinForms };

/** How a column's cells are read and checked. */
export type ColumnType =
  | 'int' // whole number >= min (counts)
  | 'decimal' // number >= min, decimal comma allowed (airtime)
  | 'text'
  | 'unit' // a unit of the directory
  | 'period' // a month
  | 'phone'
  | 'links'
  | 'datetime' // script-owned timestamps
  | 'status'; // script-owned check result

/** stock = a level at the end of the period; flow = events during the period (PRODUCT.md). */
export type IndicatorKind = 'stock' | 'flow';

export interface ColumnSpec {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  /** Minimum for numbers (default 0). */
  min?: number;
  kind?: IndicatorKind;
  /** Script-owned: whatever a user types there is replaced by the script's value. */
  scriptOwned?: boolean;
  /** Help text shown as the header's note and the native validation's help. */
  help: string;
  /** Column width in pixels, for setup. */
  width?: number;
  /** Other headers that mean this column (`Tên gọi khác`): how an existing sheet's own headers are adopted. */
  aliases?: string[];
  /** The periods for which the column is asked (`Từ kỳ`, `Đến kỳ`); absent or null = open. */
  from?: Month | null;
  to?: Month | null;
}

/** A cross-field bound: `key` must not exceed `max` (another column) or the unit's directory figure. */
export interface BoundRule {
  key: string;
  max: { column: string } | { unitField: 'communes' };
}

export interface FormSpec {
  id: FormId;
  tab: string;
  /** Who fills it, in Vietnamese (for setup notes and the report). */
  group: string;
  columns: ColumnSpec[];
  bounds: BoundRule[];
  /** Several rows per unit and period, added up (`Nhiều báo cáo mỗi kỳ`; form 02 of the template). */
  multipleRowsPerPeriod: boolean;
  /** `Hằng tháng` (period M due before day `dueDay` of M+1) or `Một lần` (one period, the month of `dueDate`). */
  monthly: boolean;
  /** Hằng tháng: the day 1–28 before which a period is due; null = the setting `Hạn nộp hằng tháng`. */
  dueDay: number | null;
  /** Một lần: the day before which the form is due; null = the setting `Hạn nộp đợt đầu`. */
  dueDate: Day | null;
  /** `Nhắc nhở`: whether reminders go out for this form. */
  reminders: boolean;
}

export const TAB = {
  directory: 'Danh mục đơn vị',
  settings: 'Cấu hình',
  formList: 'Danh sách biểu mẫu',
  formColumns: 'Định nghĩa biểu mẫu',
  log: 'Nhật ký',
  measured: 'Dữ liệu i-Speed',
} as const;

/** How `Có` / `Không` cells are written (settings, `Hoạt động`); readYesNo also accepts them without accents. */
export const YES = 'Có';
export const NO = 'Không';

export const HEADER_UNIT = 'Đơn vị';
export const HEADER_PERIOD = 'Kỳ báo cáo';

/**
 * @deprecated the built-in template (`builtinForms()`); new code takes the forms read from the workbook
 * (`readForms`) as a parameter. A lazy view of builtinForms(), so the bundle does no work at load time.
 */
export const FORMS: readonly FormSpec[] = lazyList(builtinForms);

function lazyList<T>(get: () => readonly T[]): readonly T[] {
  return new Proxy([] as T[], {
    get: (_t, p) => Reflect.get(get(), p),
    has: (_t, p) => Reflect.has(get(), p),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, p) => Reflect.getOwnPropertyDescriptor(get(), p),
  });
}

/** The form of a code among `forms` (the built-in template by default). */
export function formById(id: FormId, forms: readonly FormSpec[] = builtinForms()): FormSpec {
  const f = forms.find((x) => x.id === id);
  if (!f) throw new Error(`unknown form ${id}`);
  return f;
}

/** The `Mã cột` held against the setting `Chỉ tiêu mẫu đo mỗi tháng` (FORMS.md, form definitions). */
export const SAMPLES_KEY = 'samples';

/** Indicator columns (the ones with a stock/flow kind), in schema order. */
export function indicators(f: FormSpec): ColumnSpec[] {
  return f.columns.filter((c) => c.kind);
}

// ---- Directory (Danh mục đơn vị) ----
export interface DirectoryColumn {
  key: string;
  header: string;
  required: boolean;
  help: string;
  width: number;
}
export const DIRECTORY_COLUMNS: readonly DirectoryColumn[] = [
  { key: 'code', header: 'Mã đơn vị', required: true, help: 'Mã đơn vị, duy nhất.', width: 90 },
  { key: 'name', header: 'Tên đơn vị', required: true, help: 'Tên đơn vị, duy nhất; đơn vị chọn tên này trong biểu mẫu.', width: 240 },
  {
    key: 'form',
    header: 'Biểu mẫu',
    required: true,
    help: 'Mã biểu mẫu đơn vị báo cáo, như ở tab Danh sách biểu mẫu (ví dụ 03).',
    width: 80,
  },
  {
    key: 'email',
    header: 'Email',
    required: false,
    help: 'Một hoặc nhiều địa chỉ email, cách nhau bằng dấu phẩy hoặc chấm phẩy.',
    width: 220,
  },
  { key: 'contact', header: 'Người liên hệ', required: false, help: 'Người liên hệ (không bắt buộc).', width: 150 },
  { key: 'phone', header: 'Số điện thoại', required: false, help: 'Số điện thoại liên hệ (không bắt buộc).', width: 120 },
  {
    key: 'communes',
    header: 'Số xã, phường, thị trấn',
    required: false,
    help: 'Số đơn vị hành chính cấp xã (biểu mẫu 03), số nguyên.',
    width: 110,
  },
  {
    key: 'aliases',
    header: 'Tên gọi khác',
    required: false,
    help: 'Các cách viết khác của tên đơn vị, cách nhau bằng dấu chấm phẩy.',
    width: 180,
  },
  { key: 'from', header: 'Từ kỳ', required: false, help: 'Kỳ đầu tiên đơn vị tồn tại (MM/YYYY); để trống nếu không giới hạn.', width: 80 },
  { key: 'to', header: 'Đến kỳ', required: false, help: 'Kỳ cuối cùng đơn vị tồn tại (MM/YYYY); để trống nếu không giới hạn.', width: 80 },
  { key: 'active', header: 'Hoạt động', required: false, help: 'Có / Không. "Không" = đơn vị nhập nhầm, không theo dõi.', width: 90 },
];

// ---- Settings (Cấu hình) ----
export const SETTINGS_HEADERS = { name: 'Tham số', value: 'Giá trị' } as const;

export type SettingType = 'text' | 'emails' | 'month' | 'day' | 'date' | 'offsets' | 'hour' | 'yesno' | 'int' | 'template' | 'closeDays';

export interface SettingSpec {
  key: string;
  name: string;
  type: SettingType;
  /** The default, as it is written into the tab by setup. */
  default: string;
  help: string;
}

const P = '\n\n'; // a paragraph break in templates ("/" in FORMS.md)

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'superiorBody',
    name: 'Cơ quan chủ quản',
    type: 'text',
    default: 'UBND tỉnh Gia Lai',
    help: 'Cơ quan cấp trên, ghi phía trên tên cơ quan ở góc trái văn bản.',
  },
  {
    key: 'department',
    name: 'Tên cơ quan',
    type: 'text',
    default: 'Sở Thông tin và Truyền thông tỉnh Gia Lai',
    help: 'Tên cơ quan tổng hợp báo cáo, dùng trong email và văn bản.',
  },
  { key: 'place', name: 'Địa danh', type: 'text', default: 'Gia Lai', help: 'Địa danh ghi ở dòng "…, ngày … tháng … năm …" của văn bản.' },
  { key: 'docSymbol', name: 'Ký hiệu báo cáo', type: 'text', default: 'BC-STTTT', help: 'Ký hiệu văn bản, ghi sau "Số: …/".' },
  {
    key: 'contactName',
    name: 'Người liên hệ',
    type: 'text',
    default: '',
    help: 'Cán bộ đầu mối của cơ quan (không bắt buộc): ghi ở cuối email nhắc để đơn vị biết hỏi ai.',
  },
  {
    key: 'contactPhone',
    name: 'Số điện thoại liên hệ',
    type: 'text',
    default: '',
    help: 'Số điện thoại của người liên hệ (không bắt buộc), ghi ở cuối email nhắc.',
  },
  {
    key: 'adminEmails',
    name: 'Email quản trị',
    type: 'emails',
    default: '',
    help: 'Email của cán bộ quản trị, cách nhau bằng dấu phẩy; nhận bản tổng hợp sau mỗi hạn nộp.',
  },
  { key: 'startMonth', name: 'Kỳ bắt đầu', type: 'month', default: '06/2024', help: 'Kỳ báo cáo đầu tiên của đợt tuyên truyền (MM/YYYY).' },
  {
    key: 'dueDay',
    name: 'Hạn nộp hằng tháng (trước ngày)',
    type: 'day',
    default: '12',
    help: 'Báo cáo tháng nộp trước ngày này của tháng sau (1–28).',
  },
  {
    key: 'oneOffDeadline',
    name: 'Hạn nộp đợt đầu biểu mẫu 01, 02 (trước ngày)',
    type: 'date',
    default: '28/06/2024',
    help: 'Các biểu mẫu báo cáo một lần (tab Danh sách biểu mẫu) không ghi hạn riêng thì nộp trước ngày này (dd/MM/yyyy).',
  },
  {
    key: 'reminderOffsets',
    name: 'Lịch nhắc (số ngày so với hạn)',
    type: 'offsets',
    default: '-7, -2, 1',
    help: 'Các ngày gửi nhắc, tính theo số ngày so với hạn nộp: số âm là trước hạn, số dương là sau hạn; không dùng số 0.',
  },
  { key: 'sendHour', name: 'Giờ gửi nhắc', type: 'hour', default: '8', help: 'Giờ trong ngày (0–23) chạy nhắc nhở tự động.' },
  {
    key: 'skipWeekends',
    name: 'Bỏ qua cuối tuần',
    type: 'yesno',
    default: YES,
    help: 'Có: lời nhắc rơi vào thứ Bảy, Chủ nhật được dời sang ngày làm việc gần nhất.',
  },
  {
    key: 'sampleTarget',
    name: 'Chỉ tiêu mẫu đo mỗi tháng',
    type: 'int',
    default: '300',
    help: 'Số mẫu đo i-Speed mỗi tháng trên mỗi địa bàn theo chỉ tiêu của Bộ.',
  },
  {
    key: 'signerTitle',
    name: 'Chức vụ người ký',
    type: 'text',
    default: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    help: 'Chức vụ ở khối chữ ký của văn bản.',
  },
  { key: 'signerName', name: 'Người ký', type: 'text', default: '', help: 'Họ và tên người ký văn bản.' },
  {
    key: 'closeAfterDays',
    name: 'Chốt số liệu sau hạn (ngày)',
    type: 'closeDays',
    default: '2',
    help: 'Số liệu của mỗi kỳ được chốt lúc 00:00, sau ngày hạn nộp số ngày này (0–27); sửa sau khi chốt vẫn được nhận và được liệt kê trong báo cáo.',
  },
  {
    key: 'autoRemind',
    name: 'Nhắc nhở tự động',
    type: 'yesno',
    default: NO,
    help: 'Có: mỗi ngày hệ thống tự gửi email nhắc các đơn vị chưa báo cáo.',
  },
  {
    key: 'reminderSubject',
    name: 'Tiêu đề email nhắc',
    type: 'template',
    default: '[i-Speed] Nhắc báo cáo {bieu_mau} kỳ {ky_bao_cao}, hạn trước ngày {han_nop}',
    help: 'Tiêu đề email nhắc trước hạn. Có thể dùng {don_vi}, {bieu_mau}, {ky_bao_cao}, {han_nop}, {duong_dan}, {co_quan}, {chi_tiet}.',
  },
  {
    key: 'reminderBody',
    name: 'Nội dung email nhắc',
    type: 'template',
    default: [
      'Kính gửi: {don_vi},',
      '{co_quan} đề nghị Quý đơn vị cập nhật kết quả tuyên truyền sử dụng ứng dụng i-Speed theo {bieu_mau}, kỳ báo cáo {ky_bao_cao}, trước ngày {han_nop} tại: {duong_dan}',
      '{chi_tiet}',
      'Trân trọng.',
    ].join(P),
    help: 'Nội dung email nhắc trước hạn; dòng trống ngăn cách các đoạn.',
  },
  {
    key: 'overdueSubject',
    name: 'Tiêu đề email quá hạn',
    type: 'template',
    default: '[i-Speed] Quá hạn báo cáo {bieu_mau} kỳ {ky_bao_cao}',
    help: 'Tiêu đề email gửi đơn vị quá hạn.',
  },
  {
    key: 'overdueBody',
    name: 'Nội dung email quá hạn',
    type: 'template',
    default: [
      'Kính gửi: {don_vi},',
      'Đến nay {co_quan} chưa nhận được báo cáo hợp lệ của Quý đơn vị theo {bieu_mau}, kỳ báo cáo {ky_bao_cao} (hạn trước ngày {han_nop}). Đề nghị Quý đơn vị khẩn trương cập nhật tại: {duong_dan}',
      '{chi_tiet}',
      'Trân trọng.',
    ].join(P),
    help: 'Nội dung email gửi đơn vị quá hạn; dòng trống ngăn cách các đoạn.',
  },
];

export const TEMPLATE_PLACEHOLDERS = ['don_vi', 'bieu_mau', 'ky_bao_cao', 'han_nop', 'duong_dan', 'co_quan', 'chi_tiet'] as const;

// ---- Log (Nhật ký) ----
export const LOG_COLUMNS = ['Thời điểm', 'Mã đơn vị', 'Địa chỉ', 'Biểu mẫu', 'Kỳ báo cáo', 'Bước', 'Kết quả', 'Chi tiết'] as const;
