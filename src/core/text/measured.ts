// VNNIC's measured i-Speed samples (tab `Dữ liệu i-Speed`): the tab's problems and how the report shows them.

/** The headers a VNNIC table may use for each column (compared as form headers are, and without a `(…)` tail). */
export const MEASURED_HEADERS = {
  locality: [
    'Xã/Phường',
    'Xã, phường',
    'Xã/Phường/Đặc khu',
    'Xã, phường, thị trấn',
    'Xã/Phường/Thị trấn',
    'Đơn vị hành chính',
    'Địa bàn',
    'Địa phương',
    'Tên',
    'Tên địa bàn',
    'Tên đơn vị',
    'Đơn vị',
  ],
  /** A district column: the locality of a row whose commune cell is blank (a district's own row, or a district table). */
  district: ['Quận/Huyện', 'Huyện', 'Huyện/Thị xã/Thành phố', 'Quận, huyện'],
  province: ['Tỉnh/Thành phố', 'Tỉnh/TP', 'Tỉnh', 'Tỉnh, thành phố'],
  month: ['Tháng', 'Kỳ', 'Thời gian', 'Kỳ báo cáo', 'Tháng/Năm', 'Tháng báo cáo'],
  samples: ['Số mẫu', 'Số lượt đo', 'Mẫu đo', 'Tổng số mẫu', 'Số mẫu đo', 'Tổng số mẫu đo', 'Số lượng mẫu', 'Tổng số lượt đo'],
  download: ['Tốc độ tải xuống', 'Tốc độ tải xuống trung bình', 'Download', 'Tốc độ download', 'Tải xuống'],
  upload: ['Tốc độ tải lên', 'Tốc độ tải lên trung bình', 'Upload', 'Tốc độ upload', 'Tải lên'],
} as const;

/** Labels before a month that names the whole table (`Kỳ: 07/2024`, `Tháng 07/2024`, `Thời gian: 7/2024`). */
export const MEASURED_MONTH_LABEL =
  /(?:^|[\s(,;:–-])(?:kỳ báo cáo|kỳ|tháng|thời gian)\s*:?\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})(?!\d)/;

/** A date range within one month (`Từ ngày 01/07/2024 đến ngày 31/07/2024`): that month names the table. */
export const MEASURED_DAY_RANGE =
  /từ\s*(?:ngày)?\s*\d{1,2}\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*(?:đến|-|–)\s*(?:ngày)?\s*\d{1,2}\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/;

/** Locality texts that are the province (its total), not a locality: `Tỉnh Gia Lai`, `Toàn tỉnh`, `Tổng cộng`. */
export const PROVINCE_TOTAL = /^(tỉnh|toàn tỉnh|tổng|tổng cộng|tổng số|cộng|cả tỉnh)(\s|$)/;

export const MEASURED_MSG = {
  noHeader: (samples: string, locality: string) =>
    `Không tìm thấy dòng tiêu đề của bảng VNNIC: cần một cột địa bàn (ví dụ “${locality}”) và một cột số mẫu (ví dụ “${samples}”). Dán nguyên bảng tải từ cổng VNNIC, kể cả dòng tiêu đề.`,
  noMonth: (month: string) =>
    `Bảng không có cột “${month}” và không có ô ghi kỳ phía trên bảng: thêm một ô “Kỳ: MM/YYYY” (ví dụ “Kỳ: 07/2024”) phía trên bảng, hoặc một cột tháng.`,
  badMonth: (header: string, text: string) => `“${text}” ở cột “${header}” không phải là một tháng; ghi dạng MM/YYYY, ví dụ 07/2024.`,
  notNumber: (header: string, text: string) => `“${text}” ở cột “${header}” không đọc được thành số; ghi số như VNNIC, ví dụ 1.234.`,
  notInteger: (header: string, text: string) => `Số mẫu ở cột “${header}” phải là số nguyên: “${text}”.`,
  notIntegerThousands: (text: string, thousands: number) =>
    `“${text}” là số thập phân; nếu đây là ${thousands} mẫu (dấu chấm phân cách hàng nghìn), hãy nhập ${thousands}.`,
  negative: (header: string, text: string) => `Số ở cột “${header}” không được âm: “${text}”.`,
  unmatched: (text: string, closest: string[]) =>
    `Địa bàn “${text}” không khớp với đơn vị nào trong Danh mục đơn vị: số mẫu đo của địa bàn này chưa được tính cho đơn vị nào.` +
    `${closest.length ? ` Có phải là ${closest.map((n) => `“${n}”`).join(' hay ')}?` : ''} Thêm tên này vào cột “Tên gọi khác” của đơn vị tương ứng.`,
  ambiguous: (text: string, units: string[]) =>
    `Địa bàn “${text}” khớp với nhiều đơn vị (${units.join('; ')}): ghi tên đầy đủ hoặc thêm vào “Tên gọi khác” của đúng đơn vị.`,
  duplicate: (name: string, month: string, rows: number[]) =>
    `Đơn vị ${name} có nhiều dòng số mẫu đo tháng ${month} (dòng ${rows.join(', ')}): giữ một dòng; các dòng này chưa được tính.`,
};

