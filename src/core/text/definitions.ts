// The form definition tabs (Danh sách biểu mẫu, Định nghĩa biểu mẫu): their headers, words, default helps and messages.
import { clip } from './validation';

const q = (s: string) => `“${clip(s)}”`;

/** Headers of `Danh sách biểu mẫu`, one row a form. */
export const LIST_HEADER = {
  form: 'Biểu mẫu',
  tab: 'Tên tab',
  group: 'Đối tượng',
  cadence: 'Kỳ báo cáo',
  due: 'Hạn nộp',
  multiple: 'Nhiều báo cáo mỗi kỳ',
  reminders: 'Nhắc nhở',
} as const;

/** Headers of `Định nghĩa biểu mẫu`, one row a column of a form. */
export const COLUMN_HEADER = {
  form: 'Biểu mẫu',
  key: 'Mã cột',
  header: 'Tên cột',
  type: 'Kiểu',
  kind: 'Tính chất',
  required: 'Bắt buộc',
  min: 'Tối thiểu',
  max: 'Không vượt quá',
  from: 'Từ kỳ',
  to: 'Đến kỳ',
  aliases: 'Tên gọi khác',
  help: 'Hướng dẫn',
} as const;

/** The header notes setup writes on the two tabs. */
export const LIST_HELP: Record<keyof typeof LIST_HEADER, string> = {
  form: 'Mã biểu mẫu, hai chữ số từ 01 đến 99 (ví dụ 05); không trùng.',
  tab: 'Tên trang (tab) của biểu mẫu, ví dụ “Biểu mẫu 05 - Trường học”; không trùng.',
  group: 'Đối tượng báo cáo biểu mẫu này, ví dụ “Các trường học”.',
  cadence: '“Hằng tháng” (báo cáo mỗi tháng) hoặc “Một lần” (một kỳ, là tháng của hạn nộp); để trống là Hằng tháng.',
  due: 'Hằng tháng: ngày 1–28 của tháng sau, báo cáo nộp trước ngày này. Một lần: ngày dạng dd/MM/yyyy. Để trống: dùng hạn nộp trong Cấu hình.',
  multiple: 'Có: một đơn vị được nộp nhiều dòng trong một kỳ, số liệu được cộng lại. Để trống là Không.',
  reminders: 'Có / Không: có gửi email nhắc cho biểu mẫu này không. Để trống là Có.',
};

export const COLUMN_HELP: Record<keyof typeof COLUMN_HEADER, string> = {
  form: 'Mã biểu mẫu trong Danh sách biểu mẫu (ví dụ 05), hoặc * cho cột chung của mọi biểu mẫu (Đơn vị, Kỳ báo cáo, Người báo cáo, Số điện thoại, Ghi chú).',
  key: 'Mã cột: chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ so_hoc_sinh); không trùng trong biểu mẫu. Dòng *: unit, period, reporter, phone hoặc note.',
  header: 'Tên cột hiện trên trang biểu mẫu; không trùng trong biểu mẫu.',
  type: 'Số nguyên (để trống), Số thập phân, Văn bản, Liên kết hoặc Điện thoại.',
  kind: 'Với cột số, bắt buộc: “Lũy kế” (số tính đến cuối kỳ) hoặc “Trong kỳ” (số phát sinh trong tháng). Cột khác để trống.',
  required: 'Có / Không. Để trống: cột số là Có, cột khác là Không.',
  min: 'Giá trị nhỏ nhất của cột số; để trống là 0.',
  max: 'Mã cột của một cột số khác cùng biểu mẫu mà cột này không được vượt quá, hoặc “Số xã” (số xã, phường, thị trấn của đơn vị trong Danh mục).',
  from: 'Kỳ đầu tiên cột được yêu cầu (MM/YYYY); để trống nếu không giới hạn.',
  to: 'Kỳ cuối cùng cột được yêu cầu (MM/YYYY); để trống nếu không giới hạn.',
  aliases: 'Các tên cột khác có cùng nghĩa trên trang biểu mẫu, cách nhau bằng dấu chấm phẩy.',
  help: 'Ghi chú hướng dẫn của cột; để trống là hướng dẫn mặc định theo kiểu cột.',
};

