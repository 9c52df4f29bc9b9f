// Messages of the validation: what is wrong and how to fix it. Plain text; renderers escape.

/** Echoed cell text is cut so that a huge cell never makes a huge message. */
export function clip(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const q = (s: string) => `“${clip(s)}”`;

/** A number as the Vietnamese sheet shows it: `.` groups thousands, `,` marks decimals (1.234; 12,5). */
export function viNumber(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  const [int, frac] = String(Math.abs(x)).split('.');
  return `${x < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}

const n = viNumber;

/** Row numbers for a message: the first few (callers pass at most 5), then a count of the rest. */
function rowList(rows: number[], total = rows.length): string {
  const shown = rows.slice(0, 5).join(', ');
  return total > 5 ? `${shown} và ${total - 5} dòng khác` : shown;
}

/** Why a unit_alias cell was read as its unit: the part of the message after the code. */
const UNIT_FOLDING = {
  alias: ', theo tên gọi khác trong Danh mục',
  lookalike: ', ô có chữ trông giống nhưng là ký tự khác, ví dụ Ð thay cho Đ',
  prefix: ', tên thiếu hoặc viết tắt cấp hành chính như “Xã”, “Phường”, “Huyện”, hoặc có thêm “UBND”',
} as const;

/** What Sheets shows for a formula it cannot compute: a value typed with a leading `=` (`=Huyện Ia Pa` → #NAME?). */
const SHEET_ERROR = /^#(NAME\?|ERROR!|REF!|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)$/;
/** The message for such a cell, instead of one that quotes the error text as if it had been typed. */
const formulaTyped = (text: string): string | null =>
  SHEET_ERROR.test(text.trim())
    ? `Ô đang chứa công thức báo lỗi (${text.trim()}): nội dung bắt đầu bằng dấu “=” được Sheets hiểu là công thức. Hãy xóa dấu “=” ở đầu rồi nhập lại giá trị.`
    : null;

export const MSG = {
  missingColumn: (header: string) =>
    `Không tìm thấy cột ${q(header)}. Hãy thêm lại cột này vào dòng tiêu đề (hoặc chạy lại “Thiết lập biểu mẫu”).`,
  /** A form's column: it may be there under the sheet's own header (`aliases` of tab `definitions` adopts it). */
  missingFormColumn: (header: string, aliases: string, definitions: string) =>
    `Không tìm thấy cột ${q(header)}. Nếu trang đã có cột này dưới một tiêu đề khác, hãy thêm tiêu đề đó vào “${aliases}” ` +
    `của cột trong trang “${definitions}”; nếu chưa có, hãy thêm cột ${q(header)} vào dòng tiêu đề.`,
  required: (header: string) => `Chưa nhập ${q(header)}. Ô này bắt buộc, hãy nhập giá trị.`,
  notNumber: (header: string, text: string) =>
    formulaTyped(text) ??
    `${q(header)} phải là một số, nhưng ô đang ghi ${q(text)}. Chỉ nhập chữ số, ví dụ 120 (không kèm chữ hay đơn vị).`,
  notIntegerThousands: (text: string, thousands: number) =>
    `Số ${text} có phần thập phân nhưng cột này chỉ nhận số nguyên. Nếu ý là ${thousands}, hãy nhập ${thousands}: chỉ chữ số, không có dấu chấm hay dấu phẩy.`,
  notInteger: (header: string, text: string) =>
    formulaTyped(text) ?? `${q(header)} phải là số nguyên, nhưng ô đang ghi ${q(text)}. Hãy nhập số nguyên, không có phần thập phân.`,
  negative: (header: string, value: number) => `${q(header)} không được là số âm (${n(value)}). Hãy nhập số từ 0 trở lên.`,
  belowMin: (header: string, value: number, min: number) =>
    `${q(header)} phải từ ${n(min)} trở lên, nhưng ô đang ghi ${n(value)}. Hãy nhập lại số đúng.`,
  exceedsColumn: (header: string, value: number, maxHeader: string, max: number) =>
    `${q(header)} (${n(value)}) lớn hơn ${q(maxHeader)} (${n(max)}). Kiểm tra lại hai số này.`,
  exceedsCommunes: (header: string, value: number, unitName: string, max: number) =>
    `${q(header)} (${n(value)}) lớn hơn số xã, phường, thị trấn của ${unitName} trong Danh mục đơn vị (${n(max)}). Kiểm tra lại số này, hoặc báo quản trị sửa Danh mục nếu số xã đã thay đổi.`,
  unknownUnit: (text: string, closest: string[] = []) =>
    formulaTyped(text) ??
    `Không tìm thấy đơn vị ${q(text)} trong Danh mục đơn vị.${closest.length ? ` Có phải là ${closest.map((n) => `“${clip(n)}”`).join(' hay ')}?` : ''} Hãy chọn tên đơn vị trong danh sách thả xuống, hoặc báo quản trị bổ sung đơn vị vào Danh mục.`,
  ambiguousUnit: (text: string, names: string[]) =>
    `${q(text)} khớp với nhiều đơn vị: ${names.map((n) => clip(n)).join('; ')}. Hãy chọn đúng tên đơn vị trong danh sách thả xuống.`,
  unitAlias: (text: string, name: string, code: string, how: 'alias' | 'lookalike' | 'prefix') =>
    `${q(text)} được hiểu là đơn vị “${name}” (mã ${code}${UNIT_FOLDING[how]}). Nên chọn đúng tên “${name}” trong danh sách thả xuống.`,
  wrongForm: (name: string, form: string, tab: string) =>
    `Đơn vị “${name}” báo cáo theo Biểu mẫu ${form}, không phải biểu mẫu của trang này. Hãy nhập báo cáo vào trang “${tab}” và xóa dòng này.`,
  /** `from`/`to`: the unit's periods in the directory (MM/YYYY, null = open); `instead`: the same name at another level, active then. */
  inactiveUnit: (name: string, period: string | null, from: string | null = null, to: string | null = null, instead: string[] = []) =>
    period
      ? `Đơn vị “${name}” không hoạt động trong kỳ ${period} theo Danh mục đơn vị` +
        (from || to ? ` (đơn vị báo cáo ${[from && `từ kỳ ${from}`, to && `đến kỳ ${to}`].filter(Boolean).join(' ')})` : '') +
        `.${instead.length ? ` Có phải là ${instead.map((n) => `“${clip(n)}”`).join(' hay ')}?` : ''}` +
        ' Kiểm tra lại đơn vị và kỳ báo cáo, hoặc báo quản trị sửa Danh mục.'
      : `Đơn vị “${name}” đang được đánh dấu không hoạt động trong Danh mục đơn vị. Kiểm tra lại tên đơn vị, hoặc báo quản trị sửa Danh mục.`,
  /** `lostDate`: the cell is a day number (a date whose format was lost). */
  badPeriod: (text: string, lostDate = false) =>
    formulaTyped(text) ??
    `Kỳ báo cáo ${q(text)} không đọc được.${lostDate ? ' Có vẻ đây là một ngày đã mất định dạng ngày (Sheets lưu ngày dưới dạng số).' : ''} Hãy nhập tháng theo dạng MM/YYYY, ví dụ 07/2024.`,
  periodBeforeStart: (period: string, start: string) =>
    `Kỳ báo cáo ${period} trước kỳ bắt đầu của đợt tuyên truyền (${start}). Kiểm tra lại tháng và năm.`,
  periodInFuture: (period: string, current: string) =>
    `Kỳ báo cáo ${period} chưa đến (tháng hiện tại là ${current}). Kiểm tra lại tháng và năm.`,
  periodCurrent: (period: string) =>
    `Kỳ ${period} là tháng hiện tại, chưa kết thúc. Báo cáo tháng là số liệu của tháng đã qua; nếu nhầm, hãy sửa kỳ báo cáo.`,
  duplicate: (name: string, period: string, rows: number[], total = rows.length) =>
    `Đơn vị “${name}” đã có báo cáo kỳ ${period} ở dòng ${rowList(rows, total)}. Mỗi đơn vị chỉ báo cáo một dòng cho mỗi kỳ: hãy xóa dòng thừa hoặc sửa kỳ báo cáo.`,
  duplicateRow: (rows: number[], total = rows.length) => `Dòng này giống hệt dòng ${rowList(rows, total)}. Hãy xóa dòng nhập trùng.`,
  badUrl: (text: string) =>
    `${q(text)} không phải là đường dẫn hợp lệ. Chỉ nhập link bắt đầu bằng http:// hoặc https://, nhiều link cách nhau bằng dấu cách, dấu phẩy hoặc xuống dòng.`,
  badPhone: (text: string) =>
    `Số điện thoại ${q(text)} không đúng dạng. Hãy nhập số bắt đầu bằng 0 hoặc +84, ví dụ 0912 345 678 hoặc 0269 3823 456.`,
  stockDecreased: (header: string, value: number, previous: number, period: string) =>
    `${q(header)} (${n(value)}) thấp hơn kỳ trước (${n(previous)}, kỳ ${period}). Đây là chỉ tiêu lũy kế nên thường không giảm; kiểm tra lại số liệu.`,
  outlier: (header: string, value: number, median: number) =>
    `${q(header)} (${n(value)}) cao hơn 10 lần mức thường gặp của đơn vị (trung vị các kỳ trước: ${n(median)}). Kiểm tra lại xem có nhập thừa chữ số hoặc nhập số lũy kế không.`,
  badEmail: (text: string) =>
    `Email ${q(text)} không hợp lệ. Hãy nhập một hoặc nhiều địa chỉ dạng ten@coquan.gov.vn, cách nhau bằng dấu phẩy hoặc chấm phẩy, trên một dòng.`,
  duplicateUnitCode: (code: string, rows: number[]) =>
    `Mã đơn vị ${q(code)} bị trùng với dòng ${rowList(rows)}. Mỗi đơn vị cần một mã riêng.`,
  duplicateUnitName: (name: string, rows: number[]) =>
    `Tên đơn vị ${q(name)} bị trùng với dòng ${rowList(rows)}. Mỗi đơn vị cần một tên riêng.`,
  badDirectoryForm: (text: string, codes: readonly string[]) =>
    `Biểu mẫu ${q(text)} không đúng. Hãy nhập mã một biểu mẫu trong “Danh sách biểu mẫu”: ${codes.length > 1 ? `${codes.slice(0, -1).join(', ')} hoặc ${codes[codes.length - 1]}` : codes.join('')}.`,
  badDirectoryCommunes: (text: string) =>
    `Số xã, phường, thị trấn ${q(text)} không đúng. Hãy nhập một số nguyên từ 0 trở lên, hoặc để trống.`,
  badDirectoryMonth: (header: string, text: string) =>
    `${q(header)} ${q(text)} không đúng. Hãy nhập tháng dạng MM/YYYY (ví dụ 07/2025), hoặc để trống nếu không giới hạn.`,
  badDirectoryRange: (from: string, to: string) => `“Từ kỳ” (${from}) sau “Đến kỳ” (${to}). Kiểm tra lại hai kỳ này.`,
  badDirectoryActive: (text: string) => `Hoạt động ${q(text)} không đúng. Hãy nhập “Có” hoặc “Không” (để trống là Có).`,
  badSetting: (name: string, text: string, expected: string, fallback: string) =>
    `Giá trị ${q(text)} của “${name}” không đúng: cần ${expected}. Đang dùng giá trị mặc định (${clip(fallback)}) cho đến khi sửa.`,
  badPlaceholder: (name: string, placeholders: string[], allowed: readonly string[]) =>
    `“${name}” có chỗ điền không biết: ${placeholders.map((p) => `{${clip(p, 30)}}`).join(', ')}. Chỉ dùng ${allowed.map((p) => `{${p}}`).join(', ')}. Đang dùng mẫu mặc định cho đến khi sửa.`,
} as const;

/** What each setting format expects, for bad_setting messages. */
export const SETTING_FORMAT: Record<string, string> = {
  text: 'một đoạn văn bản',
  emails: 'các địa chỉ email cách nhau bằng dấu phẩy',
  month: 'một tháng dạng MM/YYYY, ví dụ 06/2024',
  day: 'một số nguyên từ 1 đến 28',
  date: 'một ngày dạng dd/MM/yyyy, ví dụ 28/06/2024',
  offsets: 'các số nguyên khác 0, khác nhau, cách nhau bằng dấu phẩy, ví dụ -7, -2, 1',
  hour: 'một số nguyên từ 0 đến 23',
  yesno: '“Có” hoặc “Không”',
  int: 'một số nguyên từ 0 trở lên',
  closeDays: 'một số nguyên từ 0 đến 27',
  template: 'một đoạn văn bản',
};

/** The status cell of a form row. */
export const STATUS = {
  valid: 'Hợp lệ',
  /** A row still being typed (marks.ts): only required cells left blank. */
  partial: (blank: number) => `Còn ${blank} ô trống`,
  partialNote: (blank: number, headers: string[]) =>
    `Còn ${blank} ô chưa nhập: ${headers.map((h) => `“${clip(h, 60)}”`).join(', ')}. Dòng được tính khi đã nhập đủ các ô bắt buộc.`,
  counts: (errors: number, warnings: number) =>
    [errors ? `${errors} lỗi` : '', warnings ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', '),
} as const;