export const MEASURED_TEXT = {
  section: 'VI. SỐ MẪU ĐO I-SPEED THEO ĐỊA BÀN (VNNIC)',
  title: (form: string, group: string) => `${form} (${group}): số mẫu đo i-Speed do VNNIC đo được`,
  headers: ['Mã đơn vị', 'Tên đơn vị', 'Số mẫu đo (VNNIC)', 'Chỉ tiêu', 'Tháng trước', 'Thay đổi', 'Đơn vị tự báo cáo', 'Ghi chú'],
  notListed: 'Không có trong bảng VNNIC (tính là 0)',
  unreadable: 'Số liệu VNNIC có lỗi, chưa tính',
  mismatch: 'Tự báo cáo chênh quá 50% so với VNNIC',
  below: 'Chưa đạt chỉ tiêu',
  atTarget: 'Đạt chỉ tiêu',
  summary: (at: number, total: number, target: number) => `Đạt chỉ tiêu ${target} mẫu/tháng: ${at}/${total} đơn vị`,
  belowList: 'Chưa đạt (thấp nhất trước)',
  unmatchedList: 'Địa bàn trong bảng VNNIC không khớp đơn vị nào',
  noData: 'Chưa có số liệu VNNIC cho kỳ này (tab Dữ liệu i-Speed).',
  chartTitle: (target: number) => `Số mẫu đo i-Speed theo đơn vị (VNNIC) so với chỉ tiêu ${target} mẫu`,
  chartSeries: ['Đơn vị', 'Số mẫu đo (VNNIC)', 'Chỉ tiêu'],
  // The printable document.
  docCaption: (form: string) => `Bảng số mẫu đo i-Speed theo đơn vị, ${form} (số liệu VNNIC)`,
  docHeaders: ['STT', 'Tên đơn vị', 'Số mẫu đo (VNNIC)', 'Thay đổi so với tháng trước', 'Đơn vị tự báo cáo'],
  docParagraph: (form: string, at: number, total: number, target: number, below: string, unmatched: string[]) =>
    `${form}: theo số liệu đo của VNNIC, ${at}/${total} đơn vị đạt chỉ tiêu ${target} mẫu đo i-Speed trong tháng` +
    `${below ? `; chưa đạt: ${below}` : ''}` +
    `${unmatched.length ? `; ${unmatched.length} địa bàn trong bảng VNNIC chưa khớp với đơn vị nào trong danh mục (${unmatched.join(', ')})` : ''}.`,
  /** Beside the units' own count of who reached the target, in the same sentence, so the two are never confused. */
  docBeside: (at: number, total: number) => `theo số liệu đo của VNNIC là ${at}/${total} đơn vị (chi tiết tại bảng số mẫu đo của VNNIC)`,
  docMismatch: (names: string) => ` Số mẫu đo do đơn vị tự báo cáo chênh lệch quá 50% so với số liệu VNNIC: ${names}.`,
  // The sidebar line.
  sidebar: (at: number, total: number, target: number, unmatched: number) =>
    `Mẫu đo VNNIC: ${at}/${total} đơn vị đạt ${target} mẫu${unmatched ? `; ${unmatched} địa bàn chưa khớp` : ''}`,
};

const FETCH_AGAIN = 'hãy tải lại bảng số mẫu đo từ cổng VNNIC (.xlsx hoặc .csv)';

/** `ispeed report … --samples FILE.xlsx|.csv`. */
export const MEASURED_CLI = {
  help: '  --samples FILE       bảng số mẫu đo i-Speed tải từ VNNIC (.xlsx hoặc .csv) thay cho tab Dữ liệu i-Speed',
  notFound: (path: string) => `Không tìm thấy tệp số mẫu đo ${path}.`,
  badType: (path: string) => `Tệp số mẫu đo ${path} phải là .xlsx hoặc .csv.`,
  unreadable: (path: string, why: string) => `Không đọc được tệp số mẫu đo ${path} (${why}): ${FETCH_AGAIN}.`,
  empty: (path: string) => `Tệp số mẫu đo ${path} không có số liệu nào: ${FETCH_AGAIN}.`,
  /** A table-level problem of the file (no header row, no month): nothing in it could count. */
  unusable: (path: string, row: number, why: string) => `Không dùng được tệp số mẫu đo ${path} (dòng ${row}): ${why}`,
  problems: (path: string, errors: number, warnings: number) => `Tệp số mẫu đo ${path}: ${errors} lỗi, ${warnings} cảnh báo.`,
  problem: (severity: 'error' | 'warning', row: number, column: string, message: string) =>
    `  ${severity === 'error' ? 'Lỗi' : 'Cảnh báo'} dòng ${row}${column ? `, cột “${column}”` : ''}: ${message}`,
};