/** The words of the definition cells (read with or without accents, any case). */
export const DEF_WORD = {
  int: 'Số nguyên',
  decimal: 'Số thập phân',
  text: 'Văn bản',
  links: 'Liên kết',
  phone: 'Điện thoại',
  stock: 'Lũy kế',
  flow: 'Trong kỳ',
  monthly: 'Hằng tháng',
  oneOff: 'Một lần',
  communes: 'Số xã',
  common: '*',
} as const;

/** The default `Hướng dẫn` of each kind of column, when the cell is blank. */
export const DEFAULT_HELP = {
  stock: (min: number) =>
    `Chỉ tiêu lũy kế (đến nay): nhập con số tính đến cuối kỳ báo cáo, không cộng dồn qua các tháng. Số nguyên ≥ ${min}.`,
  flow: (min: number) => `Chỉ tiêu trong kỳ: chỉ nhập số phát sinh trong tháng báo cáo. Số nguyên ≥ ${min}.`,
  decimal: (min: number) => `Nhập số; được nhập số thập phân (ví dụ 12,5). Số ≥ ${min}.`,
  text: 'Nhập nội dung (văn bản).',
  links: 'Đường dẫn (link) các tin, bài đã đăng; nhiều link cách nhau bằng dấu cách, dấu phẩy hoặc xuống dòng.',
  phone: 'Số điện thoại liên hệ, ví dụ 0912 345 678 hoặc 0269 3823 456.',
} as const;

/** The common columns of every form tab (FORMS.md "Common columns"). */
export const COMMON_TEXT = {
  seq: { header: 'STT', help: 'Số thứ tự (không bắt buộc).' },
  unit: { header: 'Đơn vị', help: 'Chọn tên đơn vị trong danh sách (theo Danh mục đơn vị).' },
  period: { header: 'Kỳ báo cáo', help: 'Tháng báo cáo, dạng MM/YYYY, ví dụ 07/2024.' },
  reporter: { header: 'Người báo cáo', help: 'Họ và tên người lập báo cáo.' },
  phone: { header: 'Số điện thoại', help: DEFAULT_HELP.phone },
  note: { header: 'Ghi chú', help: 'Ghi chú thêm (không bắt buộc).' },
  submitted_at: { header: 'Thời điểm nộp', help: 'Do hệ thống ghi: thời điểm dòng báo cáo lần đầu hợp lệ. Không nhập vào cột này.' },
  updated_at: { header: 'Cập nhật lần cuối', help: 'Do hệ thống ghi: lần sửa gần nhất của dòng. Không nhập vào cột này.' },
  status: { header: 'Kiểm tra', help: 'Do hệ thống ghi: kết quả kiểm tra dòng; di chuột vào ô để xem chi tiết lỗi.' },
} as const;

/** What a required definition cell needs, for DEF_MSG.requiredCell. */
export const DEF_WHAT = {
  listForm: 'mã biểu mẫu hai chữ số, ví dụ 05',
  tab: 'tên trang của biểu mẫu, ví dụ “Biểu mẫu 05”',
  columnForm: 'mã biểu mẫu (ví dụ 05), hoặc * cho cột chung',
  key: 'mã cột, ví dụ so_hoc_sinh',
  header: 'tên cột hiện trên trang biểu mẫu',
} as const;

const LIST = '“Danh sách biểu mẫu”';
const TYPES = `${DEF_WORD.int} (để trống), ${DEF_WORD.decimal}, ${DEF_WORD.text}, ${DEF_WORD.links} hoặc ${DEF_WORD.phone}`;

/** bad_definition and missing_column messages: what is wrong, how to fix it, and what is left out meanwhile. */
export const DEF_MSG = {
  /** A header of a definition tab that is none of its headers but looks like one it lacks (misspeltHeaders). */
  misspeltHeader: (found: string, expected: string) =>
    `Tiêu đề ${q(found)} không phải tên cột nào của trang này, nên cả cột bị bỏ qua. Có phải là “${expected}”? Hãy sửa tiêu đề cho đúng.`,
  missingColumn: (header: string, tab: string) =>
    `Không tìm thấy cột ${q(header)} trong trang “${tab}”. Hãy thêm lại cột này vào dòng tiêu đề (hoặc chạy lại “Thiết lập biểu mẫu”). Cho đến khi sửa, hệ thống dùng các biểu mẫu có sẵn của i-Speed thay cho hai trang định nghĩa.`,
  requiredCell: (header: string, what: string) =>
    `Chưa nhập ${q(header)}. Ô này bắt buộc: hãy nhập ${what}. Cho đến khi sửa, dòng này không được dùng.`,
  badCode: (text: string, star: boolean) =>
    `Biểu mẫu ${q(text)} không đúng. Hãy nhập mã hai chữ số từ 01 đến 99, ví dụ 05${star ? ', hoặc * cho cột chung của mọi biểu mẫu' : ''}. Cho đến khi sửa, dòng này không được dùng.`,
  duplicateCode: (code: string, row: number) =>
    `Biểu mẫu ${code} đã được khai báo ở dòng ${row}. Mỗi biểu mẫu chỉ khai báo một dòng: hãy xóa dòng thừa hoặc đổi mã. Dòng này không được dùng.`,
  duplicateTab: (tab: string, row: number) =>
    `Tên tab ${q(tab)} đã dùng cho biểu mẫu ở dòng ${row}. Mỗi biểu mẫu cần một trang riêng: hãy đặt tên khác. Biểu mẫu này không được dùng cho đến khi sửa.`,
  reservedTab: (tab: string) =>
    `${q(tab)} là tên một trang của hệ thống, không dùng được cho biểu mẫu. Hãy đặt tên khác, ví dụ “Biểu mẫu 05”. Biểu mẫu này không được dùng cho đến khi sửa.`,
  badTabName: (tab: string) =>
    `Tên tab ${q(tab)} không dùng được: tên trang tối đa 31 ký tự và không chứa các ký tự [ ] : * ? / \\ (để bản tải về dạng Excel vẫn giữ đúng tên). Hãy đặt tên khác, ngắn hơn và không có các ký tự đó. Biểu mẫu này không được dùng cho đến khi sửa.`,
  badCadence: (text: string) =>
    `Kỳ báo cáo ${q(text)} không đúng. Hãy nhập “${DEF_WORD.monthly}” hoặc “${DEF_WORD.oneOff}” (để trống là ${DEF_WORD.monthly}). Biểu mẫu này không được dùng cho đến khi sửa.`,
  badDueDay: (text: string, setting: string) =>
    `Hạn nộp ${q(text)} không đúng: biểu mẫu ${DEF_WORD.monthly} cần một ngày từ 1 đến 28 (báo cáo tháng nộp trước ngày này của tháng sau), hoặc để trống để dùng “${setting}” trong Cấu hình. Biểu mẫu này không được dùng cho đến khi sửa.`,
  badDueDate: (text: string, setting: string) =>
    `Hạn nộp ${q(text)} không đúng: biểu mẫu ${DEF_WORD.oneOff} cần một ngày dạng dd/MM/yyyy, ví dụ 28/06/2024, hoặc để trống để dùng “${setting}” trong Cấu hình. Biểu mẫu này không được dùng cho đến khi sửa.`,
  badYesNo: (header: string, text: string, blankIsYes: boolean) =>
    `${q(header)} ${q(text)} không đúng. Hãy nhập “Có” hoặc “Không” (để trống là ${blankIsYes ? 'Có' : 'Không'}). Cho đến khi sửa, dòng này không được dùng.`,
  noIndicator: (code: string) =>
    `Biểu mẫu ${code} chưa có chỉ tiêu số nào dùng được trong “Định nghĩa biểu mẫu”. Hãy thêm ít nhất một dòng Kiểu ${DEF_WORD.int} hoặc ${DEF_WORD.decimal} cho biểu mẫu ${code} (hoặc sửa các dòng đang lỗi). Biểu mẫu này không được dùng cho đến khi sửa.`,
  unknownForm: (code: string) =>
    `Biểu mẫu ${q(code)} không có trong ${LIST}. Hãy nhập mã của một biểu mẫu trong danh sách, * cho cột chung, hoặc thêm biểu mẫu này vào ${LIST}. Dòng này không được dùng cho đến khi sửa.`,
  badKey: (text: string) =>
    `Mã cột ${q(text)} không đúng. Mã cột chỉ gồm chữ thường không dấu (a–z), chữ số và dấu gạch dưới, bắt đầu bằng chữ, ví dụ so_hoc_sinh. Cột này không được dùng cho đến khi sửa.`,
  commonKey: (key: string) =>
    `Mã cột ${q(key)} là mã của một cột chung của mọi biểu mẫu. Hãy đặt mã khác cho cột này; muốn đặt tên khác cho cột chung, dùng một dòng có Biểu mẫu là *. Cột này không được dùng cho đến khi sửa.`,
  duplicateKey: (key: string, code: string, row: number) =>
    `Mã cột ${q(key)} đã dùng cho biểu mẫu ${code} ở dòng ${row}. Mỗi cột của một biểu mẫu cần một mã riêng: hãy đổi mã hoặc xóa dòng thừa. Dòng này không được dùng.`,
  duplicateHeader: (header: string, code: string, where: string) =>
    `Tên cột ${q(header)} trùng với ${where} của biểu mẫu ${code}. Mỗi cột cần một tên riêng để hệ thống nhận ra: hãy đổi tên. Cột này không được dùng cho đến khi sửa.`,
  duplicateStar: (key: string, row: number) =>
    `Cột chung ${q(key)} đã được khai báo ở dòng ${row}. Hãy gộp hai dòng * này thành một. Dòng này không được dùng.`,
  headerAt: (row: number) => `cột ở dòng ${row}`,
  headerCommon: (header: string) => `cột chung ${q(header)}`,
  badType: (text: string) => `Kiểu ${q(text)} không đúng. Hãy nhập ${TYPES}. Cột này không được dùng cho đến khi sửa.`,
  badKind: (text: string) =>
    `Tính chất ${q(text)} không đúng. Hãy nhập “${DEF_WORD.stock}” (số tính đến cuối kỳ) hoặc “${DEF_WORD.flow}” (số phát sinh trong tháng). Cột này không được dùng cho đến khi sửa.`,
  kindMissing: (header: string) =>
    `Cột số ${q(header)} chưa có Tính chất. Hãy nhập “${DEF_WORD.stock}” (số tính đến cuối kỳ, không cộng dồn qua các tháng) hoặc “${DEF_WORD.flow}” (số phát sinh trong tháng). Cột này không được dùng cho đến khi sửa.`,
  numberOnly: (header: string) =>
    `${q(header)} chỉ dùng cho cột số (${DEF_WORD.int}, ${DEF_WORD.decimal}): hãy để trống ô này, hoặc đổi Kiểu của cột. Cột này không được dùng cho đến khi sửa.`,
  badMin: (text: string, integer: boolean) =>
    `Tối thiểu ${q(text)} không đúng. Hãy nhập ${integer ? 'một số nguyên' : 'một số'} từ 0 trở lên, hoặc để trống (là 0). Cột này không được dùng cho đến khi sửa.`,
  badBound: (text: string, code: string) =>
    `Không vượt quá ${q(text)} không phải là Mã cột của một cột số khác (đang dùng được) của biểu mẫu ${code}. Hãy nhập Mã cột đó (ví dụ staff_total), “${DEF_WORD.communes}”, hoặc để trống. Cột này không được dùng cho đến khi sửa.`,
  boundSelf: (key: string) =>
    `Cột ${q(key)} không thể bị giới hạn bởi chính nó. Hãy nhập Mã cột của một cột số khác, “${DEF_WORD.communes}”, hoặc để trống. Cột này không được dùng cho đến khi sửa.`,
  badMonth: (header: string, text: string) =>
    `${q(header)} ${q(text)} không đúng. Hãy nhập tháng dạng MM/YYYY (ví dụ 01/2025), hoặc để trống nếu không giới hạn. Cột này không được dùng cho đến khi sửa.`,
  badRange: (from: string, to: string) =>
    `“Từ kỳ” (${from}) sau “Đến kỳ” (${to}). Hãy sửa lại hai kỳ này. Cột này không được dùng cho đến khi sửa.`,
  starKey: (text: string, keys: readonly string[]) =>
    `Dòng * chỉ dùng cho các cột chung ${keys.join(', ')}; ${q(text)} không phải một trong số đó. Hãy sửa Mã cột, hoặc nhập mã biểu mẫu nếu đây là cột riêng của một biểu mẫu. Dòng này không được dùng.`,
  starHeader: (text: string, header: string) =>
    `Tên cột của dòng * phải để trống hoặc là tên chuẩn ${q(header)}; tên khác (như ${q(text)}) hãy ghi vào “Tên gọi khác”. Dòng này không được dùng cho đến khi sửa.`,
  starAliasClash: (alias: string, header: string) =>
    `Tên gọi khác ${q(alias)} đã là tên của cột chung ${q(header)}: một tên chỉ được chỉ một cột. Hãy bỏ tên này khỏi “Tên gọi khác”. Dòng này không được dùng cho đến khi sửa.`,
  starCell: (header: string) =>
    `${q(header)} không dùng cho dòng * (cột chung): hãy để trống ô này. Dòng này không được dùng cho đến khi sửa.`,
  starAlwaysRequired: (header: string) =>
    `Cột chung ${q(header)} luôn bắt buộc: hãy để trống “Bắt buộc” hoặc nhập “Có”. Dòng này không được dùng cho đến khi sửa.`,
} as const;

// ---- The built-in i-Speed template, as setup writes it into the two tabs (FORMS.md "Indicators") ----

const W = DEF_WORD;
const people = (form: string) => (form === '04' ? 'cán bộ, nhân viên' : 'CBCCVC, NLĐ');

/** `Danh sách biểu mẫu` rows: code, tab, group, cadence, due, multiple, reminders (blank = the rule's default). */
export const TEMPLATE_LIST: readonly (readonly string[])[] = [
  ['01', 'Biểu mẫu 01', 'Sở, ban, ngành cấp tỉnh', W.oneOff, '', '', ''],
  ['02', 'Biểu mẫu 02', 'Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai', W.oneOff, '', 'Có', ''],
  ['03', 'Biểu mẫu 03', 'UBND các huyện, thị xã, thành phố', W.monthly, '', '', ''],
  ['04', 'Biểu mẫu 04', 'Doanh nghiệp bưu chính, viễn thông', W.monthly, '', '', ''],
];

type Col = { type?: string; kind?: string; required?: string; min?: string; max?: string; help?: string };
/** One `Định nghĩa biểu mẫu` row, in the order of COLUMN_HEADER (Từ kỳ, Đến kỳ, Tên gọi khác blank in the template). */
const col = (form: string, key: string, header: string, c: Col): string[] => [
  form,
  key,
  header,
  c.type ?? '',
  c.kind ?? '',
  c.required ?? '',
  c.min ?? '',
  c.max ?? '',
  '',
  '',
  '',
  c.help ?? '',
];
const stock = (form: string, key: string, header: string, c: Col = {}) => col(form, key, header, { kind: W.stock, ...c });
const flow = (form: string, key: string, header: string, c: Col = {}) => col(form, key, header, { kind: W.flow, ...c });
const links = (form: string) => col(form, 'links', 'Đường dẫn tin bài', { type: W.links });
const staff = (form: string) => [
  stock(form, 'staff_total', form === '04' ? 'Tổng số cán bộ, nhân viên' : 'Tổng số CBCCVC, NLĐ', {
    min: '1',
    help: `Tổng số ${people(form)} của đơn vị tại cuối kỳ. Số nguyên ≥ 1.`,
  }),
  stock(form, 'staff_installed', `Số ${people(form)} đã cài đặt i-Speed (đến nay)`, {
    max: 'staff_total',
    help: `Số ${people(form)} đã cài đặt ứng dụng i-Speed tính đến cuối kỳ (lũy kế, không vượt tổng số). Số nguyên ≥ 0.`,
  }),
  stock(form, 'relatives_guided', 'Số người thân được hướng dẫn cài đặt (đến nay)'),
];

/** Built on demand: the Apps Script bundle does no work at load time. */
export function templateColumnRows(): string[][] {
  return [
    ...staff('01'),
    flow('01', 'portal_posts', 'Số tin, bài trên cổng/trang TTĐT (trong kỳ)'),
    flow('01', 'social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)'),
    links('01'),
    ...staff('02'),
    flow('02', 'print_items', 'Số tin, bài trên báo in (trong kỳ)'),
    flow('02', 'online_items', 'Số tin, bài trên báo điện tử (trong kỳ)'),
    flow('02', 'radio_items', 'Số tin, phóng sự phát thanh (trong kỳ)'),
    flow('02', 'tv_items', 'Số tin, phóng sự truyền hình (trong kỳ)'),
    flow('02', 'airtime_minutes', 'Thời lượng phát sóng, phút (trong kỳ)', {
      type: W.decimal,
      help: 'Tổng thời lượng phát sóng trong kỳ, tính bằng phút; được nhập số thập phân (ví dụ 12,5). Số ≥ 0.',
    }),
    flow('02', 'social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)'),
    links('02'),
    ...staff('03'),
    stock('03', 'communes_active', 'Số xã, phường, thị trấn đã triển khai (đến nay)', {
      max: W.communes,
      help: 'Số xã, phường, thị trấn đã triển khai tuyên truyền tính đến cuối kỳ (không vượt số xã của đơn vị trong Danh mục). Số nguyên ≥ 0.',
    }),
    stock('03', 'villages_active', 'Số thôn, làng, tổ dân phố đã triển khai (đến nay)'),
    flow('03', 'loudspeaker_broadcasts', 'Số lượt phát trên hệ thống truyền thanh cơ sở (trong kỳ)'),
    stock('03', 'digital_teams', 'Số tổ công nghệ số cộng đồng tham gia (đến nay)'),
    flow('03', 'residents_guided', 'Số người dân được hướng dẫn cài đặt (trong kỳ)'),
    flow('03', 'portal_posts', 'Số tin, bài trên cổng/trang TTĐT (trong kỳ)'),
    flow('03', 'social_posts', 'Số tin, bài trên mạng xã hội (trong kỳ)'),
    flow('03', 'samples', 'Số mẫu đo i-Speed trên địa bàn (trong kỳ)', {
      required: 'Không',
      help: 'Số mẫu đo tốc độ bằng i-Speed trên địa bàn trong tháng (không bắt buộc); chỉ tiêu của Bộ: từ 300 mẫu/tháng. Số nguyên ≥ 0.',
    }),
    links('03'),
    ...staff('04'),
    stock('04', 'service_points', 'Tổng số điểm giao dịch (đến nay)'),
    stock('04', 'service_points_active', 'Số điểm giao dịch đã tuyên truyền (đến nay)', { max: 'service_points' }),
    flow('04', 'leaflets', 'Số tờ rơi đã phát (trong kỳ)'),
    stock('04', 'screens', 'Số màn hình điện tử trình chiếu (đến nay)'),
    flow('04', 'customers_guided', 'Số khách hàng được hướng dẫn cài đặt (trong kỳ)'),
    flow('04', 'messages_sent', 'Số tin nhắn SMS/OTT gửi khách hàng (trong kỳ)'),
  ];
}
